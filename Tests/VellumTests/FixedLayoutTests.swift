import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// `layout: fixed` and `subplots`: plots at figure fractions as matplotlib without a layout engine; text that does
/// not fit is a warning, not an error; contradictory settings are located errors.
final class FixedLayoutTests: XCTestCase {
  private static func spec(_ top: String, y: String = "{label: Loss}") -> String {
    """
    size: [4in, 3in]
    data: {d: data.csv}
    \(top)
    axes:
      y: \(y)
      layers:
        - line: {x: step, y: loss}
    """
  }

  func testSubplotsPlaceThePlotAndImplyAFixedLayout() throws {
    let scene = try SpecFixture.scene(Self.spec("subplots: {left: 0.2, right: 0.95, bottom: 0.25, top: 0.9}")).scene
    let plot = try XCTUnwrap(scene.groups(role: "axes-0").first?.clipRect)
    XCTAssertEqual(plot.minX, 0.2 * 288, accuracy: 1e-9)
    XCTAssertEqual(plot.maxX, 0.95 * 288, accuracy: 1e-9)
    XCTAssertEqual(plot.minY, 0.1 * 216, accuracy: 1e-9)
    XCTAssertEqual(plot.maxY, 0.75 * 216, accuracy: 1e-9)
  }

  func testTextPastTheCanvasIsAWarningInAFixedLayout() throws {
    let wide =
      "{label: 'A very long axis label that will not fit at all', ticks: {values: [0.25, 1], labels: "
      + "['a very long tick label indeed', 'another one']}}"
    let (scene, warnings) = try SpecFixture.scene(Self.spec("layout: fixed", y: wide))
    XCTAssertEqual(try XCTUnwrap(scene.groups(role: "axes-0").first?.clipRect).minX, 36, accuracy: 1e-9)
    XCTAssertTrue(warnings.contains { $0.message.contains("with layout: fixed and are cut off") }, "\(warnings)")
  }

  func testContradictionsAreLocated() {
    let tight = SpecFixture.error(Self.spec("layout: tight\nsubplots: {left: 0.2}"))
    XCTAssertEqual(tight?.location?.line, 4)
    XCTAssertTrue(tight?.message.contains("write layout: fixed") == true, "\(String(describing: tight))")
    let crossed = SpecFixture.error(Self.spec("subplots: {left: 0.9, right: 0.5}"))
    XCTAssertEqual(crossed?.location?.line, 3)
    XCTAssertTrue(crossed?.message.contains("must be less than right") == true, "\(String(describing: crossed))")
    let gaps = SpecFixture.error(Self.spec("layout: fixed\npanels: {wspace: 0.3}"))
    XCTAssertEqual(gaps?.location?.line, 4)
    XCTAssertTrue(gaps?.message.contains("subplots: {wspace, hspace}") == true, "\(String(describing: gaps))")
  }
}
