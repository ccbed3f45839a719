/// How the values of a grouping column become colours: one mapping for the whole figure by default,
/// so a value keeps its colour in every panel and in the legend, whatever a panel filters out.
public struct ColorScaleSpec: Sendable {
  /// Whether panels share one value → colour mapping.
  public enum Resolve: String, Sendable, CaseIterable {
    /// One mapping for the figure: the domain is every panel's values in order of first appearance.
    case shared
    /// Each panel maps its own values from the start of the palette, as separate matplotlib axes do.
    case independent
  }

  /// Values in palette order; values met in the data but not listed follow in order of first appearance.
  public var domain: [String]?
  /// Values pinned to a colour; the other values take the palette colours no pin uses, in domain order.
  public var pinned: [(value: String, color: Color)]
  public var resolve: Resolve

  public init(domain: [String]? = nil, pinned: [(value: String, color: Color)] = [], resolve: Resolve = .shared) {
    self.domain = domain
    self.pinned = pinned
    self.resolve = resolve
  }

  static let keys = ["domain", "colors", "resolve"]

  init(node: SpecNode) throws {
    let map = try node.mapping("the color scale", keys: Self.keys)
    domain = try map.optional("domain") { node in
      let values = try node.list("a list of values").map { try $0.string("a value") }
      var seen = Set<String>()
      for (value, item) in zip(values, try node.list()) where !seen.insert(value).inserted {
        throw item.error("'\(value)' is listed twice in the color domain")
      }
      return values
    }
    pinned = try map.optional("colors") { try Self.pins($0) } ?? []
    resolve = try map.optional("resolve") { try decodeEnum($0, what: "scale resolution") } ?? .shared
  }

  /// `{value: color, …}` in the order written.
  static func pins(_ node: SpecNode) throws -> [(value: String, color: Color)] {
    let map = try node.mapping("colors (a mapping from value to color)", keys: try node.mappingKeys())
    return try map.entries.map { (try $0.key.string("a value"), try decodeColor($0.value)) }
  }
}
