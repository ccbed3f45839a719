import Foundation
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumData

/// Real-shaped CSVs read as pandas' `read_csv` reads them, cell by cell (Tests/Reference/real_data.json, from
/// scripts/reference_real_data.py): R's and Excel's missing markers, hex-looking ids kept as text, duplicate and
/// empty header names renamed.
final class RealDataTests: XCTestCase {
  private struct Reference: Decodable {
    struct File: Decodable {
      var file: String
      var columns: [Column]
    }
    struct Column: Decodable {
      var name: String
      var numeric: Bool
      var values: [Value?]
    }
    enum Value: Decodable {
      case number(Double)
      case text(String)
      init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
          self = .number(number)
        } else {
          self = .text(try container.decode(String.self))
        }
      }
    }
    var files: [File]
  }

  func testCSVsReadAsPandasReadsThem() throws {
    let root = PackagePaths.root.appendingPathComponent("Tests/Reference")
    let reference = try JSONDecoder().decode(
      Reference.self, from: Data(contentsOf: root.appendingPathComponent("real_data.json")))
    XCTAssertEqual(reference.files.count, 4)
    for file in reference.files {
      let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("real-data/\(file.file)")))
      let table = try CSVTableReader.read(bytes: bytes, displayPath: file.file, delimiter: ",")
      XCTAssertEqual(table.columnNames, file.columns.map(\.name), file.file)
      for column in file.columns {
        let name = Located(column.name, at: nil)
        if column.numeric {
          let numbers = try table.numbers(name)
          let expected = column.values.map { value -> Double in
            if case .number(let number)? = value { return number }
            return .nan
          }
          XCTAssertEqual(numbers.count, expected.count, "\(file.file) \(column.name)")
          for (ours, theirs) in zip(numbers, expected) {
            XCTAssertTrue(
              ours == theirs || (ours.isNaN && theirs.isNaN), "\(file.file) \(column.name): \(ours) vs \(theirs)")
          }
        } else {
          // pandas keeps the column as text; so does Vellum: read as numbers it is refused, as text it is as written
          // (pandas' missing cells aside).
          XCTAssertThrowsError(try table.numbers(name), "\(file.file) \(column.name) must stay text")
          for (ours, theirs) in zip(try table.strings(name), column.values) {
            if case .text(let text)? = theirs { XCTAssertEqual(ours, text, "\(file.file) \(column.name)") }
          }
        }
      }
    }
  }

  func testRenamedHeadersAndWordsOnANumericAxisAreExplained() throws {
    let spec = """
      data: {t: data.csv}
      axes:
        layers: [{line: {x: step, y: loss.1}}]
      """
    let (_, warnings) = try SpecFixture.scene(spec, csv: "step,loss,loss\n1,2,3\n2,3,4\n")
    XCTAssertTrue(
      warnings.contains { $0.description.contains("column 3 ('loss' again) as 'loss.1'") }, "\(warnings)")
    let words = try XCTUnwrap(
      SpecFixture.error(
        "data: {t: data.csv}\naxes:\n  layers: [{line: {x: weather, y: v}}]\n", csv: "weather,v\nsun,1\ndrizzle,2\n"))
    XCTAssertTrue(words.description.contains("found 'sun'"), words.description)
    XCTAssertTrue(words.description.contains("scale: categorical"), words.description)
  }
}
