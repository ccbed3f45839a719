import VellumDiagnostics

/// A decoded position scale (`scale: log`, `scale: time`…) with its own keys. Its meaning (transform, ticks,
/// labels) belongs to the scale kind that decoded it; the spec and data stages ask it only how values are written.
public protocol ScaleBody: Sendable {
  /// How a column drawn along an axis of this scale is read.
  var reading: ScaleReading { get }
  /// A value the spec writes for this axis (a limit or a tick), as the number the axis runs over.
  func value(_ node: SpecNode) throws -> Double
  /// `ticks: {step: …}` on this axis.
  func step(_ node: SpecNode) throws -> AxisSpec.TickPlacement
  /// Refuses limits the scale cannot show (a log axis's non-positive ones).
  func checkLimits(_ low: Double, _ high: Double, at node: SpecNode) throws
  /// Whether `format` (printf patterns, si, percent…) applies to its tick labels.
  var takesNumberFormats: Bool { get }
}

extension ScaleBody {
  public func value(_ node: SpecNode) throws -> Double { try node.double("a value") }
  public func step(_ node: SpecNode) throws -> AxisSpec.TickPlacement { .step(try node.positive("a tick step")) }
  public func checkLimits(_ low: Double, _ high: Double, at node: SpecNode) throws {}
  public var takesNumberFormats: Bool { true }
  /// Values are labels in slots 0, 1, 2…
  public var isCategorical: Bool {
    if case .categories = reading { return true }
    return false
  }
}

/// How the data stage reads a column drawn along a scale.
public enum ScaleReading: Sendable {
  /// Numbers as written.
  case numbers
  /// Labels, placed at 0, 1, 2… in order of first appearance.
  case categories
  /// Text turned into the numbers the axis runs over (dates into Unix seconds); `expected` says what a cell
  /// should look like when one does not parse.
  case parsed(expected: String, parse: @Sendable (String) -> Double?)

  /// Whether the column is read as the numbers written in it.
  public var readsNumbers: Bool {
    if case .numbers = self { return true }
    return false
  }
}

/// How one scale kind is read from an axis: its name, what it does, its own keys (written on the axis beside
/// `scale`) and its decoder.
public struct ScaleKind: Sendable {
  public let name: String
  /// One line on what the scale does, for the `scale` key's meaning.
  public let meaning: String
  public let keys: [SpecKey]
  /// The schema of one limit on this scale when it is not any number: positive on a log axis, a date (or a number)
  /// on a time axis.
  public let limits: JSONValue?
  public let decode: @Sendable (SpecMapping) throws -> any ScaleBody

  /// `limits` is the schema of one limit on this scale, when it is narrower than any number.
  public init(
    _ name: String, meaning: String, keys: [SpecKey] = [], limits: JSONValue? = nil,
    decode: @escaping @Sendable (SpecMapping) throws -> any ScaleBody
  ) {
    self.name = name
    self.meaning = meaning
    self.keys = keys
    self.limits = limits
    self.decode = decode
  }
}

/// The scale kinds an axis may name, in the order the schema and error messages list them, and the axis object
/// they complete: the axis's own keys plus every kind's.
public struct ScaleKinds: Sendable {
  public let kinds: [ScaleKind]
  /// The axis object with `scale` naming these kinds and each kind's keys beside it.
  public let axisObject: SpecObject
  /// The scale of an axis that names none: the first kind's, with its defaults.
  public let standard: any ScaleBody

  public init(_ kinds: [ScaleKind], standard: any ScaleBody) {
    precondition(Set(kinds.map(\.name)).count == kinds.count, "two scales share a name")
    self.kinds = kinds
    self.standard = standard
    // Kinds may share a key (log and symlog both take `base`) only with one schema; its meaning says which take it.
    var merged: [SpecKey] = []
    var rules: [JSONValue] = []
    for key in kinds.flatMap(\.keys) where !merged.contains(where: { $0.name == key.name }) {
      let owners = kinds.filter { $0.keys.contains { $0.name == key.name } }
      for owner in owners {
        precondition(owner.keys.first { $0.name == key.name }!.schema == key.schema, "'\(key.name)' differs")
      }
      let names = owners.map(\.name).joined(separator: ", ")
      merged.append(
        SpecKey(
          key.name, key.schema, "\(names) scale: \(key.meaning)", default: key.defaultValue, example: key.example))
      // The key is taken only beside a scale that reads it.
      rules.append(
        .object([
          "if": .object(["required": .array([.string(key.name)])]),
          "then": .object([
            "required": .array(["scale"]),
            "properties": .object(["scale": SpecSchema.enumeration(owners.map(\.name))]),
          ]),
        ]))
    }
    // Limits are numbers, unless the axis's scale says what else they may be.
    let narrowing = kinds.filter { $0.limits != nil }.map(\.name)
    rules.append(
      .object([
        "if": .object([
          "not": .object([
            "properties": .object(["scale": SpecSchema.enumeration(narrowing)]), "required": ["scale"],
          ])
        ]),
        "then": .object(["properties": .object(["limits": .object(["items": SpecSchema.number])])]),
      ]))
    for kind in kinds {
      guard let limit = kind.limits else { continue }
      rules.append(
        .object([
          "if": .object([
            "properties": .object(["scale": .object(["const": .string(kind.name)])]), "required": ["scale"],
          ]),
          "then": .object(["properties": .object(["limits": .object(["items": limit])])]),
        ]))
    }
    let scale = SpecKey(
      "scale", SpecSchema.enumeration(kinds.map(\.name)),
      "how values map to positions: " + kinds.map { "\($0.name) (\($0.meaning))" }.joined(separator: ", "),
      default: kinds.first?.name)
    axisObject = AxisSpec.object.adding([scale] + merged, rules: rules)
  }

  public var names: [String] { kinds.map(\.name) }

  /// The axis's scale, from `scale` (the first kind when absent), decoded with its own keys; a key of another kind
  /// is refused by name.
  func decode(_ map: SpecMapping) throws -> (name: String, body: any ScaleBody) {
    let scaleNode = map["scale"]
    let name = try scaleNode?.string("a scale name") ?? kinds[0].name
    guard let kind = kinds.first(where: { $0.name == name }) else {
      throw scaleNode!.error(unknownNameMessage(name, kind: "scale", candidates: names))
    }
    for other in kinds where other.name != name {
      for key in other.keys where !kind.keys.contains(where: { $0.name == key.name }) {
        guard let node = map[key.name] else { continue }
        let owners = kinds.filter { $0.keys.contains { $0.name == key.name } }.map(\.name)
        throw node.error(
          "'\(key.name)' applies to scale: \(owners.joined(separator: " or ")), and this axis is \(name)")
      }
    }
    return (name, try kind.decode(map))
  }
}
