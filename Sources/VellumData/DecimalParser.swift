/// Reads plain decimal numbers (`-12.5`, `3e-4`) straight from UTF-8 bytes, exactly rounded: Clinger's fast path
/// (at most 15 significant digits and a power of ten within ±22, so one correctly rounded multiply or divide
/// gives the nearest Double). Anything else — more digits, hex, `inf`, spaces — returns nil for `strtod`.
public enum DecimalParser {
  private static let powers: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  static func parse(_ text: String) -> Double? {
    var text = text
    return text.withUTF8 { parse($0) }
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    var index = 0
    let count = bytes.count
    guard count > 0, count < 40 else { return nil }
    var negative = false
    if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
      negative = bytes[0] == UInt8(ascii: "-")
      index = 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var exponent = 0
    var sawDigit = false
    while index < count, bytes[index] &- 48 < 10 {
      if mantissa != 0 || bytes[index] != 48 { digits += 1 }
      mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 48)
      sawDigit = true
      index += 1
    }
    if index < count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < count, bytes[index] &- 48 < 10 {
        if mantissa != 0 || bytes[index] != 48 { digits += 1 }
        mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 48)
        exponent -= 1
        sawDigit = true
        index += 1
      }
    }
    guard sawDigit, digits <= 15 else { return nil }
    if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      var exponentNegative = false
      if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
        exponentNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      var written = 0
      var sawExponentDigit = false
      while index < count, bytes[index] &- 48 < 10 {
        written = written * 10 + Int(bytes[index] &- 48)
        guard written < 10_000 else { return nil }
        sawExponentDigit = true
        index += 1
      }
      guard sawExponentDigit else { return nil }
      exponent += exponentNegative ? -written : written
    }
    guard index == count, abs(exponent) <= 22 else { return nil }
    let value = exponent >= 0 ? Double(mantissa) * powers[exponent] : Double(mantissa) / powers[-exponent]
    return negative ? -value : value
  }

  /// A cell read as a number the way the data stage reads one: surrounding spaces trimmed, plain decimals only
  /// (``isDecimal(_:)``); too large a decimal reads as an infinity, which callers that need finite values refuse.
  public static func number(_ cell: String) -> Double? {
    let trimmed = cell.trimmingCharacters(in: .whitespaces)
    return isDecimal(trimmed[...]) ? Double(trimmed) : nil
  }

  /// Whether `text` is a plain decimal number (sign, digits with one optional point, optional exponent), the only
  /// form data cells are read as numbers in: hex (`0x10`), `infinity` and other forms `Double(_:)` also takes stay
  /// text, as pandas keeps them.
  public static func isDecimal(_ text: Substring) -> Bool {
    var bytes = text.utf8[...]
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
    var digits = 0
    while let byte = bytes.first, byte &- 48 < 10 {
      digits += 1
      bytes = bytes.dropFirst()
    }
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      while let byte = bytes.first, byte &- 48 < 10 {
        digits += 1
        bytes = bytes.dropFirst()
      }
    }
    guard digits > 0 else { return false }
    if let byte = bytes.first, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
      var exponentDigits = 0
      while let byte = bytes.first, byte &- 48 < 10 {
        exponentDigits += 1
        bytes = bytes.dropFirst()
      }
      guard exponentDigits > 0 else { return false }
    }
    return bytes.isEmpty
  }
}
