/// Reads plain decimal numbers (`-12.5`, `3e-4`) straight from UTF-8 bytes, exactly rounded: Clinger's fast path
/// (at most 15 significant digits and a power of ten within ±22, so one correctly rounded multiply or divide
/// gives the nearest Double). Anything else — more digits, hex, `inf`, spaces — returns nil for `strtod`.
public enum DecimalParser {
  /// 10ᵉ for 0 ≤ e ≤ 22, each exactly a Double: literals the compiler lays out as a table (a static array would be
  /// reached through a lazy-initialization check on every number).
  @inline(__always)
  private static func power(_ exponent: Int) -> Double {
    switch exponent {
    case 0: return 1e0
    case 1: return 1e1
    case 2: return 1e2
    case 3: return 1e3
    case 4: return 1e4
    case 5: return 1e5
    case 6: return 1e6
    case 7: return 1e7
    case 8: return 1e8
    case 9: return 1e9
    case 10: return 1e10
    case 11: return 1e11
    case 12: return 1e12
    case 13: return 1e13
    case 14: return 1e14
    case 15: return 1e15
    case 16: return 1e16
    case 17: return 1e17
    case 18: return 1e18
    case 19: return 1e19
    case 20: return 1e20
    case 21: return 1e21
    case 22: return 1e22
    default: return .nan
    }
  }

  static func parse(_ text: String) -> Double? {
    var text = text
    return text.withUTF8 { parse($0) }
  }

  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let (value, end) = prefix(bytes, from: 0), end == bytes.count else { return nil }
    return value
  }

  /// The plain decimal number that starts at `start` in `bytes` and where it ends, read as far as it goes (the
  /// caller checks what follows); nil where ``parse(_:)`` would refuse the number (more than 15 significant digits,
  /// a power of ten beyond ±22, 40 bytes or more, no digits). A CSV cell parses in place with no scan for its end.
  @inline(__always)
  static func prefix(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: Double, end: Int)? {
    var index = start
    let count = min(bytes.count, start + 40)
    guard index < count else { return nil }
    var negative = false
    if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
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
    // A number running to the 40-byte window's end may go on past it: that is parse's "too long".
    guard abs(exponent) <= 22, index < start + 40 else { return nil }
    let value = exponent >= 0 ? Double(mantissa) * power(exponent) : Double(mantissa) / power(-exponent)
    return (negative ? -value : value, index)
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
