import CSV
import Foundation
import VellumSpec

/// Reads CSV files (header row required) into ``Table``s.
enum CSVTableReader {
  static func read(url: URL, displayPath: String, declaredAt location: SourceLocation) throws -> Table {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
      throw VellumError(.missingFile, "cannot read data file '\(displayPath)': no such file", at: location)
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw VellumError(.missingFile, "cannot read data file '\(displayPath)'", at: location)
    }
    guard var text = String(data: data, encoding: .utf8) else {
      throw VellumError(
        .invalidData, "data file is not valid UTF-8", at: SourceLocation(file: displayPath, line: 1, column: 1))
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let reader: CSVReader
    do {
      reader = try CSVReader(string: text, hasHeaderRow: true)
    } catch {
      throw VellumError(
        .invalidData, "malformed CSV: \(error)", at: SourceLocation(file: displayPath, line: 1, column: 1))
    }
    guard let header = reader.headerRow, !header.isEmpty, !(header.count == 1 && header[0].isEmpty) else {
      throw VellumError(
        .invalidData, "CSV file has no header row", at: SourceLocation(file: displayPath, line: 1, column: 1))
    }
    var columns = [[String]](repeating: [], count: header.count)
    var rowLines: [Int] = []
    var line = 1
    while let row = reader.next() {
      line += 1
      if row.count == 1 && row[0].isEmpty { continue }  // blank line
      guard row.count == header.count else {
        throw VellumError(
          .invalidData, "expected \(header.count) fields as in the header, found \(row.count)",
          at: SourceLocation(file: displayPath, line: line, column: 1))
      }
      for (index, cell) in row.enumerated() { columns[index].append(cell) }
      rowLines.append(line)
    }
    if let error = reader.error {
      throw VellumError(
        .invalidData, "malformed CSV: \(error)", at: SourceLocation(file: displayPath, line: line + 1, column: 1))
    }
    return Table(
      origin: displayPath, columnNames: header.map { $0.trimmingCharacters(in: .whitespaces) },
      cells: columns, rowLines: rowLines, inlineLocation: nil)
  }
}
