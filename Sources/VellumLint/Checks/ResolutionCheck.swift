import VellumSpec

/// An embedded image (a dense heatmap) with fewer than `min_dpi` pixels per inch at the printed width.
struct ResolutionCheck: LintCheck {
  let check = LintSpec.Check.resolution

  func findings(in figure: DrawnFigure, context: LintContext) -> [LintFinding] {
    figure.images.compactMap { image in
      let inches = image.rect.width * context.scale / 72
      guard inches > 0 else { return nil }
      let dpi = Double(image.width) / inches
      guard dpi < context.spec.minDPI else { return nil }
      return LintFinding(
        check: check,
        message: "an embedded image of \(image.width)×\(image.height) px is \(Format.points(dpi)) dpi at the printed "
          + "width (at least \(Format.points(context.spec.minDPI)) dpi); draw fewer, larger cells or a smaller figure",
        location: image.source ?? context.figureLocation)
    }
  }
}
