import VellumDiagnostics
import VellumSpec

/// `fillna`: fills missing cells with a value, or with the last (or next) present cell of the same group, as
/// pandas' `fillna(value)`, `groupby(by).ffill()` and `bfill()`.
struct FillMissingTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "fillna",
      purpose: "Fills missing cells (empty or NaN) with a value, or carries the last present value forward (ffill) "
        + "or the next one back (bfill) within each group, as pandas' fillna, ffill and bfill.",
      keys: [
        TransformKeys.column("the column whose missing cells are filled"),
        TransformKeys.columns("the columns whose missing cells are filled", example: "[loss, accuracy]"),
        SpecKey(
          "value", .object(["anyOf": .array([SpecSchema.number, SpecSchema.string])]),
          "the value written into missing cells (a number, or text for text columns)", example: "0"),
        SpecKey(
          "method", SpecSchema.enumeration(Method.allCases.map(\.rawValue)),
          "ffill: the last present value above; bfill: the next one below", example: "ffill"),
        TransformKeys.by("columns whose rows are filled within their own group only (one run each)"),
      ],
      exclusive: [["value", "method"]], requiresOneOf: [["value"], ["method"]],
      example: "{fillna: {column: loss, method: ffill, by: run}}"),
    decode: { try FillMissingTransform(node: $0) })

  enum Method: String, Sendable, CaseIterable { case ffill, bfill }

  /// Every column when empty.
  var columns: [Located<String>]
  var value: String?
  /// Where `value` is written, for the error when it is text for a column of numbers.
  var valueLocation: SourceLocation?
  var method: Method?
  var by: [Located<String>]

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    columns = try map.columnList(required: false)
    value = try map.optional("value") { node in
      let text = try node.string("a value")
      // A number written into numeric cells must be one a cell could hold.
      if let number = Double(text), !number.isFinite { throw node.error("expected a finite number, found \(text)") }
      return text
    }
    valueLocation = map["value"]?.location
    method = try map.optional("method") { try decodeEnum($0, what: "fill method") }
    guard value != nil || method != nil else { throw node.error("fillna needs 'value' or 'method' (ffill, bfill)") }
    by = try map.groups()
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    let filled = columns.isEmpty ? table.columnNames.map { Located($0, at: nil) } : columns
    let groups = try table.rowGroups(by)
    for column in filled {
      // A numeric column stays numeric when the fill is a number (or a neighbour); else it is filled as text.
      let numbers = try? table.numbers(column)
      // Text filled into a named column of numbers would surface later as a bad cell where the data had none.
      if let numbers, let value, Double(value) == nil, !columns.isEmpty, numbers.contains(where: \.isNaN) {
        throw VellumError(
          .invalidSpec,
          "fillna's value '\(value)' is text, but '\(column.value)' holds numbers; give a number to fill it with",
          at: valueLocation ?? column.location)
      }
      if let numbers, value.map({ Double($0) != nil }) ?? true {
        table.setNumbers(
          column.value, fill(numbers, groups: groups, missing: \.isNaN, with: value.flatMap(Double.init)))
      } else {
        let cells = try table.strings(column)
        table.setText(column.value, fill(cells, groups: groups, missing: table.isMissing, with: value))
      }
    }
  }

  /// `values` with each missing one replaced by `constant`, or by its group's last (next) present value.
  private func fill<Value>(
    _ values: [Value], groups: [[Int]], missing: (Value) -> Bool, with constant: Value?
  ) -> [Value] {
    var result = values
    if let constant {
      for index in result.indices where missing(result[index]) { result[index] = constant }
      return result
    }
    for rows in groups {
      var carried: Value?
      for row in method == .bfill ? rows.reversed() : rows {
        if missing(result[row]) {
          if let carried { result[row] = carried }
        } else {
          carried = result[row]
        }
      }
    }
    return result
  }
}
