import Foundation
import Vellum
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumData

/// Real-shaped files read as pandas reads them, cell by cell (Tests/Reference/real_data.json, from
/// scripts/reference_real_data.py): CSVs with R's and Excel's missing markers, hex-looking ids kept as text,
/// duplicate and empty header names renamed; JSON as records (vega-datasets' form, with nulls) and as columns.
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
    XCTAssertEqual(reference.files.count, 6)
    for file in reference.files {
      let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("real-data/\(file.file)")))
      let table =
        file.file.hasSuffix(".json")
        ? try JSONTableReader.read(bytes: bytes, displayPath: file.file)
        : try CSVTableReader.read(bytes: bytes, displayPath: file.file, delimiter: ",")
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

  /// The README's and the example's W&B pattern keeps metric names with `_` and spaces whole (a pattern of
  /// `[^_]*` lost `train_loss` and `_step`).
  func testTheWandBPatternKeepsUnderscoresInMetricNames() throws {
    let csv = """
      Step,run-a - train_loss,run-a - train_loss__MIN,run-a - train_loss__MAX,my run - val acc,my run - val acc__MAX,my run - _step
      0,1.5,1.4,1.6,0.5,0.6,0
      1,1.2,1.1,1.3,0.6,0.7,1

      """
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", csv)
    let example = try String(
      contentsOf: PackagePaths.root.appendingPathComponent("Templates/examples/wandb-export.yaml"), encoding: .utf8)
    let pattern = try XCTUnwrap(example.firstMatch(of: /pattern: '([^']*)'/)?.1)
    let spec = """
      data: {w: data.csv}
      axes:
        layers: [{line: {data: w, x: Step, y: value, group: metric, transform: [{unpivot: {pattern: '\(pattern)', spread: stat}}]}}]
      """
    let figure = try Figure(contentsOf: try fixture.write("figure.yaml", spec))
    let table = try XCTUnwrap(try DataLoader.finalTables(figure.spec)[0][0])
    let metrics = Set(try table.strings(Located("metric", at: nil)))
    XCTAssertEqual(metrics, ["train_loss", "val acc", "_step"])
    let runs = Set(try table.strings(Located("run", at: nil)))
    XCTAssertEqual(runs, ["run-a", "my run"])
    XCTAssertTrue(table.columnNames.contains("MIN") && table.columnNames.contains("MAX"), "\(table.columnNames)")
  }

  /// JSON Lines and JSON given under each other's extension say which they are; JSON errors are located.
  func testJSONFormsAreTold() throws {
    let lines = "{\"step\": 1, \"loss\": 2}\n{\"step\": 2, \"loss\": 1}\n"
    let asJSON = errorText { _ = try JSONTableReader.read(bytes: Array(lines.utf8), displayPath: "log.json") }
    XCTAssertTrue(asJSON.hasPrefix("log.json:1:10: error:"), asJSON)
    XCTAssertTrue(asJSON.contains("name it .jsonl"), asJSON)
    var array = Array("[{\"step\": 1}]\n".utf8)
    let asLines = errorText { _ = try JSONLinesReader.read(bytes: &array, displayPath: "cars.jsonl") }
    XCTAssertTrue(asLines.contains("name the file .json"), asLines)
    let nested = "[\n  {\"a\": 1},\n  {\"a\": [1, 2]}\n]"
    let error = errorText { _ = try JSONTableReader.read(bytes: Array(nested.utf8), displayPath: "n.json") }
    XCTAssertTrue(error.hasPrefix("n.json:3:9: error: a nested object or list is not a cell"), error)
    // A spec reads `.json` by its extension, as `{json: path}` too.
    let spec = "data: {c: cars.json}\naxes:\n  layers: [{scatter: {x: Horsepower, y: Miles_per_Gallon}}]\n"
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write(
      "cars.json",
      try String(
        contentsOf: PackagePaths.root.appendingPathComponent("Tests/Reference/real-data/cars.json"), encoding: .utf8))
    for text in [spec, spec.replacingOccurrences(of: "{c: cars.json}", with: "{c: {json: cars.json}}")] {
      let figure = try Figure(contentsOf: try fixture.write("figure.yaml", text))
      XCTAssertEqual(try DataLoader.finalTables(figure.spec)[0][0]?.rowCount, 4)
    }
  }

  /// `missing` adds markers (pandas' `na_values`), `missing_defaults: false` drops pandas' own
  /// (`keep_default_na=False`): `NA` is then a value, here an error in a numeric column.
  func testASourceSaysWhatIsMissing() throws {
    let csv = "x,y,who\n1,-,NA\n2,NA,b\n3,?,None\n4,5,c\n"
    func table(_ source: String) throws -> Table {
      let fixture = try SpecFixture()
      defer { fixture.remove() }
      try fixture.write("data.csv", csv)
      let spec = "data: {t: \(source)}\naxes:\n  layers: [{line: {x: x, y: y}}]\n"
      let figure = try Figure(contentsOf: try fixture.write("figure.yaml", spec))
      return try XCTUnwrap(try DataLoader.finalTables(figure.spec)[0][0])
    }
    let added = try table("{csv: data.csv, missing: ['-', '?']}")
    XCTAssertEqual(try added.numbers(Located("y", at: nil)).map { $0.isNaN ? -1 : $0 }, [-1, -1, -1, 5])
    let only = try table("{csv: data.csv, missing: ['-', '?'], missing_defaults: false}")
    XCTAssertTrue(errorText { _ = try only.numbers(Located("y", at: nil)) }.contains("found 'NA'"))
    XCTAssertEqual(try only.strings(Located("who", at: nil)), ["NA", "b", "None", "c"])
    XCTAssertFalse(only.isMissing("NA"))
    XCTAssertTrue(only.isMissing("?"))
    let plain = try table("data.csv")
    XCTAssertTrue(errorText { _ = try plain.numbers(Located("y", at: nil)) }.contains("found '-'"))
  }
}
