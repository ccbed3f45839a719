import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// `labels` on contour lines (matplotlib's clabel): one label per line long enough for it, turned along the line and
/// never upside down, the line broken under it, labels kept apart.
final class ContourLabelTests: XCTestCase {
  /// z = x² + y² on a 41 × 41 grid over [-2, 2]²: closed circles at every level.
  private static let bowl: String = {
    var rows = ["x,y,z"]
    for j in 0...40 {
      for i in 0...40 {
        let (x, y) = (-2 + Double(i) * 0.1, -2 + Double(j) * 0.1)
        rows.append("\(x),\(y),\(x * x + y * y)")
      }
    }
    return rows.joined(separator: "\n") + "\n"
  }()

  private func scene(_ labels: String, levels: String = "[0.5, 1, 2, 3]") throws -> Scene {
    let spec = """
      size: [4in, 4in]
      data: {d: data.csv}
      axes:
        layers:
          - contour: {x: x, y: y, value: z, levels: \(levels), color: black, labels: \(labels)}
      """
    return try SpecFixture.scene(spec, csv: Self.bowl).scene
  }

  private func lines(_ scene: Scene) throws -> (paths: [PathNode], texts: [TextNode]) {
    let group = try XCTUnwrap(scene.groups(prefix: "contour-").first)
    return (group.paths, group.texts)
  }

  /// The start and end of each drawn polyline.
  private func pieces(_ path: PathNode) -> [(Point, Point)] {
    var result: [(Point, Point)] = []
    var start: Point?
    var last: Point?
    for segment in path.segments {
      switch segment {
      case .move(let p):
        if let s = start, let l = last { result.append((s, l)) }
        (start, last) = (p, p)
      case .line(let p): last = p
      default: break
      }
    }
    if let s = start, let l = last { result.append((s, l)) }
    return result
  }

  func testEachCircleGetsOneUprightLabelAndIsBrokenUnderIt() throws {
    let (paths, texts) = try lines(scene("{size: 8}"))
    XCTAssertEqual(texts.map(\.plainText).sorted(), ["0.5", "1.0", "2.0", "3.0"])
    XCTAssertTrue(texts.allSatisfy { abs($0.rotation) <= 90 }, "\(texts.map(\.rotation))")
    XCTAssertTrue(texts.allSatisfy { $0.runs[0].font.size == 8 })
    // Each closed circle is opened at its label: one piece whose ends lie a label's width plus 3.6 pt either side
    // apart (the chord is a little shorter than the arc).
    XCTAssertEqual(paths.count, 4)
    for path in paths {
      let ends = pieces(path)
      XCTAssertEqual(ends.count, 1)
      let gap = hypot(ends[0].0.x - ends[0].1.x, ends[0].0.y - ends[0].1.y)
      XCTAssertGreaterThan(gap, 7.2)
      XCTAssertLessThan(gap, 30)
    }
  }

  func testLabelsKeepApartFormatAndInlineFalseKeepsTheLinesWhole() throws {
    let (paths, texts) = try lines(scene("{format: '%.2f', inline: false, color: C3}"))
    XCTAssertEqual(texts.map(\.plainText).sorted(), ["0.50", "1.00", "2.00", "3.00"])
    XCTAssertTrue(texts.allSatisfy { $0.paint.color.hex == "#d62728" })
    for path in paths {
      let ends = pieces(path)
      XCTAssertEqual(ends.count, 1)
      XCTAssertEqual(ends[0].0.x, ends[0].1.x, accuracy: 1e-9, "a whole circle closes on itself")
    }
    // Labels on neighbouring circles are not stacked on one another.
    let origins = texts.map(\.origin)
    for a in origins.indices {
      for b in origins.indices where b > a {
        XCTAssertGreaterThan(hypot(origins[a].x - origins[b].x, origins[a].y - origins[b].y), 10)
      }
    }
  }

  func testALineTooShortForItsLabelIsLeftUnlabelled() throws {
    // Level 0.01: a circle of radius 0.1 (a few points across), shorter than its label.
    let (_, texts) = try lines(scene("{size: 10}", levels: "[0.01, 2]"))
    XCTAssertEqual(texts.map(\.plainText), ["2.00"])
  }

  func testABadLabelFormatIsLocated() {
    let spec = """
      size: [4in, 4in]
      data: {d: data.csv}
      axes:
        layers:
          - contour: {x: x, y: y, value: z, labels: {format: 'q'}}
      """
    let error = SpecFixture.error(spec, csv: Self.bowl)
    XCTAssertEqual(error?.location?.line, 5)
    XCTAssertTrue(error?.message.contains("contour labels take") == true, "\(String(describing: error))")
  }
}
