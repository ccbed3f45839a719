import Foundation
import VellumTestSupport
import XCTest

@testable import VellumData
@testable import VellumSpec

/// JSON Lines read by the byte scanner: the same cells Foundation's JSON parser gives, located errors, and rows
/// of 100,000 keys.
final class JSONLinesReaderTests: XCTestCase {
  private func read(_ text: String) throws -> Table { try JSONLinesReader.read(text, displayPath: "log.jsonl") }

  private func error(_ text: String) -> String { errorText { _ = try read(text) } }

  func testCellsMatchFoundationOnRandomLines() throws {
    // Random flat objects with escapes, unicode, booleans, nulls, missing and late keys; Foundation's parser
    // (an independent implementation) says what each cell holds.
    var random = SplitMix64(seed: 7)
    let keys = ["step", "loss", "run name", "caf\\u00e9", "tab\\tkey", "lr"]
    let strings = [
      "plain", "quote \\\" inside", "back\\\\slash", "line\\nbreak", "\\ud83d\\ude00 emoji", "caf\\u00e9", "",
      "slash \\/", "日本語",
    ]
    var lines: [String] = []
    var tokens: [[String: String]] = []
    for _ in 0..<300 {
      var fields: [String] = []
      var row: [String: String] = [:]
      for key in keys where random.next() % 4 != 0 {
        let value: String
        switch random.next() % 5 {
        case 0: value = "\"" + strings[Int(random.next() % UInt64(strings.count))] + "\""
        case 1: value = ["true", "false", "null"][Int(random.next() % 3)]
        case 2: value = String(Int(random.next() % 2001) - 1000)
        case 3: value = String(format: "%.6e", Double(Int(random.next() % 100_000)) / 7)
        default: value = "-0.\(random.next() % 1000)"
        }
        fields.append("\"\(key)\": \(value)")
        row[key] = value
      }
      tokens.append(row)
      lines.append("{" + fields.joined(separator: random.next() % 2 == 0 ? ", " : ",") + "}")
    }
    let table = try read(lines.joined(separator: "\r\n") + "\n")
    func decoded(_ token: String) throws -> Any {
      try JSONSerialization.jsonObject(with: Data(token.utf8), options: .fragmentsAllowed)
    }
    var expectedNames: [String] = []
    for (row, line) in lines.enumerated() {
      // Key order of a line as written.
      let written = keys.filter { tokens[row][$0] != nil }.sorted {
        line.range(of: "\"\($0)\"")!.lowerBound < line.range(of: "\"\($1)\"")!.lowerBound
      }
      for key in written {
        let name = try XCTUnwrap(try decoded("\"\(key)\"") as? String)
        if !expectedNames.contains(name) { expectedNames.append(name) }
        let cell = try table.strings(Located(name, at: nil))[row]
        let token = tokens[row][key]!
        switch token {
        case "true": XCTAssertEqual(cell, "1")
        case "false": XCTAssertEqual(cell, "0")
        case "null": XCTAssertEqual(cell, "")
        default:
          if let string = try decoded(token) as? String {
            XCTAssertEqual(cell, string, "row \(row) \(name)")
          } else {
            let number = try XCTUnwrap(try decoded(token) as? NSNumber)
            XCTAssertEqual(Double(cell), number.doubleValue, "row \(row) \(name)")
          }
        }
      }
      for key in keys where tokens[row][key] == nil {
        let name = try XCTUnwrap(try decoded("\"\(key)\"") as? String)
        if table.columnNames.contains(name) { XCTAssertEqual(try table.strings(Located(name, at: nil))[row], "") }
      }
    }
    XCTAssertEqual(table.columnNames, expectedNames)
    XCTAssertEqual(table.rowCount, 300)
  }

  func testErrorsPointAtTheCharacter() {
    XCTAssertTrue(
      error("{\"x\": 1}\n{\"x\": 2} garbage\n").hasSuffix(
        "log.jsonl:2:10: error: line is not valid JSON: text after the object"))
    XCTAssertTrue(
      error("{\"x\": 1,}\n").hasSuffix("log.jsonl:1:9: error: line is not valid JSON: expected a key in double quotes"))
    XCTAssertTrue(error("{\"x\": 01}\n").hasSuffix("log.jsonl:1:7: error: line is not valid JSON: expected a value"))
    XCTAssertTrue(
      error("{\"x\": \"a\u{1}\"}\n").hasSuffix(
        "log.jsonl:1:9: error: line is not valid JSON: a control character inside a string"))
    XCTAssertTrue(
      error("{\"x\": \"\\q\"}\n").hasSuffix("log.jsonl:1:8: error: line is not valid JSON: unknown escape '\\q'"))
    XCTAssertTrue(
      error("{\"x\": {\"y\": 1}}\n").hasSuffix(
        "log.jsonl:1:7: error: field 'x' holds a nested value; only numbers, strings and null are read"))
    XCTAssertTrue(error("[1, 2]\n").hasSuffix("log.jsonl:1:1: error: expected a JSON object on each line"))
    XCTAssertTrue(error("\n\n").hasSuffix("log.jsonl:1:1: error: the file holds no JSON objects"))
  }

  func testNumberHiddenInAStringWithANulByteIsRefused() throws {
    let table = try read("{\"y\": \"4\\u0000garbage\"}\n")
    XCTAssertThrowsError(try table.numbers(Located("y", at: nil))) { error in
      XCTAssertTrue("\(error)".contains("log.jsonl:1:"), "\(error)")
      XCTAssertTrue("\(error)".contains("NUL byte"), "\(error)")
    }
  }

  func testRowOfHundredThousandKeys() throws {
    // A quadratic key lookup (a list searched per key) would take minutes here.
    let keys = (0..<100_000).map { "k\($0)" }
    let line = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
    let reordered = "{" + keys.reversed().enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
    let table = try read(line + "\n" + line + "\n" + reordered + "\n")
    XCTAssertEqual(table.columnNames.count, 100_000)
    XCTAssertEqual(try table.numbers(Located("k99999", at: nil)), [99_999, 99_999, 0])
    XCTAssertEqual(try table.numbers(Located("k0", at: nil)), [0, 0, 99_999])
  }
}
