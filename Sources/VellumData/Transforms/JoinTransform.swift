import VellumDiagnostics
import VellumSpec

/// `join`: adds the columns of another data source by matching key columns (pandas' `merge`).
struct JoinTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "join",
      purpose: "Adds the columns of another data source by matching key columns, as pandas' merge: every matching "
        + "row joins (a row may repeat); a name both have gets `_right`.",
      keys: [
        SpecKey("data", SpecSchema.string, "the data source whose columns are added", example: "params"),
        SpecKey("on", TransformKeys.names, "the key columns both tables have", example: "model"),
        SpecKey(
          "how", SpecSchema.enumeration(["left", "inner"]),
          "left keeps rows without a match (their new cells empty); inner drops them", defaultValue: "left"),
      ],
      required: ["data", "on"], example: "{join: {data: params, on: model}}"),
    decode: { try JoinTransform(node: $0) })

  var data: Located<String>
  var on: [Located<String>]
  var inner: Bool

  var sources: [Located<String>] { [data] }

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    let how =
      try map.optional("how") { node -> String in
        let value = try node.string("left or inner")
        guard ["left", "inner"].contains(value) else {
          throw node.error(unknownNameMessage(value, kind: "join", candidates: ["left", "inner"]))
        }
        return value
      } ?? "left"
    data = try map.required("data") { try $0.located("a data source name") }
    on = try map.required("on") { try $0.columnNames() }
    inner = how == "inner"
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    guard let other = sources[data.value] else {
      throw VellumError(
        .invalidSpec, unknownSourceMessage(data.value, candidates: sources.keys.sorted()), at: data.location)
    }
    table = try table.joined(with: other, on: on, inner: inner)
  }
}

extension Table {
  /// pandas' `merge(other, on=keys, how='left'|'inner')`: every matching row of `other` joins a row (so a row may
  /// repeat); its other columns are added, a name this table already has getting `_right`.
  func joined(with other: Table, on keys: [Located<String>], inner: Bool) throws -> Table {
    for key in keys { try other.require(key) }
    let ours = try self.keys(keys)
    let theirs = try other.keys(keys)
    var matches: [[String]: [Int]] = [:]
    for (row, key) in theirs.enumerated() { matches[key, default: []].append(row) }
    var left: [Int] = []
    var right: [Int?] = []
    for (row, key) in ours.enumerated() {
      if let found = matches[key] {
        for match in found {
          left.append(row)
          right.append(match)
        }
      } else if !inner {
        left.append(row)
        right.append(nil)
      }
      // Checked as rows are matched: a key repeated on both sides multiplies, and must fail before it fills memory.
      if left.count > Limits.rows {
        try Table.checkDerivedSize(rows: left.count, columns: columnNames.count, by: "join")
      }
    }
    try Table.checkDerivedSize(rows: left.count, columns: columnNames.count + other.columnNames.count, by: "join")
    var result = selecting(rows: left)
    result.rowLines = nil
    let keyNames = Set(keys.map(\.value))
    for name in other.columnNames where !keyNames.contains(name) {
      let cells = try other.strings(Located(name, at: nil))
      let target = has(name) ? name + "_right" : name
      result.setText(target, right.map { $0.map { cells[$0] } ?? "" })
    }
    return result
  }
}
