/// `opacity: {column, …}` on a scatter: each marker's opacity from a column (ggplot2's `alpha` aesthetic), between
/// the range's ends over the figure's domain of that column, times the layer's `alpha`.
public enum OpacityEncoding {
  static let object = SpecObject(
    "opacity",
    purpose: "Marker opacity from a column: the value's place in the domain picks an opacity between the range's "
      + "ends (ggplot2's scale_alpha), multiplied by the layer's alpha.",
    keys: RangeEncoding.keys(
      column: "the column whose values set the markers' opacity",
      range: SpecKey(
        "range", SpecSchema.pair.setting("items", SpecSchema.opacity),
        "opacities at the domain's low and high ends", defaultValue: [0.1, 1.0])),
    required: ["column"],
    example: "{scatter: {x: params, y: accuracy, opacity: {column: tokens, range: [0.2, 1]}}}")

  public static var schema: JSONValue { object.schema }

  public static func decode(_ node: SpecNode) throws -> RangeEncoding {
    try RangeEncoding(map: try node.mapping(object), what: "an opacity", bounds: 0...1, defaultRange: (0.1, 1))
  }
}
