import VellumScene

/// Cuts geometry to a square far outside any canvas, so data far beyond the axis limits (1e300 on a
/// [0, 10] axis) never reaches the writer as an unprintable coordinate, while what is visible keeps its
/// exact direction (segments are clipped, not their ends clamped).
enum FarPointClipping {
  /// Half the side of the square, in points: 70 times the largest figure Vellum allows.
  static let bound = 1e6

  static func isNear(_ p: Point) -> Bool { abs(p.x) <= bound && abs(p.y) <= bound }

  /// An open polyline as runs of points; a run ends where the line leaves the square.
  static func polyline(_ points: [Point]) -> [[Point]] {
    if points.isEmpty { return [] }
    if points.allSatisfy(isNear) { return [points] }
    var runs: [[Point]] = []
    var current: [Point] = []
    for (a, b) in zip(points, points.dropFirst()) {
      guard let (p, q) = clip(a, b) else {
        if !current.isEmpty { runs.append(current) }
        current = []
        continue
      }
      if current.last != p {
        if !current.isEmpty { runs.append(current) }
        current = [p]
      }
      current.append(q)
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  /// A closed polygon cut to the square (Sutherland–Hodgman), so fills keep their visible shape.
  static func polygon(_ points: [Point]) -> [Point] {
    if points.allSatisfy(isNear) { return points }
    var result = points
    let edges: [(inside: (Point) -> Bool, cross: (Point, Point) -> Point)] = [
      ({ $0.x >= -bound }, { at(x: -bound, $0, $1) }), ({ $0.x <= bound }, { at(x: bound, $0, $1) }),
      ({ $0.y >= -bound }, { at(y: -bound, $0, $1) }), ({ $0.y <= bound }, { at(y: bound, $0, $1) }),
    ]
    for edge in edges {
      guard let last = result.last else { break }
      var output: [Point] = []
      var previous = last
      for point in result {
        switch (edge.inside(point), edge.inside(previous)) {
        case (true, true): output.append(point)
        case (true, false): output += [edge.cross(previous, point), point]
        case (false, true): output.append(edge.cross(previous, point))
        case (false, false): break
        }
        previous = point
      }
      result = output
    }
    return result
  }

  /// Liang–Barsky: the part of segment a→b inside the square, or nil.
  static func clip(_ a: Point, _ b: Point) -> (Point, Point)? {
    var t0 = 0.0
    var t1 = 1.0
    let dx = b.x - a.x
    let dy = b.y - a.y
    for (p, q) in [(-dx, a.x + bound), (dx, bound - a.x), (-dy, a.y + bound), (dy, bound - a.y)] {
      if p == 0 {
        if q < 0 { return nil }
        continue
      }
      let r = q / p
      if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
      if t0 > t1 { return nil }
    }
    // Ends already inside stay bit-identical, so clipping never moves visible geometry.
    let start = t0 == 0 ? a : Point(a.x + t0 * dx, a.y + t0 * dy)
    let end = t1 == 1 ? b : Point(a.x + t1 * dx, a.y + t1 * dy)
    return (start, end)
  }

  /// The point moved onto the square; exact for the corners of axis-aligned rectangles.
  static func clamped(_ p: Point) -> Point { Point(clamped(p.x), clamped(p.y)) }

  /// One coordinate limited to the square's extent.
  static func clamped(_ value: Double) -> Double { min(max(value, -bound), bound) }

  /// A rectangle's corners limited to the square (exact for axis-aligned rectangles).
  static func rect(_ r: Rect) -> Rect {
    let (low, high) = (clamped(Point(r.minX, r.minY)), clamped(Point(r.maxX, r.maxY)))
    return Rect(x: low.x, y: low.y, width: high.x - low.x, height: high.y - low.y)
  }

  private static func at(x: Double, _ a: Point, _ b: Point) -> Point {
    Point(x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x))
  }

  private static func at(y: Double, _ a: Point, _ b: Point) -> Point {
    Point(a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y)
  }
}
