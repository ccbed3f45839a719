import XCTest

@testable import VellumLayout
@testable import VellumScene
@testable import VellumTypesetting

/// Min/max decimation keeps every column's extremes and the order of points.
final class DecimationTests: XCTestCase {
  func testKeepsExtremesPerColumnInOrder() {
    let points = (0..<10_000).map { Point(Double($0) * 0.01, sin(Double($0) * 0.37) * 50) }
    let thinned = Decimation.minMax(points)
    XCTAssertLessThan(thinned.count, points.count / 10)
    XCTAssertEqual(thinned.first, points.first)
    XCTAssertEqual(thinned.last, points.last)
    XCTAssertEqual(thinned.map(\.y).max(), points.map(\.y).max())
    XCTAssertEqual(thinned.map(\.y).min(), points.map(\.y).min())
    XCTAssertEqual(thinned.map(\.x), thinned.map(\.x).sorted())
  }

  func testGapsSurvive() {
    var points = (0..<1000).map { Point(Double($0) * 0.01, Double($0)) }
    points[500] = Point(.nan, .nan)
    XCTAssertTrue(Decimation.minMax(points).contains { $0.x.isNaN })
  }
}
