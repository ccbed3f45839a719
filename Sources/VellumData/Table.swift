import Foundation
import VellumSpec

/// A table of text cells read from a data source, with what is needed to point at a bad cell.
public struct Table {
  /// The file or spec the table came from, as the user wrote it.
  public var origin: String
  public var columnNames: [String]
  /// Cells by column, then row.
  var cells: [[String]]
  /// The file line of each row, for error messages (nil for inline data).
  var rowLines: [Int]?
  /// Where inline data was declared in the spec.
  var inlineLocation: SourceLocation?

  public var rowCount: Int { cells.first?.count ?? 0 }

  init(origin: String, columnNames: [String], cells: [[String]], rowLines: [Int]?, inlineLocation: SourceLocation?) {
    self.origin = origin
    self.columnNames = columnNames
    self.cells = cells
    self.rowLines = rowLines
    self.inlineLocation = inlineLocation
  }

  func columnIndex(_ name: Located<String>) throws -> Int {
    guard let index = columnNames.firstIndex(of: name.value) else {
      throw VellumError(
        .invalidData,
        "no column '\(name.value)' in \(origin) (available: \(columnNames.joined(separator: ", ")))",
        at: name.location)
    }
    return index
  }

  /// The column as text, exactly as written.
  public func strings(_ name: Located<String>) throws -> [String] {
    cells[try columnIndex(name)]
  }

  /// The column as numbers; empty cells and `nan` become NaN (a gap), anything else non-numeric is an error.
  public func numbers(_ name: Located<String>) throws -> [Double] {
    let index = try columnIndex(name)
    return try cells[index].enumerated().map { row, text in
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.lowercased() == "nan" { return .nan }
      guard let value = Double(trimmed), value.isFinite else {
        throw VellumError(
          .invalidData, "expected a number in column '\(name.value)', found '\(text)'",
          at: location(row: row, column: index))
      }
      return value
    }
  }

  /// The file position of a cell: line of the row, and the 1-based field number as column.
  func location(row: Int, column: Int) -> SourceLocation? {
    if let rowLines { return SourceLocation(file: origin, line: rowLines[row], column: column + 1) }
    return inlineLocation
  }

  /// A copy keeping only the rows at `indices`.
  func selecting(rows indices: [Int]) -> Table {
    var copy = self
    copy.cells = cells.map { column in indices.map { column[$0] } }
    copy.rowLines = rowLines.map { lines in indices.map { lines[$0] } }
    return copy
  }
}
