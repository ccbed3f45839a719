import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// `stem`: one line per row from the baseline value to the row's value, a marker at each head, and the baseline from
/// the first position to the last under them, as matplotlib's stem; horizontal stems run along x.
final class StemMarkTests: XCTestCase {
  private static let csv = "step,loss\n1,0.5\n2,-0.25\n4,1\n"

  private func stems(_ layer: String) throws -> (paths: [PathNode], plot: Rect, scene: Scene) {
    let (scene, _) = try SpecFixture.scene(
      "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  x: {limits: [0, 5]}\n  y: {limits: [-1, 2]}\n  layers:\n"
        + "    - \(layer)\n", csv: Self.csv)
    let group = try XCTUnwrap(scene.groups(prefix: "stem-").first)
    let plot = try XCTUnwrap(scene.groups(role: "axes-0").first?.clipRect)
    return (group.paths, plot, scene)
  }

  func testStemsRiseFromTheBaselineToEachValue() throws {
    let (paths, plot, _) = try stems("stem: {x: step, y: loss, bottom: 0.5}")
    func x(_ value: Double) -> Double { plot.minX + value / 5 * plot.width }
    func y(_ value: Double) -> Double { plot.maxY - (value + 1) / 3 * plot.height }
    // The baseline (C3, #d62728) first, from the first position to the last at the bottom value.
    XCTAssertEqual(paths[0].stroke?.paint.color.hex, "#d62728")
    XCTAssertEqual(paths[0].points.map(\.x), [x(1), x(4)], accuracy: 0.01)
    XCTAssertEqual(paths[0].points[0].y, y(0.5), accuracy: 0.01)
    // Then the stems, each from the baseline value to its own.
    let stems = paths[1].points
    XCTAssertEqual(stems.count, 6)
    XCTAssertEqual(stems.map(\.y), [y(0.5), y(0.5), y(0.5), y(-0.25), y(0.5), y(1)], accuracy: 0.01)
    XCTAssertEqual(stems.map(\.x), [x(1), x(1), x(2), x(2), x(4), x(4)], accuracy: 0.01)
    // Then the markers at the heads, which share one path.
    XCTAssertEqual(paths.count, 3)
    XCTAssertNotNil(paths[2].fill)
  }

  func testHorizontalStemsAndNoMarkersNoBaseline() throws {
    let (paths, _, _) = try stems("stem: {x: step, y: loss, horizontal: true, marker: false, baseline: none}")
    XCTAssertEqual(paths.count, 1, "only the stems")
    let stems = paths[0].points
    // Horizontal: each stem keeps one page y (its position) and runs along x.
    XCTAssertEqual(stems[0].y, stems[1].y, accuracy: 1e-9)
    XCTAssertNotEqual(stems[0].x, stems[1].x)
  }
}

private func XCTAssertEqual(
  _ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line
) {
  XCTAssertEqual(a.count, b.count, file: file, line: line)
  for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
