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
    var bucket: [Point] = []
    var bucketIndex: Double?
    func flush() {
      guard !bucket.isEmpty else { return }
      if bucket.count <= 4 {
        result += bucket
      } else {
        var lowest = 0
        var highest = 0
        for (i, p) in bucket.enumerated() {
          if p.y < bucket[lowest].y { lowest = i }
          if p.y > bucket[highest].y { highest = i }
        }
        var keep = [0, lowest, highest, bucket.count - 1]
        keep = Array(Set(keep)).sorted()
        result += keep.map { bucket[$0] }
      }
      bucket.removeAll(keepingCapacity: true)
    }
    for point in points {
      guard point.x.isFinite && point.y.isFinite else {
        flush()
        bucketIndex = nil
        result.append(point)  // keeps the gap
        continue
      }
      // A Double key: points far outside the view would overflow an Int.
      let index = (point.x / bucketWidth).rounded(.down)
      if index != bucketIndex {
        flush()
        bucketIndex = index
      }
      bucket.append(point)
    }
    flush()
    return result
  }
}
