import VellumDiagnostics

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
    /// Markers at chosen values of the figure's size scale (nil: round values over its domain), as matplotlib's
    /// `legend(*scatter.legend_elements("sizes"))`.
    case sizes([Double]?)
    /// The series with these labels, or entries drawn from their own look, in this order.
    case entries([Entry])
  }

  /// One chosen entry: a series by its label, or a handle made from a colour, marker and dash (matplotlib's proxy
  /// `Line2D([], [], …)`), which no series needs to draw.
  public enum Entry: Sendable {
    case series(Located<String>)
    case made(label: Located<String>, color: Color, marker: MarkerSpec.Shape?, dash: DashPattern?)
  }

  /// A hand-made entry's keys.
  static let madeEntry = SpecObject(
    "legend entry",
    purpose: "A legend entry drawn from its own look rather than a series (matplotlib's proxy Line2D): a line in "
      + "the colour and dash, a marker, or both.",
    keys: [
      SpecKey("label", SpecSchema.text, "the entry's text (TeX subset)", example: "'chance level'"),
      SpecKey("color", SpecSchema.color, "the handle's colour", defaultValue: "black"),
      SpecKey(
        "marker", SpecSchema.enumeration(MarkerSpec.shapeNames), "a marker at the handle's centre",
        default: "no marker", example: "o"),
      SpecKey(
        "dash", SpecSchema.dash, "the line's dash style", default: "solid (no line with only a marker)",
        example: "dashed"),
    ],
    required: ["label"],
    example:
      "{axes: {legend: {entries: [{label: target, color: grey, dash: dashed}]}, layers: [{line: {x: step, y: loss}}]}}")
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
  /// The entries in reverse order (matplotlib's `legend(reverse=True)`), so a stack's top layer is listed first.
  public var reverse = false
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
  /// The title's size in points: the base font size, not the entries' (matplotlib's legend.title_fontsize None).
  public var titleSize: Double
  /// Rounded frame corners (matplotlib's `fancybox`, on by default); false draws a square frame.
  public var fancybox = true
  public var selection: Selection = .all
  /// Markers in the handles drawn this many times their size (matplotlib's `markerscale`).
  public var markerScale = 1.0
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
    titleSize = baseFont.size
    handleLength = 2.0
    handleHeight = 0.7
    handleTextPad = 0.8
    labelSpacing = 0.5
    borderPad = 0.4
    borderAxesPad = 0.5
  }
}

extension LegendSpec {
  static let object = SpecObject(
    "legend",
    purpose: "A legend of a panel or of the figure (matplotlib's legend): where it sits, its frame, columns and "
      + "spacings (in multiples of its font size), and which entries it lists.",
    keys: [
      SpecKey(
        "location", SpecSchema.enumeration(Location.allCases.map(\.rawValue)),
        "where the legend sits: best (fewest points covered), a corner or side, or outside the plot",
        default: "best (a figure legend: outside top)"),
      SpecKey(
        "anchor", SpecSchema.pair,
        "a point [x, y] in axes fractions that the location's corner is pinned to (bbox_to_anchor)",
        example: "[1.02, 1]"),
      SpecKey("frame", SpecSchema.boolean, "draw the frame and its white fill", defaultValue: true),
      SpecKey("frame_color", SpecSchema.color, "colour of the frame's edge", defaultValue: "0.8"),
      SpecKey("frame_width", SpecSchema.measure, "width of the frame's edge in points", defaultValue: 1.0),
      SpecKey("frame_alpha", SpecSchema.opacity, "opacity of the frame and its fill", defaultValue: 0.8),
      SpecKey(
        "columns", SpecSchema.bounded(minimum: 1, maximum: 20, integer: true),
        "the legend's entries in this many columns, filled top to bottom",
        default: "1 (outside top or bottom: one row)"),
      SpecKey("column_spacing", SpecSchema.measure, "gap between columns, in font sizes", defaultValue: 2.0),
      SpecKey(
        "reverse", SpecSchema.boolean,
        "list the entries in reverse order (matplotlib's reverse=True), a stack's top first",
        defaultValue: false),
      SpecKey("font_size", SpecSchema.fontSize, "entry text size in points", default: "the base font size"),
      SpecKey("handle_length", SpecSchema.measure, "length of the line handles, in font sizes", defaultValue: 2.0),
      SpecKey("handle_height", SpecSchema.measure, "height of the patch handles, in font sizes", defaultValue: 0.7),
      SpecKey(
        "handle_text_pad", SpecSchema.measure, "gap between a handle and its text, in font sizes",
        defaultValue: 0.8),
      SpecKey("label_spacing", SpecSchema.measure, "vertical gap between entries, in font sizes", defaultValue: 0.5),
      SpecKey("border_pad", SpecSchema.measure, "padding inside the frame, in font sizes", defaultValue: 0.4),
      SpecKey(
        "border_axes_pad", SpecSchema.number, "gap between the legend and the plot's edge, in font sizes",
        defaultValue: 0.5),
      SpecKey("title", SpecSchema.string, "a heading over the entries (TeX subset)", example: "Method"),
      SpecKey(
        "title_size", SpecSchema.fontSize, "the title's size in points", default: "the base font size, as matplotlib's"),
      SpecKey("fancybox", SpecSchema.boolean, "round the frame's corners", defaultValue: true),
      SpecKey(
        "scale", SpecSchema.enumeration(EncodedChannel.allCases.map(\.rawValue) + ["size"]),
        "list one figure scale's values, each handle showing only that channel (a dash legend in black; size: "
          + "markers at round values)",
        example: "dash"),
      SpecKey(
        "values", SpecSchema.nonEmpty(SpecSchema.array(SpecSchema.number)),
        "a size legend's values, each shown by a marker of its size", default: "round values over the size domain",
        example: "[1e9, 1e10, 1e11]"),
      SpecKey(
        "entries", SpecSchema.array(.object(["anyOf": .array([SpecSchema.string, madeEntry.schema])])),
        "the entries listed, in this order: series by label, or {label, color, marker, dash} drawn as given",
        default: "every labelled series", example: "[SDPO, GRPO]"),
      SpecKey(
        "marker_scale", SpecSchema.bounded(above: 0, maximum: 100),
        "markers in the handles at this many times their size (matplotlib's markerscale)", defaultValue: 1.0),
    ],
    exclusive: [["scale", "entries"]],
    rules: [
      // Values choose a size legend's entries.
      .object([
        "if": .object(["required": ["values"]]),
        "then": .object(["required": ["scale"], "properties": .object(["scale": .object(["enum": ["size"]])])]),
      ])
    ],
    example: "{axes: {legend: {location: lower right, columns: 2}, layers: [{line: {x: step, y: loss, group: run}}]}}")

  /// `legend:` where a panel or the figure writes it: true or false, one legend, or a list of legends.
  static var schema: JSONValue {
    .object(["anyOf": .array([SpecSchema.boolean, object.schema, SpecSchema.array(object.schema)])])
  }

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

  /// A label, or a hand-made entry's mapping.
  private static func entry(_ node: SpecNode) throws -> Entry {
    guard node.isMapping else { return .series(try node.located("a label")) }
    let map = try node.mapping(madeEntry)
    return .made(
      label: try map.required("label") { try $0.located("a label") },
      color: try map.optional("color") { try decodeColor($0) } ?? .black,
      marker: try map.optional("marker") { try MarkerSpec.shape($0) },
      dash: try map.optional("dash") { try decodeDash($0) })
  }

  init(node: SpecNode, baseFont: FontSpec, defaults: LegendSpec? = nil) throws {
    self = defaults ?? LegendSpec(baseFont: baseFont)
    let map = try node.mapping(Self.object)
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
    reverse = try map.optional("reverse") { try $0.bool() } ?? reverse
    fontSize = try map.optional("font_size") { try $0.fontSize() } ?? fontSize
    handleLength = try map.optional("handle_length") { try $0.measure("a handle length") } ?? handleLength
    handleHeight = try map.optional("handle_height") { try $0.measure("a handle height") } ?? handleHeight
    handleTextPad = try map.optional("handle_text_pad") { try $0.measure("a pad") } ?? handleTextPad
    labelSpacing = try map.optional("label_spacing") { try $0.measure("a label spacing") } ?? labelSpacing
    borderPad = try map.optional("border_pad") { try $0.measure("a pad") } ?? borderPad
    borderAxesPad = try map.optional("border_axes_pad") { try $0.double("a pad") } ?? borderAxesPad
    title = try map.optional("title") { try $0.located("a legend title") }
    titleSize = try map.optional("title_size") { try $0.fontSize() } ?? titleSize
    fancybox = try map.optional("fancybox") { try $0.bool() } ?? fancybox
    declaredAt = node.location
    if let scaleNode = map["scale"] {
      if map["entries"] != nil {
        throw scaleNode.error("a legend lists one scale's values or chosen entries, not both")
      }
      if scaleNode.scalarText == "size" {
        selection = .sizes(try map.optional("values") { try $0.list("size values").map { try $0.double("a value") } })
      } else {
        selection = .scale(try decodeEnum(scaleNode, what: "legend scale"))
      }
    }
    if let values = map["values"], map["scale"]?.scalarText != "size" {
      throw values.error("values choose the entries of a size legend; add scale: size")
    }
    markerScale =
      try map.optional("marker_scale") { node in
        let value = try node.positive("a marker scale")
        guard value <= 100 else { throw node.error("a marker scale of at most 100, found \(value)") }
        return value
      } ?? 1
    if let entries = try map.optional("entries", { try $0.list("legend entries").map(Self.entry) }) {
      guard !entries.isEmpty else { throw map["entries"]!.error("a legend needs at least one entry") }
      selection = .entries(entries)
    }
  }
}
