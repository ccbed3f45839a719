import Foundation
import VellumScene
import VellumSpec

/// Turns resolved layers into scene groups in page coordinates.
struct MarkCompiler {
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

  /// The layer's group, the page points it covers (for choosing a legend spot), and nodes drawn
  /// unclipped above the plot (annotations, value labels) with their boxes.
  func compile(_ layer: ResolvedLayer) throws -> (node: SceneNode, points: [Point], overlay: [PlacedText]) {
    var children: [SceneNode] = []
    var points: [Point] = []
    var overlay: [PlacedText] = []
    func page(_ x: Double, _ y: Double) -> Point { Point(xScale.map(x), yScale.map(y)) }
    switch layer.mark {
    case .line(let x, let y, let style, let step, let marker):
      points = zip(x, y).map { page($0, $1) }
      var drawn = step.map { stepped(points, $0) } ?? points
      if decimate && Decimation.shouldDecimate(drawn.count, plotWidth: plot.width) { drawn = Decimation.minMax(drawn) }
      let segments = PathGeometry.polyline(drawn)
      if !segments.isEmpty && style.width > 0 {
        children.append(.path(PathNode(segments: segments, stroke: style.stroke)))
      }
      if let marker { children += markers(points, marker) }
    case .scatter(let x, let y, let marker):
      points = zip(x, y).map { page($0, $1) }
      children += markers(points, marker)
    case .band(let x, let lower, let upper, let fill):
      for run in finiteRuns(x.indices.filter { x[$0].isFinite && lower[$0].isFinite && upper[$0].isFinite }) {
        var top = run.map { page(x[$0], upper[$0]) }
        var bottom = run.reversed().map { page(x[$0], lower[$0]) }
        if decimate && Decimation.shouldDecimate(top.count, plotWidth: plot.width) {
          top = Decimation.minMax(top)
          bottom = Decimation.minMax(bottom)
        }
        points += top + bottom
        children.append(patch(PathGeometry.polygon(top + bottom), fill, join: .round))
      }
    case .area(let x, let y, let baseline, let fill):
      for run in finiteRuns(x.indices.filter { x[$0].isFinite && y[$0].isFinite }) {
        let top = run.map { page(x[$0], y[$0]) }
        let bottom = run.reversed().map { page(x[$0], baseline) }
        points += top
        children.append(patch(PathGeometry.polygon(top + bottom), fill, join: .round))
      }
    case .bars(let bars, let fill, let horizontal, let valueLabels, let capSize):
      for bar in bars where bar.value.isFinite && bar.position.isFinite {
        let (a, b) = (bar.position - bar.width / 2, bar.position + bar.width / 2)
        // Clamped before the width is taken: Rect's origin + size would lose a far corner's precision.
        let corners = (horizontal ? [page(bar.base, a), page(bar.value, b)] : [page(a, bar.base), page(b, bar.value)])
          .map(FarPointClipping.clamped)
        let rect = Rect(
          x: min(corners[0].x, corners[1].x), y: min(corners[0].y, corners[1].y),
          width: abs(corners[1].x - corners[0].x),
          height: abs(corners[1].y - corners[0].y))
        points += [Point(rect.minX, rect.minY), Point(rect.maxX, rect.maxY), Point(rect.midX, rect.midY)]
        children.append(patch(PathGeometry.rect(rect), fill))
        var tip = horizontal ? page(bar.value, bar.position) : page(bar.position, bar.value)
        if let error = bar.error, error.isFinite, error > 0 {
          let ends =
            horizontal
            ? (page(bar.value - error, bar.position), page(bar.value + error, bar.position))
            : (page(bar.position, bar.value - error), page(bar.position, bar.value + error))
          children.append(
            errorBar(from: ends.0, to: ends.1, cap: capSize, horizontal: horizontal, width: 1, color: .black))
          tip = bar.value >= bar.base ? (horizontal ? ends.1 : ends.1) : ends.0
        }
        // Labels of bars that end far off the canvas would be invisible, and unprintable.
        if let valueLabels, FarPointClipping.isNear(tip) {
          overlay.append(try valueLabel(bar, pattern: valueLabels, tip: tip, horizontal: horizontal))
        }
      }
    case .errorbar(let x, let y, let yError, let xError, let style, let cap, let marker):
      points = zip(x, y).map { page($0, $1) }
      for i in x.indices where x[i].isFinite && y[i].isFinite {
        if let yError, yError[i].isFinite {
          children.append(
            errorBar(
              from: page(x[i], y[i] - yError[i]), to: page(x[i], y[i] + yError[i]), cap: cap, horizontal: false,
              width: style.width, color: style.color, alpha: style.alpha))
        }
        if let xError, xError[i].isFinite {
          children.append(
            errorBar(
              from: page(x[i] - xError[i], y[i]), to: page(x[i] + xError[i], y[i]), cap: cap, horizontal: true,
              width: style.width, color: style.color, alpha: style.alpha))
        }
      }
      if let marker { children += markers(points, marker) }
    case .hline(let y, let style):
      points = [Point(plot.minX, yScale.map(y)), Point(plot.maxX, yScale.map(y))]
      children.append(.path(PathNode(segments: PathGeometry.polyline(points), stroke: style.stroke)))
    case .vline(let x, let style):
      points = [Point(xScale.map(x), plot.maxY), Point(xScale.map(x), plot.minY)]
      children.append(.path(PathNode(segments: PathGeometry.polyline(points), stroke: style.stroke)))
    case .hspan(let from, let to, let fill):
      let (a, b) = (FarPointClipping.clamped(yScale.map(from)), FarPointClipping.clamped(yScale.map(to)))
      children.append(
        patch(PathGeometry.rect(Rect(x: plot.minX, y: min(a, b), width: plot.width, height: abs(b - a))), fill))
    case .vspan(let from, let to, let fill):
      let (a, b) = (FarPointClipping.clamped(xScale.map(from)), FarPointClipping.clamped(xScale.map(to)))
      children.append(
        patch(PathGeometry.rect(Rect(x: min(a, b), y: plot.minY, width: abs(b - a), height: plot.height)), fill))
    case .text(let spec):
      let target = page(spec.x, spec.y)
      guard FarPointClipping.isNear(target) else { break }
      let (placed, arrow) = try annotation(spec, target: target)
      overlay.append(placed)
      if let arrow { children += arrow }
      points = [target]
    }
    return (.group(Group(role: layer.role, children: children)), points, overlay)
  }

  /// A filled outline; collections (bands, areas) join their edges round, rectangles mitre them, as matplotlib does.
  private func patch(_ segments: [PathSegment], _ fill: FillStyle, join: Stroke.Join = .miter) -> SceneNode {
    let paint = Paint(fill.color, opacity: fill.alpha)
    let stroke =
      fill.edgeWidth > 0
      ? Stroke(
        Paint(fill.edge ?? fill.color, opacity: fill.edge == nil ? fill.alpha : 1), width: fill.edgeWidth, join: join)
      : nil
    return .path(PathNode(segments: segments, fill: paint, stroke: stroke))
  }

  private func markers(_ points: [Point], _ marker: MarkerStyle) -> [SceneNode] {
    guard marker.size > 0 else { return [] }
    return points.enumerated().compactMap { index, point in
      guard index % marker.every == 0, point.x.isFinite, point.y.isFinite, FarPointClipping.isNear(point) else {
        return nil
      }
      return marker.node(at: point)
    }
  }

  /// matplotlib's drawstyle steps: `pre` jumps before each point, `post` after, `mid` halfway.
  private func stepped(_ points: [Point], _ step: LineLayerSpec.Step) -> [Point] {
    guard points.count > 1 else { return points }
    var result = [points[0]]
    for (previous, next) in zip(points, points.dropFirst()) {
      switch step {
      case .pre: result += [Point(previous.x, next.y), next]
      case .post: result += [Point(next.x, previous.y), next]
      case .mid:
        let middle = (previous.x + next.x) / 2
        result += [Point(middle, previous.y), Point(middle, next.y), next]
      }
    }
    return result
  }

  private func errorBar(
    from a: Point, to b: Point, cap: Double, horizontal: Bool, width: Double, color: RGB, alpha: Double = 1
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

  private func valueLabel(_ bar: Bar, pattern: String, tip: Point, horizontal: Bool) throws -> PlacedText {
    let value = bar.value - bar.base
    let text =
      pattern == "auto"
      ? TickFormatter.fixed(value, min(TickFormatter.commonDecimals([value]), 3))
      : TickFormatter.minusSign(PrintfPattern.format(pattern, value))
    let label = try setter.set(literal: text, size: textSize)
    let gap = 2.0
    let ahead = value >= 0
    if horizontal {
      let x = ahead ? tip.x + gap : tip.x - gap
      return PlacedText.horizontal(label, x: x, baseline: tip.y + label.ascent / 2, anchor: ahead ? .start : .end)
    }
    let baseline = ahead ? tip.y - gap - label.descent : tip.y + gap + label.ascent
    return PlacedText.horizontal(label, x: tip.x, baseline: baseline, anchor: .middle)
  }

  /// The annotation's text at its offset from `target`, and an arrow from the text to the target.
  private func annotation(_ spec: TextAnnotationSpec, target: Point) throws -> (PlacedText, [SceneNode]?) {
    let label = try setter.set(label: spec.text, size: spec.size ?? textSize)
    let origin = Point(target.x + spec.offset.x, target.y - spec.offset.y)
    let anchor: PlacedText.Anchor = spec.anchor == .start ? .start : spec.anchor == .middle ? .middle : .end
    var placed = PlacedText.horizontal(label, x: origin.x, baseline: origin.y + label.ascent / 2, anchor: anchor)
    let shiftX = max(0, canvas.minX + 1 - placed.box.minX) - max(0, placed.box.maxX - (canvas.maxX - 1))
    let shiftY = max(0, canvas.minY + 1 - placed.box.minY) - max(0, placed.box.maxY - (canvas.maxY - 1))
    if shiftX != 0 || shiftY != 0 {
      placed = PlacedText.horizontal(
        label, x: origin.x + shiftX, baseline: origin.y + label.ascent / 2 + shiftY, anchor: anchor)
    }
    if case .text(var node) = placed.node {
      node.paint = Paint(spec.color.rgb, opacity: spec.color.alpha)
      placed.node = .text(node)
    }
    guard spec.arrow, spec.offset != (0, 0) else { return (placed, nil) }
    let box = placed.box
    let center = Point(box.midX, box.midY)
    // Start where the line from the text's centre to the target leaves the text's box, plus a gap.
    let dx = target.x - center.x
    let dy = target.y - center.y
    let length = (dx * dx + dy * dy).squareRoot()
    guard length > 0 else { return (placed, nil) }
    let exit = min(dx == 0 ? .infinity : box.width / 2 / abs(dx), dy == 0 ? .infinity : box.height / 2 / abs(dy))
    let gap = 2.0
    let (ux, uy) = (dx / length, dy / length)
    let start = Point(center.x + dx * exit + ux * gap, center.y + dy * exit + uy * gap)
    let head = 3 * spec.arrowWidth + 4
    let tip = Point(target.x - ux * gap, target.y - uy * gap)
    guard (tip.x - start.x) * ux + (tip.y - start.y) * uy > head else { return (placed, nil) }
    let neck = Point(tip.x - ux * head, tip.y - uy * head)
    let (px, py) = (-uy * head * 0.35, ux * head * 0.35)
    let paint = Paint(spec.color.rgb, opacity: spec.color.alpha)
    return (
      placed,
      [
        .path(PathNode(segments: [.move(start), .line(neck)], stroke: Stroke(paint, width: spec.arrowWidth))),
        .path(
          PathNode(
            segments: PathGeometry.polygon([tip, Point(neck.x + px, neck.y + py), Point(neck.x - px, neck.y - py)]),
            fill: paint)),
      ]
    )
  }

  /// Consecutive index runs; a missing value splits a band or area.
  private func finiteRuns(_ indices: [Int]) -> [[Int]] {
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
