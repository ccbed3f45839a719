import VellumDiagnostics
import VellumSpec

/// Small multiples: a faceted axes block becomes one panel per value of its facet column (or per row × column
/// pair), each layer reading only its value's rows, in a grid that shares the axes the facet shares.
enum FacetExpansion {
  /// A layer's table limited to a facet cell's rows, before the layer's own transforms, when the table holds the
  /// facet columns (a layer without them, such as another table, is drawn whole in every panel).
  static func selecting(_ cell: [(column: Located<String>, value: String)], from table: Table) throws -> Table {
    var selected = table
    for (column, value) in cell where table.has(column.value) {
      try selected.apply(FilterTransform(column: column, equals: value), sources: [:])
    }
    return selected
  }

  /// `spec` with its faceted axes block (the spec stage allows one, alone) expanded; unchanged without one.
  static func expand(_ spec: FigureSpec, tables: [String: Table]) throws -> FigureSpec {
    guard spec.axes.count == 1, let facet = spec.axes[0].facet else { return spec }
    let axes = spec.axes[0]
    let columns = try facet.column.map { try values(of: $0, in: axes, tables: tables) }
    let rows = try facet.row.map { try values(of: $0, in: axes, tables: tables) }
    // Panels row by row: every (row, column) pair of a grid, or the column's values wrapped.
    var cells: [(row: String?, column: String?)] = []
    let rowValues: [String?] = rows ?? [nil]
    let columnValues: [String?] = columns ?? [nil]
    for row in rowValues {
      for column in columnValues { cells.append((row, column)) }
    }
    var expanded = spec
    let gridColumns: Int
    if rows != nil {
      gridColumns = max(1, columns?.count ?? 1)
    } else {
      gridColumns = facet.wrap ?? Int(Double(cells.count).squareRoot().rounded(.up))
    }
    let gridRows = (cells.count + gridColumns - 1) / gridColumns
    // The figure's grid holds at most 64 panels, a facet's as any other.
    guard cells.count <= 64 else {
      throw VellumError(
        .invalidData,
        "the facet makes \(cells.count) panels, over the limit of 64; facet by a column with fewer values or "
          + "filter the data", at: facet.location)
    }
    if let labels = spec.panels.labels {
      guard spec.panels.letteredLabels else {
        throw VellumError(
          .invalidSpec, "a faceted panel's labels are lettered for the panels it makes: write panels: {labels: true}",
          at: labels.first?.location ?? facet.location)
      }
      expanded.panels.labels = PanelsSpec.letters(cells.count, at: labels.first?.location)
    }
    expanded.panels.rows = gridRows
    expanded.panels.columns = gridColumns
    expanded.panels.shareX = facet.shareX
    expanded.panels.shareY = facet.shareY
    let template =
      axes.title
      ?? LabelSpec(text: Located("{value}", at: facet.location), size: spec.font.size * 1.2, pad: 6)
    expanded.axes = cells.map { cell in
      var panel = axes
      panel.facet = nil
      var title = template
      let value = [cell.row, cell.column].compactMap { $0 }.map(escapeTeX).joined(separator: " | ")
      title.text.value = template.text.value.replacingOccurrences(of: "{value}", with: value)
        .replacingOccurrences(of: "{row}", with: cell.row.map(escapeTeX) ?? "")
        .replacingOccurrences(of: "{column}", with: cell.column.map(escapeTeX) ?? "")
      panel.title = title
      panel.facetCell = [(facet.row, cell.row), (facet.column, cell.column)].compactMap { column, value in
        guard let column, let value else { return nil }
        return (column, value)
      }
      return panel
    }
    return expanded
  }

  /// The facet column's present values over the layers whose data hold it, in order of first appearance.
  private static func values(of column: Located<String>, in axes: AxesSpec, tables: [String: Table]) throws
    -> [String]
  {
    var seen: Set<String> = []
    var values: [String] = []
    var holders = 0
    for layer in axes.layers {
      guard let table = layer.series.flatMap({ tables[$0.source.data.value] }), table.has(column.value) else {
        continue
      }
      holders += 1
      // A missing value (empty, nan, NA…) makes no panel, as pandas' groupby drops it.
      for value in try table.strings(column) where !table.isMissing(value) && seen.insert(value).inserted {
        values.append(value)
      }
    }
    guard holders > 0 else {
      let names = Set(axes.layers.compactMap { $0.series?.source.data.value }).sorted()
      throw VellumError(
        .invalidSpec,
        "no layer's data has the facet column '\(column.value)' (the layers read \(names.joined(separator: ", ")))",
        at: column.location)
    }
    guard !values.isEmpty else {
      throw VellumError(.invalidData, "the facet column '\(column.value)' has no values to draw", at: column.location)
    }
    return values
  }
}
