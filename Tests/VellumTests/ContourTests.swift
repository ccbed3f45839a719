import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

@testable import VellumLayout
@testable import VellumSpec

/// `contour` and `contourf` against matplotlib on 24 committed grids (Tests/Reference/contours.json, from
/// scripts/reference_contours.py): the levels matplotlib chooses for both, and per line level the number of lines
/// and vertices; filled bands cover the grid once.
final class ContourTests: XCTestCase {
  private struct Reference: Decodable {
    struct Case: Decodable {
      struct Level: Decodable {
        var lines: Int
        var vertices: Int
      }
      var name: String
      var levels: Int
      var x: [Double]
      var y: [Double]
      var z: [[Double]]
      var line_levels: [Double]
      var filled_levels: [Double]
      var per_level: [Level]
    }
    var cases: [Case]
  }

  private func reference() throws -> [Reference.Case] {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/contours.json")
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url)).cases
  }

  private func mark(_ kind: String, levels: Int) throws -> ContourMark {
    let spec = "data: {g: g.csv}\naxes:\n  layers:\n    - \(kind): {x: a, y: b, value: v, levels: \(levels)}\n"
    let figure = try Figure(text: spec, name: "t.yaml")
    return try XCTUnwrap(figure.spec.axes[0].layers[0].body as? ContourMark)
  }

  private func grid(_ item: Reference.Case) throws -> ContourGrid {
    var (xs, ys, zs): ([Double], [Double], [Double]) = ([], [], [])
    for (j, row) in item.z.enumerated() {
      for (i, value) in row.enumerated() {
        xs.append(item.x[i])
        ys.append(item.y[j])
        zs.append(value)
      }
    }
    return try ContourGrid(x: xs, y: ys, values: zs, at: nil)
  }

  func testLevelsLinesAndVerticesMatchMatplotlib() throws {
    let cases = try reference()
    XCTAssertGreaterThanOrEqual(cases.count, 20)
    var checkedLevels = 0
    for item in cases {
      let grid = try grid(item)
      let lines = try mark("contour", levels: item.levels)
      let filled = try mark("contourf", levels: item.levels)
      let lineLevels = try lines.chosenLevels(grid)
      let filledLevels = try filled.chosenLevels(grid)
      XCTAssertEqual(lineLevels.count, item.line_levels.count, "\(item.name) line levels")
      XCTAssertEqual(filledLevels.count, item.filled_levels.count, "\(item.name) filled levels")
      for (a, e) in zip(lineLevels + filledLevels, item.line_levels + item.filled_levels) {
        XCTAssertEqual(a, e, accuracy: 1e-9 * max(1, abs(e)), item.name)
      }
      for (level, expected) in zip(lineLevels, item.per_level) {
        let paths = grid.lines(at: level)
        // matplotlib lists one empty line at a level that crosses nothing.
        XCTAssertEqual(paths.count, expected.vertices == 0 ? 0 : expected.lines, "\(item.name) at \(level): lines")
        XCTAssertEqual(paths.map(\.count).reduce(0, +), expected.vertices, "\(item.name) at \(level): vertices")
        checkedLevels += 1
      }
    }
    XCTAssertGreaterThan(checkedLevels, 100)
  }

  func testFilledBandsCoverTheGridOnce() throws {
    for item in try reference() {
      let grid = try grid(item)
      let levels = try mark("contourf", levels: item.levels).chosenLevels(grid)
      var area = 0.0
      for band in grid.bands(levels) {
        for polygon in band {
          // Shoelace; every polygon runs the same way round.
          area +=
            zip(polygon, polygon.dropFirst() + [polygon[0]]).reduce(0) { $0 + $1.0.x * $1.1.y - $1.1.x * $1.0.y }
            / 2
        }
      }
      let whole = (item.x.last! - item.x.first!) * (item.y.last! - item.y.first!)
      XCTAssertEqual(area, whole, accuracy: whole * 1e-9, item.name)
    }
  }

  /// A contourf's colorbar ticks at its levels, thinned to at most ten as matplotlib's FixedLocator(nbins=10)
  /// thins them, keeping the run that comes closest to zero.
  func testColorbarTicksAtTheLevels() {
    // Values from matplotlib: FixedLocator(levels, nbins=10).tick_values(0, 1).
    let levels = (0...14).map { (Double($0) * 4).rounded() / 10 }
    XCTAssertEqual(ColorbarGuide.fixedTicks(levels), [0, 0.8, 1.6, 2.4, 3.2, 4, 4.8, 5.6])
    XCTAssertEqual(ColorbarGuide.fixedTicks([-3, -2, -1, 0, 1]), [-3, -2, -1, 0, 1])
    XCTAssertEqual(ColorbarGuide.fixedTicks((-11...10).map(Double.init)), [-9, -6, -3, 0, 3, 6, 9])
  }

  func testScatteredPointsWarnAndTooFewLevelsAreLocatedErrors() throws {
    let scattered = (0..<50).map { "\($0),\(Double($0) * 1.5),\($0 % 7)" }.joined(separator: "\n")
    let (_, warnings) = try SpecFixture.scene(
      "data: {g: data.csv}\naxes:\n  layers:\n    - contour: {x: a, y: b, value: v}\n", csv: "a,b,v\n" + scattered)
    XCTAssertTrue(warnings.contains { $0.message.contains("50 of its 2500 points") }, "\(warnings)")
    XCTAssertNotNil(
      SpecFixture.error(
        "data: {g: data.csv}\naxes:\n  layers:\n    - contourf: {x: a, y: b, value: v, levels: [1]}\n",
        csv: "a,b,v\n0,0,1\n1,0,2\n0,1,3\n1,1,4\n"))
  }
}
