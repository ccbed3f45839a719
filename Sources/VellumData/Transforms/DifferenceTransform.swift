import VellumSpec

/// `diff` and `pct_change`: the change to the row `periods` before within each group (pandas' diff and
/// pct_change with fill_method=None).
struct DifferenceTransform: TableTransform {
  static let difference = kind("diff", relative: false)
  static let percentChange = kind("pct_change", relative: true)

  private static func kind(_ name: String, relative: Bool) -> TransformKind {
    let change = relative ? "relative change (now / before − 1)" : "difference (now − before)"
    return TransformKind(
      SpecObject(
        name,
        purpose: "The \(change) of columns to the row `periods` before within each group, as pandas' \(name); "
          + "the first rows of a group, with nothing before, are missing"
          + (relative ? ", and so is a change from 0 (pandas: ±inf, which a plot cannot show)." : "."),
        keys: [
          TransformKeys.column("the column compared with its earlier rows"),
          TransformKeys.columns("the columns compared with their earlier rows"),
          TransformKeys.by("columns whose rows are compared within their own group only"),
          SpecKey(
            "periods", SpecSchema.bounded(minimum: 1, maximum: 1_000_000, integer: true),
            "how many rows back the compared row is", defaultValue: 1),
          TransformKeys.newNames("new column names, one per input column"),
        ],
        example: "{\(name): {column: loss, by: run}}"),
      decode: { try DifferenceTransform(node: $0, relative: relative) })
  }

  var columns: [Located<String>]
  var by: [Located<String>]
  var periods: Int
  var relative: Bool
  var names: [String]?

  init(node: SpecNode, relative: Bool) throws {
    let map = try node.mapping(relative ? Self.percentChange.object : Self.difference.object)
    self.relative = relative
    columns = try map.columnList()
    by = try map.groups()
    periods =
      try map.optional("periods") { node in
        let value = try node.int("a number of rows")
        guard value >= 1, value <= 1_000_000 else { throw node.error("periods must be between 1 and 1000000") }
        return value
      } ?? 1
    names = try map.newNames(count: columns.count)
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    try table.difference(columns, by: by, periods: periods, relative: relative, names: names)
  }
}

extension Table {
  /// pandas' `diff(periods)` or `pct_change(periods, fill_method=None)` within each group.
  fileprivate mutating func difference(
    _ columns: [Located<String>], by: [Located<String>], periods: Int, relative: Bool, names: [String]?
  ) throws {
    let groups = try rowGroups(by)
    for (index, column) in columns.enumerated() {
      let values = try numbers(column)
      var result = [Double](repeating: .nan, count: rowCount)
      for rows in groups where rows.count > periods {
        for position in periods..<rows.count {
          let (now, before) = (values[rows[position]], values[rows[position - periods]])
          result[rows[position]] = relative ? now / before - 1 : now - before
        }
      }
      setNumbers(names?[index] ?? column.value, result.map { $0.isFinite ? $0 : .nan })
    }
  }
}
