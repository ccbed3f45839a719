import VellumDiagnostics
import VellumSpec

/// `unpivot`: turns wide columns into rows (pandas' `melt`), by list, by pattern, or every column but some.
struct UnpivotTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "unpivot",
      purpose: "Turns wide columns into rows, as pandas' melt: each listed column's values go to `value`, its name to "
        + "`key`; a pattern with named captures makes each capture a column.",
      keys: [
        SpecKey("columns", TransformKeys.names, "the wide columns to turn into rows", example: "[train, valid]"),
        SpecKey(
          "pattern", SpecSchema.string,
          "a regular expression choosing the wide columns; named captures (?<run>…) become columns",
          example: "'^(?<run>.*) - loss$'"),
        SpecKey(
          "except", TransformKeys.names, "unpivot every column but these (pandas' id_vars)", example: "[step]"),
        SpecKey("key", SpecSchema.string, "the new column holding each wide column's name", defaultValue: "key"),
        SpecKey("value", SpecSchema.string, "the new column holding the values", defaultValue: "value"),
        SpecKey(
          "spread", SpecSchema.string,
          "a capture of the pattern whose text names the value's column, so value, min and max share a row",
          example: "stat"),
      ],
      exclusive: [["columns", "except"]], requiresOneOf: [["columns"], ["pattern"], ["except"]],
      needs: ["spread": ["pattern"]],
      example: "{unpivot: {columns: [train, valid], key: split, value: split_loss}}"),
    decode: { try UnpivotTransform(node: $0) })

  var columns: [Located<String>]
  var pattern: String?
  var except: [Located<String>]?
  var key: String
  var value: String
  var spread: String?

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    columns = try map.optional("columns") { try $0.columnNames() } ?? []
    except = try map.optional("except") { try $0.columnNames() }
    pattern = try map.optional("pattern") { node -> String in
      let text = try node.string("a regular expression")
      guard (try? Regex(text)) != nil else { throw node.error("invalid regular expression '\(text)'") }
      return text
    }
    guard !columns.isEmpty || pattern != nil || except != nil else {
      throw node.error("unpivot needs 'columns', 'pattern' or 'except' (every other column)")
    }
    key = try map.optional("key") { try $0.string("a column name") } ?? "key"
    value = try map.optional("value") { try $0.string("a column name") } ?? "value"
    spread = try map.optional("spread") { try $0.string("a capture name") }
    if spread != nil && pattern == nil {
      throw (map["spread"] ?? node).error("'spread' picks a capture of 'pattern'; give the pattern")
    }
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    table = try table.unpivot(
      listed: columns, pattern: pattern, except: except, key: key, value: value, spread: spread)
  }
}

extension Table {
  /// Unpivot by a pattern with named captures (W&B's `run - metric__MIN`): each capture becomes a column, and the
  /// `spread` capture instead picks the value's column (empty: `value`; else the captured text, e.g. `MIN`), so a
  /// metric's value, min and max land in one row. nil when the pattern names no capture.
  fileprivate func namedUnpivot(pattern: String, value: String, spread: String?) throws -> Table? {
    let regex = try Regex(pattern)
    var matched: [(column: String, key: [String], target: String)] = []
    var captureNames: [String] = []
    for name in columnNames {
      guard let match = try regex.wholeMatch(in: name) else { continue }
      let output = match.output
      let named = output.compactMap { element in element.name.map { ($0, element.substring.map(String.init) ?? "") } }
      guard !named.isEmpty else { return nil }
      if let spread, !named.contains(where: { $0.0 == spread }) {
        throw VellumError(
          .invalidSpec,
          "unpivot's spread '\(spread)' names no capture of the pattern (captures: "
            + named.map(\.0).joined(separator: ", ") + ")")
      }
      if captureNames.isEmpty { captureNames = named.map(\.0).filter { $0 != spread } }
      let target = named.first { $0.0 == spread }.map { $0.1.isEmpty ? value : $0.1 } ?? value
      matched.append((name, named.filter { $0.0 != spread }.map(\.1), target))
    }
    guard !matched.isEmpty else {
      if !pattern.contains("(?<") { return nil }
      throw VellumError(
        .invalidData, "unpivot matched no column of \(origin) (columns: \(columnNames.joined(separator: ", ")))")
    }
    let widened = Set(matched.map(\.column))
    let kept = columnNames.filter { !widened.contains($0) }
    var keys: [[String]] = []
    for item in matched where !keys.contains(item.key) { keys.append(item.key) }
    var targets: [String] = []
    for item in matched where !targets.contains(item.target) { targets.append(item.target) }
    if let clash = captureNames.first(where: { kept.contains($0) }) {
      throw VellumError(
        .invalidData,
        "unpivot's capture '\(clash)' is also a column of \(origin) that stays; name the capture otherwise")
    }
    if let clash = (kept + captureNames).first(where: { targets.contains($0) }) {
      throw VellumError(
        .invalidData, "unpivot would make two columns named '\(clash)'; rename the value column with 'value'")
    }
    try Table.checkDerivedSize(
      rows: rowCount * keys.count, columns: kept.count + captureNames.count + targets.count, by: "unpivot")
    let keptValues = try kept.map { try strings(Located($0, at: nil)) }
    let wideValues = Dictionary(
      uniqueKeysWithValues: try matched.map { ($0.column, try numbers(Located($0.column, at: nil))) })
    var text: [String: [String]] = Dictionary(uniqueKeysWithValues: (kept + captureNames).map { ($0, [String]()) })
    var values: [String: [Double]] = Dictionary(uniqueKeysWithValues: targets.map { ($0, [Double]()) })
    let byKey = Dictionary(grouping: matched) { $0.key }
    for row in 0..<rowCount {
      for key in keys {
        for (index, name) in kept.enumerated() { text[name]!.append(keptValues[index][row]) }
        for (index, name) in captureNames.enumerated() { text[name]!.append(index < key.count ? key[index] : "") }
        let columns = byKey[key] ?? []
        for target in targets {
          values[target]!.append(columns.first { $0.target == target }.map { wideValues[$0.column]![row] } ?? .nan)
        }
      }
    }
    return Table(
      origin: origin, order: kept + captureNames + targets, text: text, numbers: values,
      rowCount: rowCount * keys.count)
  }

  fileprivate func unpivot(
    listed: [Located<String>], pattern: String?, except: [Located<String>]?, key: String, value: String,
    spread: String?
  ) throws -> Table {
    var wide = listed
    var labels = listed.map(\.value)
    if let except {
      for column in except { try require(column) }
      let keep = Set(except.map(\.value))
      for name in columnNames where !keep.contains(name) && !wide.contains(where: { $0.value == name }) {
        wide.append(Located(name, at: nil))
        labels.append(name)
      }
    }
    if let pattern, let named = try namedUnpivot(pattern: pattern, value: value, spread: spread) {
      return named
    }
    if let spread {
      throw VellumError(
        .invalidSpec, "unpivot's spread '\(spread)' picks a named capture, but the pattern names none: (?<name>…)")
    }
    if let pattern {
      let regex = try Regex(pattern)
      for name in columnNames where !wide.contains(where: { $0.value == name }) {
        guard let match = try regex.wholeMatch(in: name) else { continue }
        wide.append(Located(name, at: nil))
        labels.append(match.output.count > 1 ? String(match.output[1].substring ?? Substring(name)) : name)
      }
    }
    guard !wide.isEmpty else {
      throw VellumError(
        .invalidData, "unpivot matched no column of \(origin) (columns: \(columnNames.joined(separator: ", ")))")
    }
    let widened = Set(wide.map(\.value))
    let kept = columnNames.filter { !widened.contains($0) }
    var text: [String: [String]] = [:]
    for name in kept { text[name] = [] }
    text[key] = []
    try Table.checkDerivedSize(rows: rowCount * labels.count, columns: kept.count + 2, by: "unpivot")
    var values: [Double] = []
    let keptValues = try kept.map { try strings(Located($0, at: nil)) }
    let wideValues = try wide.map { try numbers($0) }
    for row in 0..<rowCount {
      for (index, label) in labels.enumerated() {
        for (column, name) in kept.enumerated() { text[name]!.append(keptValues[column][row]) }
        text[key]!.append(label)
        values.append(wideValues[index][row])
      }
    }
    return Table(
      origin: origin, order: kept + [key, value], text: text, numbers: [value: values], rowCount: values.count)
  }
}
