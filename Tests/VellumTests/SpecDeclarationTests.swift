import Foundation
import Vellum
import VellumTestSupport
import XCTest
import Yams

@testable import VellumData
@testable import VellumLayout
@testable import VellumSpec

/// The reference cannot lie: every declared object's example renders, every literal default is what decoding
/// without the key does, every enum value is accepted and a near miss refused with a suggestion, and every key's
/// example decodes. Objects are found by walking `vellum schema`, so a new declaration is tested without a line here.
final class SpecDeclarationTests: XCTestCase {
  /// A declared object as the schema shows it.
  struct Declared {
    var name: String
    var example: String
    /// Property key paths (`*` for any key) where the object is written.
    var paths: Set<[String]>
    var keys: [String: JSONValue]
    var required: Set<String>
    /// Keys refused together, and keys that need others.
    var exclusive: [[String]]
    var needs: [String: [String]]
    /// Keys a value of a key needs (`norm: center` needs `center`), from the schema's if/then rules.
    var valueNeeds: [String: [String: [String]]] = [:]
    /// Values other keys must have for a key to be taken (`base` on a log or symlog axis: scale log).
    var keyContext: [String: [String: String]] = [:]
  }

  static func strings(_ value: JSONValue?) -> [String] {
    guard case .array(let items)? = value else { return [] }
    return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
  }

  static let layerKinds = Set(Grammar.vellum.layers.kinds.map(\.name))
  static let transformKinds = Set(Grammar.vellum.transforms.kinds.map(\.name))

  /// Every declared object in the schema, by name, with every place it is written.
  static let declared: [String: Declared] = {
    var found: [String: Declared] = [:]
    func walk(_ node: JSONValue, path: [String]) {
      switch node {
      case .array(let items): for item in items { walk(item, path: path) }
      case .object(let fields):
        if case .string(let title)? = fields["x-purpose"].flatMap({ _ in fields["title"] }),
          case .string(let example)? = fields["x-example"]
        {
          let name = path.isEmpty ? "figure" : title
          var entry =
            found[name]
            ?? Declared(name: name, example: example, paths: [], keys: [:], required: [], exclusive: [], needs: [:])
          entry.paths.insert(path)
          // The mapping form: this object, or the branch of its anyOf with properties.
          var forms = [fields]
          if case .array(let options)? = fields["anyOf"] {
            for case .object(let form) in options { forms.append(form) }
          }
          for form in forms {
            guard case .object(let properties)? = form["properties"] else { continue }
            entry.keys = properties
            if case .array(let names)? = form["required"] {
              entry.required = Set(names.compactMap { if case .string(let s) = $0 { return s } else { return nil } })
            }
            if case .array(let rules)? = form["allOf"] {
              for case .object(let rule) in rules {
                if case .object(let not)? = rule["not"], case .array(let names)? = not["required"] {
                  entry.exclusive.append(
                    names.compactMap { if case .string(let s) = $0 { return s } else { return nil } })
                }
                if case .object(let condition)? = rule["if"], case .object(let then)? = rule["then"],
                  case .object(let tested)? = condition["properties"], let (key, constant) = tested.first,
                  case .object(let test) = constant, case .string(let value)? = test["const"]
                {
                  entry.valueNeeds[key, default: [:]][value] = strings(then["required"])
                }
                // `if KEY (of some form) then OTHER required`: KEY is written with OTHER.
                if case .object(let condition)? = rule["if"], case .object(let then)? = rule["then"],
                  let key = strings(condition["required"]).first, then["properties"] == nil,
                  !strings(then["required"]).isEmpty
                {
                  entry.needs[key, default: []] += strings(then["required"])
                }
                if case .object(let condition)? = rule["if"], case .object(let then)? = rule["then"],
                  let key = strings(condition["required"]).first, condition["properties"] == nil,
                  case .object(let tested)? = then["properties"]
                {
                  for case (let other, .object(let test)) in tested {
                    if let value = strings(test["enum"]).first { entry.keyContext[key, default: [:]][other] = value }
                  }
                }
              }
            }
            if case .object(let dependent)? = form["dependentRequired"] {
              for (key, value) in dependent {
                if case .array(let names) = value {
                  entry.needs[key] = names.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
                }
              }
            }
          }
          found[name] = entry
        }
        for (key, value) in fields {
          switch key {
          case "properties":
            if case .object(let properties) = value {
              for (name, property) in properties { walk(property, path: path + [name]) }
            }
          case "additionalProperties": walk(value, path: path + ["*"])
          case "anyOf", "oneOf", "items", "prefixItems": walk(value, path: path)
          default: break
          }
        }
      default: break
      }
    }
    walk(Figure.schema, path: [])
    return found
  }()

  // MARK: - Fixture

  /// One table with every column the examples read, and the files the data source examples name.
  nonisolated(unsafe) private static let fixture: SpecFixture = {
    let fixture = try! SpecFixture()
    let text = ["run", "method", "model", "family", "task", "system", "skill", "name"]
    let numbers = [
      "step", "loss", "accuracy", "seed", "latency", "score", "params", "tokens", "count", "year", "label", "pred",
      "share", "std", "low", "high", "left", "right", "loss_min", "loss_max", "loss_mean", "loss_std", "size", "delta",
      "key", "query", "weight", "train", "valid", "a", "b", "c", "r", "v", "x", "train/loss",
    ]
    var csv = (text + numbers).joined(separator: ",") + "\n"
    for i in 0..<8 {
      let words = [
        ["a", "b"][i / 4], ["SDPO", "GRPO"][i % 2], ["small", "large"][i / 4], ["f1", "f2"][i % 2],
        ["t1", "t2", "t3", "t4"][i % 4], ["s1", "s2"][i % 2], ["math", "code", "chat", "tools"][i % 4], "n\(i)",
      ]
      let d = Double(i)
      let values: [Double] = [
        d * 100 + 100, 2 - d / 5, 0.5 + d / 20, Double(i % 2), 0.1 + d / 10, 0.3 + d / 11, 10 + d, 100 * (d + 1),
        d + 1, 2019 + Double(i % 4), Double(i % 2), d / 8, d / 9, 0.05, 0.2, 0.9, 0.1, 0.2, 1 - d / 10, 3 - d / 10,
        2 - d / 10, 0.1, d + 1, d / 100, Double(i % 4), Double(i / 4), d / 7, 1 + d, 2 + d, d, d * d, Double(i % 4),
        Double(i / 4), d / 3, d, 2 - d / 5,
      ]
      csv += (words + values.map { String($0) }).joined(separator: ",") + "\n"
    }
    try! fixture.write("runs.csv", csv)
    try! fixture.write("params.csv", "model,params\nsmall,7\nlarge,13\n")
    try! FileManager.default.createDirectory(
      at: fixture.directory.appendingPathComponent("runs"), withIntermediateDirectories: true)
    try! fixture.write("runs/seed1.csv", "step,loss\n1,3\n2,2\n")
    try! fixture.write("runs/seed2.csv", "step,loss\n1,4\n2,1\n")
    return fixture
  }()

  /// The object's example as a whole spec over the fixture: a mark's in a panel, a transform's on a line.
  static func wholeSpec(_ declared: Declared) throws -> Node {
    let top = try Yams.compose(yaml: declared.example)?.mapping?.keys.first?.string ?? ""
    let text: String
    if layerKinds.contains(top) {
      text = "{axes: {layers: [\(declared.example)]}}"
    } else if transformKinds.contains(top) {
      text =
        "{data: {runs: runs.csv, params: params.csv}, axes: {layers: [{line: {data: runs, x: step, y: loss, "
        + "transform: [\(declared.example)]}}]}}"
    } else {
      text = declared.example
    }
    var spec = try Yams.compose(yaml: text)!
    if case .mapping(var map) = spec, map["data"] == nil {
      map["data"] = try Yams.compose(yaml: "{runs: runs.csv}")!
      spec = .mapping(map)
    }
    return spec
  }

  /// The first mapping in `spec` written where the schema puts the object, with its path of keys and indices.
  static func instancePath(_ declared: Declared, in spec: Node) -> [Any]? {
    func matches(_ keys: [String]) -> Bool {
      declared.paths.contains { path in
        path.count == keys.count && zip(path, keys).allSatisfy { $0 == "*" || $0 == $1 }
      }
    }
    func find(_ node: Node, keys: [String], route: [Any]) -> [Any]? {
      if case .mapping(let map) = node {
        if matches(keys) { return route }
        for (key, value) in map {
          if let found = find(value, keys: keys + [key.string ?? ""], route: route + [key.string ?? ""]) {
            return found
          }
        }
      }
      if case .sequence(let items) = node {
        for (index, item) in items.enumerated() {
          if let found = find(item, keys: keys, route: route + [index]) { return found }
        }
      }
      return nil
    }
    return find(spec, keys: [], route: [])
  }

  /// `spec` with the mapping at `route` changed by `edit`.
  static func editing(_ spec: Node, at route: [Any], _ edit: (inout Node.Mapping) -> Void) -> Node {
    guard let step = route.first else {
      guard case .mapping(var map) = spec else { return spec }
      edit(&map)
      return .mapping(map)
    }
    let rest = Array(route.dropFirst())
    switch (spec, step) {
    case (.mapping(var map), let key as String):
      map[key] = editing(map[key]!, at: rest, edit)
      return .mapping(map)
    case (.sequence(var items), let index as Int):
      items[index] = editing(items[index], at: rest, edit)
      return .sequence(items)
    default: return spec
    }
  }

  /// What a spec comes to: its SVG, or, for an object inside a transform, every layer's table after its transforms.
  static func outcome(_ spec: Node, tables: Bool) throws -> String {
    let text = try Yams.serialize(node: spec)
    let figure = try Figure(text: text, name: "f.yaml", directory: fixture.directory)
    guard tables else { return try figure.svg() }
    var lines: [String] = []
    for table in try DataLoader.finalTables(figure.spec).flatMap({ $0 }) {
      guard let table else { continue }
      var cells: [String] = []
      for name in table.columnNames {
        cells.append(name + "=" + (try table.strings(Located(name, at: nil))).joined(separator: ","))
      }
      lines.append(cells.joined(separator: ";"))
    }
    return lines.joined(separator: "\n")
  }

  /// Writes each of `keys` missing from `map` with its declared example.
  static func addExamples(of keys: [String], from declared: Declared, to map: inout Node.Mapping) {
    for key in keys where map[Node(key)] == nil {
      if case .object(let fields)? = declared.keys[key], let example = text(fields["examples"]) {
        map[Node(key)] = try? Yams.compose(yaml: example)
      }
    }
  }

  /// The inner schema of a property: without the null branch its `key:` form adds.
  static func valueSchema(_ property: JSONValue) -> [String: JSONValue] {
    guard case .object(let fields) = property else { return [:] }
    if case .array(let options)? = fields["anyOf"], options.count == 2, case .object(let null) = options[1],
      null["type"] == "null", case .object(let inner) = options[0]
    {
      return inner
    }
    return fields
  }

  static func text(_ value: JSONValue?) -> String? {
    if case .string(let s)? = value { return s }
    if case .array(let items)? = value, case .string(let s)? = items.first { return s }
    return nil
  }

  /// A default written as a value (a number, a word, a list), not described in words.
  static func literal(_ text: String) -> Node? {
    guard let node = try? Yams.compose(yaml: text) else { return nil }
    if case .scalar(let scalar) = node, scalar.string.contains(where: \.isWhitespace) { return nil }
    // A placeholder in capitals (COLUMN_bin) stands for a value; it is not one.
    if text.split(whereSeparator: { !$0.isLetter }).contains(where: { $0.count >= 3 && $0.allSatisfy(\.isUppercase) }) {
      return nil
    }
    if case .mapping = node { return nil }
    return node
  }

  /// Runs `body` for every declared key of every object found in its object's example spec, with the spec and
  /// the route to the object's mapping in it.
  static func forEachKey(
    _ body: (_ declared: Declared, _ spec: Node, _ route: [Any], _ key: String, _ property: JSONValue) throws -> Void
  ) throws {
    for name in declared.keys.sorted() {
      let object = declared[name]!
      let spec = try wholeSpec(object)
      guard let route = instancePath(object, in: spec) else { continue }
      for (key, property) in object.keys.sorted(by: { $0.key < $1.key }) {
        // Written where the key is taken: beside the values of other keys it goes with.
        let context = object.keyContext[key] ?? [:]
        let placed =
          context.isEmpty
          ? spec : editing(spec, at: route) { map in for (other, value) in context { map[Node(other)] = Node(value) } }
        try body(object, placed, route, key, property)
      }
    }
  }

  // MARK: - Tests

  func testEveryDeclaredObjectIsFoundAndItsExampleRenders() throws {
    let names = Self.declared.keys.sorted()
    XCTAssertGreaterThanOrEqual(names.count, 65, "declared objects found: \(names)")
    print("declared objects whose examples render: \(names.count)")
    for name in Self.layerKinds.union(Self.transformKinds) { XCTAssertNotNil(Self.declared[name], name) }
    for name in names {
      let declared = Self.declared[name]!
      let spec = try Self.wholeSpec(declared)
      if !declared.keys.isEmpty {
        XCTAssertNotNil(Self.instancePath(declared, in: spec), "\(name): its example does not write it")
      }
      let inTransform = Self.instancePath(declared, in: spec)?.contains { ($0 as? String) == "transform" } ?? false
      XCTAssertNoThrow(try Self.outcome(spec, tables: inTransform), "\(name): \(declared.example)")
    }
  }

  func testDocumentedDefaultsAreWhatDecodingWithoutTheKeyDoes() throws {
    var checked = 0
    var failures: [String] = []
    try Self.forEachKey { declared, spec, route, key, property in
      let inTransform = route.contains { ($0 as? String) == "transform" }
      guard case .object(let fields) = property, let written = Self.text(fields["x-default"]),
        let value = Self.literal(written)
      else { return }
      let without = Self.editing(spec, at: route) { $0[Node(key)] = nil }
      let with = Self.editing(spec, at: route) { $0[Node(key)] = value }
      guard let base = try? Self.outcome(without, tables: inTransform) else { return }
      checked += 1
      do {
        if try Self.outcome(with, tables: inTransform) != base {
          failures.append("\(declared.name).\(key): writing the documented default \(written) changes the result")
        }
      } catch {
        failures.append("\(declared.name).\(key): the documented default \(written) is refused: \(error)")
      }
    }
    XCTAssertEqual(failures, [])
    XCTAssertGreaterThanOrEqual(checked, 200, "defaults checked by decoding")
    print("documented defaults checked by decoding: \(checked)")
  }

  func testEveryEnumValueIsAcceptedAndANearMissSuggestsIt() throws {
    var checked = 0
    try Self.forEachKey { declared, spec, route, key, property in
      guard case .array(let options)? = Self.valueSchema(property)["enum"] else { return }
      let values = options.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
      for value in values {
        let variant = Self.editing(spec, at: route) { map in
          map[Node(key)] = Node(value)
          Self.addExamples(of: declared.valueNeeds[key]?[value] ?? [], from: declared, to: &map)
        }
        XCTAssertNoThrow(
          try Figure(text: try Yams.serialize(node: variant), name: "f.yaml", directory: Self.fixture.directory),
          "\(declared.name).\(key): \(value)")
        checked += 1
      }
      // A numeric enum (a colorbar label's 90 or 270) has no name to misspell.
      guard let longest = values.max(by: { $0.count < $1.count }) else { return }
      let miss = String(longest.dropLast())
      guard !values.contains(miss) else { return }
      let variant = Self.editing(spec, at: route) { $0[Node(key)] = Node(miss, Tag(.str)) }
      let message = errorText {
        _ = try Figure(text: try Yams.serialize(node: variant), name: "f.yaml", directory: Self.fixture.directory)
      }
      XCTAssertTrue(message.contains("did you mean '\(longest)'"), "\(declared.name).\(key) = \(miss): \(message)")
    }
    XCTAssertGreaterThanOrEqual(checked, 100, "enum values checked")
    print("enum values checked: \(checked)")
  }

  /// Each key's example, written into its object's example (with the keys it needs, without those it excludes),
  /// decodes.
  func testEveryKeysExampleDecodes() throws {
    var checked = 0
    try Self.forEachKey { declared, spec, route, key, property in
      guard case .object(let fields) = property, let example = Self.text(fields["examples"]),
        let value = try Yams.compose(yaml: example)
      else { return }
      var variant = Self.editing(spec, at: route) { map in
        for set in declared.exclusive where set.contains(key) {
          for other in set where other != key { map[Node(other)] = nil }
        }
        // Keys left needing a removed one go too.
        for (other, needed) in declared.needs where needed.contains(where: { map[Node($0)] == nil }) {
          if other != key { map[Node(other)] = nil }
        }
        Self.addExamples(of: declared.needs[key] ?? [], from: declared, to: &map)
        map[Node(key)] = value
      }
      // A layer's `axis: y2` needs the panel's y2 axis.
      if key == "axis", let panel = route.firstIndex(where: { ($0 as? String) == "layers" }) {
        variant = Self.editing(variant, at: Array(route[..<panel])) {
          $0["y2"] = try! Yams.compose(yaml: "{label: R}")
        }
      }
      XCTAssertNoThrow(
        try Figure(text: try Yams.serialize(node: variant), name: "f.yaml", directory: Self.fixture.directory),
        "\(declared.name).\(key): \(example)")
      checked += 1
    }
    XCTAssertGreaterThanOrEqual(checked, 200, "key examples checked")
    print("key examples checked: \(checked)")
  }
}
