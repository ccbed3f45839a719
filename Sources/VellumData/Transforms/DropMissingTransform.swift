import VellumSpec

/// `dropna`: drops rows where a column is missing (pandas' `dropna(subset=…)`).
struct DropMissingTransform: TableTransform {
  static let kind = TransformKind(object) { node in
    if node.isNull { return DropMissingTransform(columns: nil) }
    if !node.isMapping { return DropMissingTransform(columns: try node.columnNames()) }
    let map = try node.mapping(object)
    // `{dropna: {}}` checks every column, as `dropna:` alone; an empty list checks none (pandas' subset=[]).
    let named = map["column"] != nil || map["columns"] != nil
    return DropMissingTransform(columns: named ? try map.columnList(required: false) : nil)
  }

  private static let object = SpecObject(
    "dropna",
    purpose: "Drops rows where any of the columns is missing (empty or NaN); `dropna:` alone checks every column, "
      + "`dropna: loss` one, `dropna: []` none.",
    keys: [
      TransformKeys.column("the column that must be present"),
      TransformKeys.columns("the columns that must all be present"),
    ],
    shorthand: [.object(["type": "null"]), TransformKeys.names], example: "{dropna: {columns: [loss, accuracy]}}")

  /// Every column when nil.
  var columns: [Located<String>]?

  func apply(to table: inout Table, sources: [String: Table]) throws {
    table = try table.droppingMissing(columns)
  }
}

extension Table {
  /// Rows where none of `columns` (every column when nil) is missing.
  fileprivate func droppingMissing(_ columns: [Located<String>]?) throws -> Table {
    let checked = columns ?? columnNames.map { Located($0, at: nil) }
    let missing = try checked.map { column in try strings(column).map(isMissing) }
    return selecting(rows: (0..<rowCount).filter { row in !missing.contains { $0[row] } })
  }
}
