import VellumDiagnostics
import VellumSpec

/// How a mark writes a number it labels (bar values, contour levels): `auto` (the mark's own choice), a printf
/// pattern (`%.1f`) or a Python format spec (`.1f`, `+.1%`), as text templates write numbers.
enum NumberFormat: Sendable {
  case auto
  case printf(String)
  case python(FormatSpec)

  /// Reads `auto`, a printf pattern or a Python format spec for numbers; `usage` says what else the key takes.
  static func decode(_ node: SpecNode, usage: String) throws -> NumberFormat {
    let pattern = try node.string(usage)
    if pattern == "auto" { return .auto }
    if PrintfPattern.isValid(pattern) { return .printf(pattern) }
    if !pattern.contains("%") || pattern.hasSuffix("%"), let spec = try? FormatSpec(pattern), spec.type != "s" {
      return .python(spec)
    }
    throw node.error(usage)
  }

  /// `value` written in this format; `auto` asks `automatic`.
  func text(_ value: Double, automatic: (Double) -> String) throws -> String {
    switch self {
    case .auto: return automatic(value)
    case .printf(let pattern): return TickFormatter.minusSign(PrintfPattern.format(pattern, value))
    case .python(let spec):
      do { return try spec.format(value) } catch let error as FormatSpecError {
        throw VellumError(.invalidData, "number format: \(error.description)")
      }
    }
  }
}
