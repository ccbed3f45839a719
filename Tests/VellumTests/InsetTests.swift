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

  private func scene(_ spec: String) throws -> Scene {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", csv)
    return try FigureRenderer().scene(specPath: try fixture.write("figure.yaml", spec))
  }

  private func error(_ spec: String) throws -> VellumError {
    do { _ = try scene(spec) } catch let error as VellumError { return error }
    XCTFail("expected an error")
    return VellumError(.io, "none")
  }

  private func group(_ node: SceneNode, role: String) -> Group? {
    switch node {
    case .group(let group):
      if group.role == role { return group }
      return group.children.lazy.compactMap { self.group($0, role: role) }.first
    case .clip(let clip): return clip.children.lazy.compactMap { self.group($0, role: role) }.first
    default: return nil
    }
  }

  private func clip(_ group: Group) -> Rect? {
    group.children.lazy.compactMap { if case .clip(let clip) = $0 { return clip.rect } else { return nil } }.first
  }

  private func points(_ path: PathNode) -> [Point] {
    path.segments.compactMap {
      switch $0 {
      case .move(let p), .line(let p): return p
      default: return nil
      }
    }
  }

  func testInsetSitsAtItsFractionsWithItsOwnLimits() throws {
    let scene = try scene(Self.spec)
    let axes = group(
      scene.nodes.last { if case .group(let g) = $0 { g.role == "axes-0" } else { false } }!, role: "axes-0")!
    let inset = group(.group(axes), role: "inset-0")!
    let parent = clip(axes)!
    let box = clip(inset)!
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
      guard let series = group(.group(container), role: role), case .path(let path) = series.children[0] else {
        return nil
      }
      return path.stroke?.paint.color.hex
    }
    XCTAssertEqual(color(inset, "series-value-b"), "#ff7f0e")
    XCTAssertEqual(color(axes, "series-value-b"), "#ff7f0e")
    // No legend in the inset unless asked.
    XCTAssertNil(group(.group(inset), role: "legend"))
  }

  func testZoomIndicatorJoinsTheCornersThatDoNotCross() throws {
    let scene = try scene(Self.spec)
    let axes = scene.nodes.compactMap { node -> Group? in
      if case .group(let g) = node, g.role == "axes-0" { return g } else { return nil }
    }[0]
    let parent = clip(axes)!
    let inset = clip(group(.group(axes), role: "inset-0")!)!
    let zoom = group(.group(axes), role: "inset-zoom")!
    guard case .path(let rect) = zoom.children[0], case .path(let lines) = zoom.children[1] else {
      return XCTFail("expected a rectangle and connectors")
    }
    // The rectangle covers x, y in 8…10: the parent's upper-right fifth.
    let corners = points(rect)
    XCTAssertEqual(corners.map(\.x).min()!, parent.minX + 0.8 * parent.width, accuracy: 1e-9)
    XCTAssertEqual(corners.map(\.y).min()!, parent.minY, accuracy: 1e-9)
    XCTAssertEqual(rect.stroke?.paint.opacity, 0.5)
    XCTAssertEqual(rect.stroke?.paint.color.hex, "#808080")
    // The inset is lower left of the rectangle: matplotlib keeps the upper-left and lower-right connectors.
    let ends = points(lines)
    XCTAssertEqual(ends.count, 4)
    XCTAssertEqual(ends[0].x, inset.minX, accuracy: 1e-9)
    XCTAssertEqual(ends[0].y, inset.minY, accuracy: 1e-9)
    XCTAssertEqual(ends[1].x, parent.minX + 0.8 * parent.width, accuracy: 1e-9)
    XCTAssertEqual(ends[2].x, inset.maxX, accuracy: 1e-9)
    XCTAssertEqual(ends[2].y, inset.maxY, accuracy: 1e-9)
    XCTAssertEqual(ends[3].x, parent.maxX, accuracy: 1e-9)
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
