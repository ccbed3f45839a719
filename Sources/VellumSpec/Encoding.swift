/// A visual channel a column can drive. Position channels (x, y, bounds, errors) are plain columns;
/// these are the discrete ones that go through a figure-wide scale and show up in the legend.
public enum EncodedChannel: String, Sendable, CaseIterable {
  case color, dash, marker, hatch
}

/// A channel's value: one constant for the whole layer, or a column whose values a scale maps.
public enum Encoding<Constant: Sendable>: Sendable {
  case constant(Constant)
  case column(Located<String>)

  /// The constant, when the channel is not driven by a column.
  public var constant: Constant? {
    if case .constant(let value) = self { return value }
    return nil
  }

  /// The column, when a scale maps this channel.
  public var column: Located<String>? {
    if case .column(let column) = self { return column }
    return nil
  }

  /// `{column: NAME}`: the channel follows a column through the figure's scale.
  public static var columnObject: SpecObject {
    SpecObject(
      "column encoding",
      purpose:
        "Drives a channel (colour, dash, marker shape, hatch) by a column: each value takes its own look from the "
        + "figure's scale, and the legend lists the values.",
      keys: [SpecKey("column", SpecSchema.string, "the column whose values pick the look", example: "method")],
      required: ["column"], example: "{line: {x: step, y: loss, color: {column: method}}}")
  }

  /// A constant (`value`'s schema) or a column encoding.
  public static func schema(_ value: JSONValue) -> JSONValue {
    .object(["anyOf": .array([value, columnObject.schema])])
  }

  /// Reads a mapping as a column encoding `{column: NAME}`, anything else through `constant`.
  public static func decode(_ node: SpecNode, constant: (SpecNode) throws -> Constant) throws -> Encoding {
    guard node.isMapping else { return .constant(try constant(node)) }
    let map = try node.mapping(columnObject)
    return .column(try map.required("column") { try $0.located("a column name") })
  }
}

extension DashPattern {
  /// `{column: NAME}` or a dash style.
  public static func encoding(_ node: SpecNode) throws -> Encoding<DashPattern> {
    try Encoding.decode(node, constant: decodeDash)
  }
}
