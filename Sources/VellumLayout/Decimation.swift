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
    var result: [Point] = []
    result.reserveCapacity(points.count / 8)
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
    for (index, point) in points.enumerated() {
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
