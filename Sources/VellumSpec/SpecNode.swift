import VellumDiagnostics
import Yams

/// A node of the spec document with the file it came from, so every value can report where it stood.
public struct SpecNode {
  let node: Node
  let file: String
  /// The style files merged into the document, which values they gave name (``StyleOrigin``).
  let styles: [String]

  init(_ node: Node, file: String, styles: [String] = []) {
    self.node = node
    self.file = file
    self.styles = styles
  }

  /// Where this node starts: in the spec file, or in the style file that gave it.
  public var location: SourceLocation { StyleOrigin.location(node.mark, file: file, styles: styles) }

  /// A node of this document (a key, value or item of this one).
  private func child(_ node: Node) -> SpecNode { SpecNode(node, file: file, styles: styles) }

  /// Where a scalar's characters start: past the opening quote of a quoted scalar, so an error can point at a
  /// character inside a one-line value (a formula's).
  public var textLocation: SourceLocation {
    var start = location
    if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
      start.column += 1
    }
    return start
  }

  public func error(_ message: String) -> VellumError {
    VellumError(.invalidSpec, message, at: location)
  }

  private var kindName: String {
    switch node {
    case .scalar: return "a scalar"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  public var scalarText: String? {
    if case .scalar(let scalar) = node { return scalar.string }
    return nil
  }

  /// True for `~`, `null` or an empty value.
  public var isNull: Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  public func string(_ what: String = "a string") throws -> String {
    guard let text = scalarText else { throw error("expected \(what), found \(kindName)") }
    return text
  }

  public func located(_ what: String = "a string") throws -> Located<String> {
    Located(try string(what), at: location)
  }

  public func double(_ what: String = "a number") throws -> Double {
    guard case .scalar(let scalar) = node else { throw error("expected \(what), found \(kindName)") }
    guard scalar.style == .plain || scalar.style == .any, let value = Double(scalar.string), value.isFinite
    else { throw error("expected \(what), found '\(scalar.string)'") }
    return value
  }

  public func positive(_ what: String) throws -> Double {
    let value = try double(what)
    guard value > 0 else { throw error("expected \(what) greater than 0, found \(scalarText ?? "")") }
    return value
  }

  /// A font size in points, bounded so text metrics stay in FreeType's fixed-point range.
  public func fontSize(_ what: String = "a font size") throws -> Double {
    let value = try positive(what)
    guard value <= Limits.measure else {
      throw error("expected \(what) of at most \(Int(Limits.measure)) pt, found \(scalarText ?? "")")
    }
    return value
  }

  /// A drawing measure (line width, pad, marker size) in points or font sizes, bounded like ``fontSize(_:)``
  /// so geometry never overflows to infinity.
  public func measure(_ what: String) throws -> Double {
    let value = try nonNegative(what)
    guard value <= Limits.measure else {
      throw error("expected \(what) of at most \(Int(Limits.measure)), found \(scalarText ?? "")")
    }
    return value
  }

  /// An increasing pair `[low, high]` (a histogram range, a clip range, colour limits); `what` names it in errors.
  public func interval(_ what: String) throws -> (Double, Double) {
    let items = try list("\(what) [low, high]")
    guard items.count == 2 else { throw error("expected \(what) [low, high], found \(items.count) values") }
    let (low, high) = (try items[0].double(), try items[1].double())
    guard low < high else { throw error("\(what) needs low < high, found [\(low), \(high)]") }
    return (low, high)
  }

  /// A width in category (or bin) spacings: greater than 0, at most 1.
  public func fraction(_ what: String, of whole: String = "the category spacing") throws -> Double {
    let value = try positive(what)
    guard value <= 1 else { throw error("\(what) is a fraction of \(whole), at most 1; found \(scalarText ?? "")") }
    return value
  }

  /// A random seed: a whole number of at least 0, so reruns draw the same numbers.
  public func seed() throws -> UInt64 {
    let value = try int("a seed")
    guard value >= 0 else { throw error("a seed must be a non-negative integer") }
    return UInt64(value)
  }

  public func nonNegative(_ what: String) throws -> Double {
    let value = try double(what)
    guard value >= 0 else { throw error("expected \(what) of at least 0, found \(scalarText ?? "")") }
    return value
  }

  public func int(_ what: String = "an integer") throws -> Int {
    guard let text = scalarText, let value = Int(text) else {
      throw error("expected \(what), found \(scalarText.map { "'\($0)'" } ?? kindName)")
    }
    return value
  }

  public func bool() throws -> Bool {
    switch scalarText {
    case "true", "True", "TRUE", "yes", "on": return true
    case "false", "False", "FALSE", "no", "off": return false
    default: throw error("expected true or false, found \(scalarText.map { "'\($0)'" } ?? kindName)")
    }
  }

  public func list(_ what: String = "a list") throws -> [SpecNode] {
    guard case .sequence(let sequence) = node else { throw error("expected \(what), found \(kindName)") }
    return sequence.map { child($0) }
  }

  public var isMapping: Bool {
    if case .mapping = node { return true }
    return false
  }

  public var isSequence: Bool {
    if case .sequence = node { return true }
    return false
  }

  /// Reads a mapping whose keys must all be in `keys`; an unknown key is an error at that key.
  public func mapping(_ what: String, keys: [String]) throws -> SpecMapping {
    try mapping(what, allowing: keys)
  }

  /// `allowing` nil takes any key: a mapping merged into another (`<<: *base`, which may merge a third) is
  /// checked against the keys of the mapping it lands in, not its own.
  private func mapping(_ what: String, allowing keys: [String]?) throws -> SpecMapping {
    guard case .mapping(let mapping) = node else { throw error("expected \(what) (a mapping), found \(kindName)") }
    var entries: [(key: SpecNode, value: SpecNode)] = []
    var merged: [(key: SpecNode, value: SpecNode)] = []
    for (key, value) in mapping {
      let keyNode = child(key)
      let name = try keyNode.string("a key")
      if name == "<<" {
        // YAML merge key: the aliased mapping supplies defaults that explicit keys override.
        let source = child(value)
        let sources = source.isSequence ? try source.list() : [source]
        for item in sources { merged += try item.mapping(what, allowing: nil).entries }
        continue
      }
      if let keys, !keys.contains(name) {
        throw keyNode.error(unknownNameMessage(name, kind: "key", in: what, candidates: keys))
      }
      entries.append((keyNode, child(value)))
    }
    for entry in merged where !entries.contains(where: { $0.key.scalarText == entry.key.scalarText }) {
      let name = entry.key.scalarText ?? ""
      if let keys, !keys.contains(name) {
        throw entry.key.error(unknownNameMessage(name, kind: "key", in: what, candidates: keys))
      }
      entries.append(entry)
    }
    return SpecMapping(owner: self, what: what, entries: entries)
  }

  /// Reads a one-key mapping such as `- line: {...}`, returning the key and its value.
  public func tagged(_ what: String, kinds: [String]) throws -> (kind: String, body: SpecNode) {
    guard case .mapping(let mapping) = node, mapping.count == 1, let (key, value) = mapping.first else {
      throw error("expected \(what): a mapping with one key, one of \(kinds.joined(separator: ", "))")
    }
    let keyNode = child(key)
    let kind = try keyNode.string("a key")
    guard kinds.contains(kind) else {
      throw keyNode.error(unknownNameMessage(kind, kind: what, candidates: kinds))
    }
    return (kind, child(value))
  }
}

/// A mapping whose keys were checked against the allowed set.
public struct SpecMapping {
  public let owner: SpecNode
  public let what: String
  public let entries: [(key: SpecNode, value: SpecNode)]

  public subscript(_ key: String) -> SpecNode? {
    entries.first { $0.key.scalarText == key }?.value
  }

  public var location: SourceLocation { owner.location }

  /// Decodes `key` if present and not null.
  public func optional<T>(_ key: String, _ decode: (SpecNode) throws -> T) throws -> T? {
    guard let node = self[key], !node.isNull else { return nil }
    return try decode(node)
  }

  public func required<T>(_ key: String, _ decode: (SpecNode) throws -> T) throws -> T {
    guard let node = self[key], !node.isNull else {
      throw owner.error("missing required key '\(key)' in \(what)")
    }
    return try decode(node)
  }
}

/// A value together with where the spec wrote it.
public struct Located<Value> {
  public var value: Value
  public var location: SourceLocation?

  public init(_ value: Value, at location: SourceLocation?) {
    self.value = value
    self.location = location
  }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Sendable where Value: Sendable {}
