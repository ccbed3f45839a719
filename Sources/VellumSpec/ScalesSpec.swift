/// How the values of a column become a discrete channel's values (colours, dashes, marker shapes): one mapping
/// for the whole figure by default, so a value looks the same in every panel and in the legend, whatever a
/// panel filters out.
public struct DiscreteScaleSpec<Value: Sendable>: Sendable {
  /// Whether panels share one value mapping.
  public enum Resolve: String, Sendable, CaseIterable {
    /// One mapping for the figure: the domain is every panel's values in order of first appearance.
    case shared
    /// Each panel maps its own values from the start of the range, as separate matplotlib axes do.
    case independent
  }

  /// Values in range order; values met in the data but not listed follow in order of first appearance.
  public var domain: [String]?
  /// Values pinned to a channel value; the others take the range values no pin uses, in domain order.
  public var pinned: [(value: String, pin: Value)]
  public var resolve: Resolve
  /// A colour scale's map: a palette or colormap name its range comes from (nil: the figure's palette).
  public var map: Located<String>?

  public init(domain: [String]? = nil, pinned: [(value: String, pin: Value)] = [], resolve: Resolve = .shared) {
    self.domain = domain
    self.pinned = pinned
    self.resolve = resolve
  }

  /// Reads `{domain: […], <pinKey>: {value: …}, resolve: shared|independent}`.
  init(node: SpecNode, object: SpecObject, decode: (SpecNode) throws -> Value) throws {
    let pinKey = object.keys[1].name
    let map = try node.mapping(object)
    domain = try map.optional("domain") { node in
      let items = try node.list("a list of values")
      var seen = Set<String>()
      return try items.map { item in
        let value = try item.string("a value")
        guard seen.insert(value).inserted else { throw item.error("'\(value)' is listed twice in the domain") }
        return value
      }
    }
    pinned = try map.optional(pinKey) { try Self.pins($0, decode: decode) } ?? []
    resolve = try map.optional("resolve") { try decodeEnum($0, what: "scale resolution") } ?? .shared
    self.map = try map.optional("map") { node in
      let name = try node.located("a palette or colormap name")
      let known = ScalesSpec.mapNames
      guard known.contains(name.value) else {
        throw node.error(unknownNameMessage(name.value, kind: "palette or colormap", candidates: known))
      }
      return name
    }
  }

  /// `{value: pin, …}` in the order written.
  static func pins(_ node: SpecNode, decode: (SpecNode) throws -> Value) throws -> [(value: String, pin: Value)] {
    let map = try node.mapping("a mapping from value to channel value", keys: try node.mappingKeys())
    return try map.entries.map { (try $0.key.string("a value"), try decode($0.value)) }
  }
}

/// The figure's discrete scales, one per encoded channel.
public struct ScalesSpec: Sendable {
  public var color = DiscreteScaleSpec<Color>()
  public var dash = DiscreteScaleSpec<DashPattern>()
  public var marker = DiscreteScaleSpec<MarkerSpec.Shape>()
  /// Hatch patterns (`//`, `xx`; the empty pattern is none).
  public var hatch = DiscreteScaleSpec<String>()

  public init() {}

  static let object = SpecObject(
    "scales",
    purpose:
      "The figure's discrete scales: how a column's values become colours, dashes, marker shapes and hatches, one "
      + "mapping for every panel so a value looks the same everywhere.",
    keys: [
      SpecKey(
        "color", colorScale.schema, "the colour scale: order, pinned colours, sharing across panels",
        example: "{colors: {SDPO: C2}}"),
      SpecKey(
        "dash", dashScale.schema, "the dash scale: order, pinned dashes, sharing across panels",
        example: "{dashes: {baseline: dashed}}"),
      SpecKey(
        "marker", markerScale.schema, "the marker scale: order, pinned shapes, sharing across panels",
        example: "{shapes: {ours: star}}"),
      SpecKey(
        "hatch", hatchScale.schema, "the hatch scale: order, pinned hatches, sharing across panels",
        example: "{hatches: {ours: '//'}}"),
    ],
    example: "{scales: {color: {domain: [GRPO, SDPO]}}, axes: {layers: [{line: {x: step, y: loss, group: method}}]}}")

  static let colorScale = scale(
    "colour", pins: "colors", SpecSchema.color, "C2",
    extra: [
      SpecKey(
        "map", SpecSchema.enumeration(mapNames),
        "colours from a map: a qualitative one (tab20, Set2…) in order, or a sequential one (viridis…) spread "
          + "evenly over the values, as cmap(linspace(0, 1, n))", default: "the figure's palette",
        example: "viridis")
    ])
  /// Palettes and colormaps a colour scale's `map` may name, each once (tab10 is both).
  static let mapNames: [String] = {
    var seen = Set<String>()
    return (Color.palettes.keys.sorted() + ContinuousColorSpec.colormapNames).filter { seen.insert($0).inserted }
  }()
  static let dashScale = scale("dash", pins: "dashes", SpecSchema.dash, "dashed")
  static let markerScale = scale(
    "marker", pins: "shapes", SpecSchema.enumeration(MarkerSpec.shapeNames), "star")
  static let hatchScale = scale("hatch", pins: "hatches", SpecSchema.string, "'//'")

  /// A discrete scale of one channel: its value order, pinned values and sharing.
  private static func scale(
    _ channel: String, pins: String, _ value: JSONValue, _ example: String, extra: [SpecKey] = []
  ) -> SpecObject {
    SpecObject(
      "\(channel) scale",
      purpose: "How values take \(channel)s: in domain order from the range, unless pinned; shared by every panel "
        + "unless resolve: independent.",
      keys: [
        SpecKey(
          "domain", SpecSchema.array(SpecSchema.string),
          "values in the order they take the range; others follow in order of first appearance",
          default: "order of first appearance", example: "[baseline, ours]"),
        SpecKey(
          pins, SpecSchema.pins(value), "values pinned to a \(channel) each; the rest take the unused ones",
          example: "{ours: \(example)}"),
        SpecKey(
          "resolve", SpecSchema.enumeration(DiscreteScaleSpec<Color>.Resolve.allCases.map(\.rawValue)),
          "one mapping for the figure (shared), or each panel from the start of the range (independent)",
          defaultValue: "shared"),
      ] + extra,
      example:
        "{scales: {\(channel == "colour" ? "color" : channel): {\(pins): {ours: \(example)}}}, axes: \(encodingLayer(channel))}"
    )
  }

  /// Axes with a layer whose `channel` comes from the column `method`: a group colours its series, the other
  /// channels are read from a column only when the layer says so (`dash: {column: method}`).
  private static func encodingLayer(_ channel: String) -> String {
    switch channel {
    case "dash": return "{layers: [{line: {x: step, y: loss, group: method, dash: {column: method}}}]}"
    case "marker":
      return "{layers: [{line: {x: step, y: loss, group: method, marker: {shape: {column: method}}}}]}"
    case "hatch":
      return
        "{x: {scale: categorical}, layers: [{bar: {x: task, y: accuracy, group: method, hatch: {column: method}}}]}"
    default: return "{layers: [{line: {x: step, y: loss, group: method}}]}"
    }
  }

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.object)
    color =
      try map.optional("color") { try DiscreteScaleSpec(node: $0, object: Self.colorScale, decode: decodeColor) }
      ?? color
    dash =
      try map.optional("dash") { try DiscreteScaleSpec(node: $0, object: Self.dashScale, decode: decodeDash) } ?? dash
    marker =
      try map.optional("marker") {
        try DiscreteScaleSpec(node: $0, object: Self.markerScale, decode: MarkerSpec.shape)
      } ?? marker
    hatch =
      try map.optional("hatch") { try DiscreteScaleSpec(node: $0, object: Self.hatchScale, decode: decodeHatch) }
      ?? hatch
  }
}
