/// The JSON Schema and the reference (`docs/spec.md`) of Vellum specs, both made from the objects' declarations
/// (``SpecObject``): the keys the decoder reads are the keys the schema and the reference describe.
extension SpecSchema {
  /// The schema of specs whose layers and transforms are `grammar`'s.
  public static func document(grammar: Grammar) -> JSONValue {
    // A panel's axes take the grammar's scale kinds, its layers the grammar's marks.
    func withLayers(_ object: SpecObject) -> SpecObject {
      ["x", "y", "x2", "y2"].reduce(object.replacingSchema(of: "layers", with: array(layer(grammar)))) {
        $0.replacingSchema(of: $1, with: grammar.scales.axisObject.schema)
      }
    }
    let inset = withLayers(InsetSpec.object)
    let axes = withLayers(AxesSpec.object).replacingSchema(of: "insets", with: array(inset.schema))
    let sources = JSONValue.object([
      "anyOf": .array([
        DataSourceSpec.fileObject.schema,
        DataSourceSpec.derivedObject.replacingSchema(of: "transform", with: array(grammar.transforms.schema)).schema,
      ])
    ])
    let figure = FigureSpec.object.adding(StyleResolver.keys)
      .replacingSchema(of: "axes", with: .object(["anyOf": .array([axes.schema, nonEmpty(array(axes.schema))])]))
      .replacingSchema(of: "data", with: .object(["type": "object", "additionalProperties": sources]))
    guard case .object(var fields) = figure.schema else { return figure.schema }
    fields["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    fields["title"] = "Vellum figure spec"
    fields["$defs"] = .object(colorDefinitions)
    return .object(fields)
  }

  /// `node` or null, with its help (description, default, examples) on the outside where editors look for it.
  static func nullable(_ node: JSONValue) -> JSONValue {
    guard case .object(var inner) = node else { return node }
    var outer: [String: JSONValue] = [:]
    for name in ["description", "x-default", "examples"] { outer[name] = inner.removeValue(forKey: name) }
    outer["anyOf"] = .array([.object(inner), .object(["type": .string("null")])])
    return .object(outer)
  }

  static func layer(_ grammar: Grammar) -> JSONValue {
    tagged(
      grammar.layers.kinds.map { kind in
        // A layer's transforms are the registry's, which the spec stage does not know statically.
        let forms = kind.forms.map { form in
          form.key("transform") == nil
            ? form.schema : form.replacingSchema(of: "transform", with: array(grammar.transforms.schema)).schema
        }
        guard forms.count > 1, let first = kind.forms.first else { return (kind.name, forms[0]) }
        // Editors' hover text and the reference's index of kinds read the help on the outside; the first form's
        // purpose names the other form's section.
        return (
          kind.name,
          .object([
            "anyOf": .array(forms), "description": .string(first.purpose), "x-example": .string(first.example),
          ])
        )
      })
  }

  /// `docs/spec.md` (`vellum schema --markdown`): a section per declared object, opened by its purpose and an
  /// example, with every key's type, default, meaning and example; the figure's own keys first.
  public static func markdown(grammar: Grammar) -> String {
    var rows: [String: [String]] = [:]
    var openings: [String: [String]] = [:]
    var seen: Set<String> = []
    func typeName(_ node: JSONValue) -> String {
      guard case .object(let fields) = node else { return "" }
      if case .array(let options)? = fields["enum"] {
        let names = options.compactMap { option -> String? in
          switch option {
          case .string(let s): return "`\(s)`"
          case .number(let n): return "`\(n == n.rounded() ? String(Int(n)) : String(n))`"
          default: return nil
          }
        }
        return names.count > 8 ? "one of \(names.prefix(8).joined(separator: ", "))…" : names.joined(separator: ", ")
      }
      if case .string(let type)? = fields["type"] {
        if type == "array", let items = fields["items"] { return "list of \(typeName(items))" }
        return type
      }
      if case .array(let options)? = fields["anyOf"] ?? fields["oneOf"] {
        return Array(Set(options.map(typeName)).subtracting(["null"])).sorted().joined(separator: " or ")
      }
      if case .array(let parts)? = fields["allOf"], let first = parts.first { return typeName(first) }
      return "any"
    }
    func cell(_ text: String) -> String {
      text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;")
    }
    func walk(_ node: JSONValue, section: String) {
      switch node {
      case .array(let items):
        for item in items { walk(item, section: section) }
      case .object(let fields):
        var section = section
        if case .string(let title)? = fields["title"], section != "" {
          // A declared object is its own section, opened by its purpose and example.
          section = "`\(title)`"
          if case .string(let purpose)? = fields["x-purpose"], case .string(let example)? = fields["x-example"] {
            openings[section] = [purpose, "", "```yaml", example, "```", ""]
          }
        }
        // Keys are defined under properties, items and anyOf/oneOf; allOf, if/then and not only restate keys as
        // rules. Sorted, so the file is the same on every run (dictionaries iterate in a per-process order).
        let rules: Set<String> = ["allOf", "if", "then", "not", "dependentRequired", "properties"]
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) where !rules.contains(name) {
          walk(value, section: section)
        }
        guard case .object(let properties)? = fields["properties"] else { return }
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
          if seen.insert(section + "\u{0}" + key).inserted, case .object(let attributes) = value {
            func text(_ name: String) -> String {
              if case .string(let s)? = attributes[name] { return s }
              if case .array(let items)? = attributes[name], case .string(let s)? = items.first { return s }
              return ""
            }
            // A registry's index shows each kind's own example; a key shows its own (an object's is in its section).
            let example = section.hasPrefix("Under") ? text("x-example") : text("examples")
            rows[section, default: []].append(
              "| `\(key)` | \(cell(typeName(value))) | \(cell(text("x-default"))) | \(cell(text("description")))"
                + " | \(example.isEmpty ? "" : "`" + cell(example) + "`") |")
          }
          // Keys of an object that is not declared (a registry's index of kinds) are listed under their key,
          // opened by that key's meaning and example.
          let index = "Under `\(key)`"
          if openings[index] == nil, case .object(let attributes) = value,
            case .string(let meaning)? = attributes["description"],
            case .array(let examples)? = attributes["examples"], case .string(let example)? = examples.first
          {
            openings[index] = [
              meaning.prefix(1).uppercased() + meaning.dropFirst() + ".", "", "```yaml", "\(key): \(example)", "```",
              "",
            ]
          }
          walk(value, section: index)
        }
      default: break
      }
    }
    let root = document(grammar: grammar)
    if case .object(let fields) = root, case .string(let purpose)? = fields["x-purpose"],
      case .string(let example)? = fields["x-example"]
    {
      openings[""] = [purpose, "", "```yaml", example, "```", ""]
    }
    walk(root, section: "")
    var out = [
      "# Spec reference", "",
      "Generated by `vellum schema --markdown` from the declarations the decoder reads keys with, as the JSON Schema",
      "(`vellum schema`) is; `make test` fails when this file is stale. Each object a spec can hold has a section:",
      "its purpose, an example, and every key's type, default, meaning and example.", "",
      "**Text from data.** Every text (titles, axis, legend and colorbar labels, annotations, reference line labels)",
      "may hold fields `{column}` or `{column:format}`, filled from the data: `label: \"{model} (AUC = {auc:.3f})\"`.",
      "The format is Python's format spec (`.3f`, `.2%`, `,d`, `.2e`, `+.1f`, `s`); without one a number is written",
      "with at most 12 significant digits (`14.400000000000006` → `14.4`). Text is set as TeX sets it, so runs of",
      "spaces (a width's padding, `>8s`) collapse to one. A field names a column of the panel's own",
      "source (the one its layers read) or `source.column` of any source, and takes that column's one value there;",
      "in a layer's `label` it is filled per series (the series' group values, or a column constant within it). A",
      "column with several values where one is needed is an error. Braces that belong to TeX stay TeX (after a",
      "command, `^` or `_`, or holding anything but a name); `\\{` is a literal brace.", "",
    ]
    // The figure's keys first, then the declared objects by name, then the registries' indexes.
    let order = rows.keys.sorted { a, b in
      func rank(_ name: String) -> Int { name.isEmpty ? 0 : name.hasPrefix("Under") ? 2 : 1 }
      return (rank(a), a) < (rank(b), b)
    }
    for section in order {
      out += ["## " + (section.isEmpty ? "Top level" : section), ""]
      out += openings[section] ?? []
      out += ["| key | type | default | meaning | example |", "| --- | --- | --- | --- | --- |"]
      out += rows[section]!
      out.append("")
    }
    return out.joined(separator: "\n")
  }
}
