import Foundation
import Vellum
import VellumRaster
import VellumScene
import VellumTestSupport
import XCTest

@testable import VellumData
@testable import VellumLayout
@testable import VellumSpec

/// The limits behind the memory bound: raster pixels, cells, transform results, drawn rows and scene size, each a
/// located error before the memory is spent; and opaque markers drawn as few paths.
final class ResourceLimitTests: XCTestCase {
  func testRasterOverThePixelBudgetNamesTheDpiThatFits() {
    // 10 × 10 in at 1200 dpi is 144 million pixels; 1000 dpi (100 million) is the most that fits.
    XCTAssertThrowsError(try Rasterizer.png(svg: "<svg/>", width: 720, height: 720, dpi: 1200, fontFiles: [])) {
      error in
      XCTAssertEqual(
        "\(error)",
        "error: a 12000×12000 px image is over the budget of 100 million pixels; at this size use --dpi 1000 or less")
    }
  }

  /// In a batch, an error of a whole figure (no place in a file) names the spec it came from.
  func testBatchLimitErrorsNameTheirSpec() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let big = try fixture.write(
      "big.yaml", SpecFixture.spec.replacingOccurrences(of: "size: [4in, 3in]", with: "size: [8.3in, 8.3in]"))
    let small = try fixture.write("small.yaml", SpecFixture.spec)
    let out = fixture.directory.appendingPathComponent("out").path
    let result = try runVellum(["render", big, small, "--dpi", "2400", "--format", "png", "--out", out])
    XCTAssertEqual(result.status, 3)
    XCTAssertTrue(result.stderr.contains("\(big): error: a 19920×19920 px image is over the budget"), result.stderr)
  }

  func testDiffPNGTakesADpiAndRespectsTheBudget() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let svg = { (color: String) in
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"7200pt\" height=\"7200pt\" viewBox=\"0 0 7200 7200\">"
        + "<rect id=\"r\" width=\"10\" height=\"10\" fill=\"\(color)\"/></svg>\n"
    }
    let old = try fixture.write("old.svg", svg("#000"))
    let new = try fixture.write("new.svg", svg("#f00"))
    let png = fixture.directory.appendingPathComponent("d.png").path
    let refused = try runVellum(["diff", old, new, "--png", png])
    XCTAssertEqual(refused.status, 3)
    XCTAssertTrue(refused.stderr.contains("over the budget of 100 million pixels"), refused.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: png))
    let fitted = try runVellum(["diff", old, new, "--png", png, "--dpi", "10", "--exit-code"])
    XCTAssertEqual(fitted.status, 1, "changed pixels make --exit-code 1: \(fitted.stderr)")
    XCTAssertTrue(FileManager.default.fileExists(atPath: png))
    XCTAssertEqual(try runVellum(["diff", old, new, "--dpi", "0"]).status, 2)
  }

  func testCellLimitCountsRowsTimesColumns() throws {
    XCTAssertNoThrow(try CSVTableReader.checkSize(rows: 10_000_000, columns: 20, displayPath: "d.csv", line: 9))
    XCTAssertThrowsError(try CSVTableReader.checkSize(rows: 10_000_000, columns: 21, displayPath: "d.csv", line: 9)) {
      error in
      XCTAssertEqual(
        "\(error)", "d.csv:9:1: error: the file has more than 200 million cells (21 columns × 10000000 rows)")
    }
  }

  func testJoinThatWouldMultiplyPastTheRowLimitFailsAtTheTransform() throws {
    // 5,000 rows sharing one key on both sides: a 25-million-row result, refused while it is being matched.
    let csv = "k,v\n" + (0..<5000).map { "1,\($0)\n" }.joined()
    let error = SpecFixture.error(
      """
      data: {a: data.csv, b: data.csv}
      axes:
        layers:
          - line:
              data: a
              transform:
                - join: {data: b, on: k}
              x: v
              y: v_right

      """, csv: csv)
    XCTAssertEqual(error?.location?.line, 7)
    XCTAssertTrue(
      error?.message.hasPrefix("join would make 2000") == true
        && error?.message.hasSuffix("over the limits of 20000000 rows and 200 million cells") ?? false,
      "\(String(describing: error))")
  }

  func testFigureDrawingTooManyElementsIsRefusedNamingTheLayer() throws {
    // Translucent markers are one element each: 950,000 of them are past librsvg's reach.
    let csv = "x,y\n" + (0..<950_000).map { "\($0 % 1000),\($0 / 1000)\n" }.joined()
    let error = SpecFixture.error(
      "data: {t: data.csv}\naxes:\n  layers:\n    - scatter: {x: x, y: y, alpha: 0.5, id: points}\n", csv: csv)
    XCTAssertTrue(
      error?.message.hasPrefix("the figure draws 950") ?? false, "\(String(describing: error))")
    XCTAssertTrue(error?.message.contains("(most in 'scatter-points')") ?? false, "\(String(describing: error))")
    // Located at that layer in the spec (it pointed at the spec's first line).
    XCTAssertEqual(error?.location?.line, 4, "\(String(describing: error))")
  }

  func testOpaqueMarkersShareAFewPathsAndTranslucentOnesDoNot() throws {
    let csv = "x,y\n" + (0..<1000).map { "\($0),\($0 % 7)\n" }.joined()
    func paths(_ style: String) throws -> [PathNode] {
      let (scene, _) = try SpecFixture.scene(
        "data: {t: data.csv}\naxes:\n  layers:\n    - scatter: {x: x, y: y, id: p\(style)}\n", csv: csv)
      return scene.groups(role: "scatter-p").flatMap(\.children).compactMap {
        if case .path(let path) = $0 { return path } else { return nil }
      }
    }
    let opaque = try paths("")
    XCTAssertEqual(opaque.count, 4, "1000 markers in paths of 256")
    XCTAssertEqual(opaque.map(\.segments.count).reduce(0, +), 6000, "six segments a circle")
    XCTAssertEqual(try paths(", alpha: 0.5").count, 1000)
    XCTAssertEqual(try paths(", marker: {edge: black}").count, 1000, "an edge of another colour shows overlaps")
  }

  func testDrawnRowsAndPathSegmentsHaveLimits() throws {
    let here = SourceLocation(file: "figure.yaml", line: 4, column: 7)
    XCTAssertNoThrow(try DataLoader.checkDrawnRows(50_000_000, at: here))
    XCTAssertThrowsError(try DataLoader.checkDrawnRows(50_000_001, at: here)) { error in
      XCTAssertTrue("\(error)".hasPrefix("figure.yaml:4:7: error: the figure's layers draw more than 50 million rows"))
    }
    XCTAssertNoThrow(try FigureCompiler.checkSize(SceneSize(elements: 900_000, segments: 12_000_000), at: here))
    XCTAssertThrowsError(
      try FigureCompiler.checkSize(SceneSize(elements: 10, segments: 12_000_001, largestRole: "scatter-y"), at: here)
    ) { error in
      XCTAssertTrue(
        "\(error)".contains("draws 12000001 path segments (most in 'scatter-y'), over the limit of 12000000"),
        "\(error)")
    }
  }
}
