import VellumDiagnostics
import VellumSpec

/// Fields in the spec's texts (`{auc:.3f}` in a title, an axis label, a legend or colorbar label, an annotation)
/// filled from the data before layout, so every later stage sees plain TeX. A field names a column of the panel's
/// own source (the one its layers read, after facet selection) or `source.column` of any source, and takes the
/// column's one value there: a column with several values is an error, except per series in a layer's `label`.
enum TemplateExpansion {
  /// The figure with every spec text's fields filled.
  static func expand(_ spec: FigureSpec, tables: [String: Table]) throws -> FigureSpec {
    var spec = spec
    let figureValues = TemplateValues(tables: tables, home: tables.count == 1 ? tables.first : nil)
    try figureValues.fill(&spec.title)
    for index in spec.legends.indices { try figureValues.fill(legend: &spec.legends[index]) }
    for index in spec.axes.indices {
      try expand(&spec.axes[index], tables: tables, cell: spec.axes[index].facetCell)
    }
    return spec
  }

  private static func expand(
    _ axes: inout AxesSpec, tables: [String: Table], cell: [(column: Located<String>, value: String)]
  ) throws {
    let values = try TemplateValues(panel: axes, tables: tables, cell: cell)
    try values.fill(&axes.title)
    try values.fill(&axes.x.label)
    try values.fill(&axes.y.label)
    if axes.x2 != nil { try values.fill(&axes.x2!.label) }
    if axes.y2 != nil { try values.fill(&axes.y2!.label) }
    for index in axes.legends.indices { try values.fill(legend: &axes.legends[index]) }
    for index in axes.layers.indices {
      axes.layers[index].body = try axes.layers[index].body.fillingTexts { try values.fill($0) }
    }
    for index in axes.insets.indices { try expand(&axes.insets[index].axes, tables: tables, cell: cell) }
  }

  /// A layer's `label` filled for one series: its splitting columns' values, and any column with one value over
  /// the series' `rows`.
  static func seriesLabel(_ template: TextTemplate, table: Table, rows: [Int], source: String) throws -> String {
    let values = TemplateValues(tables: [source: table], home: (source, table), rows: rows, perSeries: true)
    return try values.fill(template).value
  }
}

/// Where a text's fields take their values: the panel's own table (its rows, or one series' rows) and every source.
struct TemplateValues {
  var tables: [String: Table]
  var home: (key: String, value: Table)?
  var rows: [Int]?
  /// Filling a series' label: the message says "in this series" rather than "in this panel".
  var perSeries = false

  init(tables: [String: Table], home: (key: String, value: Table)?, rows: [Int]? = nil, perSeries: Bool = false) {
    self.tables = tables
    self.home = home
    self.rows = rows
    self.perSeries = perSeries
  }

  /// The panel's own source: the one its layers read (rows of its facet cell), when they read one.
  init(panel: AxesSpec, tables: [String: Table], cell: [(column: Located<String>, value: String)]) throws {
    self.tables = tables
    let names = Set(panel.allLayers.compactMap { $0.series?.source.data.value })
    if names.count == 1, let name = names.first, let table = tables[name] {
      home = (name, cell.isEmpty ? table : try FacetExpansion.selecting(cell, from: table))
    } else if names.isEmpty, tables.count == 1 {
      home = tables.first
    }
  }

  func fill(_ label: inout LabelSpec?) throws {
    guard let text = label?.text else { return }
    label!.text = try fill(text)
  }

  func fill(legend: inout LegendSpec) throws {
    if let title = legend.title { legend.title = try fill(title) }
    if case .entries(let entries) = legend.selection {
      legend.selection = .entries(
        try entries.map { entry in
          switch entry {
          case .series(let label): return .series(label)
          case .made(let label, let color, let marker, let dash):
            return .made(label: try fill(label), color: color, marker: marker, dash: dash)
          }
        })
    }
  }

  func fill(_ text: Located<String>) throws -> Located<String> {
    let template = try TextTemplate(text)
    return template.isPlain ? text : try fill(template)
  }

  func fill(_ template: TextTemplate) throws -> Located<String> {
    try template.filled { field in try value(field, at: template.text.location) }
  }

  /// The field's one value, written by its format.
  private func value(_ field: TextTemplate.Field, at location: SourceLocation?) throws -> String {
    let (table, source, column, rows) = try self.column(field, at: location)
    let cells = try table.strings(Located(column, at: location))
    var distinct: [String] = []
    for row in rows ?? Array(0..<table.rowCount) where row < cells.count && !table.isMissing(cells[row]) {
      if !distinct.contains(cells[row]) {
        distinct.append(cells[row])
        if distinct.count > 3 { break }
      }
    }
    let place = perSeries ? "this series" : rows == nil && source != home?.key ? "source '\(source)'" : "this panel"
    guard distinct.count == 1, let cell = distinct.first else {
      let found =
        distinct.isEmpty
        ? "has no value"
        : "has several values (\(distinct.prefix(3).joined(separator: ", "))\(distinct.count > 3 ? ", …" : ""))"
      throw VellumError(
        .invalidData,
        "the field {\(field.name)} takes one value, but column '\(column)' \(found) in \(place); "
          + (perSeries
            ? "split the layer by it (group) or give a column constant within each series"
            : "name a source with one row ({source.column}) or put the field in a layer's label, filled per series"),
        at: location)
    }
    return try TextTemplate.write(cell, number: DecimalParser.number(cell), field: field, at: location)
  }

  /// The table a field reads, its source's name, the column and the rows: the home table's column, else
  /// `source.column` of a named source (all its rows).
  private func column(_ field: TextTemplate.Field, at location: SourceLocation?) throws -> (
    Table, String, String, [Int]?
  ) {
    if let home, home.value.has(field.name) { return (home.value, home.key, field.name, rows) }
    if let dot = field.name.firstIndex(of: "."), let table = tables[String(field.name[..<dot])] {
      let column = String(field.name[field.name.index(after: dot)...])
      if table.has(column) { return (table, String(field.name[..<dot]), column, nil) }
    }
    var candidates = home.map { $0.value.columnNames } ?? []
    for (source, table) in tables.sorted(by: { $0.key < $1.key }) {
      candidates += table.columnNames.map { "\(source).\($0)" }
    }
    let within = home.map { "the column '\(field.name)' is not in '\($0.key)'" } ?? "no source is this panel's own"
    throw VellumError(
      .invalidSpec,
      "the field {\(field.name)}: \(within)\(home == nil ? "; name it as {source.column}" : "")"
        + (closestMatch(to: field.name, in: candidates).map { "; did you mean {\($0)}?" } ?? "")
        + " (write \\{ for a literal brace)",
      at: location)
  }
}
