import Foundation
import Vellum
import VellumTestSupport
import XCTest

@testable import VellumReview

/// `vellum render -`, `scene -` and `data -` read the spec from standard input; `--stdout` writes one output there.
final class StandardStreamsTests: XCTestCase {
  /// Runs the binary in `directory` with `input` on stdin: status, stdout bytes, stderr text.
  private func run(_ arguments: [String], input: String, in directory: URL) throws -> (Int32, Data, String) {
    try runProgram(PackagePaths.binary, arguments, in: directory, input: input)
  }

  func testSpecFromStandardInputToStandardOutput() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    // Relative data paths resolve against the current folder.
    let (status, svg, stderr) = try run(
      ["render", "-", "--stdout", "svg"], input: SpecFixture.spec, in: fixture.directory)
    XCTAssertEqual(status, 0, stderr)
    XCTAssertEqual(try SVGDocument.parse(svg, name: "stdout").name, "svg", "a well-formed SVG")
    XCTAssertEqual(try fixture.files(), ["data.csv"], "--stdout writes no file")

    let (pngStatus, png, _) = try run(
      ["render", "-", "--stdout", "png"], input: SpecFixture.spec, in: fixture.directory)
    XCTAssertEqual(pngStatus, 0)
    XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])

    let (filesStatus, _, _) = try run(
      ["render", "-", "--format", "svg"], input: SpecFixture.spec, in: fixture.directory)
    XCTAssertEqual(filesStatus, 0)
    XCTAssertEqual(try fixture.files(), ["data.csv", "figure.svg"], "outputs from standard input are named figure.*")

    let (_, scene, _) = try run(["scene", "-"], input: SpecFixture.spec, in: fixture.directory)
    XCTAssertTrue(String(decoding: scene, as: UTF8.self).hasPrefix("scene 288x216pt"))
    let (_, csv, _) = try run(["data", "-", "--stdout"], input: SpecFixture.spec, in: fixture.directory)
    XCTAssertEqual(String(decoding: csv, as: UTF8.self), "\"step\",\"loss\"\n0,1.0\n1,0.5\n2,0.25\n")
  }

  func testErrorsOnStandardInputAreLocatedThere() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let (status, output, stderr) = try run(
      ["render", "-", "--stdout", "svg"], input: "axes:\n  layers: [{line: {x: a}}]\n", in: fixture.directory)
    XCTAssertEqual(status, 1)
    XCTAssertTrue(output.isEmpty)
    XCTAssertTrue(stderr.hasPrefix("<stdin>:2:"), stderr)
    XCTAssertEqual(try run(["render", "-", "-"], input: "", in: fixture.directory).0, 2, "a usage error")
  }
}
