import VellumSpec

/// Loads every data source a figure names and computes each layer's plotted values.
public enum DataLoader {
  /// Returns one ``LayerData`` per layer, in layer order.
  public static func load(_ spec: FigureSpec) throws -> [LayerData] {
    var tables: [String: Table] = [:]
    for source in spec.data {
      switch source.source {
      case .csv(let url, let displayPath):
        tables[source.name] = try CSVTableReader.read(url: url, displayPath: displayPath, declaredAt: source.location)
      case .inline(let columns):
        let lengths = Set(columns.map(\.values.count))
        guard lengths.count <= 1 else {
          throw VellumError(.invalidData, "inline columns of '\(source.name)' differ in length", at: source.location)
        }
        tables[source.name] = Table(
          origin: "data '\(source.name)'", columnNames: columns.map(\.name), cells: columns.map(\.values),
          rowLines: nil, inlineLocation: source.location)
      }
    }
    let categoricalX = spec.axes.x.scale == .categorical
    return try spec.axes.layers.map { layer in
      switch layer {
      case .line(let line):
        let table = try prepare(line.source, tables: tables)
        let x = try xValues(table, line.x, categorical: categoricalX)
        return .line(x: x, y: try table.numbers(line.y))
      case .band(let band):
        let table = try prepare(band.source, tables: tables)
        let x = try xValues(table, band.x, categorical: categoricalX)
        switch band.bounds {
        case .lowerUpper(let lower, let upper):
          return .band(x: x, lower: try table.numbers(lower), upper: try table.numbers(upper))
        case .centerError(let center, let error):
          let centers = try table.numbers(center)
          let errors = try table.numbers(error)
          return .band(
            x: x, lower: zip(centers, errors).map { $0 - $1 }, upper: zip(centers, errors).map { $0 + $1 })
        }
      case .hline, .vline:
        return .reference
      }
    }
  }

  private static func prepare(_ source: LayerSource, tables: [String: Table]) throws -> TransformedTable {
    guard let table = tables[source.data.value] else {
      throw VellumError(.invalidSpec, "unknown data source '\(source.data.value)'", at: source.data.location)
    }
    var transformed = TransformedTable(table: table)
    for transform in source.transforms { try transformed.apply(transform) }
    return transformed
  }

  private static func xValues(_ table: TransformedTable, _ column: Located<String>, categorical: Bool) throws -> XValues
  {
    categorical ? .categorical(try table.strings(column)) : .numeric(try table.numbers(column))
  }
}
