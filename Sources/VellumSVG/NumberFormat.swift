import Foundation

/// The one number format of Vellum's SVG: integers print as integers, the rest round to 3 decimals
/// (a thousandth of a point), never exponent notation and never `-0`, so output is reproducible.
public enum NumberFormat {
  public static func format(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let scaled = (value * 1000).rounded()
    // Layout keeps coordinates within ±1e6; this only keeps a stray huge value from trapping.
    guard abs(scaled) < 9e15 else { return String(format: "%.0f", value) }
    let thousandths = Int64(scaled)
    if thousandths == 0 { return "0" }
    let sign = thousandths < 0 ? "-" : ""
    let magnitude = thousandths.magnitude
    let whole = magnitude / 1000
    let fraction = magnitude % 1000
    if fraction == 0 { return "\(sign)\(whole)" }
    var digits = String(fraction)
    digits = String(repeating: "0", count: 3 - digits.count) + digits
    while digits.hasSuffix("0") { digits.removeLast() }
    return "\(sign)\(whole).\(digits)"
  }
}

extension NumberFormat {
  /// A data value exactly: the shortest text that reads back as the same Double (`0.24`, `6.309573444801933`,
  /// `1e-05`), integers without `.0`, never `-0`. Page coordinates use ``format(_:)`` instead.
  public static func exact(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    if value == 0 { return "0" }
    let text = "\(value)"
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}
