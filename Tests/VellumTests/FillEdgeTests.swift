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
    let plain = try XCTUnwrap(try outline("band: {x: step, lower: step, upper: loss, color: C2}"))
    XCTAssertEqual(plain.paint.color.hex, "#2ca02c", "the fill's colour, as fill_between's edge")
  }
}
