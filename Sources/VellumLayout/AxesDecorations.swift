import VellumScene
import VellumSpec
import VellumTypesetting

/// Frame, ticks, tick labels, axis labels and title of one axes, placed around a plot rectangle.
struct AxesDecorations {
  var frame: SceneNode?
  /// Grid lines, drawn inside the plot area under the data.
  var grid: SceneNode?
  var xAxis: SceneNode
  var yAxis: SceneNode
  var title: SceneNode?
  var panelLabel: SceneNode?
  /// Where an axes legend placed outside the plot goes.
  var outsideLegend: Rect?
  /// The colorbar right of the plot, if a layer asked for one.
  var colorbar: SceneNode?
  /// Every box the decorations occupy, for fitting the figure.
  var boxes: [Rect]
  var xScale: AxisScale
  var yScale: AxisScale
}

/// Measured inputs for ``AxesDecorations``: everything that does not depend on where the plot area ends up.
struct AxesDecorator {
  let spec: AxesSpec
  let xLimits: (Double, Double)
  let yLimits: (Double, Double)
  /// Category labels of each categorical axis.
  let categories: [PositionAxis: [String]]
  let setter: TextSetter
  let title: SetText?
  let xLabel: SetText?
  let yLabel: SetText?
  /// Inner panels of a grid with shared axes hide these.
  var showXTickLabels = true
  var showYTickLabels = true
  var showXLabel = true
  var showYLabel = true
  /// A label such as `(a)` at the panel's top left.
  var panelLabel: SetText?
  /// An axes legend outside the plot: where, and how big.
  var outsideLegend: (location: LegendSpec.Location, width: Double, height: Double, pad: Double)?
  /// A colorbar for a layer's colour scale, right of the plot (before an outside-right legend).
  var colorbar: ColorbarGuide?

  init(
    spec: AxesSpec, xLimits: (Double, Double), yLimits: (Double, Double), categories: [PositionAxis: [String]],
    setter: TextSetter
  )
    throws
  {
    self.spec = spec
    self.xLimits = xLimits
    self.yLimits = yLimits
    self.categories = categories
    self.setter = setter
    title = try spec.title.map { try setter.set(label: $0.text, size: $0.size) }
    xLabel = try spec.x.label.map { try setter.set(label: $0.text, size: $0.size) }
    yLabel = try spec.y.label.map { try setter.set(label: $0.text, size: $0.size) }
  }

  func decorate(plot p: Rect) throws -> AxesDecorations {
    let xScale = AxisScale(
      low: xLimits.0, high: xLimits.1, start: p.minX, end: p.maxX, transform: ScaleTransform(spec.x))
    let yScale = AxisScale(
      low: yLimits.0, high: yLimits.1, start: p.maxY, end: p.minY, transform: ScaleTransform(spec.y))
    let xTicks = try AxisTicks.make(
      spec.x, low: xLimits.0, high: xLimits.1, length: p.width, labelSize: spec.ticks.labelSize, isX: true,
      categories: spec.x.scale == .categorical ? categories[.x] ?? [] : [], setter: setter)
    let yTicks = try AxisTicks.make(
      spec.y, low: yLimits.0, high: yLimits.1, length: p.height, labelSize: spec.ticks.labelSize, isX: false,
      categories: spec.y.scale == .categorical ? categories[.y] ?? [] : [], setter: setter)
    var bottom = AxisGuide(side: .bottom, scale: xScale, ticks: xTicks, style: spec.ticks)
    var left = AxisGuide(side: .left, scale: yScale, ticks: yTicks, style: spec.ticks)
    bottom.mirrored = spec.ticks.mirror
    bottom.rotation = spec.x.rotation
    left.mirrored = spec.ticks.mirror
    bottom.showTickLabels = showXTickLabels
    left.showTickLabels = showYTickLabels
    if showXLabel, let xLabel, let labelSpec = spec.x.label { bottom.label = (xLabel, labelSpec.pad) }
    if showYLabel, let yLabel, let labelSpec = spec.y.label { left.label = (yLabel, labelSpec.pad) }
    let outward = bottom.tickReach.outward
    // The title sits above the plot, mirrored ticks and the y axis's offset text.
    var titleTop = p.minY - (spec.ticks.mirror ? outward : 0)
    let xAxis = bottom.build(plot: p, top: &titleTop)
    let yAxis = left.build(plot: p, top: &titleTop)
    var boxes = [p] + xAxis.boxes + yAxis.boxes
    let ticks = spec.ticks

    var titleNode: SceneNode?
    let titleBaseline = titleTop - (spec.title?.pad ?? 6)
    if let title {
      let placed = PlacedText.horizontal(title, x: p.midX, baseline: titleBaseline, anchor: .middle)
      titleNode = .group(Group(role: "title", children: [placed.node]))
      boxes.append(placed.box)
    }
    var labelNode: SceneNode?
    if let panelLabel {
      let left = boxes.map(\.minX).min() ?? p.minX
      let placed = PlacedText.horizontal(panelLabel, x: left, baseline: titleBaseline, anchor: .start)
      labelNode = .group(Group(role: "panel-label", children: [placed.node]))
      boxes.append(placed.box)
    }
    // The colorbar stands right of the plot (and of mirrored ticks); an outside-right legend goes beyond it.
    var rightEdge = p.maxX + (ticks.mirror ? outward : 0)
    var colorbarNode: SceneNode?
    if let colorbar {
      let built: (node: SceneNode, boxes: [Rect])
      switch colorbar.spec.location {
      case .right:
        built = try colorbar.build(plot: p, start: rightEdge + (colorbar.spec.pad ?? 0.05 * p.width))
        rightEdge = built.boxes.map(\.maxX).max() ?? rightEdge
      case .bottom:
        let below = boxes.reduce(p) { $0.union($1) }.maxY
        built = try colorbar.build(plot: p, start: below + (colorbar.spec.pad ?? 0.5 * ticks.labelSize))
      }
      colorbarNode = built.node
      boxes += built.boxes
    }
    var legendBox: Rect?
    if let legend = outsideLegend {
      let used = boxes.reduce(p) { $0.union($1) }
      switch legend.location {
      case .outsideTop:
        legendBox = Rect(
          x: p.midX - legend.width / 2, y: used.minY - legend.pad - legend.height, width: legend.width,
          height: legend.height)
      case .outsideBottom:
        legendBox = Rect(
          x: p.midX - legend.width / 2, y: used.maxY + legend.pad, width: legend.width, height: legend.height)
      default:
        legendBox = Rect(x: rightEdge + legend.pad, y: p.minY, width: legend.width, height: legend.height)
      }
      boxes.append(legendBox!)
    }

    return AxesDecorations(
      frame: frameNode(p), grid: gridNode(p, x: (xTicks, xScale), y: (yTicks, yScale)),
      xAxis: xAxis.node, yAxis: yAxis.node,
      title: titleNode, panelLabel: labelNode, outsideLegend: legendBox, colorbar: colorbarNode, boxes: boxes,
      xScale: xScale, yScale: yScale)
  }

  /// Grid lines at major (and minor) ticks, drawn under the data.
  private func gridNode(_ p: Rect, x: (AxisTicks, AxisScale), y: (AxisTicks, AxisScale)) -> SceneNode? {
    guard let grid = spec.grid else { return nil }
    var children: [SceneNode] = []
    func lines(_ style: GridSpec.Lines?, xs: [Double], ys: [Double]) {
      guard let style, style.width > 0 else { return }
      var segments: [PathSegment] = []
      if grid.x { for v in xs.map(x.1.map) { segments += [.move(Point(v, p.minY)), .line(Point(v, p.maxY))] } }
      if grid.y { for v in ys.map(y.1.map) { segments += [.move(Point(p.minX, v)), .line(Point(p.maxX, v))] } }
      guard !segments.isEmpty else { return }
      let lineStyle = LineStyle(
        color: style.color.rgb, alpha: style.alpha * style.color.alpha, width: style.width, dash: style.dash)
      var stroke = lineStyle.stroke
      stroke.cap = .butt
      children.append(.path(PathNode(segments: segments, stroke: stroke)))
    }
    lines(grid.minor, xs: x.0.minors, ys: y.0.minors)
    lines(grid.major, xs: x.0.values, ys: y.0.values)
    return children.isEmpty ? nil : .group(Group(role: "grid", children: children))
  }

  private func frameNode(_ p: Rect) -> SceneNode? {
    let frame = spec.frame
    guard frame.width > 0 else { return nil }
    let paint = Paint(frame.color.rgb, opacity: frame.color.alpha)
    let path: PathNode
    switch frame.style {
    case .none: return nil
    case .box:
      path = PathNode(segments: PathGeometry.rect(p), stroke: Stroke(paint, width: frame.width, join: .miter))
    case .open:
      path = PathNode(
        segments: [.move(Point(p.minX, p.minY)), .line(Point(p.minX, p.maxY)), .line(Point(p.maxX, p.maxY))],
        stroke: Stroke(paint, width: frame.width, cap: .square, join: .miter))
    }
    return .group(Group(role: "frame", children: [.path(path)]))
  }
}

extension Rect {
  var midX: Double { x + width / 2 }
  var midY: Double { y + height / 2 }
}
