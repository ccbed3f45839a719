import Foundation
import VellumDiagnostics
import VellumSpec

extension Table {
  /// Whether a cell is missing under the default markers: empty, one of pandas' default missing markers, `nan` in
  /// any case or `.nan`.
  public static func isMissing(_ cell: String) -> Bool { isMissing(cell, markers: missingMarkers) }

  /// Whether a cell is missing in this table: empty, `nan` in any case, `.nan`, or one of its source's markers.
  public func isMissing(_ cell: String) -> Bool { Self.isMissing(cell, markers: missingCells) }

  private static func isMissing(_ cell: String, markers: Set<String>) -> Bool {
    let trimmed = cell.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty || markers.contains(trimmed) || ["nan", ".nan"].contains(trimmed.lowercased())
  }

  /// What pandas' `read_csv` reads as missing by default (its `na_values`, exactly as written), R's and Excel's
  /// markers among them; `nan` in any case and YAML's `.nan` too.
  public static let missingMarkers = DataSourceSpec.defaultMissing

  /// Refuses a transform's result past ``Limits/rows`` rows or ``Limits/cells`` cells before it is built.
  static func checkDerivedSize(rows: Int, columns: Int, by transform: String) throws {
    guard rows <= Limits.rows, rows * columns <= Limits.cells else {
      throw VellumError(
        .invalidData,
        "\(transform) would make \(rows) rows of \(columns) columns, over the limits of \(Limits.rows) rows and "
          + "\(Limits.cells / 1_000_000) million cells")
    }
  }
}
