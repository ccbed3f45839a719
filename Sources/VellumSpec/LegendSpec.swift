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
    case outsideLeft = "outside left"

    public var isOutside: Bool { [.outsideRight, .outsideTop, .outsideBottom, .outsideLeft].contains(self) }
  }

  /// Which entries a legend lists.
  public enum Selection: Sendable {
    /// Every labelled series (a band and its line merged), as today.
    case all
    /// One entry per value of a figure-wide scale, its handle showing only that channel: `scale: dash` lists the
    /// settings in black with their dashes while colours have a legend of their own.
    case scale(EncodedChannel)
    /// The series with these labels, in this order.
    case entries([Located<String>])
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
  /// A heading over the entries (matplotlib's `title`), at the legend's font size.
  public var title: Located<String>?
  /// Rounded frame corners (matplotlib's `fancybox`, on by default); false draws a square frame.
  public var fancybox = true
  public var selection: Selection = .all
  /// Where the spec declared this legend, for warnings about it.
  public var declaredAt: SourceLocation?

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
    "label_spacing", "border_pad", "border_axes_pad", "title", "fancybox", "scale", "entries",
  ]

  /// `legend:` as a panel or the figure writes it: `true`/`false`, one legend's options, or a list of legends.
  static func list(_ node: SpecNode, baseFont: FontSpec, defaults: LegendSpec) throws -> [LegendSpec] {
    if node.scalarText != nil { return try node.bool() ? [defaults] : [] }
    if node.isSequence {
      let items = try node.list("a list of legends")
      guard items.count <= 8 else { throw node.error("more than 8 legends in one place") }
      return try items.map { try LegendSpec(node: $0, baseFont: baseFont, defaults: defaults) }
    }
    return [try LegendSpec(node: node, baseFont: baseFont, defaults: defaults)]
  }

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
    title = try map.optional("title") { try $0.located("a legend title") }
    fancybox = try map.optional("fancybox") { try $0.bool() } ?? fancybox
    declaredAt = node.location
    if let scaleNode = map["scale"] {
      if map["entries"] != nil {
        throw scaleNode.error("a legend lists one scale's values or chosen entries, not both")
      }
      selection = .scale(try decodeEnum(scaleNode, what: "legend scale"))
    }
    if let entries = try map.optional("entries", { try $0.list("series labels").map { try $0.located("a label") } }) {
      guard !entries.isEmpty else { throw map["entries"]!.error("a legend needs at least one entry") }
      selection = .entries(entries)
    }
  }
}
