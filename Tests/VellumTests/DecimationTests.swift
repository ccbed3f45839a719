import XCTest

@testable import VellumData
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

  /// Split across cores, a series keeps exactly the points it keeps in one piece: parts start where a column
  /// starts, also when a part's edge falls inside a wide column, on a gap, or right after one, and when x runs back.
  func testPartsKeepWhatTheWholeSeriesKeeps() {
    let saved = ParallelChunks.cores
    defer { ParallelChunks.cores = saved }
    var random = SplitMix64(seed: 25)
    for _ in 0..<20 {
      let count = 1 << 17 + Int(random.next() % 5000)
      var points = (0..<count).map { index -> Point in
        Point(Double(index / 40) * 0.2 - Double(index % 3) * 0.001, Double(random.next() % 1000))
      }
      for _ in 0..<Int(random.next() % 4) {
        let at = Int(random.next() % UInt64(count))
        for gap in at..<min(count, at + Int(random.next() % 3) + 1) { points[gap] = Point(.nan, .nan) }
      }
      ParallelChunks.cores = 1
      let whole = Decimation.minMax(points)
      for cores in [2, 3, 7] {
        ParallelChunks.cores = cores
        XCTAssertGreaterThan(ParallelChunks.ranges(count: count).count, 1)
        let parted = Decimation.minMax(points)
        XCTAssertEqual(parted.count, whole.count, "\(cores) cores")
        XCTAssertTrue(
          zip(parted, whole).allSatisfy {
            $0.x.bitPattern == $1.x.bitPattern && $0.y.bitPattern == $1.y.bitPattern
          }, "\(cores) cores")
      }
    }
  }

  func testGapsSurvive() {
    var points = (0..<1000).map { Point(Double($0) * 0.01, Double($0)) }
    points[500] = Point(.nan, .nan)
    XCTAssertTrue(Decimation.minMax(points).contains { $0.x.isNaN })
  }
}
