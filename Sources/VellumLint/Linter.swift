import Foundation
import Vellum
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `vellum lint`: the camera-ready checks run on a laid-out figure, each finding a located warning.
public enum Linter {
  /// Every check, in the order findings are listed. Adding one is a file in `Checks` and a line here.
  static let checks: [any LintCheck] = [
    WidthCheck(), TextSizeCheck(), ContrastCheck(), OverlapCheck(), LegendOverDataCheck(), ResolutionCheck(),
    ColorVisionCheck(),
  ]

  /// The findings on `figure` printed at `width` points (nil: `lint.width`, else as drawn), silenced checks left out.
  public static func lint(_ figure: Figure, width: Double? = nil) throws -> [LintFinding] {
    let scene = try figure.scene()
    let spec = figure.spec.lint
    let target = width ?? spec.width
    let context = LintContext(
      spec: spec, scale: target.map { $0 / scene.width } ?? 1, targetWidth: target,
      figureLocation: figure.spec.sizeLocation)
    let drawn = DrawnFigure(scene)
    // Panels drawn from one spec block (facets) find the same thing once.
    var seen: [LintFinding] = []
    for finding in checks.filter({ !spec.ignore.contains($0.check) }).flatMap({
      $0.findings(in: drawn, context: context)
    })
    where !seen.contains(finding) {
      seen.append(finding)
    }
    return seen
  }
}
