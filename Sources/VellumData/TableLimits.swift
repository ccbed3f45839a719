import Foundation
import VellumDiagnostics
import VellumSpec

extension Table {
  /// Whether a cell is missing: empty, one of pandas' default missing markers, `nan` in any case or `.nan`.
  public static func isMissing(_ cell: String) -> Bool {
    let trimmed = cell.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty || missingMarkers.contains(trimmed) || ["nan", ".nan"].contains(trimmed.lowercased())
  }

  /// What pandas' `read_csv` reads as missing by default (its `na_values`, exactly as written), R's and Excel's
  /// markers among them; `nan` in any case and YAML's `.nan` too.
  public static let missingMarkers: Set<String> = [
    "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA",
    "NULL", "NaN", "None", "n/a", "nan", "null",
  ]

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
