/// One key of a spec object, declared once beside the code that reads it: its name, the JSON Schema of its value
/// (type, value set, range), what it means in *that* object, its default and an example. The decoder's key list,
/// the JSON Schema, editor hover text, `docs/spec.md` and did-you-mean suggestions are all made from it.
public struct SpecKey: Sendable {
  public let name: String
  /// The schema of the value: its type, its values or its range, as the decoder checks them.
  public let schema: JSONValue
  /// One line on what the key does in its object.
  public let meaning: String
  /// The value used when the key is left out, as a spec would write it; nil when there is none.
  public let defaultValue: String?
  /// A value to show in the reference and in editors.
  public let example: String?

  public init(
    _ name: String, _ schema: JSONValue, _ meaning: String, default defaultValue: String? = nil,
    example: String? = nil
  ) {
    self.name = name
    self.schema = schema
    self.meaning = meaning
    self.defaultValue = defaultValue
    self.example = example
  }

  /// A key whose default is a value the decoder reads it with, written as a spec writes it.
  public init<Value>(
    _ name: String, _ schema: JSONValue, _ meaning: String, defaultValue: Value, example: String? = nil
  ) {
    self.init(name, schema, meaning, default: SpecKey.written(defaultValue), example: example)
  }

  // The common kinds of default written with no cast at run time: every figure declares hundreds of keys, and a
  // cast of `Any` to a protocol costs a scan of the binary's conformances the first time for each type.

  /// A key whose default is a number.
  public init(_ name: String, _ schema: JSONValue, _ meaning: String, defaultValue: Double, example: String? = nil) {
    self.init(name, schema, meaning, default: SpecKey.written(number: defaultValue), example: example)
  }

  /// A key whose default is a whole number.
  public init(_ name: String, _ schema: JSONValue, _ meaning: String, defaultValue: Int, example: String? = nil) {
    self.init(name, schema, meaning, default: String(defaultValue), example: example)
  }

  /// A key whose default is true or false.
  public init(_ name: String, _ schema: JSONValue, _ meaning: String, defaultValue: Bool, example: String? = nil) {
    self.init(name, schema, meaning, default: defaultValue ? "true" : "false", example: example)
  }

  /// A key whose default is text.
  public init(_ name: String, _ schema: JSONValue, _ meaning: String, defaultValue: String, example: String? = nil) {
    self.init(name, schema, meaning, default: defaultValue, example: example)
  }

  /// A key whose default is one of an enumeration's names.
  public init<Value: RawRepresentable>(
    _ name: String, _ schema: JSONValue, _ meaning: String, defaultValue: Value, example: String? = nil
  ) where Value.RawValue == String {
    self.init(name, schema, meaning, default: defaultValue.rawValue, example: example)
  }

  /// A number as YAML writes it: whole numbers without a fraction.
  static func written(number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }

  /// `value` as YAML writes it: enums by their raw value, whole numbers without a fraction, lists in brackets.
  public static func written(_ value: Any) -> String {
    switch value {
    case let number as Double: return written(number: number)
    case let text as String: return text
    case let raw as any RawRepresentable: return written(raw.rawValue)
    case let list as [Any]: return "[" + list.map(written).joined(separator: ", ") + "]"
    default: return String(describing: value)
    }
  }

  /// This key's property schema: the value's schema with the meaning, default and example attached.
  var propertySchema: JSONValue {
    guard case .object(var fields) = schema else { return schema }
    fields["description"] = .string(meaning)
    if let defaultValue { fields["x-default"] = .string(defaultValue) }
    if let example { fields["examples"] = .array([.string(example)]) }
    return .object(fields)
  }
}

/// The keys of one spec object (a transform, a mark, a legend…) with the rules that tie them together, declared
/// where the object is decoded. Its schema, reference section and unknown-key suggestions come from here.
public struct SpecObject: Sendable {
  /// The object's name where a spec writes it (`ema`), also the reference section's heading.
  public let name: String
  /// What the object is for, two lines at most: the reference section opens with it.
  public let purpose: String
  public let keys: [SpecKey]
  public let required: [String]
  /// Sets of keys refused together (two forms of one setting).
  public let exclusive: [[String]]
  /// Sets of which at least one must be given whole.
  public let requiresOneOf: [[String]]
  /// Keys taken only with others.
  public let needs: [String: [String]]
  /// Other forms the object may be written in (`sort: step`), beside the mapping of its keys.
  public let shorthand: [JSONValue]
  /// Rules over several keys the lists above cannot say (a log axis takes positive limits), as JSON Schema.
  public let rules: [JSONValue]
  /// A small whole spec using the object, which the reference shows and a test renders.
  public let example: String

  public init(
    _ name: String, purpose: String, keys: [SpecKey], required: [String] = [], exclusive: [[String]] = [],
    requiresOneOf: [[String]] = [], needs: [String: [String]] = [:], shorthand: [JSONValue] = [],
    rules: [JSONValue] = [], example: String
  ) {
    let names = keys.map(\.name)
    precondition(Set(names).count == names.count, "\(name): a key is declared twice")
    let mentioned = required + exclusive.joined() + requiresOneOf.joined() + needs.keys + needs.values.joined()
    precondition(Set(mentioned).isSubset(of: names), "\(name): a rule names an undeclared key")
    self.name = name
    self.purpose = purpose
    self.keys = keys
    self.required = required
    self.exclusive = exclusive
    self.requiresOneOf = requiresOneOf
    self.needs = needs
    self.shorthand = shorthand
    self.rules = rules
    self.example = example
  }

  /// The key names in declaration order, which did-you-mean considers.
  public var keyNames: [String] { keys.map(\.name) }

  /// The declared key called `name`.
  public func key(_ name: String) -> SpecKey? { keys.first { $0.name == name } }

  /// This object with `key`'s value schema replaced (a schema only the assembled grammar knows, such as the
  /// registry's transforms).
  public func replacingSchema(of key: String, with schema: JSONValue) -> SpecObject {
    with(
      keys: keys.map {
        $0.name == key ? SpecKey($0.name, schema, $0.meaning, default: $0.defaultValue, example: $0.example) : $0
      })
  }

  /// This object without the keys named (an inset takes an axes' keys but not `insets`).
  public func removing(_ names: [String]) -> SpecObject { with(keys: keys.filter { !names.contains($0.name) }) }

  /// This object renamed, with its own purpose and example, and `more` keys (an inset is an axes with a position).
  public func extended(
    as name: String, purpose: String, keys more: [SpecKey], required: [String], example: String
  ) -> SpecObject {
    with(keys: keys + more, name: name, purpose: purpose, required: required, example: example)
  }

  /// This object with `more` keys after its own (keys every object of a kind shares, such as a layer's `axis`).
  public func adding(_ more: [SpecKey], rules moreRules: [JSONValue] = []) -> SpecObject {
    with(keys: keys + more, rules: rules + moreRules)
  }

  /// A copy with other keys (its rules checked against them again), and a new name, purpose, example or more
  /// required keys where given.
  private func with(
    keys: [SpecKey], name: String? = nil, purpose: String? = nil, required more: [String] = [],
    rules newRules: [JSONValue]? = nil, example: String? = nil
  ) -> SpecObject {
    SpecObject(
      name ?? self.name, purpose: purpose ?? self.purpose, keys: keys, required: required + more,
      exclusive: exclusive, requiresOneOf: requiresOneOf, needs: needs, shorthand: shorthand,
      rules: newRules ?? rules, example: example ?? self.example)
  }

  /// The JSON Schema of the object: its keys described, unknown keys refused, the cross-key rules, and its
  /// shorthand forms. `title` names it, and the reference (``SpecSchema/markdown(grammar:)``) gives it a section.
  public var schema: JSONValue {
    var properties: [String: JSONValue] = [:]
    for key in keys {
      // `key:` with nothing after it is YAML's null, which the decoder reads as the key left out.
      properties[key.name] = required.contains(key.name) ? key.propertySchema : SpecSchema.nullable(key.propertySchema)
    }
    var fields: [String: JSONValue] = [
      "type": .string("object"), "additionalProperties": .bool(false), "properties": .object(properties),
    ]
    if !required.isEmpty { fields["required"] = .array(required.map(JSONValue.string)) }
    func requiring(_ keys: [String]) -> JSONValue { .object(["required": .array(keys.map(JSONValue.string))]) }
    var rules: [JSONValue] = exclusive.map { .object(["not": requiring($0)]) } + self.rules
    if !requiresOneOf.isEmpty { rules.append(.object(["anyOf": .array(requiresOneOf.map(requiring))])) }
    if !rules.isEmpty { fields["allOf"] = .array(rules) }
    if !needs.isEmpty {
      fields["dependentRequired"] = .object(needs.mapValues { .array($0.map(JSONValue.string)) })
    }
    // `description` is the hover text where the object is written (a key's meaning replaces it there);
    // `x-purpose` stays, for the object's reference section.
    let annotations: [String: JSONValue] = [
      "title": .string(name), "description": .string(purpose), "x-purpose": .string(purpose),
      "x-example": .string(example),
    ]
    guard !shorthand.isEmpty else { return .object(fields.merging(annotations) { $1 }) }
    return .object(annotations.merging(["anyOf": .array(shorthand + [.object(fields)])]) { $1 })
  }
}

extension SpecNode {
  /// Reads this node as `object`'s mapping: an unknown key is an error at that key naming the closest declared one.
  public func mapping(_ object: SpecObject) throws -> SpecMapping {
    let map = try mapping(object.name, keys: object.keyNames)
    for set in object.exclusive where set.allSatisfy({ map[$0].map { !$0.isNull } ?? false }) {
      throw map[set[1]]!.error("\(object.name) takes '\(set[0])' or '\(set[1])', not both")
    }
    return map
  }
}
