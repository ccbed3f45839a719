import Foundation

/// Python's format-spec mini-language (`.3f`, `.2%`, `,d`, `+.1e`, `>8.2f`, `g`), as `format(value, spec)` writes
/// numbers and text, for templates (`{auc:.3f}`) and text formats. Types: f F e E g G % d s, or none.
public struct FormatSpec: Sendable, Equatable {
  public enum Alignment: Character, Sendable {
    case left = "<"
    case right = ">"
    case center = "^"
    case afterSign = "="
  }
  public enum Sign: Character, Sendable {
    case minusOnly = "-"
    case always = "+"
    case space = " "
  }

  public var fill: Character = " "
  public var alignment: Alignment?
  public var sign: Sign = .minusOnly
  /// `z`: a negative zero after rounding is written as zero.
  public var coerceZero = false
  /// `#`: `g` keeps its trailing zeros; `f`, `e`, `%` keep the point at precision 0.
  public var alternate = false
  public var width = 0
  /// `,` or `_` between thousands of the integer part.
  public var grouping: Character?
  public var precision: Int?
  public var type: Character?

  /// Widths and precisions past these only make huge strings: refused as errors.
  static let maxWidth = 200
  static let maxPrecision = 50

  /// Reads `spec` (the part after `:` in `{name:spec}`); throws a message saying what is wrong.
  public init(_ spec: String) throws {
    var rest = Substring(spec)
    func take(_ allowed: (Character) -> Bool) -> Character? {
      guard let first = rest.first, allowed(first) else { return nil }
      rest.removeFirst()
      return first
    }
    // [[fill]align]: a fill needs an alignment right after it.
    if rest.count >= 2, let align = Alignment(rawValue: rest[rest.index(after: rest.startIndex)]) {
      fill = rest.first!
      alignment = align
      rest.removeFirst(2)
    } else if let first = rest.first, let align = Alignment(rawValue: first) {
      alignment = align
      rest.removeFirst()
    }
    if let sign = take({ Sign(rawValue: $0) != nil }) { self.sign = Sign(rawValue: sign)! }
    coerceZero = take { $0 == "z" } != nil
    alternate = take { $0 == "#" } != nil
    if take({ $0 == "0" }) != nil, alignment == nil {
      fill = "0"
      alignment = .afterSign
    }
    width = try Self.number(&rest, what: "width", limit: Self.maxWidth) ?? 0
    grouping = take { $0 == "," || $0 == "_" }
    if take({ $0 == "." }) != nil {
      guard let precision = try Self.number(&rest, what: "precision", limit: Self.maxPrecision) else {
        throw FormatSpecError("'\(spec)': a '.' needs a precision after it, as in .3f")
      }
      self.precision = precision
    }
    type = take { "fFeEgG%ds".contains($0) }
    guard rest.isEmpty else {
      throw FormatSpecError(
        "'\(spec)' is not a format: expected [[fill]align][sign][z][#][0][width][,][.precision][type] with type one of "
          + "f, e, g, %, d, s (as Python's format), found '\(rest)'")
    }
    if type == "s", sign != .minusOnly || grouping != nil || alignment == .afterSign {
      throw FormatSpecError("'\(spec)': a sign, grouping or '=' alignment needs a number, not text (type s)")
    }
    if type == "d", precision != nil {
      throw FormatSpecError("'\(spec)': a precision is not allowed with type d (whole numbers)")
    }
  }

  private static func number(_ rest: inout Substring, what: String, limit: Int) throws -> Int? {
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty else { return nil }
    rest.removeFirst(digits.count)
    guard digits.count <= 4, let value = Int(digits), value <= limit else {
      throw FormatSpecError("a format \(what) of \(digits) is more than the limit of \(limit)")
    }
    return value
  }

  /// Whether the spec writes numbers only (a type other than `s`, a sign, or grouping).
  public var wantsNumber: Bool {
    (type != nil && type != "s") || sign != .minusOnly || grouping != nil || alignment == .afterSign
  }

  /// `value` written as Python's `format(value, spec)` writes a float; `d` needs a whole number.
  public func format(_ value: Double) throws -> String {
    var body: String
    var negative = value.sign == .minus && !value.isNaN
    let magnitude = abs(value)
    if !value.isFinite {
      body = value.isNaN ? "nan" : "inf"
      if type.map({ "FEG".contains($0) }) == true { body = body.uppercased() }
      if type == "%" { body += "%" }
    } else {
      switch type {
      case "d":
        guard magnitude == magnitude.rounded() else {
          throw FormatSpecError("format type d writes whole numbers, found \(FormatSpec.plain(value))")
        }
        body = String(format: "%.0f", magnitude)
        negative = value < 0
      case "f", "F": body = String(format: "%.\(precision ?? 6)f", magnitude)
      case "%": body = String(format: "%.\(precision ?? 6)f", magnitude * 100)
      case "e", "E": body = Self.exponent(magnitude, digits: precision ?? 6, upper: type == "E")
      case "g", "G": body = general(magnitude, precision: precision ?? 6, upper: type == "G", keepZeros: alternate)
      case nil:
        // Python's none type: with a precision, like g but never dropping the last ".0"; without, Vellum's
        // plain form (at most 12 significant digits, no float noise) where Python would write repr.
        if let precision {
          body = general(magnitude, precision: max(precision, 1), upper: false, keepZeros: alternate)
        } else {
          body = FormatSpec.plain(magnitude)
        }
      default:
        throw FormatSpecError("format type \(type!) writes text, not the number \(FormatSpec.plain(value))")
      }
      if alternate, !body.contains("."), !body.contains("e"), type == "f" || type == "F" || type == "%" {
        body += "."
      }
      if type == "%" { body += "%" }
      if let grouping { body = Self.group(body, with: grouping) }
      // Python keeps the sign of a value rounded to zero ("-0.00") unless z is given.
      if negative, coerceZero, !body.contains(where: { ("1"..."9").contains($0) }) { negative = false }
    }
    let signText: String
    switch sign {
    case .minusOnly: signText = negative ? "-" : ""
    case .always: signText = negative ? "-" : "+"
    case .space: signText = negative ? "-" : " "
    }
    return pad(sign: signText, body: body, defaultAlignment: .right)
  }

  /// `text` written as Python's `format(text, spec)`: padded to the width, cut to the precision.
  public func format(text: String) -> String {
    let cut = precision.map { String(text.prefix($0)) } ?? text
    return pad(sign: "", body: cut, defaultAlignment: .left)
  }

  private func pad(sign: String, body: String, defaultAlignment: Alignment) -> String {
    let length = sign.count + body.count
    guard width > length else { return sign + body }
    let filling = width - length
    switch alignment ?? defaultAlignment {
    case .left: return sign + body + String(repeating: fill, count: filling)
    case .right: return String(repeating: fill, count: filling) + sign + body
    case .afterSign: return sign + String(repeating: fill, count: filling) + body
    case .center:
      let before = filling / 2
      return String(repeating: fill, count: before) + sign + body + String(repeating: fill, count: filling - before)
    }
  }

  /// Python's `e`: mantissa with `digits` decimals and an exponent of at least two digits.
  private static func exponent(_ magnitude: Double, digits: Int, upper: Bool) -> String {
    let text = String(format: "%.\(digits)e", magnitude)
    return upper ? text.uppercased() : text
  }

  /// Python's `g`: fixed or exponent by the decimal exponent after rounding, trailing zeros dropped unless `#`.
  private func general(_ magnitude: Double, precision: Int, upper: Bool, keepZeros: Bool) -> String {
    let digits = max(precision, 1)
    let rounded = String(format: "%.\(digits - 1)e", magnitude)
    let exponent = Int(rounded[rounded.index(after: rounded.firstIndex(where: { $0 == "e" })!)...]) ?? 0
    var text: String
    // Python's none type turns to an exponent one digit sooner than g ('{:.1}'.format(1.0) is '1e+00').
    if exponent >= -4, exponent < (type == nil ? digits - 1 : digits) {
      text = String(format: "%.\(digits - 1 - exponent)f", magnitude)
      if !keepZeros { text = Self.trimmingZeros(text) }
    } else {
      let parts = rounded.split(separator: "e")
      var mantissa = String(parts[0])
      if !keepZeros { mantissa = Self.trimmingZeros(mantissa) }
      text = mantissa + "e" + parts[1]
    }
    if type == nil, !text.contains("."), !text.contains("e") { text += ".0" }
    if keepZeros, !text.contains(".") {
      if let e = text.firstIndex(of: "e") { text.insert(".", at: e) } else { text += "." }
    }
    return upper ? text.uppercased() : text
  }

  private static func trimmingZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var trimmed = text
    while trimmed.hasSuffix("0") { trimmed.removeLast() }
    if trimmed.hasSuffix(".") { trimmed.removeLast() }
    return trimmed
  }

  /// Thousands separators in the integer part of a plain or fixed number.
  private static func group(_ body: String, with separator: Character) -> String {
    let integerEnd = body.firstIndex(where: { !$0.isNumber }) ?? body.endIndex
    let integer = body[..<integerEnd]
    var grouped = ""
    for (index, digit) in integer.enumerated() {
      if index > 0, (integer.count - index) % 3 == 0 { grouped.append(separator) }
      grouped.append(digit)
    }
    return grouped + body[integerEnd...]
  }

  /// A number as text with no float noise: whole numbers below 1e16 in full, others as Python's `.12g` writes them
  /// (at most 12 significant digits, trailing zeros dropped): `14.400000000000006` → `14.4`.
  public static func plain(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    // A negative zero is noise too: "0".
    if value == 0 { return "0" }
    if value == value.rounded(), abs(value) < 1e16 {
      return (value < 0 ? "-" : "") + String(format: "%.0f", abs(value))
    }
    let spec = try! FormatSpec(".12g")
    return (value.sign == .minus ? "-" : "") + spec.general(abs(value), precision: 12, upper: false, keepZeros: false)
  }
}

/// Why a format spec cannot be read or applied; the caller locates it.
public struct FormatSpecError: Error, CustomStringConvertible {
  public var description: String
  init(_ description: String) { self.description = description }
}

extension SpecNode {
  /// A format spec such as `.3f`, with its error at the node.
  public func formatSpec() throws -> FormatSpec {
    let text = try string("a format such as .3f or +.1%")
    do { return try FormatSpec(text) } catch let failure as FormatSpecError { throw error(failure.description) }
  }
}
