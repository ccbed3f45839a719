import VellumDiagnostics
import VellumSpec

/// `interpolate`: resamples each run linearly onto one grid of x (numpy.interp), so runs logged at different steps
/// can be averaged.
struct InterpolateTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "interpolate",
      purpose: "Resamples each run (rows sharing `by`) linearly onto a common grid of x, as numpy.interp; by "
        + "default the grid spans only the x range every run covers, and past a run's ends (a wider from or to) the "
        + "run is missing, where numpy.interp would repeat its end values.",
      keys: [
        SpecKey("x", SpecSchema.string, "the column the grid is laid along", example: "step"),
        TransformKeys.by("columns naming the runs, each resampled on its own"),
        TransformKeys.column("the column to resample"),
        TransformKeys.columns("the columns to resample"),
        SpecKey("step", SpecSchema.positive, "spacing of the grid in x units", example: "100"),
        SpecKey(
          "points", SpecSchema.bounded(minimum: 2, maximum: 1_000_000, integer: true), "number of grid points",
          example: "200"),
        SpecKey("from", SpecSchema.number, "grid start", default: "the largest first x of the runs", example: "0"),
        SpecKey("to", SpecSchema.number, "grid end", default: "the smallest last x of the runs", example: "10000"),
      ],
      required: ["x"], exclusive: [["step", "points"]], requiresOneOf: [["step"], ["points"]],
      example: "{interpolate: {x: step, by: seed, column: loss, step: 100}}"),
    decode: { try InterpolateTransform(node: $0) })

  var x: Located<String>
  var by: [Located<String>]
  var columns: [Located<String>]
  var step: Double?
  var points: Int?
  var from: Double?
  var to: Double?

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    step = try map.optional("step") { try $0.positive("a grid step") }
    points = try map.optional("points") { node in
      let value = try node.int("a number of grid points")
      guard (2...1_000_000).contains(value) else { throw node.error("grid points must be between 2 and 1000000") }
      return value
    }
    guard (step == nil) != (points == nil) else {
      throw node.error("interpolate takes 'step' or 'points' for its grid")
    }
    x = try map.column("x")
    by = try map.groups()
    columns = try map.columnList()
    from = try map.optional("from") { try $0.double("a grid start") }
    to = try map.optional("to") { try $0.double("a grid end") }
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    table = try table.interpolate(x: x, by: by, columns: columns, step: step, points: points, from: from, to: to)
  }
}

extension Table {
  fileprivate func interpolate(
    x: Located<String>, by: [Located<String>], columns: [Located<String>], step: Double?, points: Int?, from: Double?,
    to: Double?
  ) throws -> Table {
    for column in by { try require(column) }
    // x and the resampled columns read in one pass over a file's rows.
    let parsed = try numbers([x] + columns)
    let xs = parsed[0]
    // Logs keep each run's rows together in x order: then a run is a range of rows, read in place. Otherwise its
    // rows are gathered, NaN x left out, and sorted.
    let runs: [RowRun]
    if let ranges = try contiguousGroups(by), Self.ascending(xs, in: ranges) {
      runs = ranges.filter { !$0.isEmpty }.map(RowRun.range)
    } else {
      runs = try rowGroups(by).map { rows in rows.filter { !xs[$0].isNaN }.sorted { xs[$0] < xs[$1] } }.filter {
        !$0.isEmpty
      }.map(RowRun.rows)
    }
    let groups = runs
    guard !groups.isEmpty else {
      throw VellumError(.invalidData, "interpolate found no rows with a value of '\(x.value)'", at: x.location)
    }
    // By default the grid covers only the x range every run has, so no run is extrapolated.
    let low = from ?? groups.map { xs[$0.first] }.max()!
    let high = to ?? groups.map { xs[$0.last] }.min()!
    guard high > low else {
      throw VellumError(.invalidData, "the runs share no range of '\(x.value)' to interpolate over", at: x.location)
    }
    var grid: [Double]
    if let step {
      // Compared as a Double: a huge range over a tiny step would overflow Int.
      let exact = ((high - low) / step + 1e-9).rounded(.down)
      guard exact < 1_000_000 else {
        throw VellumError(
          .invalidData, "an interpolation grid of \(String(format: "%.3g", exact)) points is too fine (limit 1000000)",
          at: x.location)
      }
      grid = (0...Int(exact)).map { low + Double($0) * step }
    } else {
      let n = points!
      grid = (0..<n).map { low + (high - low) * Double($0) / Double(n - 1) }
    }
    guard grid.count * groups.count <= Limits.rows else {
      throw VellumError(
        .invalidData,
        "interpolating \(groups.count) runs onto \(grid.count) points would make more than \(Limits.rows) rows",
        at: x.location)
    }
    let sources = Array(parsed.dropFirst())
    var text: [String: [String]] = Dictionary(uniqueKeysWithValues: by.map { ($0.value, []) })
    var numeric: [String: [Double]] = [x.value: []]
    for column in columns { numeric[column.value] = [] }
    for rows in groups {
      let runX = rows.values(xs)
      for column in by {
        text[column.value]! += Array(repeating: try string(column, row: rows.first), count: grid.count)
      }
      numeric[x.value]! += grid
      for (c, column) in columns.enumerated() {
        let runY = rows.values(sources[c])
        numeric[column.value]! += grid.map { Self.linear(runX, runY, at: $0) }
      }
    }
    return Table(
      origin: origin, order: by.map(\.value) + [x.value] + columns.map(\.value), text: text, numbers: numeric,
      rowCount: grid.count * groups.count)
  }

  /// Whether every range of `xs` holds no NaN and never decreases; the rows are checked on every core, each
  /// against the one before it in its range.
  static func ascending(_ xs: [Double], in ranges: [Range<Int>]) -> Bool {
    let ordered = ranges.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
    let results = xs.withUnsafeBufferPointer { values in
      nonisolated(unsafe) let values = values
      return ParallelChunks.map(ParallelChunks.ranges(count: values.count)) { _, rows in
        // The first range reaching into this chunk, found by bisection.
        var (index, high) = (0, ordered.count)
        while index < high {
          let middle = (index + high) / 2
          if ordered[middle].upperBound > rows.lowerBound { high = middle } else { index = middle + 1 }
        }
        while index < ordered.count, ordered[index].lowerBound < rows.upperBound {
          let range = ordered[index]
          let piece = max(range.lowerBound, rows.lowerBound)..<min(range.upperBound, rows.upperBound)
          var previous = piece.lowerBound > range.lowerBound ? values[piece.lowerBound - 1] : -Double.infinity
          for value in values[piece] {
            // NaN fails `>=` whichever side it is on: one test finds both a gap and a step back.
            guard value >= previous else { return false }
            previous = value
          }
          index += 1
        }
        return true
      }
    }
    return results.allSatisfy { $0 }
  }

  /// numpy.interp on sorted x, NaN outside the run's range.
  static func linear(_ xs: ArraySlice<Double>, _ ys: ArraySlice<Double>, at x: Double) -> Double {
    guard let first = xs.first, let last = xs.last, x >= first, x <= last else { return .nan }
    // Both slices are indexed from the same start.
    var low = xs.startIndex
    var high = xs.endIndex - 1
    while high - low > 1 {
      let middle = (low + high) / 2
      if xs[middle] <= x { low = middle } else { high = middle }
    }
    if xs[high] == x { return ys[high] }
    if xs[low] == x || xs[high] == xs[low] { return ys[low] }
    return ys[low] + (ys[high] - ys[low]) * (x - xs[low]) / (xs[high] - xs[low])
  }
}

/// One run's rows in x order: a range of the table's rows (read in place), or rows gathered from anywhere.
private enum RowRun {
  case range(Range<Int>)
  case rows([Int])

  var first: Int {
    switch self {
    case .range(let range): return range.lowerBound
    case .rows(let rows): return rows[0]
    }
  }

  var last: Int {
    switch self {
    case .range(let range): return range.upperBound - 1
    case .rows(let rows): return rows[rows.count - 1]
    }
  }

  /// The run's values of a column: a slice of it for a range, no copy.
  func values(_ column: [Double]) -> ArraySlice<Double> {
    switch self {
    case .range(let range): return column[range]
    case .rows(let rows): return ArraySlice(rows.map { column[$0] })
    }
  }
}
