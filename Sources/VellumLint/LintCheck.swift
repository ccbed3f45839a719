import VellumDiagnostics
import VellumSpec

/// One camera-ready check: what it flags in a drawn figure. Each check is one file in `Checks` and one line of
/// ``Linter/checks``; its name and meaning are declared once, in ``LintSpec/Check``.
protocol LintCheck: Sendable {
  var check: LintSpec.Check { get }
  func findings(in figure: DrawnFigure, context: LintContext) -> [LintFinding]
}

/// What every check reads besides the figure: the thresholds and the width it is printed at.
struct LintContext {
  var spec: LintSpec
  /// Points on the page per point drawn: the printed width over the figure's width.
  var scale: Double
  /// The printed width in points, when one was given (`--width`, `lint.width` or a venue style).
  var targetWidth: Double?
  /// Where findings without a place of their own point: the figure's size (or the spec's start).
  var figureLocation: SourceLocation?
}

/// One finding: the check, what it found, and where the spec declared what it concerns.
public struct LintFinding: Sendable, Equatable {
  public var check: LintSpec.Check
  public var message: String
  public var location: SourceLocation?

  /// The finding as a located warning line: `file:line:col: warning: [check] message`.
  public var warning: VellumWarning { VellumWarning("[\(check.rawValue)] \(message)", at: location) }
}
