import Foundation
import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec
import VellumTypesetting

/// Where a panel's series are drawn: its scales, plot and canvas rectangles, text setter, and the drawing
/// pieces several marks share (patches, markers, capped whiskers, gap-split runs).
struct MarkCanvas {
  let xScale: AxisScale
  let yScale: AxisScale
  let plot: Rect
  /// Annotations are kept inside this rectangle (the figure), moved in if they would leave it.
  let canvas: Rect
  let setter: TextSetter
  /// Thin dense lines and bands (min/max per half-point column); see ``Decimation``.
  var decimate = true
  /// Size of value labels and annotations.
  let textSize: Double
  /// Polar axes: the page centre; `xScale` then maps angles to page radians (counter-clockwise from east) and
  /// `yScale` radii to points from the centre.
  var polarCenter: Point?
  /// Lines and areas join their last point back to their first: the closed polygons of a radar chart.
  var closesLoops = false
  /// Page points the layers drawn before this one cover, for marks that place text where nothing is.
  var occupied: [Point] = []

  /// The layer's group, the page points it covers (for choosing a legend spot), and nodes drawn
  /// unclipped above the plot (annotations, value labels).
  func draw(_ layer: ResolvedLayer) throws -> (node: SceneNode, drawing: MarkDrawing) {
    // An error found while drawing (a count over a limit) points at the layer that draws it.
    let drawing = try located(at: layer.location) { try layer.geometry.draw(on: self) }
    return (
      .group(Group(role: layer.role, children: drawing.nodes, source: layer.location, keepsColors: layer.keepsColors)),
      drawing
    )
  }

  /// The page point of data (x, y).
  func page(_ x: Double, _ y: Double) -> Point {
    guard let center = polarCenter else { return Point(xScale.map(x), yScale.map(y)) }
    let (angle, radius) = (xScale.map(x), yScale.map(y))
    return Point(center.x + radius * cos(angle), center.y - radius * sin(angle))
  }

  /// The page point of a filled shape's corner: a value the axis cannot place (zero or below on a log axis, 0 or 1
  /// on a logit one) lies at the edge of the axis it tends to, as matplotlib's clipped scales draw an area, a band
  /// or a bar down to the axis' low edge. On polar axes, ``page(_:_:)``.
  func fillPage(_ x: Double, _ y: Double) -> Point {
    guard polarCenter == nil else { return page(x, y) }
    return Point(xScale.mapToEdge(x), yScale.mapToEdge(y))
  }

  /// The page points of data points (xs[i], ys[i]), as ``page(_:_:)`` places each.
  func pages(_ xs: [Double], _ ys: [Double]) -> [Point] {
    guard polarCenter == nil else { return zip(xs, ys).map { page($0, $1) } }
    let mapping = PlotMapping(x: xScale, y: yScale)
    let count = min(xs.count, ys.count)
    // A long series is placed on every core, each point by the same arithmetic wherever it is placed.
    return [Point](unsafeUninitializedCapacity: count) { points, initialized in
      nonisolated(unsafe) let points = points
      _ = ParallelChunks.map(ParallelChunks.ranges(count: count)) { _, range in
        mapping.points(xs, ys, range, into: points)
      }
      initialized = count
    }
  }

  /// Indices of a run, with the first again at the end when series close into loops.
  func loop(_ run: [Int]) -> [Int] { closesLoops && run.count > 2 ? run + [run[0]] : run }

  /// The outline of the data rectangle x.0…x.1 × y.0…y.1. On cartesian axes a page rectangle (an end at minus
  /// infinity, a bar's zero base on a log axis, starts at the axis' low edge as matplotlib's clipped log scale
  /// draws it); on polar axes an annular sector whose arcs follow the angle, as matplotlib interpolates a polar
  /// bar's edges in 100 steps.
  func outline(x: (Double, Double), y: (Double, Double)) -> [PathSegment] {
    if polarCenter != nil {
      let steps = 100
      let along = (0...steps).map { x.0 + (x.1 - x.0) * Double($0) / Double(steps) }
      return PathGeometry.polygon(along.map { page($0, y.0) } + along.reversed().map { page($0, y.1) })
    }
    let corners = [fillPage(x.0, y.0), fillPage(x.1, y.1)].map(FarPointClipping.clamped)
    return PathGeometry.rect(
      Rect(
        x: min(corners[0].x, corners[1].x), y: min(corners[0].y, corners[1].y),
        width: abs(corners[1].x - corners[0].x), height: abs(corners[1].y - corners[0].y)))
  }

  /// The page point of a value at a position along the category axis (x, or y for horizontal marks), kept near
  /// the canvas.
  func page(category position: Double, value: Double, horizontal: Bool) -> Point {
    FarPointClipping.clamped(horizontal ? page(value, position) : page(position, value))
  }

  /// A straight stroke from `a` to `b`.
  func segment(_ a: Point, _ b: Point, _ style: LineStyle) -> SceneNode {
    .path(PathNode(segments: [.move(a), .line(b)], stroke: style.stroke))
  }

  /// A filled outline; collections (bands, areas) join their edges round, rectangles mitre them, as matplotlib does.
  func patch(_ segments: [PathSegment], _ fill: FillStyle, join: Stroke.Join = .miter) -> SceneNode {
    .path(
      PathNode(
        segments: segments, fill: Paint(fill.color, opacity: fill.alpha), stroke: fill.outline(join: join),
        pattern: fill.hatch))
  }

  /// Markers at every `marker.every`-th point that is finite and near the canvas.
  static let markersPerPath = 256

  func markers(_ points: [Point], _ marker: MarkerStyle) -> [SceneNode] {
    guard marker.size > 0 else { return [] }
    let drawn = points.enumerated().compactMap { index, point in
      index % marker.every == 0 && point.x.isFinite && point.y.isFinite && FarPointClipping.isNear(point) ? point : nil
    }
    // Opaque markers whose edge is their face (matplotlib's default scatter) look the same drawn as one path of
    // many outlines: one element instead of one per point, so a million-point scatter stays one SVG line.
    // Chunks of a few hundred outlines: Cairo rasterizes one path of very many overlapping outlines slower than
    // the same outlines drawn one by one, and chunks keep both the element count and the drawing time low.
    if drawn.count > 1, marker.isOneColorOpaque, case .path(let template) = marker.node(at: drawn[0]) {
      return stride(from: 0, to: drawn.count, by: Self.markersPerPath).map { start in
        var node = template
        node.segments = drawn[start..<min(start + Self.markersPerPath, drawn.count)].flatMap { marker.outline(at: $0) }
        return .path(node)
      }
    }
    return drawn.map { marker.node(at: $0) }
  }

  /// A line from `a` to `b` with caps `cap` points long across it at each end (error bars' whiskers).
  func whisker(
    from a: Point, to b: Point, cap: Double, across horizontal: Bool, width: Double, color: RGB, alpha: Double = 1
  ) -> SceneNode {
    var segments = PathGeometry.polyline([a, b])
    if cap > 0 {
      for end in [a, b] where FarPointClipping.isNear(end) {
        segments +=
          horizontal
          ? [.move(Point(end.x, end.y - cap)), .line(Point(end.x, end.y + cap))]
          : [.move(Point(end.x - cap, end.y)), .line(Point(end.x + cap, end.y))]
      }
    }
    return .path(PathNode(segments: segments, stroke: Stroke(Paint(color, opacity: alpha), width: width)))
  }

  /// Consecutive index runs; a missing value splits a band or area.
  func finiteRuns(_ indices: [Int]) -> [[Int]] {
    var runs: [[Int]] = []
    for index in indices {
      if let last = runs.last?.last, last == index - 1 {
        runs[runs.count - 1].append(index)
      } else {
        runs.append([index])
      }
    }
    return runs
  }
}

/// The box a legend handle is drawn in: `height` tall, resting on the entry's baseline; lines run through its middle.
struct LegendHandle {
  var x: Double
  var length: Double
  var baseline: Double
  var height: Double
  /// In a legend of one scale, the channel the handle shows: a dash legend draws lines without markers, a marker
  /// legend markers without lines, as matplotlib's proxy handles `Line2D([], [], ls='--')` and `(marker='o', ls='')`.
  var showing: EncodedChannel?
  /// Markers drawn this many times their size (matplotlib's `markerscale`).
  var markerScale = 1.0

  /// Whether a line across the handle belongs in it.
  var drawsLine: Bool { showing != .marker }
  /// Whether a marker at its centre belongs in it.
  var drawsMarker: Bool { showing != .dash }

  var middle: Double { baseline - height / 2 }
  var box: Rect { Rect(x: x, y: baseline - height, width: length, height: height) }
  var center: Point { Point(x + length / 2, middle) }

  /// The marker at the handle's centre at the legend's marker scale; nil when the handle shows no markers.
  func marker(_ style: MarkerStyle) -> SceneNode? {
    guard drawsMarker, style.size > 0 else { return nil }
    var scaled = style
    scaled.size *= markerScale
    return scaled.node(at: center)
  }

  /// A stroke across the handle.
  func line(_ style: LineStyle) -> SceneNode {
    .path(PathNode(segments: [.move(Point(x, middle)), .line(Point(x + length, middle))], stroke: style.stroke))
  }

  /// The handle's box filled (and outlined) like a patch.
  func patch(_ fill: FillStyle) -> SceneNode {
    .path(
      PathNode(
        segments: PathGeometry.rect(box), fill: Paint(fill.color, opacity: fill.alpha), stroke: fill.outline(),
        pattern: fill.hatch))
  }
}

extension FillStyle {
  /// The outline: the edge colour at its opacity (its own times the layer's alpha, as matplotlib's patches apply
  /// alpha to face and edge), or the fill's own colour and opacity (as fill_between's).
  func outline(join: Stroke.Join = .miter) -> Stroke? {
    guard edgeWidth > 0 else { return nil }
    return Stroke(edgePaint, width: edgeWidth, join: join)
  }

  /// The outline's paint, also a step histogram's line.
  var edgePaint: Paint { Paint(edge ?? color, opacity: edge == nil ? alpha : edgeAlpha) }
}
