import VellumDiagnostics

/// A channel a column drives between the two ends of a range (a marker's area, its opacity): the value's place in
/// `limits` (by default the column's extent over the figure) picks the output, as seaborn's size mapping and
/// ggplot2's `scale_alpha` do.
public struct RangeEncoding: Sendable {
  public var column: Located<String>
  /// The outputs at the low and high ends of the domain.
  public var range: (Double, Double)
  /// The domain's ends; nil: the values' extent over the figure.
  public var limits: (Double, Double)?

  /// `column`, the channel's own `range` key, and `limits`.
  static func keys(column: String, range: SpecKey) -> [SpecKey] {
    [
      SpecKey("column", SpecSchema.string, column, example: "tokens"),
      range,
      SpecKey(
        "limits", SpecSchema.limits, "the values at the range's ends; beyond them the ends' outputs hold",
        default: "the column's extent over the figure", example: "[0, 100]"),
    ]
  }

  /// Reads the keys of ``keys(column:range:)``; `range` values lie within `bounds`.
  init(map: SpecMapping, what: String, bounds: ClosedRange<Double>, defaultRange: (Double, Double)) throws {
    column = try map.required("column") { try $0.located("a column name") }
    range =
      try map.optional("range") { node in
        let items = try node.list("[low, high] \(what)")
        guard items.count == 2 else { throw node.error("expected range [low, high], found \(items.count) values") }
        let ends = try items.map { item -> Double in
          let value = try item.double(what)
          guard bounds.contains(value) else {
            throw item.error("\(what) must lie between \(bounds.lowerBound) and \(bounds.upperBound), found \(value)")
          }
          return value
        }
        return (ends[0], ends[1])
      } ?? defaultRange
    limits = try map.optional("limits") { try $0.interval("limits") }
  }

  /// Where `value` lies in the domain, from 0 at the low end to 1 at the high end (held at the ends); NaN for a
  /// missing value.
  public func position(_ value: Double, domain: (Double, Double)) -> Double {
    guard value.isFinite else { return .nan }
    let (low, high) = domain
    return high == low ? 1 : min(1, max(0, (value - low) / (high - low)))
  }
}
