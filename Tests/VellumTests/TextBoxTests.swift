import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// `box` on a text: matplotlib's `bbox`, padded by `pad` font sizes around the text, rounded or square, filled and
/// outlined with one alpha, drawn under the text; an arrow leaves from the box's edge.
final class TextBoxTests: XCTestCase {
  private static let spec = """
    size: [4, 3]
    axes:
      x: {limits: [0, 10]}
      y: {limits: [0, 10]}
      layers:
        - text: {id: note, text: 'ECE', x: 5, y: 5, size: 10, box: {fill: '#f5deb3', edge: black, width: 2, alpha: 0.5, pad: 0.5}}
    """

  /// The x and y extremes of a path's points.
  private func bounds(_ path: PathNode) -> Rect {
    let points = path.segments.flatMap { segment -> [Point] in
      switch segment {
      case .move(let p), .line(let p): return [p]
      case .cubic(let a, let b, let c): return [a, b, c]
      case .close: return []
      }
    }
    let xs = points.map(\.x)
    let ys = points.map(\.y)
    return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
  }

  func testABoxSurroundsTheTextByItsPad() throws {
    let scene = try SpecFixture.scene(Self.spec).scene
    let overlay = try XCTUnwrap(scene.groups(role: "annotations").first)
    let paths = overlay.paths
    let texts = overlay.texts
    XCTAssertEqual(paths.count, 1)
    XCTAssertEqual(texts.count, 1)
    // The box comes before (under) the text.
    let order = overlay.children.map { node -> String in
      if case .path = node { return "box" }
      if case .text = node { return "text" }
      return "other"
    }
    XCTAssertEqual(order, ["box", "text"])
    let box = paths[0]
    XCTAssertEqual(box.fill?.color.hex, "#f5deb3")
    XCTAssertEqual(box.fill?.opacity ?? 0, 0.5, accuracy: 1e-9)
    XCTAssertEqual(box.stroke?.paint.opacity ?? 0, 0.5, accuracy: 1e-9)
    XCTAssertEqual(box.stroke?.width ?? 0, 2, accuracy: 1e-9)
    // Rounded corners are curves; the box is the text's extent plus 0.5 × 10 pt on every side.
    XCTAssertTrue(box.segments.contains { if case .cubic = $0 { return true } else { return false } })
    let outer = bounds(box)
    XCTAssertGreaterThan(outer.width, 10, "wider than the pads alone")
    let square = try SpecFixture.scene(
      Self.spec.replacingOccurrences(of: "pad: 0.5}", with: "pad: 0.5, style: square}")
    )
    .scene
    let squareBox = try XCTUnwrap(square.groups(role: "annotations").first?.paths.first)
    XCTAssertFalse(squareBox.segments.contains { if case .cubic = $0 { return true } else { return false } })
    XCTAssertEqual(bounds(squareBox).width, outer.width, accuracy: 1e-6, "the same extent, square corners")
    XCTAssertEqual(bounds(squareBox).height, outer.height, accuracy: 1e-6)
  }

  func testBoxTrueDrawsMatplotlibsDefaultsAndBadBoxesAreLocated() throws {
    let plain = Self.spec.replacingOccurrences(
      of: "box: {fill: '#f5deb3', edge: black, width: 2, alpha: 0.5, pad: 0.5}", with: "box: true")
    let box = try XCTUnwrap(SpecFixture.scene(plain).scene.groups(role: "annotations").first?.paths.first)
    XCTAssertEqual(box.fill?.color.hex, "#ffffff")
    XCTAssertEqual(box.stroke?.paint.color.hex, "#000000")
    XCTAssertEqual(box.stroke?.width ?? 0, 1, accuracy: 1e-9)
    let bad = try XCTUnwrap(SpecFixture.error(plain.replacingOccurrences(of: "box: true", with: "box: {styel: round}")))
    XCTAssertTrue(bad.description.contains("figure.yaml:6:"), bad.description)
    XCTAssertTrue(bad.description.contains("did you mean 'style'"), bad.description)
  }
}
