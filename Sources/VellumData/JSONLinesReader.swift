import Foundation
import VellumDiagnostics
import VellumSpec

/// Reads JSON Lines: one flat object per line; columns are the keys in order of first appearance, and a key a line
/// lacks is an empty cell (a gap).
///
/// The file's bytes are scanned once: numbers and strings without escapes stay byte ranges of the file
/// (``TextColumn``), so memory grows with the cells, not with a dictionary per row, and a line of 100,000 keys
/// costs one hash lookup per key (a key at the same position as in the line before costs a byte comparison).
enum JSONLinesReader {
  static func read(_ text: String, displayPath: String) throws -> Table {
    var bytes = Array(text.utf8)
    return try read(bytes: &bytes, displayPath: displayPath)
  }

  /// Reads `file` (the whole file's bytes), which becomes the table's buffer: strings that had escapes are
  /// appended to it decoded, so the bytes are not copied.
  static func read(bytes file: inout [UInt8], displayPath: String) throws -> Table {
    guard file.count < Int(Int32.max) else {
      throw VellumError(
        .invalidData, "the file is too large to index (2 GiB or more)",
        at: SourceLocation(file: displayPath, line: 1, column: 1))
    }
    var scanner = Scanner(displayPath: displayPath)
    try file.withUnsafeBufferPointer { try scanner.scan($0) }
    guard !scanner.names.isEmpty else {
      throw VellumError(
        .invalidData, "the file holds no JSON objects", at: SourceLocation(file: displayPath, line: 1, column: 1))
    }
    let offset = file.count
    guard offset + scanner.decoded.count < Int(Int32.max) else {
      throw VellumError(
        .invalidData, "the file is too large to index (over 2 GiB with its decoded strings)",
        at: SourceLocation(file: displayPath, line: 1, column: 1))
    }
    file += scanner.decoded
    let buffer = TextColumn.Buffer(file)
    let columns = (0..<scanner.names.count).map { column -> TextColumn in
      var starts = scanner.starts[column]
      var ends = scanner.ends[column]
      // A decoded cell's end is stored as −end − 1 during the scan: move it behind the file's bytes.
      for row in ends.indices where ends[row] < 0 {
        starts[row] += Int32(offset)
        ends[row] = -ends[row] - 1 + Int32(offset)
      }
      return TextColumn(buffer: buffer, starts: starts, ends: ends)
    }
    return Table(origin: displayPath, columnNames: scanner.names, columns: columns, rowLines: scanner.rowLines)
  }

  /// A cell's bytes: a range of the file, or of the decoded strings.
  private struct Cell {
    var start: Int
    var end: Int
    var decoded: Bool
    static let empty = Cell(start: 0, end: 0, decoded: false)
  }

  private struct Scanner {
    let displayPath: String
    var names: [String] = []
    /// Each column's cells as byte ranges: eight bytes a cell (a decoded cell's end negated, see `read`).
    var starts: [[Int32]] = []
    var ends: [[Int32]] = []
    var rowLines = RowLines()
    var decoded: [UInt8] = []
    private var columnIndex: [String: Int] = [:]
    /// The previous line's keys by position (file range and column), so repeated layouts skip the hash lookup.
    private var previousKeys: [(start: Int, end: Int, column: Int)] = []
    private var currentKeys: [(start: Int, end: Int, column: Int)] = []
    private var trueCell: Cell?
    private var falseCell: Cell?
    private var line = 0
    private var lineStart = 0

    init(displayPath: String) { self.displayPath = displayPath }

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws {
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        line += 1
        lineStart = start
        try scanLine(bytes, from: start, to: end)
        start = end + 1
      }
    }

    private func error(_ message: String, at position: Int) -> VellumError {
      VellumError(
        .invalidData, message, at: SourceLocation(file: displayPath, line: line, column: position - lineStart + 1))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private mutating func scanLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) throws {
      var index = start
      func skipSpace() { while index < end && Self.isSpace(bytes[index]) { index += 1 } }
      skipSpace()
      if index == end { return }  // a blank line
      guard bytes[index] == UInt8(ascii: "{") else {
        let opensValue = [UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-")].contains(bytes[index])
        var next = index + 1
        while next < end && Self.isSpace(bytes[next]) { next += 1 }
        // `[` alone on the first line, or opening a record: a JSON array of records.
        if bytes[index] == UInt8(ascii: "["), rowLines.count == 0, next == end || bytes[next] == UInt8(ascii: "{") {
          throw error(
            "expected a JSON object on each line; a JSON array of records is read as JSON: name the file .json or "
              + "write {json: path}", at: index)
        }
        throw error(
          opensValue || (bytes[index] >= 0x30 && bytes[index] <= 0x39)
            ? "expected a JSON object on each line" : "line is not valid JSON: expected '{'", at: index)
      }
      let row = rowLines.count
      try CSVTableReader.checkSize(rows: row + 1, columns: starts.count, displayPath: displayPath, line: line)
      rowLines.append(line)
      for column in starts.indices {
        starts[column].append(0)
        ends[column].append(0)
      }
      currentKeys.removeAll(keepingCapacity: true)
      index += 1
      skipSpace()
      if index < end && bytes[index] == UInt8(ascii: "}") {
        index += 1
      } else {
        while true {
          skipSpace()
          guard index < end, bytes[index] == UInt8(ascii: "\"") else {
            throw error("line is not valid JSON: expected a key in double quotes", at: index)
          }
          let key = try string(bytes, at: &index, end: end)
          let column = try self.column(for: key, bytes: bytes, position: currentKeys.count)
          skipSpace()
          guard index < end, bytes[index] == UInt8(ascii: ":") else {
            throw error("line is not valid JSON: expected ':' after the key", at: index)
          }
          index += 1
          skipSpace()
          let cell = try value(bytes, at: &index, end: end, column: column)
          starts[column][row] = Int32(truncatingIfNeeded: cell.start)
          ends[column][row] =
            cell.decoded ? -Int32(truncatingIfNeeded: cell.end) - 1 : Int32(truncatingIfNeeded: cell.end)
          skipSpace()
          guard index < end else { throw error("line is not valid JSON: the object is not closed", at: index) }
          if bytes[index] == UInt8(ascii: ",") {
            index += 1
            continue
          }
          guard bytes[index] == UInt8(ascii: "}") else {
            throw error("line is not valid JSON: expected ',' or '}' after a value", at: index)
          }
          index += 1
          break
        }
      }
      skipSpace()
      guard index == end else { throw error("line is not valid JSON: text after the object", at: index) }
      swap(&previousKeys, &currentKeys)
    }

    /// The column of a key: the same as the key at this position on the line before when the bytes match,
    /// else by name, appending a column (empty in earlier rows) for a new key.
    private mutating func column(for key: Cell, bytes: UnsafeBufferPointer<UInt8>, position: Int) throws -> Int {
      if !key.decoded, position < previousKeys.count {
        let previous = previousKeys[position]
        let length = key.end - key.start
        if previous.end - previous.start == length
          && memcmp(bytes.baseAddress! + key.start, bytes.baseAddress! + previous.start, length) == 0
        {
          currentKeys.append((key.start, key.end, previous.column))
          return previous.column
        }
      }
      let name =
        key.decoded
        ? String(decoding: decoded[key.start..<key.end], as: UTF8.self)
        : String(decoding: UnsafeBufferPointer(rebasing: bytes[key.start..<key.end]), as: UTF8.self)
      let column: Int
      if let known = columnIndex[name] {
        column = known
      } else {
        column = names.count
        try CSVTableReader.checkSize(
          rows: rowLines.count, columns: column + 1, displayPath: displayPath, line: line)
        columnIndex[name] = column
        names.append(name)
        starts.append([Int32](repeating: 0, count: rowLines.count))
        ends.append([Int32](repeating: 0, count: rowLines.count))
      }
      // Decoded keys never match by bytes; an impossible range keeps positions aligned.
      currentKeys.append(key.decoded ? (-1, -2, column) : (key.start, key.end, column))
      return column
    }

    private mutating func value(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, end: Int, column: Int) throws
      -> Cell
    {
      guard index < end else { throw error("line is not valid JSON: expected a value", at: index) }
      let first = bytes[index]
      switch first {
      case UInt8(ascii: "\""):
        return try string(bytes, at: &index, end: end)
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        throw error(
          "field '\(names[column])' holds a nested value; only numbers, strings and null are read", at: index)
      case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
        for (word, text) in [("true", "1"), ("false", "0"), ("null", "")] where first == word.utf8.first! {
          let count = word.utf8.count
          guard index + count <= end,
            word.utf8.elementsEqual(UnsafeBufferPointer(rebasing: bytes[index..<index + count]))
          else { break }
          index += count
          // Booleans read as 1 and 0, which plot as numbers; null is an empty cell (a gap).
          return constant(text)
        }
        throw error("line is not valid JSON: unknown word", at: index)
      default:
        return try number(bytes, at: &index, end: end)
      }
    }

    private mutating func constant(_ text: String) -> Cell {
      if text.isEmpty { return .empty }
      let cached = text == "1" ? trueCell : falseCell
      if let cached { return cached }
      let cell = Cell(start: decoded.count, end: decoded.count + 1, decoded: true)
      decoded += Array(text.utf8)
      if text == "1" { trueCell = cell } else { falseCell = cell }
      return cell
    }

    /// A number token as JSON writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private func number(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, end: Int) throws -> Cell {
      let start = index
      func digits() -> Int {
        let from = index
        while index < end && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
        return index - from
      }
      if index < end && bytes[index] == UInt8(ascii: "-") { index += 1 }
      let integer = index
      guard digits() > 0, !(bytes[integer] == 0x30 && index - integer > 1) else {
        throw error("line is not valid JSON: expected a value", at: start)
      }
      if index < end && bytes[index] == UInt8(ascii: ".") {
        index += 1
        guard digits() > 0 else { throw error("line is not valid JSON: expected digits after '.'", at: index) }
      }
      if index < end && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
        index += 1
        if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
        guard digits() > 0 else { throw error("line is not valid JSON: expected an exponent", at: index) }
      }
      return Cell(start: start, end: index, decoded: false)
    }

    /// A string from its opening quote: a range of the file when it has no escapes, else decoded.
    private mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, end: Int) throws -> Cell {
      let open = index
      index += 1
      let start = index
      while index < end && bytes[index] != UInt8(ascii: "\"") && bytes[index] != UInt8(ascii: "\\") {
        guard bytes[index] >= 0x20 else {
          throw error("line is not valid JSON: a control character inside a string", at: index)
        }
        index += 1
      }
      guard index < end else { throw error("line is not valid JSON: the string is not closed", at: open) }
      if bytes[index] == UInt8(ascii: "\"") {
        index += 1
        return Cell(start: start, end: index - 1, decoded: false)
      }
      // Escapes: decode into the side buffer, starting with the plain prefix.
      let decodedStart = decoded.count
      decoded += UnsafeBufferPointer(rebasing: bytes[start..<index])
      while index < end && bytes[index] != UInt8(ascii: "\"") {
        let byte = bytes[index]
        guard byte >= 0x20 else {
          throw error("line is not valid JSON: a control character inside a string", at: index)
        }
        guard byte == UInt8(ascii: "\\") else {
          decoded.append(byte)
          index += 1
          continue
        }
        guard index + 1 < end else { break }
        let escaped = bytes[index + 1]
        index += 2
        if let byte = JSONEscapes.simple(escaped) {
          decoded.append(byte)
        } else if escaped == UInt8(ascii: "u") {
          guard let utf8 = JSONEscapes.unicode(bytes, at: &index, end: end) else {
            throw error("line is not valid JSON: expected four hex digits after \\u", at: index)
          }
          decoded += utf8
        } else {
          throw error("line is not valid JSON: unknown escape '\\\(Character(Unicode.Scalar(escaped)))'", at: index - 2)
        }
      }
      guard index < end else { throw error("line is not valid JSON: the string is not closed", at: open) }
      index += 1
      return Cell(start: decodedStart, end: decoded.count, decoded: true)
    }

  }
}
