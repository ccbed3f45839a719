import VellumDiagnostics

/// `size: {column, …}` on a scatter: each marker's area from a column through the figure's size scale (matplotlib's
/// `scatter(s=…)`, seaborn's `size=`), one domain for every layer and panel mapping that column.
public struct SizeEncoding: Sendable {
  /// How values grow the marker.
  public enum Proportion: String, Sendable, CaseIterable {
    /// Area grows linearly with the value (matplotlib's `s`, seaborn's sizes), so the eye reads values right.
    case area
    /// Diameter grows linearly with the value.
    case diameter
  }

  public var column: Located<String>
  /// Marker areas in points² at the low and high ends of the domain.
  public var range: (Double, Double)
  /// The domain's ends; nil: the values' extent over the figure.
  public var limits: (Double, Double)?
  public var proportion: Proportion

  static let object = SpecObject(
    "size",
    purpose: "Marker size from a column: the value's place in the domain picks an area between the range's ends "
      + "(seaborn's sizes, in points² like matplotlib's s); a size legend (legend: {scale: size}) explains it.",
    keys: [
      SpecKey("column", SpecSchema.string, "the column whose values size the markers", example: "tokens"),
      SpecKey(
        "range",
        SpecSchema.pair.setting("items", SpecSchema.bounded(minimum: 0, maximum: Limits.measure * Limits.measure)),
        "marker areas in points² at the domain's low and high ends (matplotlib's s)", defaultValue: [18.0, 72.0]),
      SpecKey(
        "limits", SpecSchema.limits, "the values at the range's ends; beyond them markers keep the end sizes",
        default: "the column's extent over the figure", example: "[0, 100]"),
      SpecKey(
        "scale", SpecSchema.enumeration(Proportion.allCases.map(\.rawValue)),
        "what grows linearly with the value: the marker's area or its diameter", defaultValue: Proportion.area),
    ],
    required: ["column"],
    example: "{scatter: {x: params, y: accuracy, size: {column: tokens, range: [20, 300]}}}")

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.object)
    column = try map.required("column") { try $0.located("a column name") }
    range =
      try map.optional("range") { node in
        let items = try node.list("[smallest, largest] areas in points²")
        guard items.count == 2 else {
          throw node.error("expected range [smallest, largest], found \(items.count) values")
        }
        let low = try items[0].nonNegative("an area in points²")
        let high = try items[1].nonNegative("an area in points²")
        guard low <= Limits.measure * Limits.measure, high <= Limits.measure * Limits.measure else {
          throw node.error("marker areas of at most \(Int(Limits.measure * Limits.measure)) points²")
        }
        return (low, high)
      } ?? (18, 72)
    limits = try map.optional("limits") { node in
      let items = try node.list("limits [low, high]")
      guard items.count == 2 else { throw node.error("expected limits [low, high], found \(items.count) values") }
      let low = try items[0].double("a limit")
      let high = try items[1].double("a limit")
      guard low != high else { throw node.error("limits must differ, found [\(low), \(high)]") }
      return (low, high)
    }
    proportion = try map.optional("scale") { try decodeEnum($0, what: "size scale") } ?? .area
  }

  /// `size:` as a number (every marker that size, in points) or a column's mapping.
  public static var schema: JSONValue { .object(["anyOf": .array([SpecSchema.measure, object.schema])]) }

  /// A number (nil: `constant` sizes the markers) or a mapping.
  public static func decode(_ node: SpecNode, constant: inout Double) throws -> SizeEncoding? {
    guard node.isMapping else {
      constant = try node.measure("a marker size in points, or {column: …}")
      return nil
    }
    return try SizeEncoding(node: node)
  }
}
