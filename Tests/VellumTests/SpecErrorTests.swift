import Foundation
import Vellum
import VellumTestSupport
import XCTest

/// Bad specs and data give one located, compiler-style error line.
final class SpecErrorTests: XCTestCase {
  private func error(spec: String, csv: String = SpecFixture.csv) throws -> VellumError {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", csv)
    let path = try fixture.write("figure.yaml", spec)
    do {
      _ = try FigureRenderer().render(specPath: path, formats: [.svg])
    } catch let error as VellumError {
      return error
    }
    XCTFail("expected an error")
    return VellumError(.io, "none")
  }

  func testValidFixtureRenders() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let path = try fixture.write("figure.yaml", SpecFixture.spec)
    XCTAssertNotNil(try FigureRenderer().render(specPath: path, formats: [.svg])[.svg])
  }

  func testMisspelledKeySuggestsTheRightOne() throws {
    let error = try error(
      spec: SpecFixture.spec.replacingOccurrences(of: "label: run}", with: "label: run, colour: red}"))
    XCTAssertEqual(error.code, .invalidSpec)
    XCTAssertEqual(error.location?.line, 8)
    XCTAssertEqual(error.location?.column, 44)
    XCTAssertTrue(
      error.description.hasSuffix("figure.yaml:8:44: error: unknown key 'colour' in line (did you mean 'color'?)"),
      error.description)
  }

  /// A dash written as a flat list said "expected expected a dash style … found a scalar"; it now says once what
  /// the list form is.
  func testDashListErrorsSayTheFormOnce() throws {
    for dash in ["[4, 2]", "[0, [4]]", "zigzag"] {
      let message = try error(
        spec: "data: {d: data.csv}\naxes:\n  layers:\n    - line: {x: step, y: loss, dash: \(dash)}\n"
      ).message
      XCTAssertTrue(message.hasPrefix("expected a dash style"), message)
      XCTAssertFalse(message.contains("expected expected"), message)
    }
    let flat = try error(
      spec: "data: {d: data.csv}\naxes:\n  layers:\n    - line: {x: step, y: loss, dash: [4, 2]}\n")
    XCTAssertTrue(flat.message.contains("such as [0, [4, 2]]"), flat.message)
  }

  func testMissingColumnListsAvailableOnes() throws {
    let error = try error(spec: SpecFixture.spec.replacingOccurrences(of: "y: loss", with: "y: los"))
    XCTAssertEqual(error.code, .invalidData)
    XCTAssertEqual(error.location?.line, 8)
    XCTAssertTrue(error.message.contains("no column 'los' in data.csv (available: step, loss)"), error.message)
  }

  func testMalformedYAMLIsLocated() throws {
    let error = try error(spec: SpecFixture.spec.replacingOccurrences(of: "x: {label: Step}", with: "x: {label: Step"))
    XCTAssertEqual(error.code, .syntax)
    XCTAssertNotNil(error.location)
    XCTAssertTrue(error.message.hasPrefix("invalid YAML"), error.message)
  }

  func testNonNumericCellNamesRowAndColumn() throws {
    let error = try error(spec: SpecFixture.spec, csv: "step,loss\n0,1.0\n1,oops\n")
    XCTAssertEqual(error.location?.file.hasSuffix("data.csv"), true)
    XCTAssertEqual(error.location?.line, 3)
    XCTAssertEqual(error.location?.column, 2)
    XCTAssertTrue(error.message.contains("expected a number in column 'loss', found 'oops'"))
  }

  func testRaggedRowIsLocated() throws {
    let error = try error(spec: SpecFixture.spec, csv: "step,loss\n0,1.0\n1\n")
    XCTAssertEqual(error.location?.line, 3)
    XCTAssertTrue(error.message.contains("expected 2 fields"))
  }

  func testUnknownEnumValueSuggests() throws {
    let error = try error(
      spec: SpecFixture.spec.replacingOccurrences(of: "x: {label: Step}", with: "x: {label: Step, scale: categorcal}"))
    XCTAssertTrue(error.message.contains("did you mean 'categorical'"), error.message)
  }

  func testUnsupportedTeXCommandIsAnError() throws {
    let error = try error(spec: SpecFixture.spec.replacingOccurrences(of: "label: run}", with: #"label: '\foo{run}'}"#))
    XCTAssertTrue(error.message.contains("unknown command '\\foo' at character 1 of the label"), error.message)
    XCTAssertEqual(error.location?.line, 8)
  }

  func testDuplicateKeyIsAnError() throws {
    let error = try error(
      spec: SpecFixture.spec.replacingOccurrences(of: "size: [4in, 3in]", with: "size: [4in, 3in]\nsize: [5in, 3in]"))
    XCTAssertEqual(error.code, .syntax)
    XCTAssertTrue(error.message.contains("duplicate key 'size'"), error.message)
  }

  func testEmptyFilterResultIsAnError() throws {
    let spec = SpecFixture.spec.replacingOccurrences(
      of: "y: loss,", with: "y: loss, transform: [{filter: {step: '9'}}],")
    let error = try error(spec: spec)
    XCTAssertTrue(error.message.contains("no rows left after filter"), error.message)
  }

  func testMissingFontFamilyPointsAtTheFamily() throws {
    let error = try error(spec: "font: {family: No Such Family}\n" + SpecFixture.spec)
    XCTAssertEqual(error.code, .font)
    XCTAssertEqual(error.location?.line, 1)
    XCTAssertEqual(error.location?.column, 16)
    XCTAssertTrue(error.message.contains("'No Such Family' is not installed"), error.message)
  }

  func testMissingGlyphPointsAtTheLabel() throws {
    let error = try error(
      spec: SpecFixture.spec.replacingOccurrences(of: "label: Step", with: "label: 'Step \u{10FFFD}'"))
    XCTAssertEqual(error.code, .font)
    XCTAssertEqual(error.location?.line, 5)
    XCTAssertTrue(
      error.message.hasPrefix("no installed font has a glyph for '\u{10FFFD}' (U+10FFFD); tried CMU Serif, "),
      error.message)
  }

  func testCanvasTooSmallIsAnError() throws {
    let error = try error(
      spec: SpecFixture.spec.replacingOccurrences(of: "size: [4in, 3in]", with: "size: [0.5in, 0.5in]"))
    XCTAssertEqual(error.code, .layout)
    XCTAssertEqual(error.location?.line, 1)
  }

  func testJSONSpecIsAccepted() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let path = try fixture.write(
      "figure.json",
      #"{"size": ["4in", "3in"], "data": {"runs": "data.csv"}, "axes": {"layers": [{"line": {"x": "step", "y": "loss"}}]}}"#
    )
    let svg = try FigureRenderer().render(specPath: path, formats: [.svg])[.svg]!
    XCTAssertTrue(String(decoding: svg, as: UTF8.self).contains("width=\"288pt\""))
  }

  /// Python's json.dumps writes 😀 as "\\ud83d\\ude00"; the halves are joined before the YAML reader sees them.
  func testJSONSurrogatePairEscapesAreOneCharacter() throws {
    let json =
      #"{"title": "Loss \ud83d\ude00 \"quoted\" \\ud83d", "data": {"d": {"values": {"x": [1, 2]}}}, "#
      + #""axes": {"layers": [{"line": {"x": "x", "y": "x"}}]}}"#
    let spec = try Figure(text: json, name: "f.json").spec
    XCTAssertEqual(spec.title?.text.value, "Loss \u{1F600} \"quoted\" \\ud83d")
  }

  func testYAMLMergeKeysShareLayerSettings() throws {
    let spec = """
      data: {runs: data.csv}
      axes:
        layers:
          - line: &shared {x: step, y: loss, color: tab:green, alpha: 0.5}
          - scatter:
              <<: *shared
              color: tab:red

      """
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let svg = try FigureRenderer().svg(specPath: try fixture.write("figure.yaml", spec))
    XCTAssertTrue(svg.contains("#2ca02c"), "the line keeps its own colour")
    XCTAssertTrue(svg.contains("#d62728"), "the merged scatter overrides the colour")
    // A chain: a mapping merging one that itself merges (issue 28), and an unknown key still refused at its use.
    let chain = """
      data: {runs: data.csv}
      axes:
        layers:
          - line: &l1 {x: step, y: loss}
          - line: &l2 {<<: *l1, width: 2}
          - line: {<<: *l2, dash: dashed}

      """
    let chained = try FigureRenderer().svg(specPath: try fixture.write("chain.yaml", chain))
    XCTAssertEqual(chained.components(separatedBy: "stroke-dasharray").count - 1, 1, "the third line is dashed")
    let bad = chain.replacingOccurrences(of: "{x: step, y: loss}", with: "{x: step, y: loss, colour: red}")
    XCTAssertThrowsError(try FigureRenderer().svg(specPath: try fixture.write("bad.yaml", bad))) { error in
      XCTAssertTrue("\(error)".contains("unknown key 'colour'"), "\(error)")
    }
  }

  func testPathWrittenAsLayerSourceShowsTheDeclaration() throws {
    let error = try error(
      spec: SpecFixture.spec.replacingOccurrences(of: "- line: {x: step", with: "- line: {data: data.csv, x: step"))
    XCTAssertEqual(error.location?.line, 8)
    XCTAssertTrue(
      error.description.hasSuffix(
        "unknown data source 'data.csv' (declared: runs; a layer names a source declared under `data:`, "
          + "e.g. `data: {runs: data.csv}` then `data: runs` in the layer)"), error.description)
  }
}
