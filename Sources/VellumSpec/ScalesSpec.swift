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

  public init(domain: [String]? = nil, pinned: [(value: String, pin: Value)] = [], resolve: Resolve = .shared) {
    self.domain = domain
    self.pinned = pinned
    self.resolve = resolve
  }

  /// Reads `{domain: […], <pinKey>: {value: …}, resolve: shared|independent}`.
  init(node: SpecNode, pinKey: String, decode: (SpecNode) throws -> Value) throws {
    let map = try node.mapping("the scale", keys: ["domain", pinKey, "resolve"])
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

  public init() {}

  static let keys = ["color", "dash", "marker"]
  /// The key under which each scale pins values.
  static let pinKeys = ["color": "colors", "dash": "dashes", "marker": "shapes"]

  init(node: SpecNode) throws {
    let map = try node.mapping("scales", keys: Self.keys)
    color =
      try map.optional("color") { try DiscreteScaleSpec(node: $0, pinKey: "colors", decode: decodeColor) } ?? color
    dash = try map.optional("dash") { try DiscreteScaleSpec(node: $0, pinKey: "dashes", decode: decodeDash) } ?? dash
    marker =
      try map.optional("marker") { try DiscreteScaleSpec(node: $0, pinKey: "shapes", decode: MarkerSpec.shape) }
      ?? marker
  }
}
