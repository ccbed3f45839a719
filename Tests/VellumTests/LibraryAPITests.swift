import Foundation
import Vellum
import VellumRaster
import VellumTestSupport
import XCTest

/// The library as a Swift user sees it: `import Vellum` alone builds, validates and renders figures in memory.
final class LibraryAPITests: XCTestCase {
  /// The README's Swift example, verbatim between the markers (the test below checks that the README's copy
  /// matches), so the documented code compiles and runs.
  private func readmeExample() throws -> [OutputFormat: [UInt8]] {
    // README example begin
    let figure = try Figure(spec: [
      "size": ["4in", "3in"],
      "data": ["runs": ["values": ["step": [0, 1, 2, 3], "loss": [1.0, 0.6, 0.4, 0.3]]]],
      "axes": [
        "x": ["label": "Step"], "y": ["label": "Loss"],
        "layers": [["line": ["x": "step", "y": "loss", "label": "run"]]],
      ],
    ])
    let outputs = try figure.render(formats: [.svg, .pdf, .png], dpi: 300)
    // README example end
    return outputs
  }

  func testReadmeExampleIsThisCodeAndRendersInMemory() throws {
    let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    func block(_ text: String, from start: String, to end: String) -> [String] {
      guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else {
        return []
      }
      return text[a.upperBound..<b.lowerBound].split(separator: "\n")
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("//") }
    }
    let tested = block(source, from: "// README example begin", to: "// README example end")
    let documented = block(readme, from: "```swift\nimport Vellum\n", to: "```")
    XCTAssertGreaterThan(tested.count, 5)
    XCTAssertEqual(documented, tested, "README's Swift example differs from the code this test runs")

    let outputs = try readmeExample()
    let svg = String(decoding: try XCTUnwrap(outputs[.svg]), as: UTF8.self)
    XCTAssertTrue(svg.contains("id=\"series-loss\""), "the line is drawn")
    XCTAssertTrue(svg.contains("width=\"288pt\"") || svg.contains("width=\"288\""), "4 in wide")
    let pdf = try XCTUnwrap(outputs[.pdf])
    XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8))
    XCTAssertTrue(String(decoding: pdf, as: UTF8.self).contains("/MediaBox [ 0 0 288 216 ]"))
    let png = try RasterImage(png: try XCTUnwrap(outputs[.png]))
    XCTAssertEqual([png.width, png.height], [1200, 900])
    XCTAssertTrue(png.rgb.contains { $0 < 60 }, "the PNG has ink")
  }

  /// Text, files and Swift values go through the same decoder: the same figure, the same bytes.
  func testTextFileAndSwiftValueGiveTheSameFigure() throws {
    let yaml = """
      size: [4in, 3in]
      data: {runs: {values: {step: [0, 1, 2], loss: [1.0, 0.5, 0.25]}}}
      axes: {layers: [{line: {x: step, y: loss}}]}

      """
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let path = try fixture.write("figure.yaml", yaml)
    let fromFile = try Figure(contentsOf: path).svg()
    let fromText = try Figure(text: yaml, name: path).svg()
    let fromValue = try Figure(
      spec: [
        "size": ["4in", "3in"], "data": ["runs": ["values": ["step": [0, 1, 2], "loss": [1.0, 0.5, 0.25]]]],
        "axes": ["layers": [["line": ["x": "step", "y": "loss"]]]],
      ], name: path
    ).svg()
    XCTAssertEqual(fromText, fromFile)
    XCTAssertEqual(fromValue, fromFile)
  }

  /// A bad key in a Swift-built spec is a located error, like in a file.
  func testSwiftValueErrorsAreLocated() throws {
    XCTAssertThrowsError(try Figure(spec: ["axes": ["layers": [["line": ["x": "a", "why": "b"]]]]])) { error in
      let vellum = error as? VellumError
      XCTAssertEqual(vellum?.location?.file, "figure.json")
      XCTAssertNotNil(vellum?.location?.line)
      XCTAssertTrue("\(error)".contains("'why'"), "\(error)")
    }
  }
}
