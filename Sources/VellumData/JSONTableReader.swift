import VellumDiagnostics
import VellumSpec

/// Reads a `.json` file as a table: an array of records (`[{"a": 1, "b": "x"}, …]`, vega-datasets' and many APIs'
/// form; columns in order of first appearance, a key a record lacks an empty cell) or an object of columns
/// (`{"a": [1, 2], "b": ["x", "y"]}`, pandas' `to_json(orient="list")`). Numbers keep their text as written,
/// `null` is a missing cell, `true`/`false` read as 1 and 0 (as JSON Lines reads them); nested objects and arrays
/// are refused where they stand, and errors point at `file:line:column`.
enum JSONTableReader {
  static func read(bytes: [UInt8], displayPath: String) throws -> Table {
    var parser = Parser(bytes: bytes, displayPath: displayPath)
    let table = try parser.table()
    return table
  }

  private struct Parser {
    let bytes: [UInt8]
    let displayPath: String
    var index = 0
    var line = 1
    var lineStart = 0

    init(bytes: [UInt8], displayPath: String) {
      self.bytes = bytes
      self.displayPath = displayPath
    }

    func error(_ message: String) -> VellumError {
      VellumError(
        .invalidData, message, at: SourceLocation(file: displayPath, line: line, column: index - lineStart + 1))
    }

    mutating func skipSpace() {
      while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "\n"):
          index += 1
          line += 1
          lineStart = index
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
        default: return
        }
      }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
      skipSpace()
      guard index < bytes.count, bytes[index] == byte else { throw error("expected \(what)") }
      index += 1
    }

    /// After an opening bracket: whether the list is empty, its `close` then consumed.
    mutating func closes(_ close: UInt8) -> Bool {
      skipSpace()
      guard index < bytes.count, bytes[index] == close else { return false }
      index += 1
      return true
    }

    /// After an item of a list: whether another follows (a comma, consumed), or the list ends (`close`, consumed);
    /// `list` names the list for an unclosed one, `item` the item the comma or `close` should follow.
    mutating func another(_ close: UInt8, list: String, item: String) throws -> Bool {
      skipSpace()
      guard index < bytes.count else { throw error("\(list) is not closed") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        return true
      }
      try expect(close, "',' or '\(Character(Unicode.Scalar(close)))' after \(item)")
      return false
    }

    /// The whole file: one array of records or one object of columns, and nothing after it.
    mutating func table() throws -> Table {
      skipSpace()
      guard index < bytes.count else { throw error("the file holds no JSON") }
      var names: [String] = []
      var columns: [[String]] = []
      var rows = 0
      var rowLines: [Int] = []
      let (openList, closeList) = (UInt8(ascii: "["), UInt8(ascii: "]"))
      let (openObject, closeObject) = (UInt8(ascii: "{"), UInt8(ascii: "}"))
      switch bytes[index] {
      case openList:
        index += 1
        var positions: [String: Int] = [:]
        if !closes(closeList) {
          repeat {
            skipSpace()
            guard index < bytes.count, bytes[index] == openObject else {
              throw error("expected a record ({…}) in the array")
            }
            rowLines.append(line)
            index += 1
            for column in columns.indices { columns[column].append("") }
            rows += 1
            try CSVTableReader.checkSize(rows: rows, columns: max(1, names.count), displayPath: displayPath, line: line)
            if !closes(closeObject) {
              repeat {
                skipSpace()
                let key = try string()
                try expect(UInt8(ascii: ":"), "':' after the key")
                let cell = try scalar()
                let column: Int
                if let known = positions[key] {
                  column = known
                } else {
                  column = names.count
                  positions[key] = column
                  names.append(key)
                  columns.append([String](repeating: "", count: rows))
                }
                columns[column][rows - 1] = cell
              } while try another(closeObject, list: "the record", item: "a value")
            }
          } while try another(closeList, list: "the array", item: "a record")
        }
      case openObject:
        index += 1
        if !closes(closeObject) {
          repeat {
            skipSpace()
            let name = try string()
            guard !names.contains(name) else { throw error("column '\(name)' appears twice") }
            try expect(UInt8(ascii: ":"), "':' after the column name")
            skipSpace()
            guard index < bytes.count, bytes[index] == openList else {
              throw error(
                "expected a list of the column's values ([…]); a file of one JSON object per line is JSON Lines: "
                  + "name it .jsonl or write {jsonl: path}")
            }
            index += 1
            var cells: [String] = []
            if !closes(closeList) {
              repeat {
                cells.append(try scalar())
                try CSVTableReader.checkSize(
                  rows: cells.count, columns: names.count + 1, displayPath: displayPath, line: line)
              } while try another(closeList, list: "the column's list", item: "a value")
            }
            if let first = columns.first, first.count != cells.count {
              throw error("column '\(name)' holds \(cells.count) values, but '\(names[0])' holds \(first.count)")
            }
            names.append(name)
            columns.append(cells)
          } while try another(closeObject, list: "the object", item: "a column")
        }
        rows = columns.first?.count ?? 0
      default:
        throw error("expected an array of records ([{…}, …]) or an object of columns ({\"name\": […]})")
      }
      skipSpace()
      guard index == bytes.count else {
        throw error(
          "text after the JSON value; a file of one JSON object per line is JSON Lines: name it .jsonl or write "
            + "{jsonl: path}")
      }
      guard !names.isEmpty else { throw error("the file holds no columns") }
      return Table(
        origin: displayPath, columnNames: names, cells: columns,
        rowLines: rowLines.count == rows ? RowLines(rowLines) : nil,
        inlineLocation: SourceLocation(file: displayPath, line: 1, column: 1))
    }

    /// A cell: a number as written, a string, 1 or 0 for true or false; null is an empty (missing) cell.
    mutating func scalar() throws -> String {
      skipSpace()
      guard index < bytes.count else { throw error("expected a value") }
      switch bytes[index] {
      case UInt8(ascii: "\""): return try string()
      case UInt8(ascii: "{"), UInt8(ascii: "["): throw error("a nested object or list is not a cell; flatten it first")
      default:
        let start = index
        while index < bytes.count, !",]} \t\r\n".utf8.contains(bytes[index]) { index += 1 }
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        switch word {
        case "null": return ""
        // As JSON Lines reads them, and pandas' booleans count: 1 and 0.
        case "true": return "1"
        case "false": return "0"
        default:
          guard DecimalParser.isDecimal(word[...]) else {
            index = start
            throw error("expected a JSON value, found '\(word.prefix(40))'")
          }
          return word
        }
      }
    }

    /// A double-quoted string with JSON's escapes (surrogate pairs joined).
    mutating func string() throws -> String {
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a string in double quotes")
      }
      index += 1
      var decoded: [UInt8] = []
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          index += 1
          return String(decoding: decoded, as: UTF8.self)
        }
        if byte == UInt8(ascii: "\n") { throw error("the string is not closed on its line") }
        guard byte == UInt8(ascii: "\\") else {
          decoded.append(byte)
          index += 1
          continue
        }
        guard index + 1 < bytes.count else { break }
        let escaped = bytes[index + 1]
        index += 2
        if let byte = JSONEscapes.simple(escaped) {
          decoded.append(byte)
        } else if escaped == UInt8(ascii: "u") {
          guard let utf8 = JSONEscapes.unicode(bytes, at: &index, end: bytes.count) else {
            throw error("expected four hex digits after \\u")
          }
          decoded += utf8
        } else {
          throw error("unknown escape '\\\(Character(Unicode.Scalar(escaped)))'")
        }
      }
      throw error("the string is not closed")
    }
  }
}
