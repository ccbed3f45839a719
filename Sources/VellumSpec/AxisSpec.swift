/// One axis: its label, limits, scale, tick placement and tick label format.
public struct AxisSpec {
  public enum Scale: String, Sendable, CaseIterable {
    case linear
    /// Values are labels placed at 0, 1, 2… in order of first appearance.
    case categorical
  }

  /// Where ticks go.
  public enum TickPlacement {
    /// Nice steps chosen from the axis length, like matplotlib's MaxNLocator.
    case auto
    /// Every multiple of the step inside the limits (matplotlib's MultipleLocator).
    case step(Double)
    /// Exactly these values, optionally with their own labels.
    case values([Double], labels: [Located<String>]?)
  }

  /// How tick values become text.
  public enum TickFormat: String, Sendable, CaseIterable {
    /// As few decimals as tell all ticks apart (matplotlib's ScalarFormatter without offset).
    case auto
    /// SI suffixes: 5000 → 5k, 2500000 → 2.5M, 0 → 0.
    case si
  }

  public var name: String
  public var label: LabelSpec?
  public var limits: (Double, Double)?
  public var scale: Scale
  public var ticks: TickPlacement
  public var format: TickFormat
  /// Fixed number of decimals, overriding the format's choice.
  public var decimals: Int?
  /// Where the spec declared this axis (for errors about its data).
  public var location: SourceLocation?

  init(name: String, baseFont: FontSpec) {
    self.name = name
    scale = .linear
    ticks = .auto
    format = .auto
  }
}

extension AxisSpec {
  static let keys = ["label", "limits", "scale", "ticks", "format", "decimals"]

  init(node: SpecNode, name: String, baseFont: FontSpec) throws {
    self.init(name: name, baseFont: baseFont)
    location = node.location
    let map = try node.mapping("the \(name) axis", keys: Self.keys)
    label = try map.optional("label") {
      try LabelSpec(node: $0, what: "\(name) label", defaultSize: baseFont.size, defaultPad: 4)
    }
    limits = try map.optional("limits") { node in
      let items = try node.list("limits [low, high]")
      guard items.count == 2 else { throw node.error("expected limits [low, high], found \(items.count) values") }
      let low = try items[0].double("a limit")
      let high = try items[1].double("a limit")
      guard low != high else { throw node.error("limits must differ, found [\(low), \(high)]") }
      return (low, high)
    }
    scale = try map.optional("scale") { try decodeEnum($0, what: "scale") } ?? .linear
    ticks = try map.optional("ticks") { try Self.placement($0) } ?? .auto
    format = try map.optional("format") { try decodeEnum($0, what: "tick format") } ?? .auto
    decimals = try map.optional("decimals") { node in
      let value = try node.int("a number of decimals")
      guard (0...12).contains(value) else { throw node.error("decimals must be between 0 and 12") }
      return value
    }
  }

  private static func placement(_ node: SpecNode) throws -> TickPlacement {
    if node.isSequence {
      return .values(try node.list().map { try $0.double("a tick value") }, labels: nil)
    }
    if node.scalarText == "auto" { return .auto }
    let map = try node.mapping("ticks", keys: ["step", "values", "labels"])
    if let step = try map.optional("step", { try $0.positive("a tick step") }) {
      if map["values"] != nil { throw node.error("give either 'step' or 'values' for ticks, not both") }
      return .step(step)
    }
    guard let values = try map.optional("values", { try $0.list().map { try $0.double("a tick value") } }) else {
      throw node.error("ticks need 'step' or 'values'")
    }
    let labels = try map.optional("labels") { try $0.list().map { try $0.located("a tick label") } }
    if let labels, labels.count != values.count, let labelNode = map["labels"] {
      throw labelNode.error("expected \(values.count) tick labels (one per value), found \(labels.count)")
    }
    return .values(values, labels: labels)
  }
}
