import VellumScene
import VellumSpec
import VellumTypesetting

/// A colorbar for a continuous colour scale, right of the plot: the colormap as stacked slices, an outline,
/// ticks where the norm puts the axis' tick values (matplotlib's locators and formatters), and a label.
struct ColorbarGuide {
  let scale: ContinuousColorScale
  let spec: ColorbarSpec
  let setter: TextSetter
  let style: TickStyleSpec
  let label: SetText?

  /// `labelSize` is the axis labels' size, which the label takes unless it names its own.
  init(
    scale: ContinuousColorScale, spec: ColorbarSpec, setter: TextSetter, style: TickStyleSpec, labelSize: Double
  ) throws {
    self.scale = scale
    self.spec = spec
    self.setter = setter
    self.style = style
    label = try spec.label.map { try setter.set(label: $0, size: spec.labelSize ?? labelSize) }
  }

  /// The axis scale whose ticks and labels the bar takes: decades for a log norm, symlog's for symlog, else linear.
  private var axisScale: any PositionScale {
    switch scale.norm {
    case .log: return LogScale(base: 10)
    case .symlog(let linthresh): return SymlogScale(base: 10, linthresh: linthresh)
    case .linear, .centered: return LinearScale()
    }
  }

  /// The bar's nodes and the boxes they occupy. Right of the plot the bar stands upright with its inner edge at
  /// `start` (an x); below, it lies along the plot's width with its top at `start` (a y).
  func build(plot p: Rect, start: Double) throws -> (node: SceneNode, boxes: [Rect]) {
    let vertical = spec.location == .right
    let span = vertical ? p.height : p.width
    let thickness = spec.size ?? span / 20
    // Extension triangles take 5 % of the interior's length each (matplotlib's extendfrac), within the span.
    let (extendsLow, extendsHigh) = (
      spec.extend == .min || spec.extend == .both, spec.extend == .max || spec.extend == .both
    )
    let interior = span / (1 + 0.05 * Double((extendsLow ? 1 : 0) + (extendsHigh ? 1 : 0)))
    let tip = 0.05 * interior
    let lowEnd = extendsLow ? tip : 0
    /// The page point `along` points from the low end of the interior and `across` points out from the plot side.
    func point(_ along: Double, _ across: Double) -> Point {
      vertical ? Point(start + across, p.maxY - lowEnd - along) : Point(p.minX + lowEnd + along, start + across)
    }
    func rect(_ a: Point, _ b: Point) -> Rect {
      Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))
    }
    let bar = rect(point(0, 0), point(interior, thickness))
    var ramp: [SceneNode] = []
    // Runs of equal colour as one slice each; every slice reaches half a point into the next, hiding seams.
    let colors = scale.colormap.colors
    var first = 0
    for index in colors.indices where index == colors.count - 1 || colors[index + 1] != colors[index] {
      let (t0, t1) = (Double(first) / Double(colors.count), Double(index + 1) / Double(colors.count))
      let end = t1 * interior + (index == colors.count - 1 ? 0 : 0.5)
      ramp.append(
        .path(
          PathNode(
            segments: PathGeometry.rect(rect(point(t0 * interior, 0), point(end, thickness))),
            fill: Paint(colors[index]))))
      first = index + 1
    }
    var outline = [point(0, 0)]
    if extendsLow {
      let triangle = [point(0, 0), point(-tip, thickness / 2), point(0, thickness)]
      ramp.append(.path(PathNode(segments: PathGeometry.polygon(triangle), fill: Paint(scale.under))))
      outline.append(triangle[1])
    }
    outline += [point(0, thickness), point(interior, thickness)]
    if extendsHigh {
      let triangle = [point(interior, thickness), point(interior + tip, thickness / 2), point(interior, 0)]
      ramp.append(.path(PathNode(segments: PathGeometry.polygon(triangle), fill: Paint(scale.over))))
      outline.append(triangle[1])
    }
    outline.append(point(interior, 0))
    // The ramp shows the colormap's own colours, which a dark theme keeps as it keeps the marks painted from it.
    var nodes: [SceneNode] = [.group(Group(role: "colorbar-ramp", children: ramp, keepsColors: true))]
    nodes.append(
      .path(PathNode(segments: PathGeometry.polygon(outline), stroke: Stroke(Paint(.black), width: 0.8, join: .miter))))
    // The bar with its extension triangles: the whole span beside the plot.
    var boxes = [rect(point(-lowEnd, 0), point(span - lowEnd, thickness))]
    // Ticks: the axis locator over the limits, placed through the norm so any norm lines up with the colours.
    let (low, high) = scale.limits
    let room = interior / (style.labelSize * (vertical ? 2 : 3))
    let ticking = axisScale
    let values =
      (scale.boundaries.map(Self.fixedTicks)
      ?? ticking.autoTicks(
        low: min(low, high), high: max(low, high), maxBins: Int(max(1, min(9, room))), categories: []))
      .filter {
        let t = scale.normalized($0)
        return t >= -1e-9 && t <= 1 + 1e-9
      }
    let (texts, offset) = ticking.labels(values, format: spec.format, decimals: nil, categories: [])
    let length = style.length
    var marks: [PathSegment] = []
    // How far the tick labels reach out from the bar's outer side; the label goes past them.
    var reach = length
    for (value, text) in zip(values, texts) {
      let along = scale.normalized(value) * interior
      marks += [.move(point(along, thickness)), .line(point(along, thickness + length))]
      let set = try set(text)
      let at = point(along, thickness + length + style.pad)
      let placed =
        vertical
        ? PlacedText.horizontal(set, x: at.x, baseline: at.y + set.ascent / 2, anchor: .start)
        : PlacedText.horizontal(set, x: at.x, baseline: at.y + set.ascent, anchor: .middle)
      nodes.append(placed.node)
      boxes.append(placed.box)
      reach = max(reach, vertical ? placed.box.maxX - bar.maxX : placed.box.maxY - bar.maxY)
    }
    if !marks.isEmpty {
      nodes.append(.path(PathNode(segments: marks, stroke: Stroke(Paint(.black), width: style.width))))
    }
    // A log norm's bar carries minor ticks at 2…9 × 10ⁿ, as matplotlib's colorbar on a LogNorm: 0.57 of the
    // major length, 0.75 of the width (2 pt and 0.6 pt beside 3.5 and 0.8).
    if case .log = scale.norm, scale.boundaries == nil {
      let minors = ticking.minorTicks(majors: values, low: min(low, high), high: max(low, high)).filter {
        let t = scale.normalized($0)
        return t >= -1e-9 && t <= 1 + 1e-9
      }
      let minorMarks = minors.flatMap { value -> [PathSegment] in
        let along = scale.normalized(value) * interior
        return [.move(point(along, thickness)), .line(point(along, thickness + length * 0.57))]
      }
      if !minorMarks.isEmpty {
        nodes.append(.path(PathNode(segments: minorMarks, stroke: Stroke(Paint(.black), width: style.width * 0.75))))
      }
    }
    if let offset {
      let set = try set(offset)
      let placed =
        vertical
        ? PlacedText.horizontal(
          set, x: bar.minX, baseline: bar.minY - (extendsHigh ? tip : 0) - 3 - set.descent, anchor: .start)
        : PlacedText.horizontal(set, x: bar.maxX, baseline: bar.maxY + reach + 2 + set.ascent, anchor: .end)
      nodes.append(placed.node)
      boxes.append(placed.box)
      if !vertical { reach = placed.box.maxY - bar.maxY }
    }
    if let label {
      let placed =
        vertical
        ? (spec.labelRotation == 270
          ? PlacedText.downward(label, left: bar.maxX + reach + spec.labelPad, centerY: bar.midY)
          : PlacedText.vertical(label, right: bar.maxX + reach + spec.labelPad + label.height, centerY: bar.midY))
        : PlacedText.horizontal(
          label, x: bar.midX, baseline: bar.maxY + reach + spec.labelPad + label.ascent, anchor: .middle)
      nodes.append(placed.node)
      boxes.append(placed.box)
    }
    return (.group(Group(role: "colorbar", children: nodes)), boxes)
  }

  /// matplotlib's FixedLocator(boundaries, nbins=10): every k-th boundary so at most ten remain, starting where the
  /// kept ones come closest to zero.
  static func fixedTicks(_ boundaries: [Double]) -> [Double] {
    let step = max(Int((Double(boundaries.count) / 10).rounded(.up)), 1)
    var ticks = stride(from: 0, to: boundaries.count, by: step).map { boundaries[$0] }
    for start in 1..<step {
      let other = stride(from: start, to: boundaries.count, by: step).map { boundaries[$0] }
      if let a = other.map(abs).min(), let b = ticks.map(abs).min(), a < b { ticks = other }
    }
    return ticks
  }

  private func set(_ text: TickText) throws -> SetText {
    text.isTeX
      ? try setter.set(label: Located(text.text, at: nil), size: style.labelSize)
      : try setter.set(literal: text.text, size: style.labelSize)
  }
}
