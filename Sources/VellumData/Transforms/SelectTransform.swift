import VellumSpec

/// `select`: keeps only the named columns, in that order.
struct SelectTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "select", purpose: "Keeps only the listed columns, in the order listed.", keys: [],
      shorthand: [TransformKeys.names], example: "{select: [step, loss]}"),
    decode: { SelectTransform(columns: try $0.columnNames()) })

  var columns: [Located<String>]

  func apply(to table: inout Table, sources: [String: Table]) throws {
    table = try table.selecting(columns: columns)
  }
}
