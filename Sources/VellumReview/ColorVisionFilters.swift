import Foundation
import VellumLint

/// SVG filters showing a page's figures as readers with a colour-vision deficiency see them, for the gallery's and
/// `vellum serve`'s "Colour vision" menus: Machado et al.'s matrices on linear RGB (SVG filters' default colour
/// space), as `render --simulate` applies them.
public enum ColorVisionFilters {
  /// The deficiencies' names, which are also the filters' ids.
  public static var names: [String] { ColorScience.Deficiency.allCases.map(\.rawValue) }

  /// A hidden `<svg>` defining one filter per deficiency, `filter: url(#deuteranopia)` in CSS.
  public static var definitions: String {
    """
    <svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>
    \(ColorScience.Deficiency.allCases.map(filter).joined(separator: "\n"))
    </defs></svg>
    """
  }

  private static func filter(_ deficiency: ColorScience.Deficiency) -> String {
    let rows = deficiency.matrix.map { row in row.map { String(format: "%.6f", $0) }.joined(separator: " ") + " 0 0" }
    return "<filter id=\"\(deficiency.rawValue)\" color-interpolation-filters=\"linearRGB\">"
      + "<feColorMatrix type=\"matrix\" values=\"\(rows.joined(separator: " ")) 0 0 0 1 0\"/></filter>"
  }
}
