import VellumSpec

/// Loads every data source a figure names and computes each layer's plotted values.
public enum DataLoader {
  /// Returns, for each panel, one ``LayerData`` per layer in layer order.
  public static func load(_ spec: FigureSpec) throws -> [[LayerData]] {
    var tables: [String: Table] = [:]
    for source in spec.data {
      switch source.source {
      case .file(let url, let displayPath, let format):
        let text = try DataFile.read(url: url, displayPath: displayPath, declaredAt: source.location)
        switch format {
        case .csv, .tsv:
          tables[source.name] = try CSVTableReader.read(
            text, displayPath: displayPath, delimiter: format == .tsv ? "\t" : ",")
        case .jsonl:
          tables[source.name] = try JSONLinesReader.read(text, displayPath: displayPath)
        }
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
    return try spec.axes.map { axes in try load(axes, tables: tables) }
  }

  private static func load(_ axes: AxesSpec, tables: [String: Table]) throws -> [LayerData] {
    try axes.layers.map { layer in
      guard let common = layer.series else { return .none }
      let table = try prepare(common.source, tables: tables)
      // Horizontal bars put their categories on the y axis.
      var categoryAxis = axes.x
      if case .bar(let bar) = layer, bar.horizontal { categoryAxis = axes.y }
      let x = try xValues(table, common.x, categorical: categoryAxis.scale == .categorical)
      var values: [String: [Double]] = [:]
      switch layer {
      case .line(let line): values["y"] = try table.numbers(line.y)
      case .scatter(let scatter): values["y"] = try table.numbers(scatter.y)
      case .area(let area): values["y"] = try table.numbers(area.y)
      case .bar(let bar):
        values["y"] = try table.numbers(bar.y)
        if let error = bar.error { values["error"] = try table.numbers(error) }
      case .errorbar(let errorbar):
        values["y"] = try table.numbers(errorbar.y)
        if let yError = errorbar.yError { values["yerr"] = try table.numbers(yError) }
        if let xError = errorbar.xError { values["xerr"] = try table.numbers(xError) }
      case .band(let band):
        switch band.bounds {
        case .lowerUpper(let lower, let upper):
          values["lower"] = try table.numbers(lower)
          values["upper"] = try table.numbers(upper)
        case .centerError(let center, let error):
          let centers = try table.numbers(center)
          let errors = try table.numbers(error)
          values["lower"] = zip(centers, errors).map { $0 - $1 }
          values["upper"] = zip(centers, errors).map { $0 + $1 }
        }
      case .hline, .vline, .hspan, .vspan, .text:
        return .none
      }
      let whole = SeriesData(name: nil, x: x, values: values)
      guard let group = common.group else { return .series([whole]) }
      return .series(try split(whole, by: table.strings(group)))
    }
  }

  /// One series per distinct group value, in order of first appearance.
  private static func split(_ series: SeriesData, by keys: [String]) -> [SeriesData] {
    var order: [String] = []
    var rows: [String: [Int]] = [:]
    for (row, key) in keys.enumerated() {
      if rows[key] == nil { order.append(key) }
      rows[key, default: []].append(row)
    }
    return order.map { key in
      let selected = rows[key]!
      return SeriesData(
        name: key, x: series.x.selecting(selected),
        values: series.values.mapValues { values in selected.map { values[$0] } })
    }
  }

  private static func prepare(_ source: LayerSource, tables: [String: Table]) throws -> Table {
    guard let table = tables[source.data.value] else {
      throw VellumError(.invalidSpec, "unknown data source '\(source.data.value)'", at: source.data.location)
    }
    var transformed = table
    for transform in source.transforms { try transformed.apply(transform) }
    return transformed
  }

  private static func xValues(_ table: Table, _ column: Located<String>, categorical: Bool) throws -> XValues {
    categorical ? .categorical(try table.strings(column)) : .numeric(try table.numbers(column))
  }
}
