import VellumData
import VellumScene

/// Thins dense polylines without changing how they look: per narrow column of the page, keep the
/// first, lowest, highest and last point, in their original order (min/max decimation).
enum Decimation {
  /// Column width in points: a quarter of a pixel at 300 dpi would be finer than any output shows.
  static let bucketWidth = 0.5

  /// Decimate only when there are many more points than columns.
  static func shouldDecimate(_ count: Int, plotWidth: Double) -> Bool {
    Double(count) > 4 * plotWidth / bucketWidth
  }

  static func minMax(_ points: [Point]) -> [Point] {
    let parts = bucketAligned(ParallelChunks.ranges(count: points.count), in: points)
    guard parts.count > 1 else { return minMax(points, 0..<points.count) }
    // Each part starts where the whole series would start a new column, so the parts keep what it keeps.
    return Array(ParallelChunks.map(parts) { _, range in minMax(points, range) }.joined())
  }

  /// `ranges`' inner bounds moved forward to where a column starts: a point after a gap or in another column
  /// than the point before, or a gap itself.
  static func bucketAligned(_ ranges: [Range<Int>], in points: [Point]) -> [Range<Int>] {
    func startsColumn(_ index: Int) -> Bool {
      let (before, point) = (points[index - 1], points[index])
      guard before.x.isFinite, before.y.isFinite, point.x.isFinite, point.y.isFinite else { return true }
      return (before.x / bucketWidth).rounded(.down) != (point.x / bucketWidth).rounded(.down)
    }
    var bounds = [0]
    for range in ranges.dropFirst() {
      var bound = max(range.lowerBound, bounds.last!)
      while bound < points.count, bound > 0, !startsColumn(bound) { bound += 1 }
      bounds.append(bound)
    }
    bounds.append(points.count)
    return zip(bounds, bounds.dropFirst()).compactMap { $0 < $1 ? $0..<$1 : nil }
  }

  /// ``minMax(_:)`` of the points at `range`, as if they were the whole series.
  private static func minMax(_ points: [Point], _ range: Range<Int>) -> [Point] {
    var result: [Point] = []
    result.reserveCapacity(range.count / 8)
    // The open bucket: its first point's index, how many follow, and where its lowest and highest lie (the first
    // of equals); read from `points` when it closes, not copied point by point.
    var start = 0
    var count = 0
    var lowest = 0
    var highest = 0
    var bucketIndex: Double?
    func flush() {
      guard count > 0 else { return }
      if count <= 4 {
        result += points[start..<(start + count)]
      } else {
        for index in Set([start, lowest, highest, start + count - 1]).sorted() { result.append(points[index]) }
      }
      count = 0
    }
    for index in range {
      let point = points[index]
      guard point.x.isFinite && point.y.isFinite else {
        flush()
        bucketIndex = nil
        result.append(point)  // keeps the gap
        continue
      }
      // A Double key: points far outside the view would overflow an Int.
      let bucket = (point.x / bucketWidth).rounded(.down)
      if bucket != bucketIndex {
        flush()
        bucketIndex = bucket
      }
      if count == 0 {
        start = index
        lowest = index
        highest = index
      } else {
        if point.y < points[lowest].y { lowest = index }
        if point.y > points[highest].y { highest = index }
      }
      count += 1
    }
    flush()
    return result
  }
}
