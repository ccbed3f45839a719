import VellumSpec

/// `rolling`: the mean or median of a trailing window of points or of x units, as pandas'
/// `rolling(…, min_periods=1)`, within each group.
struct RollingTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "rolling",
      purpose: "Replaces columns by the mean or median of a trailing window (pandas' rolling with min_periods=1): "
        + "the last `window` rows, or the rows within `window_x` x units.",
      keys: [
        TransformKeys.column("the column to smooth (written over)"),
        TransformKeys.columns("the columns to smooth (each written over)"),
        SpecKey(
          "window", SpecSchema.bounded(minimum: 1, integer: true), "rows in each window, the current one included",
          example: "20"),
        SpecKey(
          "window_x", SpecSchema.positive, "window width in x units: rows with x in (x − window_x, x] (needs x)",
          example: "1000"),
        SpecKey("x", SpecSchema.string, "the column window_x is measured along", example: "step"),
        SpecKey(
          "stat", SpecSchema.enumeration(Statistic.allCases.map(\.rawValue)), "what each window gives",
          defaultValue: Statistic.mean),
        TransformKeys.by("columns whose rows are windowed separately (one run each)"),
      ],
      exclusive: [["window", "window_x"]], requiresOneOf: [["window"], ["window_x"]], needs: ["window_x": ["x"]],
      example: "{rolling: {column: loss, window: 20, stat: median}}"),
    decode: { try RollingTransform(node: $0) })

  enum Statistic: String, Sendable, CaseIterable { case mean, median }

  var columns: [Located<String>]
  var window: Int?
  var windowX: Double?
  var x: Located<String>?
  var stat: Statistic
  var by: [Located<String>]

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    window = try map.optional("window") { node in
      let value = try node.int("a number of points")
      guard value >= 1 else { throw node.error("a rolling window needs at least 1 point") }
      return value
    }
    windowX = try map.optional("window_x") { try $0.positive("a window in x units") }
    guard (window == nil) != (windowX == nil) else {
      throw node.error("rolling takes 'window' (points) or 'window_x' (x units)")
    }
    x = try map.optional("x") { try $0.located("a column name") }
    if windowX != nil && x == nil { throw node.error("rolling with 'window_x' needs 'x'") }
    stat = try map.optional("stat") { try decodeEnum($0, what: "rolling statistic") } ?? .mean
    columns = try map.columnList()
    by = try map.groups()
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    let groups = try table.rowGroups(by)
    let xValues = try x.map { try table.numbers($0) }
    for column in columns {
      var values = try table.numbers(column)
      let original = values
      for rows in groups {
        // Each row's window is rows[start...position]; with x not decreasing the start only moves forward.
        var starts: [Int] = []
        starts.reserveCapacity(rows.count)
        var start = 0
        let ordered = xValues.map { x in zip(rows, rows.dropFirst()).allSatisfy { x[$0] <= x[$1] } } ?? true
        if let windowX, let xValues, !ordered {
          starts = RollingWindow.starts(x: rows.map { xValues[$0] }, window: windowX)
        } else {
          for (position, row) in rows.enumerated() {
            if let windowX, let xValues {
              while start < position && xValues[rows[start]] <= xValues[row] - windowX { start += 1 }
            } else {
              start = max(0, position - (window ?? 1) + 1)
            }
            starts.append(start)
          }
        }
        let sample = rows.map { original[$0] }
        let result = RollingWindow.statistic(sample, starts: starts, median: stat == .median)
        for (row, value) in zip(rows, result) { values[row] = value }
      }
      table.setNumbers(column.value, values)
    }
  }
}
