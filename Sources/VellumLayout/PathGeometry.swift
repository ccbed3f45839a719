import Foundation
import VellumScene

/// Builds the path outlines layout needs: polylines with gaps, rectangles, markers.
enum PathGeometry {
  /// Joins finite points into subpaths; a NaN breaks the line, as in matplotlib.
  static func polyline(_ points: [Point]) -> [PathSegment] {
    var segments: [PathSegment] = []
    var run: [Point] = []
    func finish() {
      for part in FarPointClipping.polyline(run) {
        segments.append(.move(part[0]))
        segments += part.dropFirst().map { .line($0) }
      }
      run.removeAll(keepingCapacity: true)
    }
    for point in points {
      guard point.x.isFinite && point.y.isFinite else {
        finish()
        continue
      }
      run.append(point)
    }
    finish()
    return segments
  }

  static func rect(_ r: Rect) -> [PathSegment] {
    let r = FarPointClipping.rect(r)
    return [
      .move(Point(r.minX, r.minY)), .line(Point(r.maxX, r.minY)), .line(Point(r.maxX, r.maxY)),
      .line(Point(r.minX, r.maxY)), .close,
    ]
  }

  /// A rectangle with circular corners of `radius`, drawn with cubic Béziers.
  static func roundedRect(_ r: Rect, radius: Double) -> [PathSegment] {
    let k = 0.5522847498 * radius
    let (x0, y0, x1, y1) = (r.minX, r.minY, r.maxX, r.maxY)
    return [
      .move(Point(x0 + radius, y0)), .line(Point(x1 - radius, y0)),
      .cubic(Point(x1 - radius + k, y0), Point(x1, y0 + radius - k), Point(x1, y0 + radius)),
      .line(Point(x1, y1 - radius)),
      .cubic(Point(x1, y1 - radius + k), Point(x1 - radius + k, y1), Point(x1 - radius, y1)),
      .line(Point(x0 + radius, y1)),
      .cubic(Point(x0 + radius - k, y1), Point(x0, y1 - radius + k), Point(x0, y1 - radius)),
      .line(Point(x0, y0 + radius)),
      .cubic(Point(x0, y0 + radius - k), Point(x0 + radius - k, y0), Point(x0 + radius, y0)),
      .close,
    ]
  }

  static func circle(center c: Point, radius r: Double) -> [PathSegment] {
    let k = 0.5522847498 * r
    return [
      .move(Point(c.x + r, c.y)),
      .cubic(Point(c.x + r, c.y + k), Point(c.x + k, c.y + r), Point(c.x, c.y + r)),
      .cubic(Point(c.x - k, c.y + r), Point(c.x - r, c.y + k), Point(c.x - r, c.y)),
      .cubic(Point(c.x - r, c.y - k), Point(c.x - k, c.y - r), Point(c.x, c.y - r)),
      .cubic(Point(c.x + k, c.y - r), Point(c.x + r, c.y - k), Point(c.x + r, c.y)),
      .close,
    ]
  }

  static func polygon(_ points: [Point]) -> [PathSegment] {
    let points = FarPointClipping.polygon(points)
    guard let first = points.first else { return [] }
    return [.move(first)] + points.dropFirst().map { .line($0) } + [.close]
  }
}

extension MarkerStyle {
  /// The marker outline centred at `center`; sizes follow matplotlib (circle diameter = size).
  func outline(at c: Point) -> [PathSegment] {
    let r = size / 2
    func regular(_ count: Int, radius: Double, rotation: Double = 0) -> [Point] {
      (0..<count).map { i in
        let angle = rotation + Double(i) * 2 * Double.pi / Double(count)
        return Point(c.x + radius * sin(angle), c.y - radius * cos(angle))
      }
    }
    switch shape {
    case .circle: return PathGeometry.circle(center: c, radius: r)
    case .square: return PathGeometry.rect(Rect(x: c.x - r, y: c.y - r, width: size, height: size))
    case .diamond:
      // matplotlib's 'D': the unit square turned 45°, so its half-diagonal is size/√2.
      let h = size / 2.0.squareRoot()
      return PathGeometry.polygon([Point(c.x, c.y - h), Point(c.x + h, c.y), Point(c.x, c.y + h), Point(c.x - h, c.y)])
    case .triangleUp:
      return PathGeometry.polygon([Point(c.x, c.y - r), Point(c.x + r, c.y + r), Point(c.x - r, c.y + r)])
    case .triangleDown:
      return PathGeometry.polygon([Point(c.x, c.y + r), Point(c.x - r, c.y - r), Point(c.x + r, c.y - r)])
    case .triangleLeft:
      return PathGeometry.polygon([Point(c.x - r, c.y), Point(c.x + r, c.y - r), Point(c.x + r, c.y + r)])
    case .triangleRight:
      return PathGeometry.polygon([Point(c.x + r, c.y), Point(c.x - r, c.y + r), Point(c.x - r, c.y - r)])
    case .pentagon: return PathGeometry.polygon(regular(5, radius: r))
    case .hexagon: return PathGeometry.polygon(regular(6, radius: r))
    case .star:
      let outer = regular(5, radius: r)
      let inner = regular(5, radius: r * 0.381966, rotation: Double.pi / 5)
      return PathGeometry.polygon(zip(outer, inner).flatMap { [$0, $1] })
    case .plus:
      return [
        .move(Point(c.x - r, c.y)), .line(Point(c.x + r, c.y)), .move(Point(c.x, c.y - r)), .line(Point(c.x, c.y + r)),
      ]
    case .cross:
      return [
        .move(Point(c.x - r, c.y - r)), .line(Point(c.x + r, c.y + r)), .move(Point(c.x - r, c.y + r)),
        .line(Point(c.x + r, c.y - r)),
      ]
    }
  }

  func node(at center: Point) -> SceneNode {
    if shape.isLineArt {
      return .path(
        PathNode(
          segments: outline(at: center), stroke: Stroke(Paint(edge, opacity: edgeAlpha), width: max(edgeWidth, 1))))
    }
    return .path(
      PathNode(
        segments: outline(at: center), fill: Paint(face, opacity: faceAlpha),
        stroke: edgeWidth > 0 ? Stroke(Paint(edge, opacity: edgeAlpha), width: edgeWidth, join: .miter) : nil))
  }
}
