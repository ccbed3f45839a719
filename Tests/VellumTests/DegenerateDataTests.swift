import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

@testable import VellumLayout
@testable import VellumTypesetting

/// Data that is odd but valid draws a figure, as matplotlib would, with only finite numbers in the SVG.
final class DegenerateDataTests: XCTestCase {
  static let cases: [(name: String, columns: String, axes: String)] = [
    ("single point", "x: [1], y: [2]", ""),
    ("all-equal y", "x: [1, 2, 3], y: [5, 5, 5]", ""),
    ("all-equal x", "x: [3, 3, 3], y: [1, 2, 3]", ""),
    ("all zero", "x: [0, 0], y: [0, 0]", ""),
    ("NaN gap", "x: [1, 2, 3, 4], y: [1, .nan, 3, 4]", ""),
    ("all NaN", "x: [1, 2], y: [.nan, .nan]", ""),
    ("empty series", "x: [], y: []", ""),
    ("huge values", "x: [1, 2, 3], y: [1e200, -2e200, 3e200]", ""),
    ("tiny values", "x: [1, 2, 3], y: [1e-200, 2e-200, 3e-200]", ""),
    ("ticks closer than label precision", "x: [1, 2, 3], y: [1e9, 1.000000001e9, 1.000000002e9]", ""),
    ("log with non-positive points", "x: [1, 2, 3], y: [0, 1, 10]", "y: {scale: log}"),
    ("log over 400 decades", "x: [1, 2, 3], y: [1e-200, 2e-100, 3e200]", "y: {scale: log}"),
    ("symlog across zero", "x: [-1e10, 0, 1e-10, 1e10], y: [1, 2, 3, 4]", "x: {scale: symlog}"),
  ]

  func testDegenerateDataDraws() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    for (index, item) in Self.cases.enumerated() {
      let spec = """
        data: {d: {values: {\(item.columns)}}}
        axes:
          \(item.axes.isEmpty ? "title: t" : item.axes)
          layers:
            - line: {x: x, y: y, label: series}
            - scatter: {x: x, y: y}
            - band: {x: x, lower: y, upper: y}

        """
      let path = try fixture.write("case\(index).yaml", spec)
      do {
        let outputs = try FigureRenderer().render(specPath: path, formats: [.svg, .png])
        let svg = String(decoding: outputs[.svg]!, as: UTF8.self)
        XCTAssertFalse(svg.contains("nan") || svg.contains("inf"), "\(item.name): non-finite number in the SVG")
        try assertSafe(svg, item.name)
      } catch {
        XCTFail("\(item.name): \(error)")
      }
    }
  }

  /// Values far outside explicit limits (1e300 on a [0, 3] axis) are cut at the view, not printed.
  func testDataFarOutsideTheLimitsDraws() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let layers = [
      "{scatter: {x: x, y: y}}", "{line: {x: x, y: y, marker: o}}", "{line: {x: x, y: y, step: mid}}",
      "{band: {x: x, lower: y, upper: y2}}", "{area: {x: x, y: y}}", "{bar: {x: x, y: y, value_labels: true}}",
      "{errorbar: {x: x, y: y, yerr: y2}}", "{hline: {y: 1e300}}", "{text: {x: 1e300, y: 1, text: far}}",
      "{hspan: {y: [1, 1e300]}}", "{vspan: {x: [2, -1e300]}}",
    ]
    for layer in layers {
      let path = try fixture.write(
        "far.yaml",
        """
        data: {d: {values: {x: [0, 1, 2, 3, 1e300], y: [1, -1e300, 2, 1e300, 3], y2: [2, 3, 1e305, 4, 5]}}}
        axes: {x: {limits: [0, 3]}, y: {limits: [0, 4]}, layers: [\(layer)]}

        """)
      do {
        let svg = String(decoding: try FigureRenderer().render(specPath: path, formats: [.svg])[.svg]!, as: UTF8.self)
        let longest = svg.split(whereSeparator: { " ,\"MLZCHV\n".contains($0) }).map(\.count).max() ?? 0
        XCTAssertLessThan(longest, 40, "\(layer): an unprintably large coordinate")
        try assertSafe(svg, layer)
      } catch {
        XCTFail("\(layer): \(error)")
      }
    }
  }

  func testRangesBeyondDoublePrecisionAreRefusedByName() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    for values in ["[1e300, -1e300, 1.7e308]", "[1e-300, 2e-300, 5e-324]"] {
      let path = try fixture.write(
        "range.yaml", "data: {d: {values: {x: [1, 2, 3], y: \(values)}}}\naxes: {layers: [{line: {x: x, y: y}}]}\n")
      XCTAssertThrowsError(try FigureRenderer().render(specPath: path, formats: [.svg])) { error in
        XCTAssertTrue("\(error)".contains("set y.limits"), "\(error)")
      }
    }
  }

  func testAbsoluteDataPathsAreNotJoinedToTheSpecFolder() throws {
    let data = try SpecFixture()
    let spec = try SpecFixture()
    defer {
      data.remove()
      spec.remove()
    }
    let csv = try data.write("abs.csv", SpecFixture.csv)
    let path = try spec.write("abs.yaml", "data: {d: \(csv)}\naxes: {layers: [{line: {x: step, y: loss}}]}\n")
    XCTAssertNoThrow(try FigureRenderer().render(specPath: path, formats: [.svg]))
  }
}

/// Far-point clipping keeps the visible part of a segment exactly where it was.
final class FarPointClippingTests: XCTestCase {
  func testClippedSegmentKeepsItsDirection() throws {
    let (start, end) = try XCTUnwrap(FarPointClipping.clip(Point(0, 0), Point(1e300, 1e200)))
    XCTAssertEqual(start, Point(0, 0))
    XCTAssertEqual(end.x, FarPointClipping.bound, accuracy: 1e-6)
    XCTAssertEqual(end.y, 1e-94, accuracy: 1e-90)
    XCTAssertNil(FarPointClipping.clip(Point(2e6, 0), Point(3e6, 5)))
  }

  func testNearGeometryIsUntouched() {
    let points = [Point(1, 2), Point(300, 400), Point(-5, 7)]
    XCTAssertEqual(FarPointClipping.polyline(points), [points])
    XCTAssertEqual(FarPointClipping.polygon(points), points)
  }

  func testPolygonIsCutToTheSquare() {
    let cut = FarPointClipping.polygon([Point(0, 0), Point(1e300, 0), Point(0, 10)])
    XCTAssertTrue(cut.allSatisfy(FarPointClipping.isNear))
    XCTAssertTrue(cut.contains(Point(0, 0)) && cut.contains(Point(0, 10)))
  }
}
