import VellumScene
import VellumSpec

/// A legend drawn over data: points its panel's series draw (line vertices, markers, bar corners) inside the
/// legend's box. `best` placement avoids them; a fixed location may not.
struct LegendOverDataCheck: LintCheck {
  let check = LintSpec.Check.legendOverData

  func findings(in figure: DrawnFigure, context: LintContext) -> [LintFinding] {
    figure.legends.compactMap { legend in
      let covered = (figure.dataPoints[legend.panel] ?? []).filter { legend.box.contains($0.point) }
      guard let first = covered.first else { return nil }
      let roles = Set(covered.map(\.role)).sorted()
      return LintFinding(
        check: check,
        message: "the legend covers \(covered.count) data point\(covered.count == 1 ? "" : "s") of "
          + roles.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (roles.count > 3 ? "…" : "")
          + " (the first at \(Format.points(first.point.x)), \(Format.points(first.point.y)) pt); give it "
          + "location: best or an outside location", location: legend.source ?? context.figureLocation)
    }
  }
}
