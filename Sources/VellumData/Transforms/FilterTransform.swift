import VellumDiagnostics
import VellumSpec

/// `filter`: keeps the rows meeting every condition, tests of one column each (`method: SDPO`, `{min: 0}`) and an
/// expression over any columns (`expr: "row > col"`).
struct FilterTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "filter",
      purpose: "Keeps the rows that pass every test: `COLUMN: value`, `COLUMN: [values]`, `COLUMN: {in, not_in, "
        + "min, max, !=, <, <=, >, >=}`, and `expr`, a condition over any columns (a column named expr is tested "
        + "inside one: expr: \"`expr` == 'a'\").",
      keys: [
        SpecKey(
          "expr", SpecSchema.string,
          "a condition over columns: comparisons, and/or/not, arithmetic, 'quoted text' (rows where it is non-zero)",
          example: "\"row > col and method == 'SDPO'\"")
      ],
      shorthand: [
        .object(["type": "object", "minProperties": 1, "additionalProperties": condition])
      ],
      example: "{filter: {method: SDPO, step: {min: 100}}}"),
    decode: { try FilterTransform(node: $0) })

  /// A test of one column: a value, a list of values, or one of these tests.
  private static let test = SpecObject(
    "filter test",
    purpose: "A test of one column's values under `filter`: one test, or min and max together; a missing value "
      + "passes no numeric test.",
    keys: [
      SpecKey("in", SpecSchema.array(.object([:])), "keep rows whose cell is one of these values", example: "[a, b]"),
      SpecKey("not_in", SpecSchema.array(.object([:])), "keep rows whose cell is none of these values"),
      SpecKey("min", SpecSchema.number, "keep values at least this", example: "0"),
      SpecKey("max", SpecSchema.number, "keep values at most this", example: "1"),
      SpecKey("!=", .object([:]), "keep rows whose cell is not this value", example: "baseline"),
      SpecKey("<", SpecSchema.number, "keep values below this"),
      SpecKey("<=", SpecSchema.number, "keep values at most this"),
      SpecKey(">", SpecSchema.number, "keep values above this"),
      SpecKey(">=", SpecSchema.number, "keep values at least this"),
    ],
    exclusive: tests.indices.flatMap { i in
      tests.indices.filter { $0 > i }.map { [tests[i], tests[$0]] }.filter { $0 != ["min", "max"] }
    },
    example: "{filter: {step: {min: 100, max: 1000}}}")

  private static let tests = ["in", "not_in", "min", "max", "!=", "<", "<=", ">", ">="]

  private static let condition = JSONValue.object([
    "anyOf": .array([
      SpecSchema.string, SpecSchema.number, SpecSchema.boolean, SpecSchema.array(.object([:])), test.schema,
    ])
  ])

  /// How a test reads a column.
  enum Condition: Sendable {
    case equals(String)
    case oneOf([String])
    case range(min: Double?, max: Double?)
    case notEquals(String)
    case noneOf([String])
    /// A strict or inclusive numeric comparison; missing values never pass.
    case compare(Comparison, Double)
  }

  enum Comparison: String, Sendable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
  }

  var conditions: [(column: Located<String>, condition: Condition)]
  var expression: (formula: Formula, location: SourceLocation?)?

  var selectedValues: [String] {
    conditions.compactMap { if case .equals(let value) = $0.condition { return value } else { return nil } }
  }

  /// Rows whose `column` equals `value` (a facet's panel).
  init(column: Located<String>, equals value: String) {
    conditions = [(column, .equals(value))]
  }

  init(node: SpecNode) throws {
    let map = try node.mapping("filter", keys: try node.mappingKeys())
    guard !map.entries.isEmpty else { throw node.error("filter needs at least one 'column: condition' or 'expr'") }
    conditions = try map.entries.filter { $0.key.scalarText != "expr" }.map { entry in
      (try entry.key.located("a column name"), try Self.condition(entry.value))
    }
    expression = try map.optional("expr") { node in
      (
        try Formula(
          node.string("a condition over columns, e.g. 'row > col'"), variables: nil, location: node.textLocation),
        node.location
      )
    }
  }

  private static func condition(_ node: SpecNode) throws -> Condition {
    if node.isSequence { return .oneOf(try node.list().map { try $0.string("a value") }) }
    if node.isMapping {
      let map = try node.mapping(test)
      guard map.entries.count == 1 || (map.entries.count == 2 && map["min"] != nil && map["max"] != nil) else {
        throw node.error("a filter condition takes one test (or min and max); give each column one condition")
      }
      if let values = try map.optional("in", { try $0.list().map { try $0.string("a value") } }) {
        return .oneOf(values)
      }
      if let values = try map.optional("not_in", { try $0.list().map { try $0.string("a value") } }) {
        return .noneOf(values)
      }
      if let value = try map.optional("!=", { try $0.string("a value") }) { return .notEquals(value) }
      for comparison in Comparison.allCases {
        if let bound = try map.optional(comparison.rawValue, { try $0.double("a number to compare with") }) {
          return .compare(comparison, bound)
        }
      }
      let min = try map.optional("min") { try $0.double("a minimum") }
      let max = try map.optional("max") { try $0.double("a maximum") }
      guard min != nil || max != nil else { throw node.error("a filter condition needs 'in', 'min' or 'max'") }
      return .range(min: min, max: max)
    }
    return .equals(try node.string("a value"))
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    let rowCount = table.rowCount
    var keep = Array(0..<rowCount)
    // Both lists ascend: one merge pass.
    func kept(_ rows: [Int]) -> [Int] {
      var result: [Int] = []
      var other = 0
      for row in keep {
        while other < rows.count && rows[other] < row { other += 1 }
        if other < rows.count && rows[other] == row { result.append(row) }
      }
      return result
    }
    for (column, condition) in conditions {
      // Text tests compare the cells' bytes (no string per row); the others read text or numbers.
      switch condition {
      case .equals(let value):
        let rows = try table.rows(column, in: [value])
        keep = rows.count == rowCount ? keep : kept(rows)
      case .oneOf(let values):
        let rows = try table.rows(column, in: Set(values))
        keep = rows.count == rowCount ? keep : kept(rows)
      case .range(let low, let high):
        let values = try table.numbers(column)
        keep = keep.filter { values[$0] >= (low ?? -.infinity) && values[$0] <= (high ?? .infinity) }
      case .notEquals(let value): keep = kept(try table.rows(column, in: [value], negated: true))
      case .noneOf(let values): keep = kept(try table.rows(column, in: Set(values), negated: true))
      case .compare(let comparison, let bound):
        let values = try table.numbers(column)
        keep = keep.filter { row in
          switch comparison {
          case .less: return values[row] < bound
          case .lessOrEqual: return values[row] <= bound
          case .greater: return values[row] > bound
          case .greaterOrEqual: return values[row] >= bound
          }
        }
      }
    }
    if let (formula, _) = expression {
      let passes = try table.evaluate(formula)
      keep = keep.filter { passes[$0] != 0 && !passes[$0].isNaN }
    }
    guard !keep.isEmpty else { throw try emptyError(table) }
    // Every row passing (a log with one tag) costs no copy.
    if keep.count < rowCount { table = table.selecting(rows: keep) }
  }

  private func emptyError(_ table: Table) throws -> VellumError {
    var described = conditions.map { "\($0.column.value) \(Self.describe($0.condition))" }
    if let (formula, _) = expression { described.append("'\(formula)'") }
    guard let first = conditions.first else {
      return VellumError(
        .invalidData, "no rows left after filter \(described.joined(separator: ", ")) in \(table.origin)",
        at: expression?.location)
    }
    let sample = try Array(Set(table.strings(first.column))).sorted().prefix(8)
    return VellumError(
      .invalidData,
      "no rows left after filter \(described.joined(separator: ", ")) in \(table.origin) (\(first.column.value) has: "
        + "\(sample.joined(separator: ", ")))", at: first.column.location)
  }

  private static func describe(_ condition: Condition) -> String {
    switch condition {
    case .equals(let value): return "= '\(value)'"
    case .oneOf(let values): return "in [\(values.joined(separator: ", "))]"
    case .range(let low, let high): return "in [\(low.map { "\($0)" } ?? "-inf"), \(high.map { "\($0)" } ?? "inf")]"
    case .notEquals(let value): return "!= '\(value)'"
    case .noneOf(let values): return "not in [\(values.joined(separator: ", "))]"
    case .compare(let comparison, let bound): return "\(comparison.rawValue) \(bound)"
    }
  }
}

extension Table {
  /// A formula's value in every row: columns it compares with quoted text are read as text, the rest as numbers.
  func evaluate(_ formula: Formula) throws -> [Double] {
    try formula.check(against: columnNames, what: "column")
    var numbers: [String: [Double]] = [:]
    var texts: [String: [String]] = [:]
    let location = { (name: String) in formula.references.first { $0.name == name }?.location }
    for name in formula.numberReferences { numbers[name] = try self.numbers(Located(name, at: location(name))) }
    for name in formula.textReferences { texts[name] = try strings(Located(name, at: location(name))) }
    return formula.evaluate(rows: rowCount, numbers: numbers, texts: texts)
  }
}
