import Foundation
import VellumDiagnostics
import VellumSpec

/// Loads every data source a figure names and computes each layer's plotted values.
public enum DataLoader {
  /// Returns, for each panel, one ``LayerData`` per layer in layer order.
  public static func load(_ spec: FigureSpec) throws -> [[LayerData]] { try loadReporting(spec).data }

  /// The layers' data and the warnings found loading it (series mostly missing).
  public static func loadReporting(_ spec: FigureSpec) throws -> (data: [[LayerData]], warnings: [VellumWarning]) {
    let loaded = try loadCounting(spec)
    return (loaded.data, loaded.warnings)
  }

  /// ``loadReporting(_:)`` with the number of transforms run, which shows shared results computed once.
  static func loadCounting(_ spec: FigureSpec) throws -> (
    data: [[LayerData]], warnings: [VellumWarning], transformRuns: Int
  ) {
    let loaded = try loadExpanding(spec)
    return (loaded.data, loaded.warnings, loaded.transformRuns)
  }

  /// The figure as drawn, with a faceted panel expanded into one panel per value (see ``FacetExpansion``), and
  /// its layers' data and warnings.
  public static func loadExpanding(_ spec: FigureSpec) throws -> (
    spec: FigureSpec, data: [[LayerData]], warnings: [VellumWarning], transformRuns: Int
  ) {
    var warnings: [VellumWarning] = []
    var runs = 0
    let tables = try readSources(spec, warnings: &warnings, transformRuns: &runs)
    let spec = try TemplateExpansion.expand(try FacetExpansion.expand(spec, tables: tables), tables: tables)
    var drawnRows = 0
    let data = try spec.axes.map { axes in
      try load(axes, tables: tables, warnings: &warnings, drawnRows: &drawnRows, transformRuns: &runs)
    }
    return (spec, data, warnings, runs)
  }

  /// Every data source the figure declares, read into a table by name; derived sources are computed once each,
  /// after the sources they read. `transformRuns` counts the transforms run.
  static func readSources(
    _ spec: FigureSpec, warnings: inout [VellumWarning], transformRuns: inout Int
  ) throws -> [String: Table] {
    var tables: [String: Table] = [:]
    var derived: [(name: String, derivation: DataSourceSpec.Derivation)] = []
    for source in spec.data {
      switch source.source {
      case .derived(let derivation):
        derived.append((source.name, derivation))
      case .file(let url, let displayPath, let format):
        let table = try readFile(url, displayPath: displayPath, format: format, declaredAt: source.location)
        if !table.headerRenames.isEmpty {
          warnings.append(
            VellumWarning(
              "\(displayPath): header names renamed as pandas renames them: "
                + table.headerRenames.joined(separator: ", "), at: source.location))
        }
        tables[source.name] = table
      case .tensorboard(let url, let displayPath, let pattern, let hparams):
        let result = try TensorBoardReader.read(directory: url, displayPath: displayPath, declaredAt: source.location)
        var table =
          try pattern.map { try TensorBoardReader.addingRunColumns(result.table, pattern: $0) } ?? result.table
        if hparams { table = try TensorBoardReader.addingHParams(table, result.hparams, at: source.location) }
        tables[source.name] = table
        warnings += result.warnings
      case .files(let set):
        tables[source.name] = try FileSetReader.read(set, name: source.name, declaredAt: source.location) {
          try readFile($0, displayPath: $1, format: set.format, declaredAt: source.location)
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
    // Each source's missing markers (pandas' defaults unless its `missing` keys say otherwise).
    for source in spec.data where source.missingCells != Table.missingMarkers {
      tables[source.name]?.missingCells = source.missingCells
    }
    // The spec stage refused cycles and unknown names, so each pass computes at least one source.
    while !derived.isEmpty {
      guard let next = derived.firstIndex(where: { $0.derivation.inputs.allSatisfy { tables[$0.value] != nil } })
      else {
        throw VellumError(.invalidSpec, "internal error: derived sources wait on each other")
      }
      let (name, derivation) = derived.remove(at: next)
      var table = try transformed(
        tables[derivation.from.value]!, derivation.transforms, locations: derivation.transformLocations,
        tables: tables, transformRuns: &transformRuns)
      table.derivedName = name
      tables[name] = table
    }
    return tables
  }

  /// `table` after `transforms` in order, an error located at the transform that raised it.
  private static func transformed(
    _ table: Table, _ transforms: [any TransformBody], locations: [SourceLocation], tables: [String: Table],
    transformRuns: inout Int
  ) throws -> Table {
    var result = table
    for (index, transform) in transforms.enumerated() {
      let location = index < locations.count ? locations[index] : nil
      try located(at: location) { try result.apply(transform, sources: tables) }
      transformRuns += 1
    }
    return result
  }

  /// Each data-reading layer's table after its transforms (nil for layers with values in the spec), per panel,
  /// each panel's insets' layers after its own: every column a layer can plot, for `vellum data`.
  public static func finalTables(_ spec: FigureSpec) throws -> [[Table?]] {
    var warnings: [VellumWarning] = []
    var runs = 0
    let tables = try readSources(spec, warnings: &warnings, transformRuns: &runs)
    return try spec.axes.map { axes in
      try axes.allLayers.map { layer in
        guard let request = layer.body.request else { return nil }
        return try prepare(request.series.source, tables: tables, transformRuns: &runs)
      }
    }
  }

  /// One data file as a table, by its format.
  private static func readFile(
    _ url: URL, displayPath: String, format: DataSourceSpec.FileFormat, declaredAt location: SourceLocation
  ) throws -> Table {
    switch format {
    case .csv, .tsv:
      let text = try DataFile.utf8Text(url: url, displayPath: displayPath, declaredAt: location)
      return try CSVTableReader.read(
        bytes: text.bytes, displayPath: displayPath, delimiter: format == .tsv ? "\t" : ",", plain: text.plain)
    case .jsonl:
      var bytes = try DataFile.utf8Bytes(url: url, displayPath: displayPath, declaredAt: location)
      return try JSONLinesReader.read(bytes: &bytes, displayPath: displayPath)
    case .json:
      let bytes = try DataFile.utf8Bytes(url: url, displayPath: displayPath, declaredAt: location)
      return try JSONTableReader.read(bytes: bytes, displayPath: displayPath)
    case .npz:
      return try NumPyArchiveReader.read(url: url, displayPath: displayPath, declaredAt: location)
    }
  }

  /// Refuses a figure whose layers hold more than ``Limits/drawnRows`` rows in all, at the layer that crosses it.
  static func checkDrawnRows(_ total: Int, at location: SourceLocation?) throws {
    guard total <= Limits.drawnRows else {
      throw VellumError(
        .invalidData,
        "the figure's layers draw more than \(Limits.drawnRows / 1_000_000) million rows in all (this layer "
          + "brings the total to \(total)); filter or aggregate the data first",
        at: location)
    }
  }

  /// The axes' own layers, then each inset's (``AxesSpec/allLayers``' order).
  private static func load(
    _ axes: AxesSpec, tables: [String: Table], warnings: inout [VellumWarning], drawnRows: inout Int,
    transformRuns: inout Int
  ) throws
    -> [LayerData]
  {
    var data = try loadLayers(
      axes, tables: tables, warnings: &warnings, drawnRows: &drawnRows, transformRuns: &transformRuns)
    for inset in axes.insets {
      var inner = inset.axes
      inner.facetCell = axes.facetCell
      data += try loadLayers(
        inner, tables: tables, warnings: &warnings, drawnRows: &drawnRows, transformRuns: &transformRuns)
    }
    return data
  }

  private static func loadLayers(
    _ axes: AxesSpec, tables: [String: Table], warnings: inout [VellumWarning], drawnRows: inout Int,
    transformRuns: inout Int
  ) throws -> [LayerData] {
    // Layers with the same source and transforms (a band and its line, as one YAML alias or each written out) share
    // one result.
    var prepared: [String: Table] = [:]
    return try axes.layers.map { layer in
      guard let request = layer.body.request else { return .none }
      let common = request.series
      let key = common.source.transformKey.map { common.source.data.value + "\u{0}" + $0 }
      let table =
        try key.flatMap { prepared[$0] }
        ?? prepare(common.source, cell: axes.facetCell, tables: tables, transformRuns: &transformRuns)
      if let key { prepared[key] = table }
      // Each layer holds its rows' values until the figure is drawn: the figure's total is what memory follows.
      drawnRows += table.rowCount
      try checkDrawnRows(drawnRows, at: common.location)
      if table.rowCount == 0 {
        warnings.append(
          VellumWarning(
            "this layer has no rows to draw (\(common.source.data.value) is empty\(common.source.transforms.isEmpty ? "" : " after its transforms"))",
            at: common.location))
      }
      let positionAxis = request.positionAlongY ? axes.yAxis(of: layer) : axes.xAxis(of: layer)
      // A layer's `y` column lies along the y axis and is read as its scale reads positions: dates parsed, labels
      // of a categorical axis kept as labels for layout to place in slots.
      let yReading = axes.yAxis(of: layer).scale.reading
      let isYPosition = { (channel: (name: String, column: Located<String>)) in
        channel.name == "y" && !request.positionAlongY && request.yPosition == nil
      }
      // The columns read as plain numbers, parsed together: one pass over a file's rows for x, y and the rest.
      var numeric = positionAxis.scale.reading.readsNumbers ? [common.x] : []
      if yReading.readsNumbers { numeric += [request.yPosition].compactMap { $0 } }
      numeric += request.channels.filter { !isYPosition($0) || yReading.readsNumbers }.map(\.column)
      let parsed = together(table, numeric)
      let x = try positions(table, common.x, reading: positionAxis.scale.reading, parsed: parsed)
      var values: [String: [Double]] = [:]
      var y = try request.yPosition.map { try positions(table, $0, reading: yReading, parsed: parsed) }
      for channel in request.channels {
        guard isYPosition(channel) else {
          values[channel.name] = try parsed[channel.column.value] ?? table.numbers(channel.column)
          continue
        }
        switch try positions(table, channel.column, reading: yReading, parsed: parsed) {
        case .numeric(let numbers): values["y"] = numbers
        case .categorical(let labels): y = .categorical(labels)
        }
      }
      var texts: [String: [String]] = [:]
      for channel in request.textChannels {
        texts[channel.name] = try table.texts(channel.column, format: request.textFormats[channel.name])
      }
      let whole = SeriesData(name: nil, x: x, values: values, y: y, texts: texts)
      // Categories labelled from another column: each category's label, from its first row.
      var labels: [String: [String: String]] = [:]
      let yAxis = axes.yAxis(of: layer)
      for (axis, along, positions) in [(positionAxis, request.positionAlongY ? "y" : "x", x), (yAxis, "y", y)] {
        guard let column = axis.labelColumn, case .categorical(let categories)? = positions else { continue }
        var found: [String: String] = [:]
        for (category, label) in zip(categories, try table.strings(column)) where found[category] == nil {
          found[category] = label
        }
        labels[along] = found
      }
      let splits = request.splitColumns
      // Each series' rows, for labels filled from the table; one unsplit series is every row, listed only if wanted.
      var rows: [[Int]] = []
      var series =
        splits.isEmpty
        ? [whole]
        : split(whole, by: splits.map(\.value), keys: try splits.map { try table.strings($0) }, rows: &rows)
      let template = try common.label.map { try TextTemplate($0) }
      for index in series.indices {
        series[index].categoryLabels = labels
        if let template, !template.isPlain, common.inLegend {
          series[index].label = Located(
            try TemplateExpansion.seriesLabel(
              template, table: table, rows: rows.isEmpty ? Array(0..<table.rowCount) : rows[index],
              source: common.source.data.value),
            at: template.text.location)
        }
      }
      return .series(
        series.map { series in
          let missing = series.missingRowCount()
          if missing * 2 > series.rowCount {
            let named = series.name.map { " '\($0)'" } ?? ""
            warnings.append(
              VellumWarning(
                "series\(named): \(missing) of \(series.rowCount) rows lack a plotted value ("
                  + ([common.x.value] + request.channels.map(\.column.value)).joined(separator: " or ") + "); "
                  + (common.missing == .skip ? "they are skipped" : "they leave gaps"), at: common.location))
          }
          return common.missing == .skip && missing > 0 ? series.selecting(rows: series.presentRows()) : series
        })
    }
  }

  /// One series per distinct combination of the splitting columns' values, in order of first appearance.
  private static func split(
    _ series: SeriesData, by columns: [String], keys: [[String]], rows split: inout [[Int]]
  ) -> [SeriesData] {
    var order: [[String]] = []
    var groups: [[Int]] = []
    var index: [[String]: Int] = [:]
    var current = -1
    for row in keys.first?.indices ?? 0..<0 {
      // A row with the keys of the row before joins its group with no key built or hashed (a log keeps a run's rows
      // together: 10,000 runs of 50 rows hash 10,000 keys, not 500,000).
      if current >= 0, keys.allSatisfy({ $0[row] == $0[row - 1] }) {
        groups[current].append(row)
        continue
      }
      let key = keys.map { $0[row] }
      if let known = index[key] {
        current = known
      } else {
        current = groups.count
        index[key] = current
        order.append(key)
        groups.append([])
      }
      groups[current].append(row)
    }
    split = groups
    return zip(order, groups).map { key, selected in
      var distinct: [String] = []
      for value in key where !distinct.contains(value) { distinct.append(value) }
      return SeriesData(
        name: distinct.joined(separator: ", "), x: series.x.selecting(selected),
        values: series.values.mapValues { values in selected.map { values[$0] } },
        keys: Dictionary(zip(columns, key)) { first, _ in first }, y: series.y?.selecting(selected),
        texts: series.texts.mapValues { values in selected.map { values[$0] } })
    }
  }

  private static func prepare(
    _ source: LayerSource, cell: [(column: Located<String>, value: String)] = [], tables: [String: Table],
    transformRuns: inout Int
  ) throws -> Table {
    guard let whole = tables[source.data.value] else {
      throw VellumError(
        .invalidSpec, unknownSourceMessage(source.data.value, candidates: tables.keys.sorted()),
        at: source.data.location)
    }
    let table = cell.isEmpty ? whole : try FacetExpansion.selecting(cell, from: whole)
    return try transformed(
      table, source.transforms, locations: source.transformLocations, tables: tables, transformRuns: &transformRuns)
  }

  /// Whether the cell an "expected a number" message quotes is an infinity, which no scale would read as labels.
  private static func isInfinity(_ message: String) -> Bool {
    guard let start = message.range(of: "found '")?.upperBound, message.hasSuffix("'") else { return false }
    return Double(message[start..<message.index(before: message.endIndex)])?.isInfinite ?? false
  }

  /// Columns of `table` as numbers, read in one pass over a CSV file's rows when there are several; empty when
  /// they cannot all be read so (then each is read, and any error raised, on its own).
  private static func together(_ table: Table, _ columns: [Located<String>]) -> [String: [Double]] {
    var unique: [Located<String>] = []
    for column in columns where !unique.contains(where: { $0.value == column.value }) { unique.append(column) }
    guard unique.count > 1, let numbers = try? table.numbers(unique) else { return [:] }
    return Dictionary(uniqueKeysWithValues: zip(unique.map(\.value), numbers))
  }

  /// A position column read as its axis's scale reads it: numbers, labels, or text parsed into numbers (dates);
  /// numbers already `parsed` are taken as they are.
  private static func positions(
    _ table: Table, _ column: Located<String>, reading: ScaleReading, parsed: [String: [Double]] = [:]
  ) throws -> XValues {
    switch reading {
    case .numbers:
      if let numbers = parsed[column.value] { return .numeric(numbers) }
      do {
        return .numeric(try table.numbers(column))
      } catch var error as VellumError
        where error.message.hasPrefix("expected a number in column") && error.message.contains("found '")
        && !isInfinity(error.message)
      {
        // Words on a numeric axis are usually labels or dates: name the fix.
        error.message += "; for labels give the axis scale: categorical, for dates scale: time"
        throw error
      }
    case .categories: return .categorical(try table.strings(column))
    case .parsed(let expected, let parse): return .numeric(try table.parsed(column, expected: expected, parse))
    }
  }
}
