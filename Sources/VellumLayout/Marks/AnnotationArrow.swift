import Foundation
import VellumScene
import VellumSpec

/// The arrow of an annotation (matplotlib's `arrowprops=dict(arrowstyle=…, connectionstyle=…, shrinkA, shrinkB)`):
/// from the text's box to the target, straight or curved, its head sized by the text's font size as matplotlib's
/// `mutation_scale` sizes it.
struct AnnotationArrow: Sendable {
  /// matplotlib's arrow styles: `->` draws an open head, `-|>` a filled one, `fancy` and `wedge` filled shapes.
  enum Style: String, Sendable, CaseIterable {
    case line = "-"
    case open = "->"
    case filled = "-|>"
    case both = "<->"
    case fancy, wedge
  }

  /// The path from text to target: straight, `arc3,rad=…` (a curve bowing sideways by rad of its length) or
  /// `angle3,angleA=…,angleB=…` (leaving the text at angleA, reaching the target at angleB).
  enum Connection: Sendable, Equatable {
    case straight
    case arc(Double)
    case angle(Double, Double)
  }

  var style = Style.filled
  var connection = Connection.straight
  /// Gap in points left at each end (matplotlib's shrinkA and shrinkB, 2).
  var shrink = 2.0
  /// Line width in points; nil: the annotation's `arrow_width`.
  var width: Double?
  /// nil: the text's colour.
  var color: Color?

  static let object = SpecObject(
    "arrow",
    purpose: "An annotation's arrow (matplotlib's arrowprops): its style (-> draws an open head, -|> a filled one), "
      + "how it bends (connectionstyle), the gap left at each end, width and colour.",
    keys: [
      SpecKey(
        "style", SpecSchema.enumeration(Style.allCases.map(\.rawValue)),
        "-, ->, -|>, <->, fancy or wedge (matplotlib's arrowstyle)", defaultValue: "-|>"),
      SpecKey(
        "connection", SpecSchema.string,
        "straight, arc3,rad=R (bowing sideways by R of its length) or angle3,angleA=A,angleB=B (matplotlib's "
          + "connectionstyle)", defaultValue: "straight", example: "'arc3,rad=0.2'"),
      SpecKey(
        "shrink", SpecSchema.bounded(minimum: 0, maximum: 100), "gap in points left at each end (shrinkA, shrinkB)",
        defaultValue: 2.0),
      SpecKey("width", SpecSchema.measure, "line width in points", default: "the annotation's arrow_width"),
      SpecKey("color", SpecSchema.color, "the arrow's colour", default: "the text's colour"),
    ],
    example: "{text: {text: 'best', x: 3, y: 0.5, offset: [30, 20], arrow: {style: '->', connection: 'arc3,rad=0.2'}}}")

  static var schema: JSONValue {
    .object(
      [
        "anyOf": .array([SpecSchema.boolean, SpecSchema.enumeration(Style.allCases.map(\.rawValue)), object.schema])
      ])
  }

  /// `true` (a filled head), `false` (nil), a style, or the arrow's options.
  static func decode(_ node: SpecNode) throws -> AnnotationArrow? {
    if let text = node.scalarText {
      if let style = Style(rawValue: text) { return AnnotationArrow(style: style) }
      return try node.bool() ? AnnotationArrow() : nil
    }
    let map = try node.mapping(object)
    var arrow = AnnotationArrow()
    arrow.style = try map.optional("style") { try decodeEnum($0, what: "arrow style") } ?? arrow.style
    arrow.connection = try map.optional("connection") { try connection($0) } ?? .straight
    arrow.shrink =
      try map.optional("shrink") { node in
        let value = try node.nonNegative("a gap in points")
        guard value <= 100 else { throw node.error("a gap of at most 100 points, found \(value)") }
        return value
      } ?? arrow.shrink
    arrow.width = try map.optional("width") { try $0.measure("a line width") }
    arrow.color = try map.optional("color") { try decodeColor($0) }
    return arrow
  }

  /// `straight`, `arc3,rad=0.2` or `angle3,angleA=90,angleB=0`, as matplotlib writes connection styles.
  private static func connection(_ node: SpecNode) throws -> Connection {
    let text = try node.string("a connection style").replacingOccurrences(of: " ", with: "")
    let parts = text.split(separator: ",")
    var options: [String: Double] = [:]
    for part in parts.dropFirst() {
      let pair = part.split(separator: "=", maxSplits: 1)
      guard pair.count == 2, let value = Double(pair[1]), value.isFinite else {
        throw node.error("expected name=number in the connection style, found '\(part)'")
      }
      guard abs(value) <= 1000 else {
        throw node.error("'\(pair[0])' in the connection style lies between -1000 and 1000, found \(pair[1])")
      }
      options[String(pair[0])] = value
    }
    func only(_ names: [String]) throws {
      if let stray = options.keys.sorted().first(where: { !names.contains($0) }) {
        throw node.error(unknownNameMessage(stray, kind: "option", in: String(parts[0]), candidates: names))
      }
    }
    switch parts.first.map(String.init) ?? "" {
    case "straight":
      try only([])
      return .straight
    case "arc3":
      try only(["rad"])
      return .arc(options["rad"] ?? 0)
    case "angle3":
      try only(["angleA", "angleB"])
      return .angle(options["angleA"] ?? 90, options["angleB"] ?? 0)
    default:
      throw node.error(
        unknownNameMessage(
          String(parts.first ?? ""), kind: "connection style", candidates: ["straight", "arc3", "angle3"]))
    }
  }

  /// The arrow from `box` (the text or its box) to `target`, sized for text of `size` points; nil when the two are
  /// too close for one.
  func nodes(from box: Rect, to target: Point, size: Double, lineWidth: Double, paint: Paint) -> [SceneNode]? {
    let start = Point(box.midX, box.midY)
    let control = controlPoint(start, target)
    // The curve sampled finely, then cut where it leaves the box and short of the target by the gaps.
    let samples = 64
    var points = (0...samples).map { index -> Point in
      let t = Double(index) / Double(samples)
      let (a, b, c) = ((1 - t) * (1 - t), 2 * (1 - t) * t, t * t)
      return Point(
        a * start.x + b * control.x + c * target.x, a * start.y + b * control.y + c * target.y)
    }
    guard let exit = points.firstIndex(where: { !box.contains($0) }), exit > 0 else { return nil }
    points[exit - 1] = Self.boxEdge(box, inside: points[exit - 1], outside: points[exit])
    points = Array(points[(exit - 1)...])
    points = Self.trimmed(points, by: shrink)
    points = Array(Self.trimmed(points.reversed(), by: shrink).reversed())
    let headLength = 0.4 * size
    guard points.count >= 2, Self.length(points) > (style == .line ? 0 : headLength) else { return nil }
    let stroke = Stroke(paint, width: lineWidth)
    let tip = points.last!
    let back = Self.direction(points.suffix(2))
    switch style {
    case .line:
      return [.path(PathNode(segments: PathGeometry.polyline(points), stroke: stroke))]
    case .open, .both:
      var segments = PathGeometry.polyline(points) + Self.openHead(tip, back, length: headLength, half: 0.2 * size)
      if style == .both {
        segments += Self.openHead(
          points[0], Self.direction([points[1], points[0]]), length: headLength, half: 0.2 * size)
      }
      return [.path(PathNode(segments: segments, stroke: stroke))]
    case .filled:
      let neck = Self.trimmed(points.reversed(), by: headLength).reversed()
      let base = Point(tip.x - back.x * headLength, tip.y - back.y * headLength)
      let half = 0.2 * size
      let head = [
        tip, Point(base.x - back.y * half, base.y + back.x * half),
        Point(base.x + back.y * half, base.y - back.x * half),
      ]
      return [
        .path(PathNode(segments: PathGeometry.polyline(Array(neck)), stroke: stroke)),
        .path(PathNode(segments: PathGeometry.polygon(head), fill: paint, stroke: stroke)),
      ]
    case .fancy:
      // A tail widening from a point at the text to 0.4 × size at the head, then a head 0.8 × size wide.
      let body = Array(Self.trimmed(points.reversed(), by: headLength).reversed())
      return [
        .path(
          PathNode(
            segments: PathGeometry.polygon(
              Self.tapered(body, from: 0, to: 0.2 * size, tip: (tip, 0.8 * size, headLength))), fill: paint))
      ]
    case .wedge:
      // A wedge 0.3 × size wide at the text narrowing to the target.
      return [
        .path(
          PathNode(
            segments: PathGeometry.polygon(Self.tapered(points, from: 0.15 * size, to: 0, tip: nil)), fill: paint))
      ]
    }
  }

  /// The curve's control point in page coordinates (y down); matplotlib computes it with y up.
  private func controlPoint(_ a: Point, _ b: Point) -> Point {
    let (dx, dy) = (b.x - a.x, b.y - a.y)
    let middle = Point((a.x + b.x) / 2, (a.y + b.y) / 2)
    switch connection {
    case .straight: return middle
    case .arc(let rad): return Point(middle.x - rad * dy, middle.y + rad * dx)
    case .angle(let angleA, let angleB):
      let (ra, rb) = (angleA * .pi / 180, angleB * .pi / 180)
      let (u, v) = ((cos(ra), -sin(ra)), (cos(rb), -sin(rb)))
      // a + s·u = b + t·v; parallel lines have no crossing: straight.
      let determinant = u.0 * (-v.1) - u.1 * (-v.0)
      guard abs(determinant) > 1e-9 else { return middle }
      let s = (dx * (-v.1) - dy * (-v.0)) / determinant
      return Point(a.x + s * u.0, a.y + s * u.1)
    }
  }

  private static func boxEdge(_ box: Rect, inside: Point, outside: Point) -> Point {
    var (low, high) = (0.0, 1.0)
    for _ in 0..<30 {
      let middle = (low + high) / 2
      let point = Point(inside.x + (outside.x - inside.x) * middle, inside.y + (outside.y - inside.y) * middle)
      if box.contains(point) { low = middle } else { high = middle }
    }
    return Point(inside.x + (outside.x - inside.x) * high, inside.y + (outside.y - inside.y) * high)
  }

  private static func length(_ points: [Point]) -> Double {
    zip(points, points.dropFirst()).reduce(0) { $0 + hypot($1.1.x - $1.0.x, $1.1.y - $1.0.y) }
  }

  /// The polyline without its first `distance` points of length.
  private static func trimmed<C: Collection>(_ points: C, by distance: Double) -> [Point] where C.Element == Point {
    var points = Array(points)
    var left = distance
    while points.count >= 2, left > 0 {
      let step = hypot(points[1].x - points[0].x, points[1].y - points[0].y)
      if step > left {
        let f = left / step
        points[0] = Point(points[0].x + (points[1].x - points[0].x) * f, points[0].y + (points[1].y - points[0].y) * f)
        break
      }
      left -= step
      points.removeFirst()
    }
    return points
  }

  /// The unit direction from the first of two points to the last.
  private static func direction<C: Collection>(_ pair: C) -> (x: Double, y: Double) where C.Element == Point {
    let (a, b) = (pair.first!, Array(pair).last!)
    let length = max(hypot(b.x - a.x, b.y - a.y), 1e-12)
    return ((b.x - a.x) / length, (b.y - a.y) / length)
  }

  /// Two strokes meeting at `tip`, `length` back along `direction` and `half` to each side.
  private static func openHead(_ tip: Point, _ direction: (x: Double, y: Double), length: Double, half: Double)
    -> [PathSegment]
  {
    let base = Point(tip.x - direction.x * length, tip.y - direction.y * length)
    return [
      .move(Point(base.x - direction.y * half, base.y + direction.x * half)), .line(tip),
      .line(Point(base.x + direction.y * half, base.y - direction.x * half)),
    ]
  }

  /// An outline around `points` whose half-width goes from `from` to `to` along it, ending in a head (`tip`, half
  /// its width, its length) when given.
  private static func tapered(_ points: [Point], from: Double, to: Double, tip: (Point, Double, Double)?) -> [Point] {
    guard points.count >= 2 else { return points }
    let total = max(length(points), 1e-12)
    var walked = 0.0
    var left: [Point] = []
    var right: [Point] = []
    for index in points.indices {
      if index > 0 { walked += hypot(points[index].x - points[index - 1].x, points[index].y - points[index - 1].y) }
      let d = direction(
        index == points.count - 1 ? [points[index - 1], points[index]] : [points[index], points[index + 1]])
      let half = from + (to - from) * walked / total
      left.append(Point(points[index].x - d.y * half, points[index].y + d.x * half))
      right.append(Point(points[index].x + d.y * half, points[index].y - d.x * half))
    }
    var outline = left
    if let (point, width, _) = tip {
      let d = direction(points.suffix(2))
      let base = points.last!
      outline += [
        Point(base.x - d.y * width / 2, base.y + d.x * width / 2), point,
        Point(base.x + d.y * width / 2, base.y - d.x * width / 2),
      ]
    }
    return outline + right.reversed()
  }
}
