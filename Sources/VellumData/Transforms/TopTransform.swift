import VellumSpec

/// `top`: the first k rows of each group by a column, largest first (pandas' `nlargest`, keep='first').
struct TopTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "top",
      purpose: "Keeps the k rows of each group with the largest values of a column (pandas' nlargest), or the "
        + "smallest with ascending; ties keep the earlier row.",
      keys: [
        SpecKey("column", SpecSchema.string, "the column rows are ordered by", example: "score"),
        SpecKey("k", SpecSchema.bounded(minimum: 1, integer: true), "rows kept per group", example: "5"),
        TransformKeys.by("columns whose rows are ranked separately (k rows kept from each)"),
        SpecKey(
          "ascending", SpecSchema.boolean, "keep the smallest values instead of the largest (pandas' nsmallest)",
          defaultValue: false),
      ],
      required: ["column", "k"], example: "{top: {column: score, k: 5}}"),
    decode: { try TopTransform(node: $0) })

  var column: Located<String>
  var count: Int
  var by: [Located<String>]
  var ascending: Bool

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    count = try map.required("k") { node in
      let value = try node.int("a number of rows")
      guard value >= 1 else { throw node.error("top needs k of at least 1") }
      return value
    }
    column = try map.column()
    by = try map.groups()
    ascending = try map.optional("ascending") { try $0.bool() } ?? false
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    table = try table.top(column, count: count, by: by, ascending: ascending)
  }
}

extension Table {
  /// The first `count` rows of each group by `column`, largest first unless `ascending` (pandas' `nlargest`
  /// with keep='first'); groups in order of first appearance.
  fileprivate func top(_ column: Located<String>, count: Int, by: [Located<String>], ascending: Bool) throws -> Table {
    let values = try numbers(column)
    var kept: [Int] = []
    for rows in try rowGroups(by) {
      let ordered = rows.filter { !values[$0].isNaN }.enumerated().sorted { a, b in
        let (x, y) = (values[a.element], values[b.element])
        if x != y { return ascending ? x < y : x > y }
        return a.offset < b.offset
      }
      kept += ordered.prefix(count).map(\.element)
    }
    return selecting(rows: kept)
  }
}
