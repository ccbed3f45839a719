import Foundation
import VellumData
import VellumSpec

/// Writes each layer's final table (after every transform) as CSV, so users can check what is plotted and read it
/// back with pandas: every column, in order; numbers unquoted at full precision, missing values empty, text
/// always quoted (pandas' `QUOTE_NONNUMERIC` form).
public enum LayerDataExport {
  /// File names and CSV text, one file per data-reading layer: `<spec>.layer-<n>.csv`
  /// (`<spec>.panel-<p>.layer-<n>.csv` when the figure has several panels).
  public static func files(specPath path: String) throws -> [(name: String, text: String)] {
    try files(
      figure: try Figure(contentsOf: path),
      baseName: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
  }

  /// The same for a figure already read (from standard input, say), files named after `baseName`.
  public static func files(figure: Figure, baseName base: String) throws -> [(name: String, text: String)] {
    try tables(figure: figure, baseName: base).map { ($0.name, csv($0)) }
  }

  /// One layer's final table as the cells its CSV file holds, before quoting.
  public struct LayerTable: Sendable {
    public struct Column: Sendable {
      public var name: String
      /// Numbers as read (trimmed), a missing number empty; text as it is.
      public var cells: [String]
      /// Every present cell is a number: written unquoted.
      public var numeric: Bool
    }
    /// The file name `files` gives it (`<spec>.layer-<n>.csv`).
    public var name: String
    public var columns: [Column]
    /// Rows held: all of them, or the first `rowLimit`.
    public var rows: Int
    /// Rows in the whole table, also when `tables(rowLimit:)` kept fewer.
    public var rowCount: Int
  }

  /// Each data-reading layer's table, named as `files` names them; `rowLimit` keeps only the first rows (a preview).
  public static func tables(figure: Figure, baseName base: String, rowLimit: Int? = nil) throws -> [LayerTable] {
    let tables = try DataLoader.finalTables(figure.spec)
    var result: [LayerTable] = []
    for (panel, layers) in tables.enumerated() {
      for (index, table) in layers.enumerated() {
        guard let table else { continue }
        let prefix = tables.count > 1 ? "\(base).panel-\(panel + 1)" : base
        let kept = rowLimit.map { table.selecting(rows: Array(0..<min(max(0, $0), table.rowCount))) } ?? table
        result.append(
          LayerTable(
            name: "\(prefix).layer-\(index + 1).csv", columns: try columns(of: kept), rows: kept.rowCount,
            rowCount: table.rowCount))
      }
    }
    return result
  }

  private static func columns(of table: Table) throws -> [LayerTable.Column] {
    try table.columnNames.map { name in
      let located = Located(name, at: nil)
      let text = try table.strings(located)
      // A column reads as numbers when every present cell is one.
      let numeric = (try? table.numbers(located)) != nil
      let cells = numeric ? text.map { table.isMissing($0) ? "" : $0.trimmingCharacters(in: .whitespaces) } : text
      return LayerTable.Column(name: name, cells: cells, numeric: numeric)
    }
  }

  /// The table as CSV text.
  static func csv(_ table: LayerTable) -> String {
    let columns = table.columns
    var lines = [columns.map { quoted($0.name) }.joined(separator: ",")]
    lines.reserveCapacity(table.rows + 1)
    for row in 0..<table.rows {
      lines.append(columns.map { $0.numeric ? $0.cells[row] : quoted($0.cells[row]) }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
