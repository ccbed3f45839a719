import VellumScene

/// A JSON value, written with sorted keys so the schema prints the same every time.
public indirect enum JSONValue: Equatable, Sendable {
  case string(String)
  case number(Double)
  case bool(Bool)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Pretty-printed JSON with two-space indentation and sorted keys.
  public func serialized(indent: Int = 0) -> String {
    let pad = String(repeating: "  ", count: indent + 1)
    let close = String(repeating: "  ", count: indent)
    switch self {
    case .string(let s):
      var escaped = "\""
      for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": escaped += "\\\""
        case "\\": escaped += "\\\\"
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        case "\t": escaped += "\\t"
        case _ where scalar.value < 0x20:
          let hex = String(scalar.value, radix: 16)
          escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: escaped.unicodeScalars.append(scalar)
        }
      }
      return escaped + "\""
    case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    case .bool(let b): return b ? "true" : "false"
    case .array(let items):
      if items.isEmpty { return "[]" }
      return "[\n" + items.map { pad + $0.serialized(indent: indent + 1) }.joined(separator: ",\n") + "\n\(close)]"
    case .object(let fields):
      if fields.isEmpty { return "{}" }
      return "{\n"
        + fields.keys.sorted().map {
          pad + JSONValue.string($0).serialized() + ": " + fields[$0]!.serialized(indent: indent + 1)
        }
        .joined(separator: ",\n") + "\n\(close)}"
    }
  }
}

extension JSONValue {
  /// This object with `field` set to `value` (anything else is returned as it is).
  func setting(_ field: String, _ value: JSONValue) -> JSONValue {
    guard case .object(var fields) = self else { return self }
    fields[field] = value
    return .object(fields)
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(floatLiteral value: Double) { self = .number(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements) { _, last in last })
  }
}

/// The JSON Schema of Vellum specs, for editors and validators. Property lists come from the same
/// key lists the decoder checks, so the two cannot drift apart.
public enum SpecSchema {
  /// The schema of specs whose layers are the kinds in `layers`.
  public static func document(grammar: Grammar) -> JSONValue {
    var root = object(
      FigureSpec.keys,
      [
        "size": .object(["type": .string("array"), "items": length, "minItems": .number(2), "maxItems": .number(2)]),
        "width": length, "height": length, "pad": measure,
        "margins": object(
          ["left", "right", "top", "bottom"], ["left": margin, "right": margin, "top": margin, "bottom": margin]),
        "background": colorOrNone,
        "font": object(
          ["family", "size", "sans", "mono", "math", "embed", "fallback"],
          [
            "family": string, "size": fontSize, "sans": string, "mono": string, "math": string, "embed": boolean,
            "fallback": .object(["anyOf": .array([string, array(string)])]),
          ]),
        "palette": .object([
          "anyOf": .array([enumeration(Color.palettes.keys.sorted()), nonEmpty(array(color))])
        ]),
        "text": enumeration(TextMode.allCases.map(\.rawValue)), "decimate": boolean, "alt": string,
        "data": .object(["type": .string("object"), "additionalProperties": dataSource(grammar)]),
        "panels": object(
          PanelsSpec.keys,
          [
            "rows": panelCount, "columns": panelCount, "share_x": boolean, "share_y": boolean,
            "labels": .object(["anyOf": .array([boolean, array(string)])]), "spacing": measure,
            "wspace": bounded(minimum: 0, maximum: 10), "hspace": bounded(minimum: 0, maximum: 10),
            "width_ratios": array(positive), "height_ratios": array(positive),
          ]),
        "legend": legends,
        "axes": .object(["anyOf": .array([axes(grammar), nonEmpty(array(axes(grammar)))])]),
        "scales": scales, "colors": pins(color), "title": label,
      ], required: ["axes"])
    if case .object(var fields) = root, case .object(var properties)? = fields["properties"] {
      // Resolved before decoding (StyleResolver), so not among the decoder's keys.
      // A built-in name, else a path: the resolver reads names ending .yaml/.yml or holding a slash as files.
      let builtIn = EmbeddedStyles.files.keys.map { String($0.dropLast(5)) }.sorted().joined(separator: "|")
      properties["style"] = .object([
        "type": .string("string"), "description": .string("a built-in style name or a style file path"),
        "pattern": .string("^(\(builtIn))$|/|\\.ya?ml$"),
      ])
      properties["aspect"] = number
      properties["width"] = .object(["anyOf": .array([length, enumeration(["column", "full"])])])
      fields["properties"] = .object(properties)
      fields["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
      fields["title"] = .string("Vellum figure spec")
      root = .object(fields)
    }
    return documented(root, parent: nil)
  }

  /// The schema with every property's description, default and example from ``SpecDocumentation`` (where the
  /// building blocks gave none), so editors show one line of help for each key.
  static func documented(_ node: JSONValue, parent: String?) -> JSONValue {
    // A declared object (``SpecObject``) describes its own keys and rules.
    if parent != nil, case .object(let fields) = node, fields["title"] != nil { return node }
    switch node {
    case .array(let items): return .array(items.map { documented($0, parent: parent) })
    case .object(var fields):
      for (name, value) in fields where name != "properties" {
        fields[name] = documented(value, parent: parent)
      }
      if case .object(let properties)? = fields["properties"] {
        var requiredKeys: Set<String> = []
        if case .array(let names)? = fields["required"] {
          for case .string(let name) in names { requiredKeys.insert(name) }
        }
        var described: [String: JSONValue] = [:]
        for (key, value) in properties {
          if case .object(let attributes) = value, attributes["title"] != nil {
            described[key] = requiredKeys.contains(key) ? value : nullable(value)
            continue
          }
          var property = documented(value, parent: key)
          if case .object(var attributes) = property, let entry = SpecDocumentation.entry(key, under: parent) {
            if attributes["description"] == nil { attributes["description"] = .string(entry.description) }
            if let value = entry.defaultValue { attributes["x-default"] = .string(value) }
            if let example = entry.example { attributes["examples"] = .array([.string(example)]) }
            property = constrained(.object(attributes), by: entry.range)
          }
          property = combined(property, key: key)
          // `key:` with nothing after it is YAML's null, which the decoder reads as the key left out.
          described[key] = requiredKeys.contains(key) ? property : nullable(property)
        }
        fields["properties"] = .object(described)
      }
      return .object(fields)
    default: return node
    }
  }

  /// `node` or null, with its help (description, default, examples) on the outside where editors look for it.
  static func nullable(_ node: JSONValue) -> JSONValue {
    guard case .object(var inner) = node else { return node }
    var outer: [String: JSONValue] = [:]
    for name in ["description", "x-default", "examples"] { outer[name] = inner.removeValue(forKey: name) }
    outer["anyOf"] = .array([.object(inner), .object(["type": .string("null")])])
    return .object(outer)
  }

  /// An object schema (or the object forms of an anyOf) with the decoder's cross-key rules for `key`
  /// (``SpecDocumentation/exclusive`` pairs refused together, ``SpecDocumentation/requiresOneOf`` sets of which one
  /// must be given, ``SpecDocumentation/needs`` keys that need others). A rule applies to an object that has
  /// every key it names, so the axis `ticks` (step, values) and the tick style `ticks` (length, width) differ.
  static func combined(_ node: JSONValue, key: String) -> JSONValue {
    guard case .object(var fields) = node else { return node }
    if case .array(let options)? = fields["anyOf"] {
      fields["anyOf"] = .array(options.map { combined($0, key: key) })
      return .object(fields)
    }
    guard case .object(let properties)? = fields["properties"] else { return node }
    func applies(_ keys: [String]) -> Bool { keys.allSatisfy { properties[$0] != nil } }
    func required(_ keys: [String]) -> JSONValue { .object(["required": .array(keys.map(JSONValue.string))]) }
    var rules: [JSONValue] = (SpecDocumentation.exclusive[key] ?? []).filter(applies).map {
      .object(["not": required($0)])
    }
    if let sets = SpecDocumentation.requiresOneOf[key], sets.allSatisfy(applies) {
      rules.append(.object(["anyOf": .array(sets.map(required))]))
    }
    var dependent: [String: JSONValue] = [:]
    for (name, others) in SpecDocumentation.needs[key] ?? [:] where applies([name] + others) {
      dependent[name] = .array(others.map(JSONValue.string))
    }
    if !dependent.isEmpty { fields["dependentRequired"] = .object(dependent) }
    if !rules.isEmpty { fields["allOf"] = .array(rules) }
    return .object(fields)
  }

  /// `node` with `range` on its number forms (a plain number, or the number branches of an anyOf).
  static func constrained(_ node: JSONValue, by range: SpecDocumentation.NumberRange?) -> JSONValue {
    guard let range, case .object(var fields) = node else { return node }
    if case .string(let type)? = fields["type"], type == "number" || type == "integer" {
      if let minimum = range.minimum {
        fields[range.exclusiveMinimum ? "exclusiveMinimum" : "minimum"] = .number(minimum)
      }
      if let maximum = range.maximum {
        fields[range.exclusiveMaximum ? "exclusiveMaximum" : "maximum"] = .number(maximum)
      }
      return .object(fields)
    }
    if case .array(let options)? = fields["anyOf"] {
      fields["anyOf"] = .array(options.map { constrained($0, by: range) })
    }
    return .object(fields)
  }

  /// `docs/spec.md`: every key where it is written, its type, default, meaning and an example, from the schema
  /// and ``SpecDocumentation`` (`vellum schema --markdown`).
  public static func markdown(grammar: Grammar) -> String {
    var rows: [String: [String]] = [:]
    var purposes: [String: [String]] = [:]
    var seen: Set<String> = []
    func typeName(_ node: JSONValue) -> String {
      guard case .object(let fields) = node else { return "" }
      if case .array(let options)? = fields["enum"] {
        let names = options.compactMap { if case .string(let s) = $0 { return "`\(s)`" } else { return nil } }
        return names.count > 8 ? "one of \(names.prefix(8).joined(separator: ", "))…" : names.joined(separator: ", ")
      }
      if case .string(let type)? = fields["type"] {
        if type == "array", let items = fields["items"] { return "list of \(typeName(items))" }
        return type
      }
      if case .array(let options)? = fields["anyOf"] ?? fields["oneOf"] {
        return Array(Set(options.map(typeName)).subtracting(["null"])).sorted().joined(separator: " or ")
      }
      return "any"
    }
    func cell(_ text: String) -> String {
      text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;")
    }
    func walk(_ node: JSONValue, parent: String) {
      switch node {
      case .array(let items):
        for item in items { walk(item, parent: parent) }
      case .object(let fields):
        var parent = parent
        if !parent.isEmpty, case .string(let title)? = fields["title"] {
          // A declared object is its own section, opened by its purpose and example.
          parent = "`\(title)`"
          if case .string(let purpose)? = fields["description"], case .array(let examples)? = fields["examples"],
            case .string(let example)? = examples.first
          {
            purposes[parent] = [purpose, "", "```yaml", example, "```", ""]
          }
        }
        // Keys are defined under properties, items and anyOf/oneOf; allOf, if/then and not only restate keys as
        // rules. Sorted, so the file is the same on every run (dictionaries iterate in a per-process order).
        let rules: Set<String> = ["allOf", "if", "then", "not", "dependentRequired", "properties"]
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) where !rules.contains(name) {
          walk(value, parent: parent)
        }
        if case .object(let properties)? = fields["properties"] {
          for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            if seen.insert(parent + "\u{0}" + key).inserted, case .object(let attributes) = value {
              func text(_ name: String) -> String {
                if case .string(let s)? = attributes[name] { return s }
                if case .array(let items)? = attributes[name], case .string(let s)? = items.first { return s }
                return ""
              }
              let example = text("examples")
              rows[parent, default: []].append(
                "| `\(key)` | \(cell(typeName(value))) | \(cell(text("x-default"))) | \(cell(text("description")))"
                  + " | \(example.isEmpty ? "" : "`" + cell(example) + "`") |")
            }
            walk(value, parent: key)
          }
        }
      default: break
      }
    }
    walk(document(grammar: grammar), parent: "")
    var out = [
      "# Spec reference", "",
      "Generated by `vellum schema --markdown` from the same definitions as the JSON Schema (`vellum schema`);",
      "`make test` fails when this file is stale. Keys are grouped by the key they are written under.", "",
    ]
    for parent in rows.keys.sorted() {
      let declared = purposes[parent]
      out += ["## " + (parent.isEmpty ? "Top level" : declared != nil ? parent : "Under `\(parent)`"), ""]
      out += declared ?? []
      out += ["| key | type | default | meaning | example |", "| --- | --- | --- | --- | --- |"]
      out += rows[parent]!
      out.append("")
    }
    return out.joined(separator: "\n")
  }

  // MARK: - Building blocks

  public static let string = JSONValue.object(["type": .string("string")])
  // Finite: the decoder refuses .inf (JSON Schema cannot refuse .nan, which no JSON holds).
  public static let number = bounded()
  public static let integer = bounded(integer: true)
  public static let boolean = JSONValue.object(["type": .string("boolean")])

  // Numbers as SpecNode's readers take them, with the same bounds, so the schema refuses what they refuse.
  /// A drawing measure, as ``SpecNode/measure(_:)`` reads it: 0 to 1000.
  public static let measure = bounded(minimum: 0, maximum: Limits.measure)
  /// A font size, as ``SpecNode/fontSize(_:)`` reads it: above 0, at most 1000.
  public static let fontSize = bounded(above: 0, maximum: Limits.measure)
  /// ``SpecNode/positive(_:)``: above 0.
  public static let positive = bounded(above: 0)
  /// ``SpecNode/nonNegative(_:)``: 0 or more.
  public static let nonNegative = bounded(minimum: 0)
  /// A width in category spacings, as ``SpecNode/fraction(_:of:)`` reads it: above 0, at most 1.
  public static let fraction = bounded(above: 0, maximum: 1)
  /// An opacity, as ``decodeAlpha(_:)`` reads it: 0 to 1.
  public static let opacity = bounded(minimum: 0, maximum: 1)

  /// A number (an integer with `integer`) within bounds; `above` is an exclusive minimum.
  public static func bounded(
    minimum: Double? = nil, above: Double? = nil, maximum: Double? = nil, integer: Bool = false
  ) -> JSONValue {
    var fields: [String: JSONValue] = ["type": .string(integer ? "integer" : "number")]
    if let above {
      fields["exclusiveMinimum"] = .number(above)
    } else {
      fields["minimum"] = .number(minimum ?? -Double.greatestFiniteMagnitude)
    }
    fields["maximum"] = .number(maximum ?? Double.greatestFiniteMagnitude)
    return .object(fields)
  }
  public static let color = JSONValue.object([
    "type": .string("string"), "description": .string("#rrggbb, rgb()/rgba(), a name, tab:NAME or C0…C9"),
    "pattern": .string(colorPattern(colorForms)),
  ])

  /// A colour or `none` (``decodeColorOrNone(_:)``: a background, or a marker's face or edge, left empty).
  public static let colorOrNone = JSONValue.object([
    "type": .string("string"), "description": .string("#rrggbb, rgb()/rgba(), a name, tab:NAME, C0…C9, or none"),
    "pattern": .string(colorPattern([anyCase("none")] + colorForms)),
  ])

  /// One regular expression matching any of `forms`, with the spaces `Color(name:)` trims around them.
  static func colorPattern(_ forms: [String]) -> String { "^\\s*(" + forms.joined(separator: "|") + ")\\s*$" }

  /// `name` in any case: JSON Schema patterns have no case-insensitive flag, so each letter is spelled both ways.
  static func anyCase(_ name: String) -> String {
    name.map { character -> String in
      if character.isLetter { return "[\(character.lowercased())\(character.uppercased())]" }
      return "0123456789".contains(character) ? String(character) : "\\" + String(character)
    }.joined()
  }

  /// The colour forms `Color(name:)` reads, as regular expressions: hex, rgb()/rgba(), C0…C9, a grey level or a
  /// named colour (in any case).
  static let colorForms: [String] = {
    let names = Array(Color.named.keys).sorted().map(anyCase).joined(separator: "|")
    // Channels 0–255 and alpha 0–1 as plain decimals; a number with an exponent is left to the tool.
    let exponent = "[-+]?[0-9.]*[eE][-+]?[0-9]+"
    let channel =
      "\\s*(\\+?(25[0-5](\\.0*)?|(2[0-4][0-9]|1[0-9][0-9]|[0-9]{1,2})(\\.[0-9]*)?|\\.[0-9]+)|\(exponent))\\s*"
    let unit = "\\+?(0?\\.[0-9]+|0(\\.[0-9]*)?|1(\\.0*)?)|\(exponent)"
    return [
      "#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})",
      "[rR][gG][bB]\\((\(channel),){2}\(channel)\\)",
      "[rR][gG][bB][aA]\\((\(channel),){3}\\s*(\(unit))\\s*\\)", "[cC][0-9]", unit, "(\(names))",
    ]
  }()
  /// A figure side (``FigureSpec``): above 0 and at most 200 in; a bare number is inches. The text form needs a
  /// non-zero digit and at most five before the point (14400pt is the largest side).
  public static let length = JSONValue.object([
    "anyOf": .array([
      bounded(above: 0, maximum: Limits.figurePoints / 72),
      .object([
        "type": .string("string"),
        "pattern": .string(
          "^\\s*\\+?(?=[0-9.]*[1-9])([0-9]{1,5}(\\.[0-9]*)?|\\.[0-9]+|[0-9.]+[eE][-+]?[0-9]+)\\s*(in|cm|mm|pt|bp)?\\s*$"
        ),
      ]),
    ])
  ])
  /// A margin (``FigureSpec``'s `margins`): 0 or more; a bare number is points.
  public static let margin = JSONValue.object([
    "anyOf": .array([
      bounded(minimum: 0, maximum: Limits.figurePoints),
      .object([
        "type": .string("string"),
        "pattern": .string("^\\s*\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*(in|cm|mm|pt|bp)?\\s*$"),
      ]),
    ])
  ])
  /// A dash (``decodeDash(_:)``): a name, matplotlib's `(offset, (on, off, …))` as text (an even number of
  /// non-negative lengths), or `[offset, [on, off, …]]`.
  public static let dash: JSONValue = {
    let offset = "[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?"
    // Lengths are not negative; `-0` is zero.
    let onOff = "(\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)|-(0+(\\.0*)?|\\.0+))([eE][-+]?[0-9]+)?"
    let separator = "[(), \\[\\]]"
    return .object([
      "anyOf": .array([
        enumeration(DashPattern.named.keys.sorted()),
        .object([
          "type": .string("string"),
          "pattern": .string(
            "^\(separator)*\(offset)(\(separator)+\(onOff)\(separator)+\(onOff))+\(separator)*$"),
        ]),
        .object([
          "type": .string("array"), "minItems": .number(2), "maxItems": .number(2),
          "prefixItems": .array([Self.number, array(measure)]),
        ]),
      ])
    ])
  }()
  /// Label text (TeX subset): at most ``Limits/labelCharacters`` code points, as the typesetter counts them.
  public static let text = JSONValue.object([
    "type": .string("string"), "maxLength": .number(Double(Limits.labelCharacters)),
  ])
  public static let label = JSONValue.object([
    "anyOf": .array([
      text,
      object(["text", "size", "pad"], ["text": text, "size": fontSize, "pad": measure], required: ["text"]),
    ])
  ])
  public static let pair = JSONValue.object([
    "type": .string("array"), "items": number, "minItems": .number(2), "maxItems": .number(2),
  ])

  public static func array(_ items: JSONValue) -> JSONValue { .object(["type": .string("array"), "items": items]) }

  /// `list` with at least one item.
  static func nonEmpty(_ list: JSONValue) -> JSONValue { list.setting("minItems", .number(1)) }

  /// Panel rows or columns: 1 to 64, as ``PanelsSpec`` reads them.
  static let panelCount = bounded(minimum: 1, maximum: 64, integer: true)

  public static func enumeration(_ values: [String]) -> JSONValue {
    .object(["type": .string("string"), "enum": .array(values.map(JSONValue.string))])
  }

  public static func object(_ keys: [String], _ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
    precondition(
      Set(properties.keys) == Set(keys),
      "schema and decoder keys differ: \(Set(keys).symmetricDifference(properties.keys))")
    var fields: [String: JSONValue] = [
      "type": .string("object"), "additionalProperties": .bool(false), "properties": .object(properties),
    ]
    if !required.isEmpty { fields["required"] = .array(required.map(JSONValue.string)) }
    return .object(fields)
  }

  /// A file path, a glob pattern or a list of them (read as one table), or `{csv|tsv|jsonl|npz: …, path_column,
  /// path_pattern}`, or inline `{values: {column: [...]}}`.
  static func dataSource(_ grammar: Grammar) -> JSONValue {
    let paths = JSONValue.object([
      "anyOf": .array([string, array(string)]),
      "description": .string("a path, a glob pattern such as runs/seed*.csv, or a list of them (read as one table)"),
    ])
    let formats = DataSourceSpec.FileFormat.allCases.map(\.rawValue)
    let forms = (formats + ["tensorboard", "values"]).map { JSONValue.object(["required": .array([.string($0)])]) }
    var properties: [String: JSONValue] = [
      "path_column": string, "path_pattern": string,
      "tensorboard": .object([
        "type": .string("string"), "description": .string("a TensorBoard log folder: run, tag, step, wall_time, value"),
      ]),
      "values": .object([
        "type": .string("object"),
        "additionalProperties": array(.object(["type": .array([.string("string"), .string("number")])])),
      ]),
    ]
    for format in formats { properties[format] = paths }
    return .object([
      "anyOf": .array([
        string, array(string),
        .object([
          "type": .string("object"), "additionalProperties": .bool(false), "anyOf": .array(forms),
          "dependentRequired": .object(["path_pattern": .array(["path_column"])]),
          "properties": .object(properties),
        ]),
        object(
          ["from", "transform"],
          [
            "from": .object([
              "type": "string", "description": "the data source this one is computed from, once for every layer",
            ]),
            "transform": .object([
              "type": "array", "items": grammar.transforms.schema,
              "description": "transforms applied in order to make this source",
            ]),
          ], required: ["from"]),
      ])
    ])
  }

  /// `{column: NAME}`: a channel driven by a column through the figure's scale.
  public static let columnEncoding = object(["column"], ["column": string], required: ["column"])

  /// A value of `channel`, or a column encoding.
  public static func encoded(_ channel: JSONValue) -> JSONValue {
    .object(["anyOf": .array([channel, columnEncoding])])
  }

  public static var marker: JSONValue {
    let shapes = enumeration(
      MarkerSpec.Shape.allCases.map(\.rawValue) + MarkerSpec.matplotlibCodes.keys.sorted())
    return .object([
      "anyOf": .array([
        shapes,
        object(
          MarkerSpec.keys,
          [
            "shape": encoded(shapes), "size": measure, "face": colorOrNone,
            "edge": colorOrNone,
            "edge_width": measure, "every": bounded(minimum: 1, integer: true),
          ]),
      ])
    ])
  }

  /// A tick format (``AxisSpec/tickFormat(_:)``): a name, or a printf pattern with exactly one numeric conversion
  /// (`%%` is a literal percent sign).
  static let tickFormat = formatPattern(
    names: AxisSpec.TickFormat.names + ["sci"],
    description: "auto, plain, si, percent, scientific, or a printf pattern such as %.2f")

  /// `auto` or a printf pattern with one numeric conversion (``PrintfPattern``), as value labels take it.
  public static let printf = formatPattern(names: ["auto"], description: "auto, or a printf pattern such as %.1f")

  /// A string that is one of `names` or a printf pattern ``PrintfPattern/isValid(_:)`` accepts: one conversion,
  /// `%%` for a percent sign.
  static func formatPattern(names: [String], description: String) -> JSONValue {
    .object([
      "type": .string("string"), "description": .string(description),
      "pattern": .string("^(\(names.joined(separator: "|")))$|^([^%]|%%)*\(PrintfPattern.conversion)([^%]|%%)*$"),
    ])
  }

  static var ticks: JSONValue {
    .object([
      "anyOf": .array([
        enumeration(["auto"]), array(number),
        object(["step", "values", "labels"], ["step": positive, "values": array(number), "labels": array(string)]),
      ])
    ])
  }

  /// Axis limits: two different numbers (``AxisSpec`` refuses equal ones).
  static let limits = pair.setting("uniqueItems", .bool(true))

  static var axis: JSONValue {
    // Log axes take positive limits only.
    let logLimits = JSONValue.object([
      "if": .object([
        "properties": .object(["scale": .object(["const": .string("log")])]), "required": .array(["scale"]),
      ]),
      "then": .object(["properties": .object(["limits": .object(["items": positive])])]),
    ])
    return object(
      AxisSpec.keys,
      [
        "label": label, "limits": limits, "scale": enumeration(AxisSpec.Scale.allCases.map(\.rawValue)),
        "base": .object(["allOf": .array([positive, .object(["not": .object(["const": .number(1)])])])]),
        "linthresh": positive, "linscale": positive, "reverse": boolean, "ticks": ticks, "minor": boolean,
        "format": tickFormat,
        "decimals": integer,
        "rotation": .object(["anyOf": .array([bounded(minimum: -90, maximum: 90), enumeration(["auto"])])]),
        "color": color,
        "function": object(
          AxisFunction.keys, ["forward": string, "inverse": string], required: AxisFunction.keys),
      ]
    ).setting("allOf", .array([logLimits]))
  }

  static var legend: JSONValue {
    object(
      LegendSpec.keys,
      [
        "location": enumeration(LegendSpec.Location.allCases.map(\.rawValue)), "anchor": pair, "frame": boolean,
        "frame_color": color, "frame_width": measure, "frame_alpha": opacity,
        "columns": bounded(minimum: 1, maximum: 20, integer: true), "column_spacing": measure,
        "font_size": fontSize, "handle_length": measure, "handle_height": measure, "handle_text_pad": measure,
        "label_spacing": measure, "border_pad": measure, "border_axes_pad": number, "title": string,
        "fancybox": boolean, "scale": enumeration(EncodedChannel.allCases.map(\.rawValue)), "entries": array(string),
      ])
  }

  /// `true`/`false`, one legend, or a list of legends.
  static var legends: JSONValue { .object(["anyOf": .array([boolean, legend, array(legend)])]) }

  static func axes(_ layers: Grammar) -> JSONValue {
    object(AxesSpec.keys, axesProperties(layers).merging(["insets": array(inset(layers))]) { $1 }, required: ["layers"])
  }

  /// An inset: an axes' keys (no nested insets) with its position and zoom indicator.
  static func inset(_ layers: Grammar) -> JSONValue {
    object(
      AxesSpec.keys.filter { $0 != "insets" } + InsetSpec.keys,
      axesProperties(layers).merging([
        "position": .object([
          "type": .string("array"), "items": number, "minItems": .number(4), "maxItems": .number(4),
          "description": .string("[x0, y0, width, height] in fractions of the parent axes, from its lower left"),
        ]),
        "zoom": .object([
          "anyOf": .array([
            boolean,
            object(InsetSpec.zoomKeys, ["color": color, "width": measure, "alpha": opacity]),
          ])
        ]),
      ]) { $1 }, required: ["position", "layers"])
  }

  static func axesProperties(_ layers: Grammar) -> [String: JSONValue] {
    [
      "title": label, "x": axis, "y": axis, "x2": axis, "y2": axis,
      "frame": .object([
        "anyOf": .array([
          enumeration(FrameSpec.Style.allCases.map(\.rawValue)),
          object(
            ["style", "width", "color"],
            ["style": enumeration(FrameSpec.Style.allCases.map(\.rawValue)), "width": measure, "color": color]),
        ])
      ]),
      "grid": .object([
        "anyOf": .array([
          boolean,
          object(
            GridSpec.keys,
            [
              "axis": enumeration(["x", "y", "both"]), "which": enumeration(["major", "minor", "both"]),
              "color": color,
              "width": measure, "dash": dash, "alpha": opacity,
              "minor": object(
                ["color", "width", "dash", "alpha"],
                ["color": color, "width": measure, "dash": dash, "alpha": opacity]),
            ]),
        ])
      ]),
      "ticks": object(
        ["direction", "length", "width", "label_size", "pad", "mirror", "color"],
        [
          "direction": enumeration(TickStyleSpec.Direction.allCases.map(\.rawValue)), "length": measure,
          "width": measure,
          "label_size": fontSize, "pad": number, "mirror": boolean, "color": color,
        ]),
      "legend": legends,
      "aspect": .object(["anyOf": .array([enumeration(["equal", "auto"]), number])]),
      "layers": array(layer(layers)),
      "polar": .object([
        "anyOf": .array([
          boolean,
          object(
            PolarSpec.keys,
            [
              "start": .object(["anyOf": .array([number, enumeration(["N", "E", "S", "W"])])]),
              "direction": enumeration(PolarSpec.Direction.allCases.map(\.rawValue)),
              "unit": enumeration(PolarSpec.Unit.allCases.map(\.rawValue)),
              "grid": enumeration(PolarSpec.GridShape.allCases.map(\.rawValue)), "label_angle": number,
            ]),
        ])
      ]),
    ]
  }

  /// `{value: channel value, …}`.
  static func pins(_ value: JSONValue) -> JSONValue {
    .object(["type": .string("object"), "additionalProperties": value])
  }

  static var scales: JSONValue {
    let shapes = enumeration(MarkerSpec.Shape.allCases.map(\.rawValue) + MarkerSpec.matplotlibCodes.keys.sorted())
    let values: [String: JSONValue] = ["color": color, "dash": dash, "marker": shapes]
    let resolve = enumeration(DiscreteScaleSpec<Color>.Resolve.allCases.map(\.rawValue))
    return object(
      ScalesSpec.keys,
      values.reduce(into: [:]) { schema, entry in
        let pinKey = ScalesSpec.pinKeys[entry.key]!
        schema[entry.key] = object(
          ["domain", pinKey, "resolve"], ["domain": array(string), pinKey: pins(entry.value), "resolve": resolve])
      })
  }

  /// `true`, `false` or the colorbar's options (``ColorbarSpec``).
  public static var colorbar: JSONValue {
    .object([
      "anyOf": .array([
        boolean,
        object(
          ColorbarSpec.keys,
          [
            "label": string, "size": measure, "pad": measure, "format": tickFormat,
            "extend": enumeration(ColorbarSpec.Extend.allCases.map(\.rawValue)),
            "location": enumeration(ColorbarSpec.Location.allCases.map(\.rawValue)), "shared": boolean,
          ]),
      ])
    ])
  }

  /// The keys of a colormap encoding (``ContinuousColorSpec``).
  public static let continuousColor: [String: JSONValue] = [
    "map": .object(["anyOf": .array([enumeration(ContinuousColorSpec.colormapNames), array(color)])]),
    "norm": enumeration(["linear", "log", "symlog", "center"]), "linthresh": positive, "center": number,
    "limits": pair, "under": color, "over": color, "bad": color,
    "levels": bounded(minimum: 2, maximum: 256, integer: true),
  ]

  /// The keys every data-reading mark shares (``SeriesCommon``).
  public static let seriesProperties: [String: JSONValue] = [
    "id": string, "data": string, "transform": array(.object([:])), "x": string, "group": string, "label": text,
    "color": .object([
      "anyOf": .array([
        color, columnEncoding,
        object(
          ["column", "colorbar"] + ContinuousColorSpec.keys,
          continuousColor.merging(["column": string, "colorbar": colorbar]) { $1 }, required: ["column"]),
      ])
    ]), "alpha": opacity,
    "missing": .object([
      "enum": .array([.string("skip"), .string("gap")]),
      "description": .string("skip rows with a missing plotted value (default) or break the line there (gap)"),
    ]),
  ]

  /// A layer's `axis`: a secondary axis name or a list of them.
  static let layerAxis = JSONValue.object([
    "anyOf": .array([enumeration(["x", "y", "x2", "y2"]), array(enumeration(["x", "y", "x2", "y2"]))])
  ])

  static func layer(_ grammar: Grammar) -> JSONValue {
    .object([
      "oneOf": .array(
        grammar.layers.kinds.map { kind in
          var properties = kind.properties.merging(["axis": layerAxis]) { $1 }
          // A layer's transforms are the registry's, which the spec stage does not know statically.
          if properties["transform"] != nil { properties["transform"] = array(grammar.transforms.schema) }
          return object(
            [kind.name], [kind.name: object(kind.keys + ["axis"], properties, required: kind.required)],
            required: [kind.name])
        })
    ])
  }
}
