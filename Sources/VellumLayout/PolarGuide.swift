import Foundation
import VellumDiagnostics
import VellumScene
import VellumSpec
import VellumTypesetting

/// The decorations of polar axes, as matplotlib draws them: a circular (or, for categories, polygonal) frame,
/// radial grid rings at the radius ticks and spokes at the angle ticks, angle labels outside the frame and radius
/// labels beside one spoke. The scales it makes map x to page angles and y to distances from the centre.
struct PolarGuide {
  let spec: AxesSpec
  let polar: PolarSpec
  let limits: PanelLimits
  /// Category names when the angle is categorical.
  let categories: [String]
  let setter: TextSetter
  var showTickLabels = true

  /// Gap between the frame and the angle labels: matplotlib's tick pad.
  private var pad: Double { spec.ticks.pad }

  /// Page angle (radians, counter-clockwise from east) at angle value 0, and +1 or −1 for the direction.
  private var orientation: (offset: Double, sign: Double) {
    let start = polar.start ?? (spec.x.scale.isCategorical ? 90 : 0)
    return (start * .pi / 180, polar.direction == .counterclockwise ? 1 : -1)
  }

  /// Angle values once round the circle: the category count, 360° or 2π.
  private var turn: Double {
    spec.x.scale.isCategorical ? limits.x.1 - limits.x.0 : polar.turn
  }

  /// The angle limits cover less than a turn: a sector is drawn (matplotlib's thetamin/thetamax).
  private var isSector: Bool { limits.x.1 - limits.x.0 < turn * (1 - 1e-12) }

  /// The sector's extent in units of the radius, y up, centre at the origin: the centre, the arc's ends and the
  /// compass points the arc passes.
  private var unitBounds: (minX: Double, maxX: Double, minY: Double, maxY: Double) {
    guard isSector else { return (-1, 1, -1, 1) }
    let theta = angleScale()
    let (a, b) = (theta.map(limits.x.0), theta.map(limits.x.1))
    let (low, high) = (min(a, b), max(a, b))
    var angles = [a, b]
    var k = (low / (.pi / 2)).rounded(.up)
    while k * .pi / 2 <= high {
      angles.append(k * .pi / 2)
      k += 1
    }
    let xs = angles.map { cos($0) } + [0]
    let ys = angles.map { sin($0) } + [0]
    return (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
  }

  /// The circle's centre and radius inside `p`: the largest circle (or sector) the plot holds, centred in it.
  func circle(in p: Rect) -> (center: Point, radius: Double) {
    let b = unitBounds
    let radius = max(0, min(p.width / (b.maxX - b.minX), p.height / (b.maxY - b.minY)))
    return (Point(p.midX - radius * (b.minX + b.maxX) / 2, p.midY + radius * (b.minY + b.maxY) / 2), radius)
  }

  /// The page rectangle the circle (or sector) fills inside `p`.
  func bounds(in p: Rect) -> Rect {
    let (center, radius) = circle(in: p)
    let b = unitBounds
    return Rect(
      x: center.x + radius * b.minX, y: center.y - radius * b.maxY, width: radius * (b.maxX - b.minX),
      height: radius * (b.maxY - b.minY))
  }

  /// The angle scale: one turn from the start angle, in the chosen direction.
  func angleScale() -> AxisScale {
    let (offset, sign) = orientation
    return AxisScale(low: 0, high: turn, start: offset, end: offset + sign * 2 * .pi)
  }

  /// An arc at `radius` from angle value `from` to `to`, as page points every degree or closer.
  private func arc(center: Point, radius: Double, from: Double, to: Double) -> [Point] {
    let theta = angleScale()
    let steps = max(2, Int((abs(to - from) / turn * 360).rounded(.up)))
    return (0...steps).map { step in
      let angle = theta.map(from + (to - from) * Double(step) / Double(steps))
      return Point(center.x + radius * cos(angle), center.y - radius * sin(angle))
    }
  }

  func decorate(plot p: Rect) throws -> AxesDecorations {
    let (center, radius) = circle(in: p)
    let theta = angleScale()
    let r = AxisScale(low: limits.y.0, high: limits.y.1, start: 0, end: radius)
    func page(_ angle: Double, _ distance: Double) -> Point {
      Point(center.x + distance * cos(angle), center.y - distance * sin(angle))
    }
    // Angle ticks: every category, or matplotlib's eight multiples of 45° on a numeric angle; on a sector,
    // ThetaLocator's AutoLocator over its degrees.
    var angleValues: [Double]
    let angleTexts: [String]
    if spec.x.scale.isCategorical {
      angleValues = categories.indices.map(Double.init)
      angleTexts = categories
    } else {
      let perTurn = turn
      switch spec.x.ticks {
      case .values(let values, _): angleValues = values
      case .step(let step):
        angleValues = TickLocator.multiples(
          of: step, from: limits.x.0, to: isSector ? limits.x.1 : limits.x.1 - step / 2)
      case .auto, .months:
        if isSector {
          let degrees = (limits.x.0 * 360 / perTurn, limits.x.1 * 360 / perTurn)
          // matplotlib's ThetaAxis: AutoLocator in degrees with steps at degree multiples, as many bins (at most 9) as
          // the sector's width holds labels three font sizes apart.
          let bins = Int(max(1, min(9, (bounds(in: p).width / (3 * spec.ticks.labelSize)).rounded(.down))))
          angleValues = TickLocator.rawMaxN(
            low: degrees.0, high: degrees.1, bins: bins, minimumInside: 2, steps: [1, 1.5, 3, 4.5, 9, 10]
          ).map { $0 * perTurn / 360 }
        } else {
          angleValues = (0..<8).map { limits.x.0 + Double($0) * perTurn / 8 }
        }
      }
      if isSector { angleValues = angleValues.filter { $0 >= limits.x.0 - 1e-9 && $0 <= limits.x.1 + 1e-9 } }
      angleTexts = angleValues.map { value in
        let degrees = TickLocator.clean(value / perTurn * 360)
        return TickFormatter.minusSign(TickFormatter.fixed(degrees, degrees == degrees.rounded() ? 0 : 1)) + "°"
      }
    }
    // Radius ticks: matplotlib's locator over the radius, leaving out the centre.
    let length = 2 * radius
    let room = length / (spec.ticks.labelSize * 2)
    let radiusValues = spec.y.position.ticks(
      spec.y.ticks, low: limits.y.0, high: limits.y.1, maxBins: room.isFinite ? Int(max(1, min(9, room))) : 1,
      categories: []
    ).filter { r.map($0) > 1e-9 && r.map($0) <= radius + 1e-9 }
    let (radiusTexts, _) = TickFormatter.labels(radiusValues, format: spec.y.format, decimals: spec.y.decimals)

    var boxes = [p]
    // Grid: rings (or polygons) at the radius ticks, spokes at the angle ticks.
    var gridNode: SceneNode?
    // matplotlib turns the grid on for polar axes; `grid: false` turns it off.
    let showRings = spec.grid?.y ?? true
    let showSpokes = spec.grid?.x ?? true
    if let lines = spec.grid == nil ? GridSpec.defaultMajor : spec.grid?.major, lines.width > 0 {
      var segments: [PathSegment] = []
      if showRings {
        for value in radiusValues {
          segments +=
            isSector
            ? PathGeometry.polyline(arc(center: center, radius: r.map(value), from: limits.x.0, to: limits.x.1))
            : ring(center: center, radius: r.map(value), spokes: angleValues)
        }
      }
      if showSpokes {
        for value in angleValues { segments += [.move(center), .line(page(theta.map(value), radius))] }
      }
      var stroke = LineStyle(
        color: lines.color.rgb, alpha: lines.alpha * lines.color.alpha, width: lines.width, dash: lines.dash
      ).stroke
      stroke.cap = .butt
      if !segments.isEmpty {
        gridNode = .group(Group(role: "grid", children: [.path(PathNode(segments: segments, stroke: stroke))]))
      }
    }
    var frameNode: SceneNode?
    if spec.frame.style != .none, spec.frame.width > 0 {
      let paint = Paint(spec.frame.color.rgb, opacity: spec.frame.color.alpha)
      frameNode = .group(
        Group(
          role: "frame",
          children: [
            .path(
              PathNode(
                segments: isSector
                  ? PathGeometry.polygon(
                    [center] + arc(center: center, radius: radius, from: limits.x.0, to: limits.x.1))
                  : ring(center: center, radius: radius, spokes: angleValues),
                stroke: Stroke(paint, width: spec.frame.width, join: .miter)))
          ]))
    }
    // Angle labels just outside the frame, their boxes' centres pushed out by half their extent along the spoke,
    // so a long label at 3 o'clock starts after the frame instead of straddling it.
    var angleNodes: [SceneNode] = []
    if showTickLabels {
      for (value, text) in zip(angleValues, angleTexts) {
        let set = try setter.set(literal: text, size: spec.ticks.labelSize)
        let angle = theta.map(value)
        let (c, s) = (cos(angle), sin(angle))
        let reach = radius + pad + abs(c) * set.width / 2 + abs(s) * set.height / 2
        let middle = page(angle, reach)
        let placed = PlacedText.horizontal(
          set, x: middle.x, baseline: middle.y + set.height / 2 - set.descent, anchor: .middle)
        // The angle axis's colour, as a cartesian axis's `color` paints its tick labels.
        angleNodes.append(placed.painted(spec.x.color).node)
        boxes.append(placed.box)
      }
    }
    var radiusNodes: [SceneNode] = []
    if showTickLabels {
      let (offset, sign) = orientation
      // On a sector the labels stand beside its starting edge unless their angle lies inside it.
      let labelValue = polar.labelAngle / 360 * turn
      let inside = !isSector || (limits.x.0...limits.x.1).contains(labelValue)
      let spoke = inside ? offset + sign * polar.labelAngle * .pi / 180 : theta.map(limits.x.0)
      for (value, text) in zip(radiusValues, radiusTexts) {
        let set = try setter.set(literal: text.text, size: spec.ticks.labelSize)
        let at = page(spoke, r.map(value))
        let placed = PlacedText.horizontal(set, x: at.x, baseline: at.y + set.ascent / 2, anchor: .start)
        radiusNodes.append(placed.painted(spec.y.color).node)
        boxes.append(placed.box)
      }
    }
    // Axis labels: the y label left of the circle as matplotlib's, the x label below.
    if let label = spec.x.label {
      let set = try setter.set(label: label.text, size: label.size)
      let bottom = boxes.map(\.maxY).max() ?? p.maxY
      let placed = PlacedText.horizontal(set, x: center.x, baseline: bottom + label.pad + set.ascent, anchor: .middle)
      angleNodes.append(placed.node)
      boxes.append(placed.box)
    }
    if let label = spec.y.label {
      let set = try setter.set(label: label.text, size: label.size)
      let left = boxes.map(\.minX).min() ?? p.minX
      let placed = PlacedText.vertical(set, right: left - label.pad, centerY: center.y)
      radiusNodes.append(placed.node)
      boxes.append(placed.box)
    }
    var titleNode: SceneNode?
    if let title = spec.title {
      let set = try setter.set(label: title.text, size: title.size)
      let top = boxes.map(\.minY).min() ?? p.minY
      let placed = PlacedText.horizontal(set, x: center.x, baseline: top - title.pad - set.descent, anchor: .middle)
      titleNode = .group(Group(role: "title", children: [placed.node], source: spec.title?.text.location))
      boxes.append(placed.box)
    }
    var decorations = AxesDecorations(
      frame: frameNode, grid: gridNode, xAxis: .group(Group(role: "axis-x", children: angleNodes)),
      yAxis: .group(Group(role: "axis-y", children: radiusNodes)), title: titleNode, boxes: boxes, xScale: theta,
      yScale: r)
    decorations.polarCenter = center
    return decorations
  }

  /// A circle, or for a polygon grid the polygon through the spokes at `radius`.
  private func ring(center: Point, radius: Double, spokes: [Double]) -> [PathSegment] {
    guard polar.grid == .polygon, spokes.count >= 3 else { return PathGeometry.circle(center: center, radius: radius) }
    let theta = angleScale()
    return PathGeometry.polygon(
      spokes.map { Point(center.x + radius * cos(theta.map($0)), center.y - radius * sin(theta.map($0))) })
  }
}
