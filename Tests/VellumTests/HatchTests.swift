import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// `hatch` on filled marks: matplotlib's hatch geometry on a one-inch tile (six lines per inch for each character),
/// in the edge colour or black, drawn in the SVG as a pattern over the fill and under the outline, the legend patch
/// hatched alike.
final class HatchTests: XCTestCase {
  private static let spec = """
    size: [4in, 3in]
    data: {d: data.csv}
    axes:
      layers:
        - bar: {x: step, y: loss, edge: C1, hatch: '//', label: bars}
    """

  func testHatchIsAPatternInTheEdgeColour() throws {
    let scene = try SpecFixture.scene(Self.spec).scene
    let bars = try XCTUnwrap(scene.groups(prefix: "bars-").first)
    let patterns = bars.paths.compactMap(\.pattern)
    XCTAssertFalse(patterns.isEmpty)
    let pattern = patterns[0]
    XCTAssertEqual(pattern.size, 72)
    // '//': 12 lines per inch (13 drawn across the tile's diagonal, as matplotlib's NorthEastHatch).
    XCTAssertEqual(pattern.lines.filter { if case .move = $0 { true } else { false } }.count, 13)
    XCTAssertEqual(pattern.paint.color.hex, "#ff7f0e")
    XCTAssertEqual(pattern.width, 1)
    // The legend's patch is hatched too.
    let legend = try XCTUnwrap(scene.groups(role: "legend").first)
    XCTAssertTrue(legend.groups(prefix: "legend-").flatMap(\.paths).contains { $0.pattern != nil })
  }

  func testTheSVGDrawsFillThenPatternWithTheOutline() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let spec = try fixture.write("h.yaml", Self.spec)
    let out = fixture.directory.appendingPathComponent("out").path
    let result = try runVellum(["render", spec, "--out", out, "--format", "svg"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let svg = try String(contentsOfFile: out + "/h.svg", encoding: .utf8)
    // One pattern for all bars of one hatch, named by its content (so figures inlined in one page never share an id
    // for different patterns).
    let ids = svg.ranges(of: #/<pattern id="(pattern-[0-9a-f]{12})" patternUnits="userSpaceOnUse"/#)
    XCTAssertEqual(ids.count, 1)
    let id = try XCTUnwrap(svg.firstMatch(of: #/<pattern id="(pattern-[0-9a-f]{12})"/#)?.1)
    XCTAssertTrue(svg.contains("fill=\"url(#\(id))\" stroke=\"#ff7f0e\""))
  }

  func testBadHatchCharactersAreLocated() throws {
    let error = SpecFixture.error(Self.spec.replacingOccurrences(of: "'//'", with: "'/q'"))
    XCTAssertEqual(error?.location?.line, 5)
    XCTAssertTrue(error?.message.contains("'q' is not a hatch character") == true, "\(String(describing: error))")
  }
}
