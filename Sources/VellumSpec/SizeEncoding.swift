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

  /// The column, the range of areas in points² and the domain.
  public var values: RangeEncoding
  public var proportion: Proportion

  public var column: Located<String> { values.column }

  static let object = SpecObject(
    "size",
    purpose: "Marker size from a column: the value's place in the domain picks an area between the range's ends "
      + "(seaborn's sizes, in points² like matplotlib's s); a size legend (legend: {scale: size}) explains it.",
    keys: RangeEncoding.keys(
      column: "the column whose values size the markers",
      range: SpecKey(
        "range",
        SpecSchema.pair.setting("items", SpecSchema.bounded(minimum: 0, maximum: Limits.measure * Limits.measure)),
        "marker areas in points² at the domain's low and high ends (matplotlib's s)", defaultValue: [18.0, 72.0]))
      + [
        SpecKey(
          "scale", SpecSchema.enumeration(Proportion.allCases.map(\.rawValue)),
          "what grows linearly with the value: the marker's area or its diameter", defaultValue: Proportion.area)
      ],
    required: ["column"],
    example: "{scatter: {x: params, y: accuracy, size: {column: tokens, range: [20, 300]}}}")

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.object)
    values = try RangeEncoding(
      map: map, what: "an area in points²", bounds: 0...(Limits.measure * Limits.measure), defaultRange: (18, 72))
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
