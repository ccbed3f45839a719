import Foundation
import Vellum
import VellumData
import VellumSVG
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumLayout

/// `histogram`: shared bins, stacking and dodging as matplotlib's `hist`, step outlines, sticky zero, errors.
final class HistogramMarkTests: XCTestCase {
  private let csv = "v,g,w\n0.1,a,1\n0.4,a,2\n1.5,a,1\n1.6,b,1\n1.9,b,1\n0.2,b,3\n"

  private func layers(_ keys: String) throws -> [ResolvedLayer] {
    try resolveFirstLayer(
      "data: {d: data.csv}\naxes:\n  layers:\n    - histogram: {x: v, group: g, \(keys)}\n", csv: csv)
  }

  private func bars(_ layer: ResolvedLayer) throws -> [BarMark.Bar] {
    try XCTUnwrap((layer.geometry as? BarMark.Geometry)?.bars)
  }

  /// Stacked probabilities are shares of the grand total (matplotlib's stacked density is normalised the same
  /// way), each group's bars resting on the one below.
  func testStackedGroupsShareBinsAndTheGrandTotal() throws {
    let resolved = try layers("bins: [0, 1, 2], stacked: true, stat: probability")
    let (a, b) = (try bars(resolved[0]), try bars(resolved[1]))
    XCTAssertEqual(a.map(\.base), [0, 0])
    XCTAssertEqual(a.map(\.value), [2.0 / 6, 1.0 / 6])
    XCTAssertEqual(b.map(\.base), a.map(\.value))
    XCTAssertEqual(b.map(\.value), [3.0 / 6, 3.0 / 6], "a [2, 1] + b [1, 2] of 6")
    XCTAssertEqual(a.map(\.width), [1, 1])
  }

  /// `horizontal: true`: the same bins along y, bars and steps along x, the x axis sticking to zero.
  func testHorizontalHistogramsLieAlongX() throws {
    let resolved = try layers("bins: [0, 1, 2], horizontal: true")
    let geometry = try XCTUnwrap(resolved[0].geometry as? BarMark.Geometry)
    XCTAssertTrue(geometry.horizontal)
    XCTAssertEqual(try bars(resolved[0]).map(\.value), [2, 1])
    let step = try XCTUnwrap(
      try layers("bins: [0, 1, 2], horizontal: true, style: step")[0].geometry as? HistogramMark.StepGeometry)
    let identity = ScaleTransform.linear
    XCTAssertEqual(step.extent(along: .y, identity)?.0, 0)
    XCTAssertEqual(step.extent(along: .y, identity)?.1, 2)
    XCTAssertEqual(step.extent(along: .x, identity)?.1, 2, "the tallest bin's count, along x")
    XCTAssertEqual(step.stickyEdges(along: .x), [0])
    XCTAssertEqual(step.stickyEdges(along: .y), [])
  }

  /// Dodged bars: 0.8 of the bin shared between groups, offsets as matplotlib's `histtype='bar'` with datasets.
  func testDodgedBarsFollowMatplotlibOffsets() throws {
    let resolved = try layers("bins: [0, 1, 2], dodge: true")
    let (a, b) = (try bars(resolved[0]), try bars(resolved[1]))
    for (actual, expected) in zip(a.map(\.position) + b.map(\.position), [0.3, 1.3, 0.7, 1.7]) {
      XCTAssertEqual(actual, expected, accuracy: 1e-12)
    }
    XCTAssertEqual(a[0].width, 0.4, accuracy: 1e-12)
    XCTAssertEqual(a.map(\.value), [2, 1])
    XCTAssertEqual(b.map(\.value), [1, 2])
  }

  /// Weights sum per bin; a cumulative count adds up from the left.
  func testWeightedCumulativeCounts() throws {
    let resolved = try layers("bins: [0, 1, 2], weights: w, cumulative: true")
    XCTAssertEqual(try bars(resolved[0]).map(\.value), [3, 4])
    XCTAssertEqual(try bars(resolved[1]).map(\.value), [3, 5])
  }

  /// A step outline: up the first edge, across each top, down the last edge.
  func testStepOutlineVertices() throws {
    let resolved = try layers("bins: [0, 1, 2], style: step")
    let step = try XCTUnwrap(resolved[0].geometry as? HistogramMark.StepGeometry)
    XCTAssertEqual(step.top, [2, 1])
    XCTAssertEqual(step.bottom, [0, 0])
    XCTAssertFalse(step.filled)
    XCTAssertEqual(step.stickyEdges(along: .y), [0])
  }

  func testBadInputIsLocated() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", csv)
    func error(_ layer: String, x: String = "") throws -> String {
      let path = try fixture.write("f.yaml", "data: {d: data.csv}\naxes:\n\(x)  layers:\n    - histogram: \(layer)\n")
      return errorText { _ = try Figure(contentsOf: path).svg() }
    }
    XCTAssertTrue(try error("{x: v, dodge: true, stacked: true}").contains("f.yaml:4:"), "dodge with stacked")
    XCTAssertTrue(try error("{x: v, bins: 0}").contains("between 1 and"))
    XCTAssertTrue(try error("{x: v, bins: 1000000000}").contains("between 1 and"))
    XCTAssertTrue(try error("{x: v, bins: sturge}").contains("did you mean 'sturges'"))
    XCTAssertTrue(try error("{x: v, bins: [1, 0.5]}").contains("must increase"))
    XCTAssertTrue(try error("{x: v, weights: w, bins: fd}").contains("unweighted"))
    XCTAssertTrue(try error("{x: v, range: [2, 1]}").contains("low < high"))
    XCTAssertTrue(
      try error("{x: g}", x: "  x: {scale: categorical}\n").contains("histogram needs numbers"), "categorical x")
  }

  /// Bars rest on the bottom spine: the y axis sticks to zero.
  func testYAxisSticksToZero() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", csv)
    let svg = try Figure(
      contentsOf: try fixture.write("f.yaml", "data: {d: data.csv}\naxes:\n  layers:\n    - histogram: {x: v}\n")
    ).svg()
    let yText = try XCTUnwrap(svg.firstMatch(of: /data-y="([^"]+)"/)?.1)
    XCTAssertEqual(try XCTUnwrap(AxisMappingText.decode(String(yText))).low, 0)
  }
}
