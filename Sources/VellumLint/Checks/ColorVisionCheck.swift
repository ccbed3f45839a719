import VellumScene
import VellumSpec

/// Two series of one panel whose colours a colour-blind reader cannot tell apart: simulated for protanopia,
/// deuteranopia and tritanopia (Machado et al. 2009) and compared by CIEDE2000, below `min_delta_e`, unless a dash
/// or a marker shape separates them. Colours equal to normal vision (a band and its line) are left alone.
struct ColorVisionCheck: LintCheck {
  let check = LintSpec.Check.colorVision

  func findings(in figure: DrawnFigure, context: LintContext) -> [LintFinding] {
    var findings: [LintFinding] = []
    let panels = Dictionary(grouping: figure.series, by: \.panel)
    for panel in panels.keys.sorted() {
      // Distinct looks only: one series per colour and dash.
      var seen: [DrawnFigure.Series] = []
      for series in panels[panel]!
      where !seen.contains(where: {
        $0.color == series.color && $0.dashes == series.dashes && $0.shapes == series.shapes
      }) {
        seen.append(series)
      }
      for (i, a) in seen.enumerated() {
        for b in seen[(i + 1)...] where a.dashes == b.dashes && a.shapes == b.shapes {
          let normal = ColorScience.deltaE2000(ColorScience.lab(a.color), ColorScience.lab(b.color))
          guard normal >= 1 else { continue }
          let worst = ColorScience.Deficiency.allCases.map { deficiency in
            (
              deficiency,
              ColorScience.deltaE2000(
                ColorScience.lab(ColorScience.simulate(a.color, deficiency)),
                ColorScience.lab(ColorScience.simulate(b.color, deficiency)))
            )
          }.min { $0.1 < $1.1 }!
          guard worst.1 < context.spec.minDeltaE else { continue }
          findings.append(
            LintFinding(
              check: check,
              message: "'\(a.role)' (\(a.color.hex)) and '\(b.role)' (\(b.color.hex)) differ by ΔE2000 "
                + "\(Format.points(worst.1)) under \(worst.0.rawValue) (at least \(Format.points(context.spec.minDeltaE))); "
                + "give them different dashes or markers, or a palette that passes (style: colorblind, Okabe–Ito)",
              location: b.source ?? a.source ?? context.figureLocation))
        }
      }
    }
    return findings
  }
}
