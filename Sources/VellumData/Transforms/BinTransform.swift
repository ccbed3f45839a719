import VellumSpec

/// `bin`: puts each row's value into a bin, as numpy's histogram bins it.
struct BinTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "bin",
      purpose: "Puts each row's value into a bin (numpy.histogram's rules), adding the bin's centre, start and end "
        + "as `<as>`, `<as>_start` and `<as>_end`.",
      keys: [
        SpecKey("column", SpecSchema.string, "the column binned", example: "latency"),
        SpecKey(
          "bins", BinSpec.schema, "a bin count, a numpy rule (auto, fd, sturges…), {width: W} or a list of edges",
          default: "10", example: "auto"),
        SpecKey(
          "range", SpecSchema.pair, "[low, high] the bins span; values outside get no bin",
          default: "the column's range", example: "[0, 1]"),
        SpecKey("as", SpecSchema.string, "name of the bin centre column", default: "COLUMN_bin", example: "bucket"),
      ],
      required: ["column"], example: "{bin: {column: latency, bins: 20}}"),
    decode: { try BinTransform(node: $0) })

  var column: Located<String>
  var bins: BinSpec
  var range: (Double, Double)?
  var name: String

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    column = try map.column()
    bins = try map.optional("bins") { try BinSpec.decode($0) } ?? .matplotlibDefault
    range = try map.optional("range") { try $0.interval("a bin range") }
    name = try map.optional("as") { try $0.string("a column name") } ?? column.value + "_bin"
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    try table.bin(column, bins: bins, range: range, name: name)
  }
}

extension Table {
  /// The bin of each row's value, as `numpy.histogram` bins it: centre, start and end (missing outside the bins).
  fileprivate mutating func bin(_ column: Located<String>, bins: BinSpec, range: (Double, Double)?, name: String) throws
  {
    let values = try numbers(column)
    let edges = try Binning.edges(values, bins: bins, range: range, location: column.location)
    var centres = [Double](repeating: .nan, count: rowCount)
    var starts = centres
    var ends = centres
    for (row, value) in values.enumerated() where !value.isNaN {
      // Half-open bins, the last one closed, as numpy's histogram; found by bisection, as numpy does.
      guard let index = Binning.bin(of: value, edges: edges) else { continue }
      starts[row] = edges[index]
      ends[row] = edges[index + 1]
      centres[row] = (edges[index] + edges[index + 1]) / 2
    }
    setNumbers(name, centres)
    setNumbers(name + "_start", starts)
    setNumbers(name + "_end", ends)
  }
}
