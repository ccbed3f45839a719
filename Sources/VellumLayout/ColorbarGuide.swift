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

  init(scale: ContinuousColorScale, spec: ColorbarSpec, setter: TextSetter, style: TickStyleSpec) throws {
    self.scale = scale
    self.spec = spec
    self.setter = setter
    self.style = style
    label = try spec.label.map { try setter.set(label: $0, size: style.labelSize) }
  }

  /// The transform tick values are chosen in: decades for a log norm, symlog's for symlog, else linear.
  private var transform: ScaleTransform {
    switch scale.norm {
    case .log: return .log(base: 10)
    case .symlog(let linthresh): return .symlog(base: 10, linthresh: linthresh)
    case .linear, .centered: return .linear
    }
  }

  /// The bar's nodes and the boxes they occupy, with the bar's left edge at `left`, spanning the plot's height.
  func build(plot p: Rect, left: Double) throws -> (node: SceneNode, boxes: [Rect]) {
    let thickness = spec.size ?? p.height / 20
    // Extension triangles take 5 % of the interior's length each (matplotlib's extendfrac), inside the plot's height.
    let (extendsLow, extendsHigh) = (
      spec.extend == .min || spec.extend == .both, spec.extend == .max || spec.extend == .both
    )
    let interior = p.height / (1 + 0.05 * Double((extendsLow ? 1 : 0) + (extendsHigh ? 1 : 0)))
    let tip = 0.05 * interior
    let bar = Rect(x: left, y: p.minY + (extendsHigh ? tip : 0), width: thickness, height: interior)
    func y(_ t: Double) -> Double { bar.maxY - t * bar.height }
    var nodes: [SceneNode] = []
    // Runs of equal colour as one slice each; every slice reaches half a point into the next, hiding seams.
    let colors = scale.colormap.colors
    var start = 0
    for index in colors.indices where index == colors.count - 1 || colors[index + 1] != colors[index] {
      let (t0, t1) = (Double(start) / Double(colors.count), Double(index + 1) / Double(colors.count))
      let top = index == colors.count - 1 ? y(t1) : y(t1) - 0.5
      nodes.append(
        .path(
          PathNode(
            segments: PathGeometry.rect(Rect(x: bar.minX, y: top, width: bar.width, height: y(t0) - top)),
            fill: Paint(colors[index]))))
      start = index + 1
    }
    var outline = [Point(bar.minX, bar.maxY)]
    if extendsLow {
      let triangle = [Point(bar.minX, bar.maxY), Point(bar.midX, bar.maxY + tip), Point(bar.maxX, bar.maxY)]
      nodes.append(.path(PathNode(segments: PathGeometry.polygon(triangle), fill: Paint(scale.under))))
      outline.append(triangle[1])
    }
    outline += [Point(bar.maxX, bar.maxY), Point(bar.maxX, bar.minY)]
    if extendsHigh {
      let triangle = [Point(bar.maxX, bar.minY), Point(bar.midX, bar.minY - tip), Point(bar.minX, bar.minY)]
      nodes.append(.path(PathNode(segments: PathGeometry.polygon(triangle), fill: Paint(scale.over))))
      outline.append(triangle[1])
    }
    outline.append(Point(bar.minX, bar.minY))
    nodes.append(
      .path(PathNode(segments: PathGeometry.polygon(outline), stroke: Stroke(Paint(.black), width: 0.8, join: .miter))))
    var boxes = [bar, Rect(x: bar.minX, y: p.minY, width: bar.width, height: p.height)]
    // Ticks: the axis locator over the limits, placed through the norm so any norm lines up with the colours.
    let (low, high) = scale.limits
    let room = bar.height / (style.labelSize * 2)
    let values = TickLocator.ticks(
      .auto, low: low, high: high, maxBins: Int(max(1, min(9, room))), transform: transform
    )
    .filter {
      let t = scale.normalized($0)
      return t >= -1e-9 && t <= 1 + 1e-9
    }
    let (texts, offset) = TickFormatter.labels(values, format: spec.format, decimals: nil, transform: transform)
    let length = style.length
    var marks: [PathSegment] = []
    var right = bar.maxX + length
    for (value, text) in zip(values, texts) {
      let position = y(scale.normalized(value))
      marks += [.move(Point(bar.maxX, position)), .line(Point(bar.maxX + length, position))]
      let set = try set(text)
      let placed = PlacedText.horizontal(
        set, x: bar.maxX + length + style.pad, baseline: position + set.ascent / 2, anchor: .start)
      nodes.append(placed.node)
      boxes.append(placed.box)
      right = max(right, placed.box.maxX)
    }
    if !marks.isEmpty {
      nodes.append(.path(PathNode(segments: marks, stroke: Stroke(Paint(.black), width: style.width))))
    }
    if let offset {
      let set = try set(offset)
      let placed = PlacedText.horizontal(set, x: bar.minX, baseline: bar.minY - 3 - set.descent, anchor: .start)
      nodes.append(placed.node)
      boxes.append(placed.box)
    }
    if let label {
      let placed = PlacedText.vertical(label, right: right + 4 + label.height, centerY: bar.midY)
      nodes.append(placed.node)
      boxes.append(placed.box)
    }
    return (.group(Group(role: "colorbar", children: nodes)), boxes)
  }

  private func set(_ text: TickText) throws -> SetText {
    text.isTeX
      ? try setter.set(label: Located(text.text, at: nil), size: style.labelSize)
      : try setter.set(literal: text.text, size: style.labelSize)
  }
}
