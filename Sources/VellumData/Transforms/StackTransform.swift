import VellumDiagnostics
import VellumSpec

/// `stack`: each row's span in its x's stack, rows stacking in order (Vega-Lite's stack).
struct StackTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "stack",
      purpose: "Stacks a column per x across rows in order (one series after another), writing each row's start "
        + "and end; normalize and percent offsets scale each x's stack to 1 or 100.",
      keys: [
        SpecKey("column", SpecSchema.string, "the values stacked", example: "count"),
        SpecKey("x", SpecSchema.string, "the column whose values each have one stack", example: "year"),
        SpecKey(
          "offset", SpecSchema.enumeration(StackOffset.allCases.map(\.rawValue)),
          "zero: from 0 in data units; normalize: shares of each stack; percent: shares × 100",
          defaultValue: StackOffset.zero),
        SpecKey(
          "as", SpecSchema.array(SpecSchema.string), "names of the start and end columns",
          default: "[COLUMN_start, COLUMN_end]", example: "[low, high]"),
      ],
      required: ["column", "x"], example: "{stack: {column: count, x: year}}"),
    decode: { try StackTransform(node: $0) })

  /// How `stack` offsets each x's stack (Vega-Lite's stack offsets).
  enum StackOffset: String, Sendable, CaseIterable { case zero, normalize, percent }

  var column: Located<String>
  var x: Located<String>
  var offset: StackOffset
  var names: (String, String)

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    column = try map.column()
    x = try map.column("x")
    offset = try map.optional("offset") { try decodeEnum($0, what: "stack offset") } ?? .zero
    let pair = try map.newNames(count: 2)
    names = pair.map { ($0[0], $0[1]) } ?? (column.value + "_start", column.value + "_end")
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    try table.stack(column, x: x, offset: offset, names: names)
  }
}

extension Table {
  /// Each row's span in its x's stack, rows stacking in order; a missing value adds nothing. Offsets divide by
  /// each x's total (×100 for percent).
  fileprivate mutating func stack(
    _ column: Located<String>, x: Located<String>, offset: StackTransform.StackOffset, names: (String, String)
  ) throws {
    let values = try numbers(column)
    let positions = try strings(x)
    var running: [String: Double] = [:]
    var starts = [Double](repeating: 0, count: rowCount)
    var ends = starts
    for row in 0..<rowCount {
      let start = running[positions[row]] ?? 0
      let value = values[row].isNaN ? 0 : values[row]
      starts[row] = start
      ends[row] = start + value
      running[positions[row]] = start + value
    }
    if offset != .zero {
      let scale = offset == .percent ? 100.0 : 1
      for row in 0..<rowCount {
        let total = running[positions[row]] ?? 0
        guard total != 0 else {
          throw VellumError(
            .invalidData,
            "stack: the values of '\(column.value)' at \(x.value) = \(positions[row]) add up to 0, "
              + "so they cannot be shown as shares", at: column.location)
        }
        starts[row] = starts[row] / total * scale
        ends[row] = ends[row] / total * scale
      }
    }
    setNumbers(names.0, starts)
    setNumbers(names.1, ends)
  }
}
