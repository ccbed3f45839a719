import Foundation

/// Converts lengths written as `6.5in`, `16cm`, `12mm`, `468pt`, `468bp` or a bare number to points.
public enum Length {
  public static func points(_ text: String, bareUnit: Double) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    // `pt` and `bp` are both PostScript points (72 per inch), the unit of SVG and PDF.
    let units: [(String, Double)] = [("in", 72), ("cm", 72 / 2.54), ("mm", 72 / 25.4), ("pt", 1), ("bp", 1)]
    for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
      guard let value = Double(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)),
        value.isFinite
      else { return nil }
      return value * factor
    }
    guard let value = Double(trimmed), value.isFinite else { return nil }
    return value * bareUnit
  }
}
