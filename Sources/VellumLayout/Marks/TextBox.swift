import VellumScene
import VellumSpec

/// A box behind a text (matplotlib's `bbox=dict(boxstyle='round', fc=…, ec=…, alpha=…)`): the text's extent padded
/// by `pad` font sizes, with corners rounded by the same amount for `round`, filled and outlined.
struct TextBox: Sendable {
  enum Style: String, Sendable, CaseIterable { case round, square }

  var style = Style.round
  /// Padding around the text, in multiples of its font size (matplotlib's `pad`, 0.3).
  var pad = 0.3
  var fill = Color.white
  var edge = Color.black
  /// The outline's width in points (matplotlib's `patch.linewidth`, 1).
  var width = 1.0
  /// Opacity of fill and outline together.
  var alpha = 1.0

  static let object = SpecObject(
    "text box",
    purpose: "A box behind a text (matplotlib's bbox): rounded or square, padded around the text, filled and "
      + "outlined; true draws one with these defaults.",
    keys: [
      SpecKey(
        "style", SpecSchema.enumeration(Style.allCases.map(\.rawValue)), "rounded (round) or square corners",
        defaultValue: Style.round),
      SpecKey(
        "pad", SpecSchema.bounded(minimum: 0, maximum: 10), "padding around the text, in font sizes",
        defaultValue: 0.3),
      SpecKey("fill", SpecSchema.colorOrNone, "the box's fill, or none", defaultValue: "white"),
      SpecKey("edge", SpecSchema.colorOrNone, "the outline's colour, or none", defaultValue: "black"),
      SpecKey("width", SpecSchema.measure, "the outline's width in points", defaultValue: 1.0),
      SpecKey("alpha", SpecSchema.opacity, "opacity of fill and outline", defaultValue: 1.0),
    ],
    example: "{text: {text: 'ECE = 0.04', x: 0.05, y: 0.95, coordinates: axes, box: {fill: '#f5deb3', alpha: 0.8}}}")

  static var schema: JSONValue { .object(["anyOf": .array([SpecSchema.boolean, object.schema])]) }

  /// `true`, `false` (nil) or the box's options.
  static func decode(_ node: SpecNode) throws -> TextBox? {
    if node.scalarText != nil { return try node.bool() ? TextBox() : nil }
    let map = try node.mapping(object)
    var box = TextBox()
    box.style = try map.optional("style") { try decodeEnum($0, what: "box style") } ?? box.style
    box.pad =
      try map.optional("pad") { node in
        let value = try node.nonNegative("a pad in font sizes")
        guard value <= 10 else { throw node.error("a pad of at most 10 font sizes, found \(value)") }
        return value
      } ?? box.pad
    box.fill = try map.optional("fill") { try decodeColorOrNone($0) } ?? box.fill
    box.edge = try map.optional("edge") { try decodeColorOrNone($0) } ?? box.edge
    box.width = try map.optional("width") { try $0.measure("a line width") } ?? box.width
    box.alpha = try map.optional("alpha") { try decodeAlpha($0) } ?? box.alpha
    return box
  }

  /// The box around `text` (its set extent) of font size `size`, and its outline for placing arrows.
  func node(around text: Rect, size: Double) -> (node: SceneNode, box: Rect) {
    let margin = pad * size
    let box = Rect(
      x: text.minX - margin, y: text.minY - margin, width: text.width + 2 * margin, height: text.height + 2 * margin)
    let segments = style == .round ? PathGeometry.roundedRect(box, radius: margin) : PathGeometry.rect(box)
    let stroke =
      width > 0 && edge.alpha > 0 ? Stroke(Paint(edge.rgb, opacity: edge.alpha * alpha), width: width) : nil
    let paint = fill.alpha > 0 ? Paint(fill.rgb, opacity: fill.alpha * alpha) : nil
    return (.path(PathNode(segments: segments, fill: paint, stroke: stroke)), box)
  }
}
