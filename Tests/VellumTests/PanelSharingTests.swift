import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// `share_x: columns` and `share_y: rows` share a range within each column or row (matplotlib's sharex='col',
/// sharey='row'), and `hidden: true` keeps a grid cell empty: together, a joint plot.
final class PanelSharingTests: XCTestCase {
  private static let csv = "a,b\n1,10\n2,30\n3,20\n40,5\n"

  private static func spec(_ panels: String, corner: String = "{hidden: true, layers: []}") -> String {
    """
    size: [5in, 4in]
    data: {d: data.csv}
    panels: {rows: 2, columns: 2, \(panels)}
    axes:
      - layers: [{histogram: {x: a, bins: 4}}]
      - \(corner)
      - layers: [{scatter: {x: a, y: b}}]
      - layers: [{histogram: {x: b, bins: 4, horizontal: true}}]
    """
  }

  private func limits(_ scene: Scene, _ index: Int) throws -> (x: [Double], y: [Double]) {
    let mapping = try XCTUnwrap(scene.groups(role: "axes-\(index)").first?.mapping, "axes-\(index)")
    return ([mapping.x.low, mapping.x.high], [mapping.y.low, mapping.y.high])
  }

  func testColumnsShareXAndRowsShareY() throws {
    let scene = try SpecFixture.scene(Self.spec("share_x: columns, share_y: rows"), csv: Self.csv).scene
    let (top, scatter, right) = (try limits(scene, 0), try limits(scene, 2), try limits(scene, 3))
    XCTAssertEqual(top.x, scatter.x, "the left column shares x")
    XCTAssertEqual(right.y, scatter.y, "the bottom row shares y")
    XCTAssertNotEqual(top.y, scatter.y, "columns do not share y")
    XCTAssertNotEqual(right.x, scatter.x, "rows do not share x")
    // Inner tick labels hide: the top panel shows no x tick labels, the right panel no y tick labels.
    XCTAssertTrue(scene.groups(role: "axes-0")[0].groups(role: "axis-x").flatMap(\.texts).isEmpty)
    XCTAssertTrue(scene.groups(role: "axes-3")[0].groups(role: "axis-y").flatMap(\.texts).isEmpty)
    XCTAssertFalse(scene.groups(role: "axes-3")[0].groups(role: "axis-x").flatMap(\.texts).isEmpty)
    // The hidden corner draws nothing.
    XCTAssertEqual(scene.groups(role: "axes-1")[0].children.count, 0)
  }

  func testTrueStillSharesEveryPanel() throws {
    let scene = try SpecFixture.scene(
      Self.spec("share_x: true", corner: "{layers: [{scatter: {x: a, y: b}}]}"), csv: Self.csv
    ).scene
    let xs = try (0..<4).map { try limits(scene, $0).x }
    XCTAssertTrue(xs.allSatisfy { $0 == xs[0] }, "\(xs)")
  }

  /// matplotlib's `set_ylim` on one of several shared axes sets them all: limits on one panel hold for its group.
  func testLimitsOnOnePanelHoldForItsGroup() throws {
    let spec = """
      size: [6in, 3in]
      data: {d: data.csv}
      panels: {columns: 2, share_y: rows}
      axes:
        - y: {limits: [0, 100]}
          layers: [{scatter: {x: a, y: b}}]
        - layers: [{scatter: {x: b, y: a}}]
      """
    let scene = try SpecFixture.scene(spec, csv: Self.csv).scene
    XCTAssertEqual(try limits(scene, 0).y, [0, 100])
    XCTAssertEqual(try limits(scene, 1).y, [0, 100])
  }

  func testMatplotlibsSpellingAndAHiddenPanelWithLayersAreLocated() {
    let col = SpecFixture.error(Self.spec("share_x: col"), csv: Self.csv)
    XCTAssertEqual(col?.location?.line, 3)
    XCTAssertTrue(col?.message.contains("write columns for matplotlib's 'col'") == true, "\(String(describing: col))")
    let hidden = SpecFixture.error(
      Self.spec("share_x: columns", corner: "{hidden: true, layers: [{scatter: {x: a, y: b}}]}"), csv: Self.csv)
    XCTAssertEqual(hidden?.location?.line, 6)
    XCTAssertTrue(hidden?.message.contains("a hidden panel draws nothing") == true, "\(String(describing: hidden))")
  }
}
