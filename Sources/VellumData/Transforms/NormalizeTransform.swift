import VellumDiagnostics
import VellumSpec

/// `normalize`: divides columns by their sum or largest magnitude within each group.
struct NormalizeTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "normalize",
      purpose: "Divides columns by their sum (so a group adds up to 1, a row-normalised confusion matrix) or by "
        + "their largest magnitude, within each group; missing values stay missing.",
      keys: [
        TransformKeys.column("the column to normalise (written over)"),
        TransformKeys.columns("the columns to normalise (each written over)"),
        TransformKeys.by("columns whose rows are normalised together (one group each)"),
        SpecKey(
          "method", SpecSchema.enumeration(Method.allCases.map(\.rawValue)),
          "sum: values add up to 1; max: the largest magnitude becomes 1", defaultValue: Method.sum),
      ],
      example: "{normalize: {column: count, by: label}}"),
    decode: { try NormalizeTransform(node: $0) })

  enum Method: String, Sendable, CaseIterable { case sum, max }

  var columns: [Located<String>]
  var by: [Located<String>]
  var method: Method

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    columns = try map.columnList()
    by = try map.groups()
    method = try map.optional("method") { try decodeEnum($0, what: "normalization") } ?? .sum
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    let groups = try table.rowGroups(by)
    for column in columns {
      var values = try table.numbers(column)
      for rows in groups {
        let finite = rows.map { values[$0] }.filter { !$0.isNaN }
        let scale = method == .sum ? finite.reduce(0, +) : finite.map(abs).max() ?? 0
        guard scale != 0 else {
          throw VellumError(
            .invalidData, "normalize: a group of '\(column.value)' \(method == .sum ? "sums" : "peaks") to 0",
            at: column.location)
        }
        for row in rows { values[row] /= scale }
      }
      table.setNumbers(column.value, values)
    }
  }
}
