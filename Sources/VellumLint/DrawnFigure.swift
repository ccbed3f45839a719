import Foundation
import VellumDiagnostics
import VellumScene

/// A laid-out scene flattened for checking: every text with its ink box, every filled shape and image with its
/// box, in drawing order and page coordinates, each tagged with the panel and the spec location that drew it.
struct DrawnFigure {
  struct Text {
    var node: TextNode
    /// The glyphs' ink, on the page.
    var box: Rect
    /// The ink's box turned with the text: four corners on the page.
    var quad: [Point]
    /// The largest size of its runs, in points as drawn.
    var size: Double
    var order: Int
    var role: String
    var source: SourceLocation?
  }

  struct Fill {
    var box: Rect
    var color: RGB
    var opacity: Double
    /// The outline is an axis-aligned rectangle: its box is what it covers.
    var isRectangle: Bool
    var order: Int
    /// The outline's points on the page (curves by their end points), one list per subpath.
    var outline: [[Point]]

    /// Whether `point` lies inside the shape (even-odd over its subpaths, within its visible box).
    func covers(_ point: Point) -> Bool {
      guard box.contains(point) else { return false }
      if isRectangle { return true }
      var inside = false
      for polygon in outline where polygon.count > 2 {
        var j = polygon.count - 1
        for i in polygon.indices {
          let (a, b) = (polygon[i], polygon[j])
          if (a.y > point.y) != (b.y > point.y), point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x {
            inside.toggle()
          }
          j = i
        }
      }
      return inside
    }
  }

  struct Image {
    var rect: Rect
    var width: Int
    var height: Int
    var order: Int
    var source: SourceLocation?
  }

  /// One series as a panel shows it: its colour, dash and marker shapes.
  struct Series {
    var role: String
    var panel: String
    var color: RGB
    var dashes: [Double]
    /// The outline of each shape after the first path (markers): its segment kinds up to the first close.
    var shapes: [String]
    var source: SourceLocation?
  }

  /// A legend drawn inside a panel: the box its frame and entries cover.
  struct Legend {
    var box: Rect
    var panel: String
    var source: SourceLocation?
  }

  var width: Double
  var height: Double
  var texts: [Text] = []
  var legends: [Legend] = []
  /// The vertices the data series of each panel draw (line points, marker outlines, bar corners), by panel.
  var dataPoints: [String: [(point: Point, role: String)]] = [:]
  var fills: [Fill] = []
  var images: [Image] = []
  var series: [Series] = []

  init(_ scene: Scene) {
    width = scene.width
    height = scene.height
    var order = 0
    func walk(
      _ nodes: [SceneNode], offset: Point, role: String, panel: String, source: SourceLocation?, clip: Rect?,
      inData: Bool = false
    ) {
      for node in nodes {
        order += 1
        switch node {
        case .group(let group):
          let shift = group.translation.map { Point(offset.x + $0.x, offset.y + $0.y) } ?? offset
          let panel = group.role.hasPrefix("axes-") || group.role.hasPrefix("inset-") ? group.role : panel
          if let first = Self.seriesPaint(group), group.source != nil, !Self.decorationRoles.contains(group.role),
            !group.role.hasPrefix("axes-")
          {
            series.append(
              Series(
                role: group.role, panel: panel, color: first.color, dashes: first.dashes, shapes: Self.shapes(group),
                source: group.source))
          }
          if group.role == "legend", panel.hasPrefix("axes-"),
            let box = Self.bounds(Self.pathSegments(group.children), offset: shift)
          {
            legends.append(Legend(box: box, panel: panel, source: group.source))
          }
          // A group a layer drew (its spec location set) holds data, unless it is the panel's furniture.
          let data =
            inData
            || (group.source != nil && !Self.decorationRoles.contains(group.role) && !group.role.hasPrefix("axes-")
              && !group.role.hasPrefix("inset-"))
          walk(
            group.children, offset: shift, role: group.role, panel: panel, source: group.source ?? source, clip: clip,
            inData: data && group.role != "legend")
        case .clip(let inner):
          // What a clip hides is not under anything: shapes count only where they show.
          let rect = Rect(
            x: inner.rect.x + offset.x, y: inner.rect.y + offset.y, width: inner.rect.width, height: inner.rect.height)
          walk(
            inner.children, offset: offset, role: role, panel: panel, source: source,
            clip: clip.map { Self.intersection($0, rect) } ?? rect, inData: inData)
        case .path(let path):
          if inData {
            for polygon in Self.outline(path.segments, offset: offset) {
              for point in polygon where clip?.contains(point) ?? true {
                dataPoints[panel, default: []].append((point, role))
              }
            }
          }
          guard let fill = path.fill, fill.opacity > 0, var box = Self.bounds(path.segments, offset: offset) else {
            continue
          }
          if let clip { box = Self.intersection(box, clip) }
          guard box.width > 0, box.height > 0 else { continue }
          fills.append(
            Fill(
              box: box, color: fill.color, opacity: fill.opacity, isRectangle: Self.isRectangle(path.segments),
              order: order, outline: Self.outline(path.segments, offset: offset)))
        case .text(let text):
          guard let (box, quad, size) = Self.ink(text, scene: scene, offset: offset) else { continue }
          texts.append(Text(node: text, box: box, quad: quad, size: size, order: order, role: role, source: source))
        case .image(let image):
          let rect = Rect(
            x: image.rect.x + offset.x, y: image.rect.y + offset.y, width: image.rect.width, height: image.rect.height)
          images.append(Image(rect: rect, width: image.width, height: image.height, order: order, source: source))
        }
      }
    }
    walk(scene.nodes, offset: Point(0, 0), role: "", panel: "", source: nil, clip: nil)
  }

  /// Every path segment among `nodes` (not inside their groups).
  static func pathSegments(_ nodes: [SceneNode]) -> [PathSegment] {
    nodes.flatMap { node -> [PathSegment] in
      if case .path(let path) = node { return path.segments }
      if case .group(let group) = node { return pathSegments(group.children) }
      return []
    }
  }

  /// A path's subpaths as point lists, curves by their end points.
  static func outline(_ segments: [PathSegment], offset: Point) -> [[Point]] {
    var polygons: [[Point]] = []
    var current: [Point] = []
    for segment in segments {
      switch segment {
      case .move(let p):
        if !current.isEmpty { polygons.append(current) }
        current = [Point(p.x + offset.x, p.y + offset.y)]
      case .line(let p), .cubic(_, _, let p): current.append(Point(p.x + offset.x, p.y + offset.y))
      case .close: break
      }
    }
    if !current.isEmpty { polygons.append(current) }
    return polygons
  }

  /// The part of `a` inside `b` (empty: zero width or height).
  static func intersection(_ a: Rect, _ b: Rect) -> Rect {
    let (x0, y0) = (max(a.minX, b.minX), max(a.minY, b.minY))
    let (x1, y1) = (min(a.maxX, b.maxX), min(a.maxY, b.maxY))
    return Rect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
  }

  /// Groups that draw a panel's furniture, not its data.
  static let decorationRoles: Set<String> = ["legend", "title", "annotations", "colorbar", "figure-title"]

  /// The colour and dash a series group shows first: its first stroked path's, else its first filled one's.
  private static func seriesPaint(_ group: Group) -> (color: RGB, dashes: [Double])? {
    var fill: RGB?
    for child in group.children {
      guard case .path(let path) = child else { continue }
      if let stroke = path.stroke, stroke.paint.opacity > 0 { return (stroke.paint.color, stroke.dashes) }
      if fill == nil, let paint = path.fill, paint.opacity > 0 { fill = paint.color }
    }
    return fill.map { ($0, []) }
  }

  /// What tells a series' markers apart: the segment kinds of each path's first outline, after the first path.
  private static func shapes(_ group: Group) -> [String] {
    let paths = group.children.compactMap { node -> PathNode? in
      if case .path(let path) = node { return path }
      return nil
    }
    return paths.dropFirst().map { path in
      var kinds = ""
      for segment in path.segments.dropFirst() {
        switch segment {
        case .move: return kinds
        case .line: kinds += "l"
        case .cubic: kinds += "c"
        case .close: return kinds
        }
      }
      return kinds
    }
  }

  /// The box of a path's points (control points included: a box that holds the curve).
  static func bounds(_ segments: [PathSegment], offset: Point) -> Rect? {
    var (minX, minY, maxX, maxY) = (Double.infinity, Double.infinity, -Double.infinity, -Double.infinity)
    func add(_ p: Point) {
      minX = min(minX, p.x + offset.x)
      maxX = max(maxX, p.x + offset.x)
      minY = min(minY, p.y + offset.y)
      maxY = max(maxY, p.y + offset.y)
    }
    for segment in segments {
      switch segment {
      case .move(let p), .line(let p): add(p)
      case .cubic(let a, let b, let c): [a, b, c].forEach(add)
      case .close: break
      }
    }
    guard minX <= maxX, minY <= maxY else { return nil }
    return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
  }

  /// Four corners joined by horizontal and vertical lines.
  static func isRectangle(_ segments: [PathSegment]) -> Bool {
    var points: [Point] = []
    for segment in segments {
      switch segment {
      case .move(let p), .line(let p): points.append(p)
      case .cubic: return false
      case .close: break
      }
    }
    if points.count == 5, points[4] == points[0] { points.removeLast() }
    guard points.count == 4 else { return false }
    return (0..<4).allSatisfy { i in
      let (a, b) = (points[i], points[(i + 1) % 4])
      return a.x == b.x || a.y == b.y
    }
  }

  /// A text's ink box on the page (its glyph outlines, rotated about its origin), that box's turned corners, and its
  /// largest run size.
  static func ink(_ text: TextNode, scene: Scene, offset: Point) -> (Rect, [Point], Double)? {
    var corners: [Point] = []
    var size = 0.0
    for run in text.runs {
      size = max(size, run.font.size)
      for glyph in run.glyphs {
        guard let outline = scene.glyphOutlines[GlyphRef(face: run.face, id: glyph.id)],
          let box = bounds(outline, offset: Point(0, 0))
        else { continue }
        let (x, y) = (run.offset.x + glyph.x, run.offset.y + glyph.y)
        let s = run.font.size
        corners += [
          Point(x + box.minX * s, y + box.minY * s), Point(x + box.maxX * s, y + box.maxY * s),
          Point(x + box.minX * s, y + box.maxY * s), Point(x + box.maxX * s, y + box.minY * s),
        ]
      }
    }
    for rule in text.rules {
      corners += [Point(rule.minX, rule.minY), Point(rule.maxX, rule.maxY)]
    }
    guard !corners.isEmpty else { return nil }
    let (lowX, highX) = (corners.map(\.x).min()!, corners.map(\.x).max()!)
    let (lowY, highY) = (corners.map(\.y).min()!, corners.map(\.y).max()!)
    // Counter-clockwise on the page is clockwise in y-down coordinates.
    let angle = -text.rotation * .pi / 180
    let page = [Point(lowX, lowY), Point(highX, lowY), Point(highX, highY), Point(lowX, highY)].map { p in
      Point(
        text.origin.x + offset.x + p.x * cos(angle) - p.y * sin(angle),
        text.origin.y + offset.y + p.x * sin(angle) + p.y * cos(angle))
    }
    let xs = page.map(\.x)
    let ys = page.map(\.y)
    return (Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!), page, size)
  }
}
