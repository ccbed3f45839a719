import Foundation

/// The one number format of Vellum's SVG: integers print as integers, the rest round to 3 decimals
/// (a thousandth of a point), never exponent notation and never `-0`, so output is reproducible.
public enum NumberFormat {
  public static func format(_ value: Double) -> String {
    var bytes: [UInt8] = []
    write(value, into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends ``format(_:)``'s text to `bytes`: path data of a hundred thousand points is written as bytes into
  /// one buffer, not as a string per number joined onto another.
  static func write(_ value: Double, into bytes: inout [UInt8]) {
    guard value.isFinite else { return bytes.append(UInt8(ascii: "0")) }
    let scaled = (value * 1000).rounded()
    // Layout keeps coordinates within ±1e6; this only keeps a stray huge value from trapping.
    guard abs(scaled) < 9e15 else { return bytes.append(contentsOf: String(format: "%.0f", value).utf8) }
    let thousandths = Int64(scaled)
    if thousandths == 0 { return bytes.append(UInt8(ascii: "0")) }
    if thousandths < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = thousandths.magnitude
    writeDigits(magnitude / 1000, into: &bytes)
    let fraction = magnitude % 1000
    guard fraction != 0 else { return }
    // Three decimals without their trailing zeros.
    let (tenths, hundredths, thousandthsDigit) = (fraction / 100, fraction / 10 % 10, fraction % 10)
    bytes.append(UInt8(ascii: "."))
    bytes.append(UInt8(ascii: "0") + UInt8(tenths))
    if hundredths != 0 || thousandthsDigit != 0 { bytes.append(UInt8(ascii: "0") + UInt8(hundredths)) }
    if thousandthsDigit != 0 { bytes.append(UInt8(ascii: "0") + UInt8(thousandthsDigit)) }
  }

  /// The decimal digits of `value`, most significant first.
  private static func writeDigits(_ value: UInt64, into bytes: inout [UInt8]) {
    guard value >= 10 else { return bytes.append(UInt8(ascii: "0") + UInt8(value)) }
    var digits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var rest = value
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      // At most 16 digits (below 9e15 / 1000), well within the 80 bytes.
      while rest > 0 {
        buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
        count += 1
      }
      for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
    }
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
