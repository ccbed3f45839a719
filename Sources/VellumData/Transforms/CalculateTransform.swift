import VellumDiagnostics
import VellumSpec

/// `calculate`: a new column from an expression over columns.
struct CalculateTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "calculate",
      purpose: "Adds a column computed from others: arithmetic, functions, comparisons and conditions (1 for true, "
        + "0 for false), row by row.",
      keys: [
        SpecKey(
          "expr", SpecSchema.string,
          "an expression over columns: + - * / ^, < <= > >= == !=, and or not, if(c, a, b), round, floor, ceil, "
            + "clip, log, exp, sqrt, abs, min, max, pow, 'quoted text'; `backticks` around other names",
          example: "\"tokens * 6 * params\""),
        SpecKey("as", SpecSchema.string, "the new column's name", example: "flops"),
      ],
      required: ["expr", "as"], example: "{calculate: {expr: \"if(loss < 1, 1, 0)\", as: converged}}"),
    decode: { try CalculateTransform(node: $0) })

  var expression: Formula
  var name: String
  var location: SourceLocation?

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    expression = try map.required("expr") { node in
      try Formula(
        node.string("a formula over columns, e.g. 'tokens * 6 * params'"), variables: nil, location: node.textLocation)
    }
    name = try map.required("as") { try $0.string("a new column name") }
    location = map["expr"]?.location
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    let result = try table.evaluate(expression).map { $0.isFinite ? $0 : .nan }
    if table.rowCount > 0, result.allSatisfy(\.isNaN) {
      throw VellumError(
        .invalidData, "calculate: '\(expression)' gives no number in any row (missing values, division by zero?)",
        at: location)
    }
    table.setNumbers(name, result)
  }
}
