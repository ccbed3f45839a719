import Foundation
import Vellum
import VellumData
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumLayout

/// `violin`: matplotlib's body (KDE over the data's range, peak at half the width), area scaling, split halves.
final class ViolinMarkTests: XCTestCase {
  private let csv =
    "c,g,v\np,a,1\np,a,2\np,a,2.5\np,b,4\np,b,6\np,b,5\nq,a,3\nq,a,3.2\nq,b,1\nq,b,9\nr,a,7\nr,b,7\nr,b,8\n"

  private func resolve(_ keys: String) throws -> [ResolvedLayer] {
    try resolveFirstLayer(
      "data: {d: data.csv}\naxes:\n  x: {scale: categorical}\n  layers:\n    - violin: {x: c, y: v, \(keys)}\n",
      csv: csv)
  }

  private func geometry(_ layer: ResolvedLayer) throws -> ViolinMark.Geometry {
    try XCTUnwrap(layer.geometry as? ViolinMark.Geometry)
  }

  /// Each body is the KDE on 100 points over the data's range, its peak at half the width (matplotlib).
  func testBodyIsTheKDEScaledToHalfTheWidth() throws {
    let body = try geometry(try resolve("group: g")[0]).bodies[0]
    let kde = try KernelDensity([1, 2, 2.5], bandwidth: .scott)
    XCTAssertEqual(body.grid.count, 100)
    XCTAssertEqual([body.grid.first!, body.grid.last!], [1, 2.5])
    let peak = body.grid.map { kde($0) }.max()!
    for (x, half) in zip(body.grid, body.density) { XCTAssertEqual(half, 0.5 * 0.25 * kde(x) / peak, accuracy: 1e-12) }
    XCTAssertEqual(body.density.max()!, 0.125, accuracy: 1e-12, "two groups share the 0.5 width")
    XCTAssertEqual(body.position, -0.125, accuracy: 1e-12, "dodged left of the category")
  }

  /// `scale: area` gives every body of the layer one density scale; only the densest reaches full width.
  func testAreaScaleSharesOneDensityScale() throws {
    let layers = try resolve("group: g, scale: area")
    let peaks = try layers.flatMap { try geometry($0).bodies.compactMap { $0.density.max() } }
    XCTAssertEqual(peaks.max()!, 0.125, accuracy: 1e-12)
    XCTAssertLessThan(peaks.min()!, 0.1)
  }

  /// Split: two groups share the category's full width, one on each side; a category of one value per group
  /// (no spread) keeps its inner marks and loses only its body.
  func testSplitHalvesAndTheirErrors() throws {
    let layers = try resolve("group: g, split: true")
    let (a, b) = (try geometry(layers[0]), try geometry(layers[1]))
    XCTAssertEqual(a.bodies[0].position, 0)
    XCTAssertEqual(a.bodies[0].density.max()!, 0.25, accuracy: 1e-12)
    guard case .left = a.side, case .right = b.side else { return XCTFail("expected left and right halves") }
    XCTAssertEqual(a.bodies.count, 3)
    XCTAssertTrue(a.bodies[2].grid.isEmpty, "one sample: no body")
    XCTAssertEqual(a.bodies[2].stats.median, 7)
    XCTAssertThrowsError(try resolve("split: true")) { error in
      XCTAssertTrue("\(error)".contains("exactly two groups"), "\(error)")
    }
    XCTAssertThrowsError(try resolve("inner: stick")) { error in
      XCTAssertTrue("\(error)".contains("violin inner"), "\(error)")
    }
  }

  /// `medians` and `means` add matplotlib's cmedians and cmeans: lines as long as the extrema caps at each body's
  /// median and mean.
  func testMediansAndMeansAreLinesAsLongAsTheCaps() throws {
    let scene = try SpecFixture.scene(
      "data: {d: data.csv}\naxes:\n  x: {scale: categorical}\n  layers:\n    - violin: {x: c, y: v, medians: true, "
        + "means: true}\n", csv: csv
    ).scene
    let group = try XCTUnwrap(scene.groups(prefix: "violin-").first)
    let lines = group.paths.filter { $0.fill == nil }.map(\.points)
    // Per body: the extrema bar and two caps, then the median and the mean: 5 lines × 3 categories.
    XCTAssertEqual(lines.count, 15)
    let horizontal = lines.filter { $0.count == 2 && abs($0[0].y - $0[1].y) < 1e-9 }
    let lengths = Set(horizontal.map { (abs($0[1].x - $0[0].x) * 1000).rounded() / 1000 })
    XCTAssertEqual(lengths.count, 1, "median and mean lines as long as the caps: \(lengths)")
    // Category p (1, 2, 2.5, 4, 6, 5): median 3.25 and mean 3.4167 lie between its caps at 1 and 6.
    XCTAssertEqual(horizontal.count, 12)
  }
}
