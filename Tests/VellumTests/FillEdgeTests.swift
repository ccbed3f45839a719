import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// `edge` on area and band: the outline in its own colour (stackplot's white separators), 1 pt when only the
/// colour is given on an area, the fill's colour without one.
final class FillEdgeTests: XCTestCase {
  private func outline(_ layer: String) throws -> Stroke? {
    let (scene, _) = try SpecFixture.scene(
      "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  layers:\n    - \(layer)\n")
    let group = try XCTUnwrap(scene.groups(prefix: layer.hasPrefix("area") ? "area-" : "band-").first)
    return try XCTUnwrap(group.paths.first).stroke
  }

  func testAreaAndBandOutlinesTakeTheEdgeColour() throws {
    let area = try XCTUnwrap(try outline("area: {x: step, y: loss, edge: white}"))
    XCTAssertEqual(area.paint.color.hex, "#ffffff")
    XCTAssertEqual(area.width, 1)
    XCTAssertNil(try outline("area: {x: step, y: loss}"), "no outline by default")
    let band = try XCTUnwrap(try outline("band: {x: step, lower: step, upper: loss, edge: black, edge_width: 2}"))
    XCTAssertEqual(band.paint.color.hex, "#000000")
    XCTAssertEqual(band.width, 2)
    XCTAssertNil(
      try outline("band: {x: step, lower: step, upper: loss, color: C2}"),
      "no outline by default, as matplotlib 3.11's fill_between (its edge colour is empty)")
    let widthOnly = try XCTUnwrap(try outline("band: {x: step, lower: step, upper: loss, color: C2, edge_width: 1}"))
    XCTAssertEqual(widthOnly.paint.color.hex, "#2ca02c", "a width alone strokes in the fill's colour")
  }

  /// `stacked: true` fills each group from the top of the ones before it (matplotlib's stackplot), the y axis
  /// starting at the baseline.
  func testStackedAreasFillFromTheGroupsBelow() throws {
    let csv = "x,g,v\n0,a,1\n1,a,2\n0,b,3\n1,b,1\n"
    let (scene, _) = try SpecFixture.scene(
      "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  layers:\n    - area: {x: x, y: v, group: g, stacked: true}\n",
      csv: csv)
    let groups = scene.groups(prefix: "area-")
    XCTAssertEqual(groups.count, 2)
    let a = try XCTUnwrap(groups[0].paths.first).points
    let b = try XCTUnwrap(groups[1].paths.first).points
    // b's bottom edge (its last two points, reversed) is a's top edge (its first two).
    XCTAssertEqual(b[2].y, a[1].y, accuracy: 1e-9)
    XCTAssertEqual(b[3].y, a[0].y, accuracy: 1e-9)
    let mapping = try XCTUnwrap(scene.groups(role: "axes-0").first?.mapping)
    XCTAssertEqual(mapping.y.low, 0, "the y axis starts at the baseline, as stackplot's")
    XCTAssertEqual(mapping.y.high, 4 * 1.05, accuracy: 1e-9, "the stack's top (3 + 1) with a 5 % margin")
  }
}
