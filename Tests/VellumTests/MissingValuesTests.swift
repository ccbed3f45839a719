import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

/// Rows with missing plotted values: skipped by default (sparse logs draw connected lines), gaps with
/// `missing: gap`, and a warning when most of a series is missing.
final class MissingValuesTests: XCTestCase {
  /// Run b logs every third step in a table of every step; run a logs every step.
  private let csv =
    "step,a,b\n"
    + (0..<9).map { step in "\(step),\(Double(step) * 0.5),\(step % 3 == 0 ? String(step) : "")" }
    .joined(separator: "\n") + "\n"

  private func path(_ layer: String) throws -> (path: PathNode, warnings: [VellumWarning]) {
    let spec = "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  layers:\n    - \(layer)\n"
    let (scene, warnings) = try SpecFixture.scene(spec, csv: csv)
    return (try XCTUnwrap(scene.groups(role: "series-b").first?.paths.first), warnings)
  }

  func testSparseColumnsDrawConnectedLinesByDefault() throws {
    let (line, warnings) = try path("line: {x: step, y: b}")
    let moves = line.segments.filter { if case .move = $0 { true } else { false } }
    XCTAssertEqual(moves.count, 1)
    XCTAssertEqual(line.points.count, 3)
    // 6 of 9 rows lack b: a warning says so, and that they are skipped.
    XCTAssertEqual(warnings.count, 1)
    XCTAssertTrue(
      warnings[0].description.contains(
        ":5:13: warning: series: 6 of 9 rows lack a plotted value (step or b); they are skipped"),
      warnings[0].description)
  }

  func testGapBreaksTheLineAsMatplotlibDoes() throws {
    let (line, warnings) = try path("line: {x: step, y: b, missing: gap}")
    // Three isolated points: no segment joins them, so nothing is drawn between.
    XCTAssertTrue(line.segments.allSatisfy { if case .line = $0 { false } else { true } } || line.segments.isEmpty)
    XCTAssertTrue(warnings[0].description.hasSuffix("they leave gaps"), warnings[0].description)
  }

  func testDropnaTransformRemovesRowsMissingAnyListedColumn() throws {
    let spec =
      "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  layers:\n"
      + "    - line: {x: step, y: a, missing: gap, transform: [{dropna: [b]}]}\n"
    let (scene, warnings) = try SpecFixture.scene(spec, csv: csv)
    XCTAssertEqual(warnings, [])
    XCTAssertEqual(scene.groups(role: "series-a").first?.paths.first?.points.count, 3)
  }
}

/// Suspicious but valid input gets one located warning line; garbage in a numeric cell is an error.
final class SuspiciousInputTests: XCTestCase {
  private let spec = "data: {d: data.csv}\naxes:\n  layers:\n    - line: {x: x, y: y}\n"

  func testAnEmptyLayerIsAWarning() throws {
    let (_, warnings) = try SpecFixture.scene(spec, csv: "x,y\n")
    XCTAssertEqual(warnings.map(\.description).filter { $0.contains("no rows to draw") }.count, 1)
    XCTAssertTrue(
      warnings[0].description.contains("figure.yaml:4:13: warning: this layer has no rows to draw (d is empty)"))
  }

  func testALayerOutsideExplicitLimitsIsAWarning() throws {
    let limited = spec.replacingOccurrences(of: "axes:\n", with: "axes:\n  x: {limits: [10, 20]}\n")
    let (_, warnings) = try SpecFixture.scene(limited, csv: "x,y\n1,2\n2,3\n")
    XCTAssertEqual(warnings.count, 1)
    XCTAssertTrue(
      warnings[0].description.contains("5:13: warning: nothing of 'series-y' falls inside x.limits [10.0, 20.0]"),
      warnings[0].description)
    let (_, none) = try SpecFixture.scene(limited, csv: "x,y\n1,2\n12,3\n")
    XCTAssertEqual(none, [])
  }

  func testANulByteInANumericCellIsAnError() throws {
    let error = try XCTUnwrap(SpecFixture.error(spec, csv: "x,y\n4\u{0}garbage,2\n5,3\n"))
    XCTAssertEqual(
      error.description, "data.csv:2:1: error: expected a number in column 'x', found a cell with a NUL byte")
  }
}

/// Messages stay one bounded line; JSON Lines written on Windows read.
final class MessageAndLineEndingTests: XCTestCase {
  func testHugeCellsAreCutAndLineSeparatorsEscapedInMessages() throws {
    let spec = "data: {d: data.csv}\naxes:\n  layers:\n    - line: {x: x, y: y}\n"
    let huge = try XCTUnwrap(SpecFixture.error(spec, csv: "x,y\n1," + String(repeating: "a", count: 100_000) + "\n"))
    XCTAssertLessThanOrEqual(huge.description.count, VellumError.maximumLength)
    XCTAssertTrue(huge.description.hasSuffix("…"))
    let separator = try XCTUnwrap(SpecFixture.error(spec, csv: "x,y\n1,a\u{2028}b\n"))
    XCTAssertFalse(separator.description.unicodeScalars.contains("\u{2028}"))
    XCTAssertTrue(separator.description.contains("a\\u{2028}b"), separator.description)
  }

  func testJSONLinesWithCRLFRead() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("d.jsonl", "{\"x\": 1, \"y\": 2}\r\n{\"x\": 2, \"y\": 3}\r\n")
    let spec = try fixture.write("f.yaml", "data: {d: d.jsonl}\naxes:\n  layers:\n    - line: {x: x, y: y}\n")
    let scene = try Figure(contentsOf: spec).scene()
    XCTAssertEqual(scene.groups(role: "series-y").first?.paths.first?.points.count, 2)
  }
}

/// Files as the README promises: symbolic links followed, CSV line numbers right after quoted line breaks, style
/// files' YAML errors one located line.
final class InputFileTests: XCTestCase {
  private let spec = "data: {d: data.csv}\naxes:\n  layers:\n    - line: {x: x, y: y}\n"

  func testCSVLineNumbersCountQuotedLineBreaks() throws {
    let csv = "x,y,note\n1,2,\"one\nline more\"\n2,3,\"two\r\nmore\nlines\"\n3,oops,plain\n"
    let error = try XCTUnwrap(SpecFixture.error(spec, csv: csv))
    XCTAssertEqual(
      error.description,
      "data.csv:7:2: error: expected a number in column 'y', found 'oops'; for labels give the axis scale: "
        + "categorical, for dates scale: time")
  }

  func testSymbolicLinksToDataFilesAreFollowed() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("real.csv", "x,y\n1,2\n2,3\n")
    try FileManager.default.createSymbolicLink(
      atPath: fixture.directory.appendingPathComponent("data.csv").path, withDestinationPath: "real.csv")
    let figure = try Figure(contentsOf: try fixture.write("f.yaml", spec))
    XCTAssertEqual(try figure.scene().groups(role: "series-y").first?.paths.first?.points.count, 2)
  }

  func testStyleFileSyntaxErrorsAreOneLocatedLine() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", "x,y\n1,2\n")
    try fixture.write("house.yaml", "font: {size: [1, \n")
    let path = try fixture.write("f.yaml", "style: house.yaml\n" + spec)
    XCTAssertThrowsError(try Figure(contentsOf: path)) { error in
      let text = "\(error)"
      XCTAssertFalse(text.contains("\n"), text)
      // The style file named as the spec's folder is (here an absolute path).
      XCTAssertTrue(text.hasPrefix(fixture.directory.path + "/house.yaml:2:1: error: invalid YAML"), text)
    }
  }

  func testAliasBombsAreRefusedInSpecsAndStyles() throws {
    var bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in 1..<9 {
      bomb.append(
        "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
    }
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", "x,y\n1,2\n")
    try fixture.write("bomb.yaml", bomb.joined(separator: "\n") + "\n")
    let styled = try fixture.write("f.yaml", "style: bomb.yaml\n" + spec)
    XCTAssertThrowsError(try Figure(contentsOf: styled)) { error in
      XCTAssertTrue("\(error)".contains("bomb.yaml:1:"), "\(error)")
      XCTAssertTrue("\(error)".contains("expands to more than 1000000 values"), "\(error)")
    }
    let inline =
      "data:\n  d:\n    values:\n      x: &b0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
      + (1..<9).map {
        "      y\($0): &b\($0) [" + Array(repeating: "*b\($0 - 1)", count: 10).joined(separator: ", ") + "]"
      }
      .joined(separator: "\n") + "\naxes:\n  layers:\n    - line: {x: x, y: y1}\n"
    XCTAssertThrowsError(try Figure(contentsOf: try fixture.write("g.yaml", inline))) { error in
      XCTAssertTrue("\(error)".contains("expands to more than"), "\(error)")
    }
  }
}
