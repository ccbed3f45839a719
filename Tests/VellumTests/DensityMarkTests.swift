import Foundation
import Vellum
import VellumData
import VellumSVG
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumLayout

/// `density`: scipy's KDE on seaborn's support, scaled to sit on a histogram, filled, sticky at zero.
final class DensityMarkTests: XCTestCase {
  private let csv = "v,g\n0.1,a\n0.4,a\n1.5,a\n1.6,b\n1.9,b\n0.2,b\n0.7,a\n"

  private func resolve(_ keys: String) throws -> [ResolvedLayer] {
    try resolveFirstLayer("data: {d: data.csv}\naxes:\n  layers:\n    - density: {x: v, \(keys)}\n", csv: csv)
  }

  private func geometry(_ layer: ResolvedLayer) throws -> DensityMark.Geometry {
    try XCTUnwrap(layer.geometry as? DensityMark.Geometry)
  }

  /// The curve is the KDE on a 200-point grid from min − 3σ to max + 3σ.
  func testCurveIsTheKDEOnSeabornsSupport() throws {
    let curve = try geometry(try resolve("group: g")[0]).line
    let kde = try KernelDensity([0.1, 0.4, 1.5, 0.7], bandwidth: .scott)
    XCTAssertEqual(curve.x.count, 200)
    XCTAssertEqual(curve.x.first!, 0.1 - 3 * kde.sigma, accuracy: 1e-12)
    XCTAssertEqual(curve.x.last!, 1.5 + 3 * kde.sigma, accuracy: 1e-12)
    for (x, y) in zip(curve.x, curve.y) { XCTAssertEqual(y, kde(x), accuracy: 1e-15) }
  }

  /// `horizontal: true`: the same curve with values along y and the density along x, filled to x = 0.
  func testHorizontalDensityLiesAlongY() throws {
    let upright = try geometry(try resolve("group: g, fill: true, cut: 0")[0])
    let turned = try geometry(try resolve("group: g, fill: true, cut: 0, horizontal: true")[0])
    XCTAssertEqual(turned.line.x, upright.line.y)
    XCTAssertEqual(turned.line.y, upright.line.x)
    XCTAssertEqual(turned.stickyEdges(along: .x), [0])
    XCTAssertEqual(turned.stickyEdges(along: .y), [0.1, 1.5])
    let identity = ScaleTransform.linear
    XCTAssertEqual(turned.extent(along: .y, identity)?.0, 0.1)
    XCTAssertEqual(turned.area?.extent(along: .x, identity)?.0, 0, "the fill reaches x = 0")
  }

  /// `ridge`: each group's curve from its own row, one height scale for all, the tallest reaching 1 + overlap rows;
  /// drawn top row first; a ridge without a group is a located error.
  func testRidgelinesShareOneScaleFromTheirRows() throws {
    let spec =
      "data: {d: data.csv}\naxes:\n  y: {scale: categorical}\n  layers:\n"
      + "    - density: {x: v, group: g, ridge: {overlap: 0.5}}\n"
    let layers = try resolveFirstLayer(spec, csv: csv)
    XCTAssertEqual(layers.count, 1)
    let ridge = try XCTUnwrap(layers[0].geometry as? DensityMark.RidgeGeometry)
    XCTAssertEqual(ridge.rows.map(\.baseline), [0, 1])
    let tops = ridge.rows.map { row in row.curve.line.y.map { $0 - row.baseline }.max()! }
    XCTAssertEqual(tops.max()!, 1.5, accuracy: 1e-12, "the tallest reaches 1 + overlap rows")
    XCTAssertTrue(tops.min()! < 1.5)
    XCTAssertNil(layers[0].legendLabel)
    let error = SpecFixture.error(
      "data: {d: data.csv}\naxes:\n  layers:\n    - density: {x: v, ridge: true}\n", csv: csv)
    XCTAssertEqual(error?.location?.line, 4)
    XCTAssertTrue(error?.message.contains("needs group") == true, "\(String(describing: error))")
  }

  /// `stat: count` multiplies by the group's size and the histogram's bin width (bins shared by the groups).
  func testCountScaleMatchesAHistogramOfTheSameBins() throws {
    let layers = try resolve("group: g, stat: count, bins: 9, cut: 0")
    let width = (1.9 - 0.1) / 9
    let a = try geometry(layers[0]).line
    let kde = try KernelDensity([0.1, 0.4, 1.5, 0.7], bandwidth: .scott)
    XCTAssertEqual(a.y[10], kde(a.x[10]) * 4 * width, accuracy: 1e-12)
    XCTAssertEqual(try geometry(layers[0]).stickyEdges(along: .x), [0.1, 1.5], "cut 0 sticks x to the data")
    XCTAssertThrowsError(try resolve("stat: count, bins: [0, 1, 3]")) { error in
      XCTAssertTrue("\(error)".contains("equal-width bins"), "\(error)")
    }
  }

  func testFillDrawsAnAreaUnderTheCurveAndStatsAtZero() throws {
    let layer = try resolve("fill: true, bandwidth: 0.5, clip: [0, 2]")[0]
    let density = try geometry(layer)
    let area = try XCTUnwrap(density.area)
    XCTAssertEqual(area.fill.alpha, 0.25)
    XCTAssertGreaterThanOrEqual(density.line.x.first!, 0)
    XCTAssertLessThanOrEqual(density.line.x.last!, 2)
    XCTAssertEqual(density.stickyEdges(along: .y), [0])
    XCTAssertEqual(density.legendGlyph(LegendHandle(x: 0, length: 20, baseline: 10, height: 7)).count, 2)
  }

  func testBadInputIsLocated() throws {
    XCTAssertThrowsError(try resolve("bandwidth: wide")) { error in
      XCTAssertTrue("\(error)".contains("scott, silverman or a positive factor"), "\(error)")
    }
    XCTAssertThrowsError(try resolve("gridsize: 1")) { error in
      XCTAssertTrue("\(error)".contains("gridsize must be between"), "\(error)")
    }
    XCTAssertThrowsError(try resolve("transform: [{filter: {v: {max: 0.15}}}]")) { error in
      XCTAssertTrue("\(error)".contains("at least two finite samples"), "\(error)")
    }
  }
}
