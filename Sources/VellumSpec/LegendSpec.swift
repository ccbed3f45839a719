/// The legend: where it sits and how its entries are spaced (all spacings in multiples of its font size, as in matplotlib).
public struct LegendSpec: Sendable {
  public enum Location: String, Sendable, CaseIterable {
    case best
    case upperRight = "upper right"
    case upperLeft = "upper left"
    case lowerLeft = "lower left"
    case lowerRight = "lower right"
    case right
    case centerLeft = "center left"
    case centerRight = "center right"
    case lowerCenter = "lower center"
    case upperCenter = "upper center"
    case center
    case outsideRight = "outside right"
    case outsideTop = "outside top"
    case outsideBottom = "outside bottom"

    public var isOutside: Bool { [.outsideRight, .outsideTop, .outsideBottom].contains(self) }
  }
  public var location: Location
  /// A point in axes fractions the legend's `location` corner is pinned to (matplotlib's bbox_to_anchor).
  public var anchor: (x: Double, y: Double)?
  public var frame: Bool
  public var frameColor: Color
  public var frameWidth: Double
  /// Opacity of the white frame fill (matplotlib's framealpha).
  public var frameAlpha: Double
  /// Entries are laid out in this many columns, filled top to bottom.
  public var columns: Int?
  public var columnSpacing: Double
  public var fontSize: Double
  public var handleLength: Double
  public var handleHeight: Double
  public var handleTextPad: Double
  public var labelSpacing: Double
  public var borderPad: Double
  public var borderAxesPad: Double

  init(baseFont: FontSpec) {
    location = .best
    frame = true
    frameColor = Color(red: 0.8, green: 0.8, blue: 0.8)
    frameWidth = 1
    frameAlpha = 0.8
    columnSpacing = 2
    fontSize = baseFont.size
    handleLength = 2.0
    handleHeight = 0.7
    handleTextPad = 0.8
    labelSpacing = 0.5
    borderPad = 0.4
    borderAxesPad = 0.5
  }
}

extension LegendSpec {
  static let keys = [
    "location", "anchor", "frame", "frame_color", "frame_width", "frame_alpha", "columns", "column_spacing",
    "font_size", "handle_length", "handle_height", "handle_text_pad",
    "label_spacing", "border_pad", "border_axes_pad",
  ]

  init(node: SpecNode, baseFont: FontSpec, defaults: LegendSpec? = nil) throws {
    self = defaults ?? LegendSpec(baseFont: baseFont)
    let map = try node.mapping("legend", keys: Self.keys)
    location = try map.optional("location") { try decodeEnum($0, what: "legend location") } ?? location
    anchor = try map.optional("anchor") { node in
      let items = try node.list("an anchor [x, y] in axes fractions")
      guard items.count == 2 else { throw node.error("expected an anchor [x, y], found \(items.count) values") }
      return (try items[0].double(), try items[1].double())
    }
    frame = try map.optional("frame") { try $0.bool() } ?? frame
    frameColor = try map.optional("frame_color") { try decodeColor($0) } ?? frameColor
    frameWidth = try map.optional("frame_width") { try $0.measure("a line width") } ?? frameWidth
    frameAlpha = try map.optional("frame_alpha") { try decodeAlpha($0) } ?? frameAlpha
    columns =
      try map.optional("columns") { node in
        let value = try node.int("a number of columns")
        guard (1...20).contains(value) else { throw node.error("legend columns must be between 1 and 20") }
        return value
      } ?? columns
    columnSpacing = try map.optional("column_spacing") { try $0.measure("a spacing") } ?? columnSpacing
    fontSize = try map.optional("font_size") { try $0.fontSize() } ?? fontSize
    handleLength = try map.optional("handle_length") { try $0.measure("a handle length") } ?? handleLength
    handleHeight = try map.optional("handle_height") { try $0.measure("a handle height") } ?? handleHeight
    handleTextPad = try map.optional("handle_text_pad") { try $0.measure("a pad") } ?? handleTextPad
    labelSpacing = try map.optional("label_spacing") { try $0.measure("a label spacing") } ?? labelSpacing
    borderPad = try map.optional("border_pad") { try $0.measure("a pad") } ?? borderPad
    borderAxesPad = try map.optional("border_axes_pad") { try $0.double("a pad") } ?? borderAxesPad
  }
}
