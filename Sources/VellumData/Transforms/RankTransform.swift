import VellumSpec

/// `rank`: each row's rank within its group, as pandas' `rank(method='first')`.
struct RankTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "rank",
      purpose: "Each row's rank of a column within its group (1 = smallest, or largest with descending; ties by "
        + "row order, pandas' method='first'); missing values get no rank.",
      keys: [
        SpecKey("column", SpecSchema.string, "the column ranked", example: "score"),
        TransformKeys.by("columns whose rows are ranked separately"),
        SpecKey("descending", SpecSchema.boolean, "rank 1 is the largest value", defaultValue: false),
        SpecKey("as", SpecSchema.string, "the new column holding the ranks", defaultValue: "rank"),
      ],
      required: ["column"], example: "{rank: {column: score, by: task, descending: true}}"),
    decode: { try RankTransform(node: $0) })

  var column: Located<String>
  var by: [Located<String>]
  var descending: Bool
  var name: String

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    column = try map.column()
    by = try map.groups()
    descending = try map.optional("descending") { try $0.bool() } ?? false
    name = try map.optional("as") { try $0.string("a column name") } ?? "rank"
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    try table.rank(column, by: by, descending: descending, name: name)
  }
}

extension Table {
  /// pandas' `rank(method='first', ascending=…)` within each group; missing values get no rank.
  fileprivate mutating func rank(_ column: Located<String>, by: [Located<String>], descending: Bool, name: String)
    throws
  {
    let values = try numbers(column)
    var ranks = [Double](repeating: .nan, count: rowCount)
    for rows in try rowGroups(by) {
      let present = rows.filter { !values[$0].isNaN }
      let ordered = present.enumerated().sorted { a, b in
        let (x, y) = (values[a.element], values[b.element])
        if x != y { return descending ? x > y : x < y }
        return a.offset < b.offset
      }
      for (position, entry) in ordered.enumerated() { ranks[entry.element] = Double(position + 1) }
    }
    setNumbers(name, ranks)
  }
}
