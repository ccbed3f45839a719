/// Markers in a path: Vellum draws a series' markers as one path of closed outlines of one shape (up to 256 a
/// path), so a review reads each outline as one marker, at its centre, not as the points of its curves.
enum MarkerShapes {
  /// A marker: the centre of its outline's box and the box's larger side, in page points.
  struct Marker {
    var center: (Double, Double)
    var size: Double
  }

  /// The markers a path draws: every subpath closed and all of one shape (the same points relative to its start,
  /// to a hundredth of a point), with `single` also taking one closed outline as a marker (a scatter's). nil when
  /// the path draws anything else (a line, bars of several sizes, an area).
  static func markers(_ d: String, single: Bool = false) -> [Marker]? {
    // Each subpath (from a move) closed, read as its commands' end points.
    let closed = d.split(separator: "M", omittingEmptySubsequences: true)
    guard !closed.isEmpty, closed.allSatisfy({ $0.hasSuffix("Z") }) else { return nil }
    let shapes = closed.map { SemanticDiff.points("M" + $0) }.filter { !$0.isEmpty }
    guard shapes.count >= (single ? 1 : 2), let first = shapes.first else { return nil }
    func relative(_ shape: [(Double, Double)]) -> [(Double, Double)] {
      shape.map { ($0.0 - shape[0].0, $0.1 - shape[0].1) }
    }
    let outline = relative(first)
    for shape in shapes.dropFirst() {
      let other = relative(shape)
      guard other.count == outline.count,
        zip(other, outline).allSatisfy({ abs($0.0 - $1.0) <= 0.01 && abs($0.1 - $1.1) <= 0.01 })
      else { return nil }
    }
    return shapes.map { shape in
      let xs = shape.map(\.0)
      let ys = shape.map(\.1)
      let (minX, maxX, minY, maxY) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
      return Marker(center: ((minX + maxX) / 2, (minY + maxY) / 2), size: max(maxX - minX, maxY - minY))
    }
  }
}
