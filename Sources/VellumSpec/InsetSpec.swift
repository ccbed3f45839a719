/// An axes drawn inside another (matplotlib's `inset_axes`): its own layers, limits and decorations, placed at
/// `position` in the parent's axes fractions, optionally with the zoom indicator of `indicate_inset_zoom`.
public struct InsetSpec: Sendable {
  public var axes: AxesSpec
  /// Lower-left corner and size in fractions of the parent's plot area: `[x0, y0, width, height]`.
  public var position: (x: Double, y: Double, width: Double, height: Double)
  /// The rectangle on the parent marking the inset's limits and the lines joining it to the inset; nil: none.
  public var zoom: ZoomIndicator?

  /// The outline matplotlib's `indicate_inset_zoom` draws: grey 0.5, alpha 0.5, 1 pt.
  public struct ZoomIndicator: Sendable {
    public var color: Color = Color(red: 0.5, green: 0.5, blue: 0.5)
    public var width: Double = 1
    public var alpha: Double = 0.5
  }

  static let zoomObject = SpecObject(
    "zoom indicator",
    purpose: "The rectangle on the parent axes marking an inset's limits and the lines joining it to the inset "
      + "(matplotlib's indicate_inset_zoom); true takes these defaults.",
    keys: [
      SpecKey("color", SpecSchema.color, "colour of the rectangle and connectors", defaultValue: "0.5"),
      SpecKey("width", SpecSchema.measure, "their line width in points", defaultValue: 1.0),
      SpecKey("alpha", SpecSchema.opacity, "their opacity", defaultValue: 0.5),
    ],
    shorthand: [SpecSchema.boolean],
    example:
      "{axes: {layers: [{line: {x: step, y: loss}}], insets: [{position: [0.5, 0.5, 0.4, 0.4], zoom: {alpha: 0.3}, layers: [{line: {x: step, y: loss}}]}]}}"
  )

  /// An axes without insets of its own, with a position and a zoom indicator.
  static let object = AxesSpec.object.removing(["insets", "facet"]).extended(
    as: "inset",
    purpose: "Axes drawn inside a panel (matplotlib's inset_axes), with their own layers, limits and decorations, "
      + "at a position in the parent's axes fractions.",
    keys: [
      SpecKey(
        "position",
        .object([
          "type": "array", "items": SpecSchema.number, "minItems": 4, "maxItems": 4,
        ]), "[x0, y0, width, height] in fractions of the parent axes, from its lower left",
        example: "[0.55, 0.55, 0.4, 0.4]"),
      SpecKey(
        "zoom", zoomObject.schema, "mark the inset's limits on the parent and join them to the inset",
        defaultValue: false),
    ],
    required: ["position"],
    example:
      "{axes: {layers: [{line: {x: step, y: loss}}], insets: [{position: [0.5, 0.5, 0.4, 0.4], x: {limits: [0, 10]}, layers: [{line: {x: step, y: loss}}]}]}}"
  )

  init(node: SpecNode, baseFont: FontSpec, dataNames: [String], grammar: Grammar) throws {
    let map = try node.mapping(Self.object)
    axes = try AxesSpec(node: node, baseFont: baseFont, dataNames: dataNames, grammar: grammar, inset: true)
    // An inset shows a legend only when asked (matplotlib's inset axes start without one).
    if axes.legendIsDefault { axes.legends = [] }
    position = try map.required("position") { node in
      let items = try node.list("a position [x0, y0, width, height] in axes fractions")
      guard items.count == 4 else {
        throw node.error("expected a position [x0, y0, width, height], found \(items.count) values")
      }
      let values = try items.map { try $0.double("a fraction of the parent axes") }
      let (x, y, width, height) = (values[0], values[1], values[2], values[3])
      guard width > 0, height > 0 else { throw node.error("an inset needs a positive width and height") }
      let tolerance = 1e-9
      guard x >= -tolerance, y >= -tolerance, x + width <= 1 + tolerance, y + height <= 1 + tolerance else {
        throw node.error(
          "the inset [\(x), \(y), \(width), \(height)] reaches outside its parent axes (0…1 in both directions)")
      }
      return (x, y, width, height)
    }
    zoom =
      try map.optional("zoom") { node -> ZoomIndicator? in
        if node.scalarText != nil { return try node.bool() ? ZoomIndicator() : nil }
        let options = try node.mapping(Self.zoomObject)
        var zoom = ZoomIndicator()
        if let color = try options.optional("color", { try decodeColor($0) }) { zoom.color = color }
        if let width = try options.optional("width", { try $0.measure("a line width") }) { zoom.width = width }
        if let alpha = try options.optional("alpha", { try decodeAlpha($0) }) { zoom.alpha = alpha }
        return zoom
      } ?? nil
  }
}
