import Foundation
import VellumSpec

/// Turns tick values into label text.
enum TickFormatter {
  static func labels(_ values: [Double], format: AxisSpec.TickFormat, decimals: Int?) -> [String] {
    switch format {
    case .auto:
      let places = decimals ?? commonDecimals(values)
      return values.map { fixed($0, places) }
    case .si:
      return values.map { si($0, decimals: decimals) }
    }
  }

  /// The fewest decimals (up to 10) that print every value exactly.
  static func commonDecimals(_ values: [Double]) -> Int {
    for places in 0...10 {
      let factor = pow(10, Double(places))
      let exact = values.allSatisfy { value in
        let scaled = value * factor
        return abs(scaled - scaled.rounded()) <= 1e-6 * max(1, abs(scaled))
      }
      if exact { return places }
    }
    return 10
  }

  /// `value` with `places` decimals and a true minus sign (U+2212).
  static func fixed(_ value: Double, _ places: Int) -> String {
    var text = String(format: "%.\(places)f", value)
    if text.hasPrefix("-") {
      let digits = text.dropFirst()
      if digits.allSatisfy({ $0 == "0" || $0 == "." }) { return String(digits) }
      text = "\u{2212}" + digits
    }
    return text
  }

  /// 5000 → 5k, 2500 → 2.5k, 3e6 → 3M, 0 → 0; below 1000 prints as is.
  static func si(_ value: Double, decimals: Int?) -> String {
    if value == 0 { return "0" }
    let prefixes: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
    for (scale, suffix) in prefixes where abs(value) >= scale {
      let scaled = TickLocator.clean(value / scale)
      return fixed(scaled, decimals ?? commonDecimals([scaled])) + suffix
    }
    return fixed(value, decimals ?? commonDecimals([value]))
  }
}
