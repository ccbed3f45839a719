import Foundation
import VellumDiagnostics
import VellumSpec

extension Table {
  /// Whether a cell is missing: empty, `nan` or `.nan`.
  public static func isMissing(_ cell: String) -> Bool {
    let trimmed = cell.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty || ["nan", ".nan"].contains(trimmed.lowercased())
  }

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
