import VellumSpec

/// `sort`: orders rows by columns, stably, as pandas' `sort_values(kind='stable', na_position='last')`.
struct SortTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "sort",
      purpose: "Orders rows by columns, stably (pandas' sort_values): a column all numbers compares as numbers, "
        + "else as text; missing values go last. `sort: step` is short for `{by: step}`.",
      keys: [
        SpecKey("by", TransformKeys.names, "the columns to order by, the first deciding first", example: "[run, step]"),
        SpecKey(
          "descending", .object(["anyOf": .array([SpecSchema.boolean, SpecSchema.array(SpecSchema.boolean)])]),
          "largest first: one flag for every column, or one per column", defaultValue: false),
      ],
      required: ["by"], shorthand: [TransformKeys.names], example: "{sort: {by: loss, descending: true}}"),
    decode: { try SortTransform(node: $0) })

  var columns: [Located<String>]
  var descending: [Bool]

  init(node: SpecNode) throws {
    guard node.isMapping else {
      columns = try node.columnNames()
      descending = columns.map { _ in false }
      return
    }
    let map = try node.mapping(Self.kind.object)
    let by = try map.required("by") { try $0.columnNames() }
    columns = by
    descending =
      try map.optional("descending") { node -> [Bool] in
        if node.isSequence {
          let flags = try node.list().map { try $0.bool() }
          guard flags.count == by.count else {
            throw node.error("expected \(by.count) descending flags (one per sort column), found \(flags.count)")
          }
          return flags
        }
        let flag = try node.bool()
        return by.map { _ in flag }
      } ?? by.map { _ in false }
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    table = try table.sorted(by: columns, descending: descending)
  }
}

extension Table {
  /// pandas' `sort_values(by, ascending, kind='stable', na_position='last')`: a column compares as numbers when
  /// every present cell is one, else as text.
  func sorted(by columns: [Located<String>], descending: [Bool]) throws -> Table {
    enum Key {
      case number([Double])
      case text([String])
    }
    let keys: [Key] = try columns.map { column in
      let cells = try strings(column)
      if let numbers = try? self.numbers(column) { return .number(numbers) }
      return .text(cells.map { isMissing($0) ? "" : $0 })
    }
    let missing: [[Bool]] = try columns.map { column in try strings(column).map(isMissing) }
    let order = (0..<rowCount).sorted { a, b in
      for (index, key) in keys.enumerated() {
        let (missingA, missingB) = (missing[index][a], missing[index][b])
        if missingA != missingB { return missingB }  // missing last, whichever the direction
        if missingA { continue }
        let ascending: Bool
        switch key {
        case .number(let values):
          if values[a] == values[b] { continue }
          ascending = values[a] < values[b]
        case .text(let values):
          if values[a] == values[b] { continue }
          ascending = values[a] < values[b]
        }
        return descending[index] ? !ascending : ascending
      }
      return a < b  // stable
    }
    return selecting(rows: order)
  }
}
