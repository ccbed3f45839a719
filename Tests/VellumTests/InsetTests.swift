import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

/// Inset axes: placement in the parent's axes fractions, their own limits and layers, and the zoom indicator.
final class InsetTests: XCTestCase {
  private let csv = "step,value,run\n0,0,a\n10,10,a\n0,1,b\n10,9,b\n"

  private static let spec = """
    size: [4in, 3in]
    data:
      runs: data.csv
    axes:
      x: {limits: [0, 10]}
      y: {limits: [0, 10]}
      layers:
        - line: {x: step, y: value, group: run}
      insets:
        - position: [0.1, 0.1, 0.4, 0.3]
          x: {limits: [8, 10]}
          y: {limits: [8, 10]}
          zoom: true
          layers:
            - line: {x: step, y: value, group: run}
    """

  private func scene(_ spec: String) throws -> Scene { try SpecFixture.scene(spec, csv: csv).scene }

  private func error(_ spec: String) throws -> VellumError {
    try XCTUnwrap(SpecFixture.error(spec, csv: csv), "expected an error")
  }

  func testInsetSitsAtItsFractionsWithItsOwnLimits() throws {
    let scene = try scene(Self.spec)
    let axes = scene.groups(role: "axes-0")[0]
    let inset = axes.groups(role: "inset-0")[0]
    let parent = try XCTUnwrap(axes.clipRect)
    let box = try XCTUnwrap(inset.clipRect)
    XCTAssertEqual(box.minX, parent.minX + 0.1 * parent.width, accuracy: 1e-9)
    XCTAssertEqual(box.maxY, parent.maxY - 0.1 * parent.height, accuracy: 1e-9)
    XCTAssertEqual(box.width, 0.4 * parent.width, accuracy: 1e-9)
    XCTAssertEqual(box.height, 0.3 * parent.height, accuracy: 1e-9)
    // A white patch hides the parent's lines under the inset.
    guard case .path(let background) = inset.children[0] else { return XCTFail("no background") }
    XCTAssertEqual(background.fill?.color, .white)
    // Its own mapping: x 8…10 across the inset.
    XCTAssertEqual(inset.mapping?.x.low, 8)
    XCTAssertEqual(inset.mapping?.x.high, 10)
    // Group colours follow the figure's scale: run b is C1 in both.
    func color(_ container: Group, _ role: String) -> String? {
      container.groups(role: role).first?.paths.first?.stroke?.paint.color.hex
    }
    XCTAssertEqual(color(inset, "series-value-b"), "#ff7f0e")
    XCTAssertEqual(color(axes, "series-value-b"), "#ff7f0e")
    // No legend in the inset unless asked.
    XCTAssertEqual(inset.groups(role: "legend").count, 0)
  }

  func testZoomIndicatorJoinsTheCornersThatDoNotCross() throws {
    let scene = try scene(Self.spec)
    let axes = scene.groups(role: "axes-0")[0]
    let parent = try XCTUnwrap(axes.clipRect)
    let inset = try XCTUnwrap(axes.groups(role: "inset-0")[0].clipRect)
    let zoom = axes.groups(role: "inset-zoom")[0]
    XCTAssertEqual(zoom.paths.count, 2, "a rectangle and the connectors")
    let (rect, lines) = (zoom.paths[0], zoom.paths[1])
    // The rectangle covers x, y in 8…10: the parent's upper-right fifth.
    let corners = rect.points
    XCTAssertEqual(corners.map(\.x).min()!, parent.minX + 0.8 * parent.width, accuracy: 1e-9)
    XCTAssertEqual(corners.map(\.y).min()!, parent.minY, accuracy: 1e-9)
    XCTAssertEqual(rect.stroke?.paint.opacity, 0.5)
    XCTAssertEqual(rect.stroke?.paint.color.hex, "#808080")
    // The inset is lower left of the rectangle: matplotlib keeps the upper-left and lower-right connectors.
    let ends = lines.points
    XCTAssertEqual(ends.count, 4)
    XCTAssertEqual(ends[0].x, inset.minX, accuracy: 1e-9)
    XCTAssertEqual(ends[0].y, inset.minY, accuracy: 1e-9)
    XCTAssertEqual(ends[1].x, parent.minX + 0.8 * parent.width, accuracy: 1e-9)
    XCTAssertEqual(ends[2].x, inset.maxX, accuracy: 1e-9)
    XCTAssertEqual(ends[2].y, inset.maxY, accuracy: 1e-9)
    XCTAssertEqual(ends[3].x, parent.maxX, accuracy: 1e-9)
  }

  /// An inset whose own linear y range reaches below zero over a log parent: the rectangle runs down to the
  /// parent's bottom edge (its zero corner collapsed to the canvas top before).
  func testZoomOverALogParentStopsAtItsBottomEdge() throws {
    let spec = Self.spec.replacingOccurrences(of: "  y: {limits: [0, 10]}", with: "  y: {scale: log}")
      .replacingOccurrences(of: "      y: {limits: [8, 10]}\n", with: "      y: {limits: [-1, 10]}\n")
    let scene = try scene(spec.replacingOccurrences(of: "0,0,a", with: "0,0.5,a"))
    let axes = scene.groups(role: "axes-0")[0]
    let parent = try XCTUnwrap(axes.clipRect)
    let rect = axes.groups(role: "inset-zoom")[0].paths[0].points
    XCTAssertEqual(rect.map(\.y).max()!, parent.maxY, accuracy: 1e-9)
    XCTAssertGreaterThan(rect.map(\.y).max()! - rect.map(\.y).min()!, 10)
  }

  func testBadInsetsAreLocatedErrors() throws {
    let outside = try error(Self.spec.replacingOccurrences(of: "[0.1, 0.1, 0.4, 0.3]", with: "[0.8, 0.1, 0.4, 0.3]"))
    XCTAssertTrue(outside.message.contains("reaches outside its parent axes"), outside.message)
    XCTAssertEqual(outside.location?.line, 10)
    let short = try error(Self.spec.replacingOccurrences(of: "[0.1, 0.1, 0.4, 0.3]", with: "[0.1, 0.1, 0.4]"))
    XCTAssertTrue(short.message.contains("found 3 values"), short.message)
    let nested = try error(Self.spec.replacingOccurrences(of: "      zoom: true\n", with: "      insets: []\n"))
    XCTAssertTrue(nested.message.contains("unknown key 'insets' in inset"), nested.message)
    let missing = try error(
      Self.spec.replacingOccurrences(of: "    - position: [0.1, 0.1, 0.4, 0.3]\n      x:", with: "    - x:"))
    XCTAssertTrue(missing.message.contains("position"), missing.message)
  }
}
