import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// `colors:` on one panel pins values to colours there alone (matplotlib users colour each axes by hand); the other
/// panels keep the figure's scale, and the pinning panel's other values take the colours its pins leave.
final class PanelColorPinTests: XCTestCase {
  private static let csv = "method,step,loss\nbaseline,0,1\nbaseline,1,0.8\nours,0,0.9\nours,1,0.5\n"

  private func strokes(_ scene: Scene, panel: Int) -> [String: String] {
    var colors: [String: String] = [:]
    for group in scene.groups(role: "axes-\(panel)").flatMap({ $0.groups(prefix: "series-") }) {
      colors[String(group.role.split(separator: "-").last!)] = group.paths.first?.stroke?.paint.color.hex
    }
    return colors
  }

  func testPinsHoldInTheirPanelOnly() throws {
    let spec = """
      size: [6in, 3in]
      data: {d: data.csv}
      panels: {columns: 2}
      axes:
        - layers: [{line: {x: step, y: loss, group: method}}]
        - colors: {ours: C3}
          layers: [{line: {x: step, y: loss, group: method}}]
      """
    let scene = try SpecFixture.scene(spec, csv: Self.csv).scene
    XCTAssertEqual(strokes(scene, panel: 0), ["baseline": "#1f77b4", "ours": "#ff7f0e"])
    XCTAssertEqual(strokes(scene, panel: 1), ["baseline": "#1f77b4", "ours": "#d62728"])
  }

  func testAPinNamesAColour() {
    let spec = """
      data: {d: data.csv}
      axes:
        colors: {ours: notacolour}
        layers: [{line: {x: step, y: loss, group: method}}]
      """
    XCTAssertThrowsError(try SpecFixture.scene(spec, csv: Self.csv)) { error in
      XCTAssertTrue("\(error)".contains("figure.yaml:3:"), "\(error)")
    }
  }
}
