import VellumDiagnostics
import VellumSpec

/// `bin2d`: counts rows in a grid of x and y bins (numpy's histogram2d), one row per bin, ready for a heatmap.
struct Bin2DTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "bin2d",
      purpose: "Counts rows in a grid of x and y bins, as numpy's histogram2d: one row per bin (every bin present) "
        + "with the bin centres under the x and y names and the count (or `stat`) in `as`.",
      keys: [
        SpecKey("x", SpecSchema.string, "the column binned along x", example: "pred"),
        SpecKey("y", SpecSchema.string, "the column binned along y", example: "label"),
        SpecKey(
          "bins", .object([:]),
          "bins for both axes (a count, a numpy rule, {width: W} or edges) or [x bins, y bins]",
          default: "10", example: "[20, 10]"),
        SpecKey(
          "range", SpecSchema.array(SpecSchema.pair), "[[x low, x high], [y low, y high]]; values outside are left out",
          default: "each column's range", example: "[[0, 1], [0, 1]]"),
        SpecKey("weights", SpecSchema.string, "a column whose values are summed instead of counting rows"),
        SpecKey(
          "stat", SpecSchema.enumeration(HistogramStat.allCases.map(\.rawValue)), "what each bin's value is",
          defaultValue: HistogramStat.count),
        SpecKey("as", SpecSchema.string, "the new column holding each bin's value", defaultValue: "count"),
      ],
      required: ["x", "y"], example: "{bin2d: {x: pred, y: label, bins: 20}}"),
    decode: { try Bin2DTransform(node: $0) })

  var x: Located<String>
  var y: Located<String>
  var bins: (BinSpec, BinSpec)
  var range: ((Double, Double)?, (Double, Double)?)
  var weights: Located<String>?
  var stat: HistogramStat
  var name: String

  func apply(to table: inout Table, sources: [String: Table]) throws {
    table = try table.binned2D(x: x, y: y, bins: bins, range: range, weights: weights, stat: stat, name: name)
  }
}

// Decoding in an extension keeps the memberwise initializer, which tests use.
extension Bin2DTransform {
  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    bins =
      try map.optional("bins") { node in
        // As numpy's histogram2d: [x bins, y bins] when both items are counts, rules, edge lists or widths;
        // anything else is one spec for both axes.
        if node.isSequence {
          let items = try node.list()
          let perAxis =
            items.count == 2
            && items.allSatisfy { item in
              item.isSequence || item.isMapping
                || (item.scalarText.map { Int($0) != nil || BinRule(rawValue: $0) != nil } ?? false)
            }
          if perAxis { return (try BinSpec.decode(items[0]), try BinSpec.decode(items[1])) }
        }
        let both = try BinSpec.decode(node)
        return (both, both)
      } ?? (.matplotlibDefault, .matplotlibDefault)
    range =
      try map.optional("range") { node -> ((Double, Double)?, (Double, Double)?) in
        let items = try node.list("[[x low, x high], [y low, y high]]")
        guard items.count == 2 else { throw node.error("expected [[x low, x high], [y low, y high]]") }
        func pair(_ node: SpecNode) throws -> (Double, Double)? { node.isNull ? nil : try node.interval("a bin range") }
        return try (pair(items[0]), pair(items[1]))
      } ?? (nil, nil)
    x = try map.column("x")
    y = try map.column("y")
    weights = try map.optional("weights") { try $0.located("a column name") }
    stat = try map.optional("stat") { try decodeEnum($0, what: "bin2d stat") } ?? .count
    name = try map.optional("as") { try $0.string("a column name") } ?? "count"
    // The grid's table holds the x centres, the y centres and the values under these three names.
    if x.value == y.value {
      throw VellumError(
        .invalidSpec,
        "bin2d's x and y are both '\(x.value)': the bin centres need two columns (copy it first with "
          + "calculate: {expr: \(x.value), as: \(x.value)_2})", at: y.location)
    }
    if name == x.value || name == y.value {
      throw (map["as"] ?? node).error(
        "bin2d's as '\(name)' is also its \(name == x.value ? "x" : "y"); name the values' column something else")
    }
  }
}

extension Table {
  fileprivate func binned2D(
    x: Located<String>, y: Located<String>, bins: (BinSpec, BinSpec), range: ((Double, Double)?, (Double, Double)?),
    weights: Located<String>?, stat: HistogramStat, name: String
  ) throws -> Table {
    let (xs, ys) = (try numbers(x), try numbers(y))
    let w = try weights.map { try numbers($0) }
    let xEdges = try Binning.edges(xs, bins: bins.0, range: range.0, weighted: w != nil, location: x.location)
    let yEdges = try Binning.edges(ys, bins: bins.1, range: range.1, weighted: w != nil, location: y.location)
    let (nx, ny) = (xEdges.count - 1, yEdges.count - 1)
    guard nx * ny <= Limits.bins else {
      throw VellumError(
        .invalidSpec, "bin2d gives \(nx) × \(ny) bins, more than the limit of \(Limits.bins)", at: x.location)
    }
    var counts = [Double](repeating: 0, count: nx * ny)
    for row in 0..<rowCount {
      guard let i = Binning.bin(of: xs[row], edges: xEdges), let j = Binning.bin(of: ys[row], edges: yEdges) else {
        continue
      }
      let weight = w?[row] ?? 1
      if !weight.isNaN { counts[i * ny + j] += weight }
    }
    // The stat over all bins at once: areas are bin widths times heights.
    let total = counts.reduce(0, +)
    let values = counts.enumerated().map { index, count -> Double in
      let area = (xEdges[index / ny + 1] - xEdges[index / ny]) * (yEdges[index % ny + 1] - yEdges[index % ny])
      switch stat {
      case .count: return count
      case .density: return total > 0 ? count / total / area : 0
      case .probability: return total > 0 ? count / total : 0
      case .percent: return total > 0 ? count / total * 100 : 0
      }
    }
    let centers = { (edges: [Double]) in zip(edges, edges.dropFirst()).map { ($0 + $1) / 2 } }
    let (cx, cy) = (centers(xEdges), centers(yEdges))
    return Table(
      origin: origin, order: [x.value, y.value, name], text: [:],
      numbers: [
        x.value: (0..<(nx * ny)).map { cx[$0 / ny] }, y.value: (0..<(nx * ny)).map { cy[$0 % ny] }, name: values,
      ], rowCount: nx * ny)
  }
}
