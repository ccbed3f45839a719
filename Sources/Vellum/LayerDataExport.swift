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
    try files(figure: figure, baseName: base, rowLimit: nil).map { ($0.name, $0.text) }
  }

  /// The same, each table cut to its first `rowLimit` rows (a preview), with the whole table's row count.
  public static func files(figure: Figure, baseName base: String, rowLimit: Int?) throws -> [(
    name: String, text: String, rowCount: Int
  )] {
    let tables = try DataLoader.finalTables(figure.spec)
    var files: [(String, String, Int)] = []
    for (panel, layers) in tables.enumerated() {
      for (index, table) in layers.enumerated() {
        guard let table else { continue }
        let prefix = tables.count > 1 ? "\(base).panel-\(panel + 1)" : base
        let kept = rowLimit.map { table.selecting(rows: Array(0..<min(max(0, $0), table.rowCount))) } ?? table
        files.append(("\(prefix).layer-\(index + 1).csv", try csv(kept), table.rowCount))
      }
    }
    return files
  }

  /// The table as CSV text.
  static func csv(_ table: Table) throws -> String {
    let names = table.columnNames
    let columns = try names.map { name -> (text: [String], numeric: Bool) in
      let located = Located(name, at: nil)
      let text = try table.strings(located)
      // A column reads as numbers when every present cell is one.
      let numeric = (try? table.numbers(located)) != nil
      return (text, numeric)
    }
    var lines = [names.map(quoted).joined(separator: ",")]
    lines.reserveCapacity(table.rowCount + 1)
    for row in 0..<table.rowCount {
      lines.append(
        columns.map { column in
          let cell = column.text[row]
          if column.numeric { return table.isMissing(cell) ? "" : cell.trimmingCharacters(in: .whitespaces) }
          return quoted(cell)
        }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
