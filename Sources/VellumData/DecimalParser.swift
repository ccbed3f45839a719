/// Reads plain decimal numbers (`-12.5`, `3e-4`) straight from UTF-8 bytes, exactly rounded: Clinger's fast path
/// (a digit string of at most 2⁵³ and a power of ten within ±22, so one correctly rounded multiply or divide
/// gives the nearest Double), else Eisel–Lemire (any digit string of at most 19 digits, one or two 64×128-bit
/// products with a table of powers of five: the 17 significant digits pandas and NumPy write), digits taken eight
/// at a time from one 64-bit load. Anything else — more digits, hex, `inf`, spaces, a value past Double's range —
/// returns nil for `strtod`.
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
  /// caller checks what follows); nil where ``parse(_:)`` would refuse the number (more than 19 digits, a value
  /// past Double's normal range, 40 bytes or more, no digits). A CSV cell parses in place with no scan for its end.
  @inline(__always)
  static func prefix(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: Double, end: Int)? {
    if let read = short(bytes, from: start) { return read }
    return general(bytes, from: start)
  }

  /// The common cell — an optional sign, then at most 15 digits with at most one point, ending within 16 bytes
  /// at anything but an exponent — read with no branch on where its digits fall: masks of two 64-bit loads find
  /// the token's end and its point, the point is squeezed out, and the digits are combined eight at a time. A
  /// digit-by-digit reader mispredicts where the integer part ends, whether it is a lone zero and whether the
  /// fraction starts with zeros, several times per number. nil hands the cell to ``general(_:from:)``, which
  /// gives the same value and end for everything this accepts.
  @inline(__always)
  static func short(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: Double, end: Int)? {
    guard start + 17 <= bytes.count else { return nil }
    let sign = bytes[start]
    let negative = sign == UInt8(ascii: "-")
    let first = start &+ ((sign &- 43) & 0xFD == 0 ? 1 : 0)
    let raw = UnsafeRawPointer(bytes.baseAddress!)
    let low = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: first, as: UInt64.self))
    let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: first &+ 8, as: UInt64.self))
    let word = UInt128(high) << 64 | UInt128(low)
    let pointLow = ByteMask.equal(low, UInt8(ascii: "."))
    let pointHigh = ByteMask.equal(high, UInt8(ascii: "."))
    let stops = UInt128(ByteMask.nonDigits(high) & ~pointHigh) << 64 | UInt128(ByteMask.nonDigits(low) & ~pointLow)
    guard stops != 0 else { return nil }
    let length = stops.trailingZeroBitCount &>> 3
    // An exponent is the general reader's.
    guard UInt8(truncatingIfNeeded: word &>> UInt128(8 &* length)) | 0x20 != UInt8(ascii: "e") else { return nil }
    let token: UInt128 = (1 &<< UInt128(8 &* length)) &- 1
    let point = (UInt128(pointHigh) << 64 | UInt128(pointLow)) & token
    guard point & (point &- 1) == 0 else { return nil }
    let hasPoint = point != 0
    let digits = length &- (hasPoint ? 1 : 0)
    guard digits > 0 else { return nil }
    // Bytes after the point move down over it; without a point nothing within the token moves.
    let pointAt = hasPoint ? point.trailingZeroBitCount &>> 3 : length
    let before: UInt128 = (1 &<< UInt128(8 &* pointAt)) &- 1
    let squeezed = (word & before) | ((word &>> 8) & ~before)
    // Digits (no borrow within them: each byte is at least '0'), moved to the top so the 16 places read as 16
    // digits with leading zeros.
    let kept: UInt128 = (1 &<< UInt128(8 &* digits)) &- 1
    let places = ((squeezed &- 0x3030_3030_3030_3030_3030_3030_3030_3030) & kept) &<< UInt128(8 &* (16 &- digits))
    let mantissa =
      eightDigits(UInt64(truncatingIfNeeded: places)) &* 100_000_000
      &+ eightDigits(UInt64(truncatingIfNeeded: places &>> 64))
    // At most 15 digits: below 2⁵³, and 10^fraction is exact, so one division is exactly rounded.
    let fraction = hasPoint ? length &- pointAt &- 1 : 0
    let value = Double(mantissa) / power(fraction)
    return (Double(bitPattern: value.bitPattern | (UInt64(negative ? 1 : 0) << 63)), first &+ length)
  }

  /// Eight bytes of digit values 0…9, the first byte the most significant, as one number (fast_float's SWAR).
  @inline(__always)
  private static func eightDigits(_ word: UInt64) -> UInt64 {
    let lowBytes: UInt64 = 0x0000_00FF_0000_00FF
    let pairs: UInt64 = 100 + (1_000_000 << 32)
    let quads: UInt64 = 1 + (10_000 << 32)
    let value = word &* 10 &+ (word >> 8)
    let high: UInt64 = (value & lowBytes) &* pairs
    let low: UInt64 = ((value >> 16) & lowBytes) &* quads
    return (high &+ low) >> 32
  }

  /// ``prefix(_:from:)`` digit by digit: every form it reads.
  @inline(__always)
  static func general(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: Double, end: Int)? {
    var index = start
    let count = min(bytes.count, start + 40)
    guard index < count else { return nil }
    // The sign, without branches (half of a sample's numbers are negative: a branch would guess wrong half the
    // time): '+' (43) and '-' (45) are the bytes whose difference from 43, bit 1 aside, is zero.
    let sign = bytes[index]
    let negative = sign == UInt8(ascii: "-")
    index &+= (sign &- 43) & 0xFD == 0 ? 1 : 0
    var mantissa: UInt64 = 0
    let integerStart = index
    // Leading zeros are no digits of the mantissa: `0.00012345678901234567` has 17 significant digits, not 22
    // (pandas writes small values so).
    while index < count, bytes[index] == UInt8(ascii: "0") { index += 1 }
    var digits = readDigits(bytes, &index, limit: count, into: &mantissa)
    var exponent = 0
    var sawDigit = index > integerStart
    if index < count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      let fractionStart = index
      if digits == 0 {
        while index < count, bytes[index] == UInt8(ascii: "0") { index += 1 }
      }
      digits += readDigits(bytes, &index, limit: count, into: &mantissa)
      exponent = fractionStart - index
      sawDigit = sawDigit || index > fractionStart
    }
    // Up to 19 digits cannot wrap 64 bits.
    guard sawDigit, digits <= 19 else { return nil }
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
    guard index < start + 40 else { return nil }
    let value: Double
    if mantissa <= 1 << 53, abs(exponent) <= 22 {
      // Up to 2⁵³ the digit string is exactly a Double, and so is 10^|exponent|.
      value = exponent >= 0 ? Double(mantissa) * power(exponent) : Double(mantissa) / power(-exponent)
    } else {
      guard let computed = eiselLemire(mantissa, exponent) else { return nil }
      value = computed
    }
    return (Double(bitPattern: value.bitPattern | (UInt64(negative ? 1 : 0) << 63)), index)
  }

  /// w × 10^q exactly rounded to the nearest Double (ties to even), for w < 2⁶⁴: Eisel and Lemire's algorithm as
  /// fast_float implements it (Lemire, "Number Parsing at a Gigabyte per Second", 2021). The product of w and a
  /// 128-bit truncation of 5^q always decides the rounding for an exact w. nil where the value is not a finite,
  /// normal-range result the fast path may return: past ±10³⁰⁸ (infinite) or below 10⁻³⁴² (the caller's strtod
  /// says what such cells are).
  @inline(__always)
  static func eiselLemire(_ digits: UInt64, _ q: Int) -> Double? {
    if digits == 0 { return 0 }
    guard q >= -342, q <= 308 else { return nil }
    let leadingZeros = digits.leadingZeroBitCount
    let w = digits << UInt64(leadingZeros)
    let index = 2 * (q + 342)
    var (high, low) = w.multipliedFullWidth(by: powersOfFive[index])
    // Only when the bits below the 55 that matter are all ones can the truncated table's low half change them.
    if high & 0x1FF == 0x1FF {
      let second = w.multipliedFullWidth(by: powersOfFive[index + 1]).high
      let (sum, carry) = low.addingReportingOverflow(second)
      low = sum
      if carry { high &+= 1 }
    }
    let upper = Int(high >> 63)
    let shift = UInt64(upper + 9)
    var mantissa = high >> shift
    // The binary exponent: floor(q × log2(10)) + 63, with the normalization's shifts, biased by 1023.
    var power2 = (((152_170 + 65_536) * q) >> 16) + 63 + upper - leadingZeros + 1023
    if power2 <= 0 {
      // Subnormal results are rare in data: strtod rounds them.
      return nil
    }
    // Exactly halfway between two Doubles (possible only for small |q|): round to even, not up.
    if low <= 1, q >= -4, q <= 23, mantissa & 3 == 1, mantissa << shift == high {
      mantissa &= ~1
    }
    mantissa += mantissa & 1
    mantissa >>= 1
    if mantissa >= 2 << 52 {
      mantissa = 1 << 52
      power2 += 1
    }
    mantissa &= ~(1 << 52)
    guard power2 < 0x7FF else { return nil }
    return Double(bitPattern: UInt64(power2) << 52 | mantissa)
  }

  /// Reads the run of ASCII digits at `index` (stopping at `limit`) onto `mantissa` (wrapping past 19 digits,
  /// which the caller refuses) and returns how many there were. Eight bytes are looked at per step: a mask finds
  /// the first non-digit, and the digits before it are combined by three multiplies (fast_float's SWAR).
  @inline(__always)
  private static func readDigits(
    _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, limit: Int, into mantissa: inout UInt64
  ) -> Int {
    var count = 0
    let raw = UnsafeRawPointer(bytes.baseAddress!)
    while index + 8 <= limit {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      // A byte's high bit is set unless it is '0'…'9'; borrows and carries reach only bytes after the first flagged.
      let flagged = ((word &+ 0x4646_4646_4646_4646) | (word &- 0x3030_3030_3030_3030)) & 0x8080_8080_8080_8080
      let run = flagged == 0 ? 8 : flagged.trailingZeroBitCount / 8
      guard run > 0 else { return count }
      // The run's digits moved to the top of the word, zeros below: an eight-digit number with leading zeros.
      let value = eightDigits((word &- 0x3030_3030_3030_3030) << UInt64(8 * (8 - run)))
      mantissa = mantissa &* power64(run) &+ value
      count += run
      index += run
      if run < 8 { return count }
    }
    while index < limit, bytes[index] &- 48 < 10 {
      mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 48)
      count += 1
      index += 1
    }
    return count
  }

  /// 10ⁿ for 1 ≤ n ≤ 8 as an integer: literals the compiler lays out as a table (a loop of n dependent multiplies
  /// was a tenth of a column's parse).
  @inline(__always)
  private static func power64(_ n: Int) -> UInt64 {
    switch n {
    case 1: return 10
    case 2: return 100
    case 3: return 1000
    case 4: return 10000
    case 5: return 100_000
    case 6: return 1_000_000
    case 7: return 10_000_000
    case 8: return 100_000_000
    default: return 1
    }
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
