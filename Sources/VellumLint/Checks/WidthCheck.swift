import VellumSpec

/// A figure wider than its printed width (the venue's column, `--width` or `lint.width`): it would be scaled down,
/// its text with it.
struct WidthCheck: LintCheck {
  let check = LintSpec.Check.width

  func findings(in figure: DrawnFigure, context: LintContext) -> [LintFinding] {
    guard let target = context.targetWidth, figure.width > target + 0.5 else { return [] }
    return [
      LintFinding(
        check: check,
        message:
          "the figure is \(Format.points(figure.width / 72)) in wide, wider than the \(Format.points(target / 72)) in "
          + "it is printed at; give width: column or a size that fits", location: context.figureLocation)
    ]
  }
}
