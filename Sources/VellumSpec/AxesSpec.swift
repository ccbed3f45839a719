import VellumDiagnostics

/// One plot area: its axes, frame, ticks, legend and data layers.
public struct AxesSpec: Sendable {
  public var title: LabelSpec?
  public var x: AxisSpec
  public var y: AxisSpec
  /// A secondary x axis along the top (matplotlib's `twiny`, or `secondary_xaxis` when it has a `function`).
  public var x2: AxisSpec?
  /// A secondary y axis along the right (matplotlib's `twinx`, or `secondary_yaxis`).
  public var y2: AxisSpec?
  public var frame: FrameSpec
  public var grid: GridSpec?
  public var ticks: TickStyleSpec
  /// The axes' legends: one by default, none with `legend: false`, several from a list.
  public var legends: [LegendSpec]
  /// True when the spec said nothing about this axes' legend (a figure legend then replaces it).
  public var legendIsDefault: Bool
  public var layers: [LayerSpec]
  /// Page length of one y unit over one x unit (matplotlib's `set_aspect`, adjustable box): 1 (`equal`) draws
  /// square heatmap cells; nil fills the space.
  public var aspect: Double?
  /// Where the axes was declared, for errors about the whole panel.
  public var location: SourceLocation?
  /// Axes drawn inside this one.
  public var insets: [InsetSpec] = []
  /// Polar axes: x is the angle, y the radius.
  public var polar: PolarSpec?
  /// Drawn once per value of a column (small multiples); the data stage expands it into panels.
  public var facet: FacetSpec?
  /// The panel keeps its grid cell but draws nothing (matplotlib's `ax.axis('off')`): a joint plot's empty corner.
  public var hidden = false
  /// Values pinned to colours in this panel alone (`colors: {ours: C2}`); its colours then resolve on their own.
  public var colors: [(value: String, pin: Color)] = []
  /// The facet values an expanded panel shows: its layers read only the rows holding them.
  public var facetCell: [(column: Located<String>, value: String)] = []

  /// This axes' layers, then each inset's: the order the data stage loads them in.
  public var allLayers: [LayerSpec] { layers + insets.flatMap(\.axes.layers) }
}

/// A piece of text with its own size and distance from what it labels.
public struct LabelSpec: Sendable {
  /// The label in Vellum's TeX subset, e.g. `\textbf{SDPO}`.
  public var text: Located<String>
  /// Size in points.
  public var size: Double
  /// Gap in points between the label and what it labels.
  public var pad: Double

  public init(text: Located<String>, size: Double, pad: Double) {
    self.text = text
    self.size = size
    self.pad = pad
  }
}

/// How the plot area is outlined.
public struct FrameSpec: Sendable {
  public enum Style: String, Sendable, CaseIterable {
    /// All four spines.
    case box
    /// Left and bottom spines only.
    case open
    /// No spines.
    case none
  }
  public var style: Style
  /// Spine width in points.
  public var width: Double
  public var color: Color
  /// Which spines are drawn, each in the frame's colour or its own; the style's spines unless a side says.
  public var left: Spine
  public var bottom: Spine
  public var top: Spine
  public var right: Spine
  /// Spines (with their ticks and labels) moved outward by this many points (seaborn's `despine(offset=…)`).
  public var offset: Double = 0

  /// One side's spine: drawn or not, and its own colour (nil: the frame's).
  public struct Spine: Sendable, Equatable {
    public var shown: Bool
    public var color: Color?
  }

  public init(style: Style, width: Double, color: Color) {
    self.style = style
    self.width = width
    self.color = color
    (left, bottom) = (Spine(shown: style != .none), Spine(shown: style != .none))
    (top, right) = (Spine(shown: style == .box), Spine(shown: style == .box))
  }

  /// Whether the spines are the style's own, in the frame's colour, on the plot's edges: drawn as one path.
  public var isPlain: Bool {
    let plain = FrameSpec(style: style, width: width, color: color)
    return offset == 0 && [left, bottom, top, right] == [plain.left, plain.bottom, plain.top, plain.right]
  }
}

/// Tick marks and tick labels, shared by both axes.
public struct TickStyleSpec: Sendable {
  public enum Direction: String, Sendable, CaseIterable {
    case `in`, out
    case inOut = "inout"
  }
  public var direction: Direction
  /// Tick length in points.
  public var length: Double
  /// Tick width in points.
  public var width: Double
  /// Tick label size in points.
  public var labelSize: Double
  /// Gap between tick and label in points.
  public var pad: Double
  /// Also draw ticks on the top and right spines.
  public var mirror: Bool
  public var color: Color
}

extension AxesSpec {
  static let object = SpecObject(
    "axes",
    purpose: "One panel: its axes, decorations and layers, drawn bottom to top; `axes:` holds one panel or a list "
      + "laid out by `panels`.",
    keys: [
      SpecKey(
        "title", LabelSpec.schema, "the panel's title over the plot (TeX subset), or {text, size, pad}",
        example: "'Training loss'"),
      SpecKey(
        "x", AxisSpec.object.schema, "the x axis along the bottom: label, limits, scale, ticks…",
        example: "{label: Step, scale: log}"),
      SpecKey(
        "y", AxisSpec.object.schema, "the y axis along the left: label, limits, scale, ticks…",
        example: "{label: Loss, limits: [0, 1]}"),
      SpecKey(
        "x2", AxisSpec.object.schema,
        "a secondary x axis along the top: its own limits for layers with axis: x2, or a function of x",
        example: "{label: Epoch, function: {forward: x / 2500, inverse: x * 2500}}"),
      SpecKey(
        "y2", AxisSpec.object.schema, "a secondary y axis along the right, for layers with axis: y2",
        example: "{label: Accuracy}"),
      SpecKey(
        "frame", FrameSpec.object.schema, "the plot's spines: box, open or none, and their look",
        defaultValue: "box"),
      SpecKey("grid", GridSpec.object.schema, "grid lines behind the data", defaultValue: false),
      SpecKey(
        "ticks", TickStyleSpec.object.schema, "how the panel's ticks and tick labels look",
        example: "{direction: in}"),
      SpecKey(
        "legend", LegendSpec.schema, "the panel's legend: true, false, its options, or a list of legends",
        defaultValue: true),
      SpecKey(
        "aspect", .object(["anyOf": .array([SpecSchema.enumeration(["equal", "auto"]), SpecSchema.positive])]),
        "the plot box's height / width: a ratio, equal (1), or auto (fill the space)", defaultValue: "auto"),
      SpecKey(
        "layers", SpecSchema.array(.object([:])), "the marks drawn, bottom to top",
        example: "[{line: {x: step, y: loss}}]"),
      SpecKey("insets", SpecSchema.array(.object([:])), "axes drawn inside this panel", default: "[]"),
      SpecKey(
        "polar", PolarSpec.object.schema, "draw the panel as polar axes (angle = x, radius = y)",
        defaultValue: false),
      SpecKey(
        "facet", FacetSpec.object.schema,
        "draw the panel once per value of a column (small multiples), titled by the value",
        example: "{column: seed, wrap: 4}"),
      SpecKey(
        "colors", SpecSchema.pins(SpecSchema.color),
        "values pinned to colours in this panel only; its other values take the colours the pins leave, from the "
          + "start of the range (a panel resolving its colours on its own)", example: "{ours: C2}"),
      SpecKey(
        "hidden", SpecSchema.boolean,
        "keep the panel's grid cell empty, drawing nothing (matplotlib's ax.axis('off')); its layers are left out",
        defaultValue: false),
    ],
    required: ["layers"], example: "{axes: {x: {label: Step}, y: {label: Loss}, layers: [{line: {x: step, y: loss}}]}}")

  /// An inset's axes leave its `position` and `zoom` to ``InsetSpec`` and hold no insets of their own.
  init(node: SpecNode, baseFont: FontSpec, dataNames: [String], grammar: Grammar, inset: Bool = false) throws {
    let map = try node.mapping(inset ? InsetSpec.object : Self.object)
    location = node.location
    title = try map.optional("title") {
      try LabelSpec(node: $0, what: "title", defaultSize: baseFont.size * 1.2, defaultPad: 6)
    }
    let scales = grammar.scales
    x =
      try map.optional("x") { try AxisSpec(node: $0, name: "x", baseFont: baseFont, scales: scales) }
      ?? AxisSpec(name: "x", scales: scales)
    y =
      try map.optional("y") { try AxisSpec(node: $0, name: "y", baseFont: baseFont, scales: scales) }
      ?? AxisSpec(name: "y", scales: scales)
    x2 = try map.optional("x2") { try Self.secondary($0, name: "x2", baseFont: baseFont, scales: scales) }
    y2 = try map.optional("y2") { try Self.secondary($0, name: "y2", baseFont: baseFont, scales: scales) }
    frame = try map.optional("frame") { try FrameSpec(node: $0) } ?? FrameSpec(style: .box, width: 0.8, color: .black)
    grid = try map.optional("grid") { try GridSpec(node: $0) }
    ticks =
      try map.optional("ticks") { try TickStyleSpec(node: $0, baseFont: baseFont) }
      ?? TickStyleSpec(
        direction: .out, length: 3.5, width: 0.8, labelSize: baseFont.size, pad: 3.5, mirror: false, color: .black)
    legends =
      try map.optional("legend") {
        try LegendSpec.list($0, baseFont: baseFont, defaults: LegendSpec(baseFont: baseFont))
      } ?? [LegendSpec(baseFont: baseFont)]
    legendIsDefault = map["legend"] == nil
    aspect =
      try map.optional("aspect") { node -> Double? in
        switch node.scalarText {
        case "equal": return 1
        case "auto": return nil
        default: return try node.positive("equal, auto or a ratio")
        }
      } ?? nil
    layers = try map.required("layers") { node in
      let items = try node.list("a list of layers")
      guard items.count <= Limits.layers else { throw node.error("more than \(Limits.layers) layers in one panel") }
      return try items.map { try grammar.layers.decode($0, dataNames: dataNames, transforms: grammar.transforms) }
    }
    for layer in layers { try checkAxes(of: layer) }
    insets =
      try map.optional("insets") { node in
        let items = try node.list("a list of insets")
        guard items.count <= 16 else { throw node.error("more than 16 insets in one panel") }
        return try items.map {
          try InsetSpec(node: $0, baseFont: baseFont, dataNames: dataNames, grammar: grammar)
        }
      } ?? []
    polar =
      try map.optional("polar") { node -> PolarSpec? in
        if node.scalarText != nil { return try node.bool() ? PolarSpec(location: node.location) : nil }
        return try PolarSpec(node: node)
      } ?? nil
    try polar?.check(x: x, y: y, panel: node, hasSecondary: x2 != nil || y2 != nil, hasInsets: !insets.isEmpty)
    facet = try map.optional("facet") { try FacetSpec(node: $0) }
    hidden = try map.optional("hidden") { try $0.bool() } ?? false
    colors = try map.optional("colors") { try DiscreteScaleSpec<Color>.pins($0, decode: decodeColor) } ?? []
    if hidden, let node = map["layers"], !layers.isEmpty {
      throw node.error("a hidden panel draws nothing: give it 'layers: []', or drop 'hidden'")
    }
  }

  /// The x axis a layer's x values lie along.
  public func xAxis(of layer: LayerSpec) -> AxisSpec { axis(named: layer.axes.x) ?? x }
  /// The y axis a layer's y values lie along.
  public func yAxis(of layer: LayerSpec) -> AxisSpec { axis(named: layer.axes.y) ?? y }

  /// The panel's axes beyond the primary x and y, in order: a secondary x along the top, a secondary y along the
  /// right. Layout builds a guide and a scale for each, so another position axis is one more entry here.
  public var secondaryAxes: [AxisSpec] { [x2, y2].compactMap { $0 } }

  /// The axis the spec calls `name`.
  public func axis(named name: String) -> AxisSpec? {
    ([x, y] + secondaryAxes).first { $0.name == name }
  }

  private static func secondary(_ node: SpecNode, name: String, baseFont: FontSpec, scales: ScaleKinds) throws
    -> AxisSpec
  {
    let axis = try AxisSpec(node: node, name: name, baseFont: baseFont, scales: scales)
    if axis.scale.isCategorical {
      throw node.error("a secondary axis cannot be categorical; draw categories along \(name.dropLast())")
    }
    if axis.function != nil, axis.limits != nil {
      throw node.error("\(name) follows its function of the \(name.dropLast()) axis; give limits there, not here")
    }
    return axis
  }

  /// A layer may name only a secondary axis the panel declares, and not one computed by a function.
  private func checkAxes(of layer: LayerSpec) throws {
    for name in layer.axes.secondary {
      guard let axis = axis(named: name) else {
        throw VellumError(
          .invalidSpec,
          "this layer is drawn against '\(name)', but the panel has no \(name) axis; add '\(name): {…}' "
            + "beside x and y", at: layer.axes.location)
      }
      if axis.function != nil {
        throw VellumError(
          .invalidSpec,
          "'\(name)' is a function of the \(name.dropLast()) axis; draw the layer against "
            + "\(name.dropLast()) instead", at: layer.axes.location)
      }
    }
  }
}

extension LabelSpec {
  static let object = SpecObject(
    "label",
    purpose: "A label's text (TeX subset: $…$ math, \\textbf, …) with its own size and gap; a plain text "
      + "is short for {text: …}.",
    keys: [
      SpecKey("text", SpecSchema.text, "the label's text (TeX subset)", example: "'Loss ($\\log$)'"),
      SpecKey(
        "size", SpecSchema.fontSize, "text size in points",
        default: "the base font size (titles: 1.2 times it)", example: "12"),
      SpecKey(
        "pad", SpecSchema.bounded(minimum: -Limits.measure, maximum: Limits.measure),
        "gap in points between the text and what it labels (negative moves a title into the plot, as matplotlib's)",
        default: "4 (axis labels), 6 (panel titles), the figure's pad × font size (figure title)", example: "8"),
    ],
    required: ["text"], shorthand: [SpecSchema.text],
    example: "{axes: {title: {text: 'Training loss', size: 12}, layers: [{line: {x: step, y: loss}}]}}")

  /// A text, or `{text, size, pad}`.
  static var schema: JSONValue { object.schema }

  init(node: SpecNode, what: String, defaultSize: Double, defaultPad: Double) throws {
    if node.scalarText != nil {
      text = try node.located("the \(what) text")
      size = defaultSize
      pad = defaultPad
      return
    }
    let map = try node.mapping(Self.object)
    text = try map.required("text") { try $0.located("the \(what) text") }
    size = try map.optional("size") { try $0.fontSize() } ?? defaultSize
    pad =
      try map.optional("pad") { node in
        let value = try node.double("a pad in points")
        guard abs(value) <= Limits.measure else {
          throw node.error("expected a pad of at most \(Int(Limits.measure)) points either way, found \(value)")
        }
        return value
      } ?? defaultPad
  }
}

extension FrameSpec {
  static let object = SpecObject(
    "frame",
    purpose: "The plot's spines: all four (box), left and bottom only (open), or none; a style name is short "
      + "for {style: …}.",
    keys: [
      SpecKey(
        "style", SpecSchema.enumeration(Style.allCases.map(\.rawValue)),
        "which spines are drawn: box (all four), open (left and bottom), none", defaultValue: Style.box),
      SpecKey("width", SpecSchema.measure, "spine width in points", defaultValue: 0.8),
      SpecKey("color", SpecSchema.color, "spine colour", defaultValue: "black"),
    ]
      + ["left", "bottom", "top", "right"].map { side in
        SpecKey(
          side, .object(["anyOf": .array([SpecSchema.boolean, SpecSchema.color])]),
          "draw the \(side) spine (true, false) or draw it in this colour", default: "as the style says",
          example: side == "left" ? "tab:blue" : "false")
      } + [
        SpecKey(
          "offset", SpecSchema.measure, "move the spines and their ticks outward by this many points (despine)",
          defaultValue: 0.0)
      ],
    shorthand: [SpecSchema.enumeration(Style.allCases.map(\.rawValue))],
    example: "{axes: {frame: {style: open}, layers: [{line: {x: step, y: loss}}]}}")

  init(node: SpecNode) throws {
    if node.scalarText != nil {
      self.init(style: try Self.style(node), width: 0.8, color: .black)
      return
    }
    let map = try node.mapping(Self.object)
    self.init(
      style: try map.optional("style") { try Self.style($0) } ?? .box,
      width: try map.optional("width") { try $0.measure("a line width") } ?? 0.8,
      color: try map.optional("color") { try decodeColor($0) } ?? .black)
    func spine(_ key: String, _ spine: inout Spine) throws {
      guard let node = map[key], !node.isNull else { return }
      if let text = node.scalarText, ["true", "false", "yes", "no", "on", "off", "True", "False"].contains(text) {
        spine.shown = try node.bool()
      } else {
        spine = Spine(shown: true, color: try decodeColor(node))
      }
    }
    try spine("left", &left)
    try spine("bottom", &bottom)
    try spine("top", &top)
    try spine("right", &right)
    offset = try map.optional("offset") { try $0.measure("an offset in points") } ?? 0
  }

  private static func style(_ node: SpecNode) throws -> Style {
    try decodeEnum(node, what: "frame style")
  }
}

extension TickStyleSpec {
  static let object = SpecObject(
    "tick style",
    purpose: "How a panel's ticks and tick labels look (matplotlib's tick_params): direction, size, label size and "
      + "colour; where ticks go is each axis's `ticks`.",
    keys: [
      SpecKey(
        "direction", SpecSchema.enumeration(Direction.allCases.map(\.rawValue)),
        "ticks point out of the plot, into it, or both ways", defaultValue: Direction.out),
      SpecKey("length", SpecSchema.measure, "major tick length in points", defaultValue: 3.5),
      SpecKey("width", SpecSchema.measure, "tick line width in points", defaultValue: 0.8),
      SpecKey("label_size", SpecSchema.fontSize, "tick label size in points", default: "the base font size"),
      SpecKey("pad", SpecSchema.number, "gap in points between a tick and its label", defaultValue: 3.5),
      SpecKey("mirror", SpecSchema.boolean, "ticks on the top and right spines too", defaultValue: false),
      SpecKey("color", SpecSchema.color, "colour of the ticks and tick labels", defaultValue: "black"),
    ],
    example: "{axes: {ticks: {direction: in, mirror: true}, layers: [{line: {x: step, y: loss}}]}}")

  init(node: SpecNode, baseFont: FontSpec) throws {
    let map = try node.mapping(Self.object)
    direction = try map.optional("direction") { try decodeEnum($0, what: "tick direction") } ?? .out
    length = try map.optional("length") { try $0.measure("a tick length") } ?? 3.5
    width = try map.optional("width") { try $0.measure("a tick width") } ?? 0.8
    labelSize = try map.optional("label_size") { try $0.fontSize() } ?? baseFont.size
    pad = try map.optional("pad") { try $0.double("a pad in points") } ?? 3.5
    mirror = try map.optional("mirror") { try $0.bool() } ?? false
    color = try map.optional("color") { try decodeColor($0) } ?? .black
  }
}

public func decodeEnum<T: RawRepresentable & CaseIterable>(_ node: SpecNode, what: String) throws -> T
where T.RawValue == String {
  let text = try node.string(what)
  if let value = T(rawValue: text) { return value }
  throw node.error(unknownNameMessage(text, kind: what, candidates: T.allCases.map(\.rawValue)))
}
