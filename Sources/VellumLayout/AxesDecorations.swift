import VellumDiagnostics
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
  /// The secondary axes the panel declares (along the top and the right), in the spec's order.
  var secondaryAxes: [SceneNode] = []
  var title: SceneNode?
  var panelLabel: SceneNode? = nil
  /// Each legend's box when layout fixes it (outside the plot, or at an anchor); nil: placed in the plot later.
  var legendBoxes: [Rect?] = []
  /// The colorbar right of the plot, if a layer asked for one.
  var colorbar: SceneNode? = nil
  /// Every box the decorations occupy, for fitting the figure.
  var boxes: [Rect]
  var xScale: AxisScale
  var yScale: AxisScale
  /// Scales of twin axes by axis name (none for an axis computed by a function, which draws no layers).
  var secondaryScales: [String: AxisScale] = [:]
  /// Polar axes: the page centre the x (angle) and y (radius) scales are measured from.
  var polarCenter: Point? = nil
  /// What layout found suspicious, such as tick labels running into each other.
  var warnings: [VellumWarning] = []
  /// The whole boxes of text the layout counts only across (the title, axis labels), which may overhang the plot
  /// and must stay on the canvas.
  var overhangs: [Rect] = []
}

/// A panel's axis limits: primary x and y, and the secondary axes' by name.
struct PanelLimits {
  var x: (Double, Double)
  var y: (Double, Double)
  var secondary: [String: (Double, Double)] = [:]
}

/// Measured inputs for ``AxesDecorations``: everything that does not depend on where the plot area ends up.
struct AxesDecorator {
  let spec: AxesSpec
  let limits: PanelLimits
  /// Category labels of each categorical axis.
  let categories: [PositionAxis: [String]]
  let setter: TextSetter
  let title: SetText?
  let xLabel: SetText?
  let yLabel: SetText?
  /// The secondary axes' labels, by axis name.
  let secondaryLabels: [String: SetText]
  /// Inner panels of a grid with shared axes hide these.
  var showXTickLabels = true
  var showYTickLabels = true
  var showXLabel = true
  var showYLabel = true
  /// A label such as `(a)` at the panel's top left.
  var panelLabel: SetText?
  /// An axes legend outside the plot: where, and how big.
  /// The axes' legends: outside and anchored ones take room here, so none falls off the canvas.
  var legends: [LegendLayout] = []
  /// A colorbar for a layer's colour scale, right of the plot (before an outside-right legend).
  var colorbar: ColorbarGuide?
  /// The gap between the decorations and a colorbar on the right, as a fraction of the plot's width: matplotlib's
  /// pad 0.05 of the cell the plot takes 0.8 of (tight_layout's gridspec colorbar), or 0.05 of the plot
  /// (constrained_layout's).
  var colorbarPad = 0.0625
  /// The same gap in points, when the layout measures with a gap other than the one drawn.
  var colorbarGap: Double?
  /// The colorbar stands clear of everything the axes draw (tick labels reaching past the plot's right edge too),
  /// as constrained_layout places it beyond the axes' tight box; else clear of the plot and its right axis.
  var colorbarClearsDecorations = false

  init(spec: AxesSpec, limits: PanelLimits, categories: [PositionAxis: [String]], setter: TextSetter) throws {
    self.spec = spec
    self.limits = limits
    self.categories = categories
    self.setter = setter
    title = try spec.title.map { try setter.set(label: $0.text, size: $0.size) }
    xLabel = try spec.x.label.map { try setter.set(label: $0.text, size: $0.size) }
    yLabel = try spec.y.label.map { try setter.set(label: $0.text, size: $0.size) }
    var secondaryLabels: [String: SetText] = [:]
    for axis in spec.secondaryAxes {
      secondaryLabels[axis.name] = try axis.label.map { try setter.set(label: $0.text, size: $0.size) }
    }
    self.secondaryLabels = secondaryLabels
  }

  /// The guide of a secondary axis on `side`, with its scale when layers may be drawn against it.
  private func secondaryGuide(
    _ axis: AxisSpec, side: AxisSide, primary: AxisScale, primaryLimits: (Double, Double), limits: (Double, Double)?,
    label: SetText?, plot p: Rect
  ) throws -> (guide: AxisGuide, scale: AxisScale?) {
    let transform = axis.position.transform
    var low: Double
    var high: Double
    var scale: AxisScale?
    if let function = axis.function {
      // Recomputed from the primary's final limits, which shared axes may have widened.
      (low, high) = (
        function.forward.evaluate(["x": primaryLimits.0]), function.forward.evaluate(["x": primaryLimits.1])
      )
    } else {
      (low, high) = limits ?? primaryLimits
      scale = AxisScale(low: low, high: high, start: primary.start, end: primary.end, transform: transform)
    }
    if let function = axis.function {
      // Ticks are placed through the inverse, which holds only where the function is finite and monotonic (1/x
      // over limits that hold 0 is neither): sampled across the primary's limits.
      let (a, b) = primaryLimits
      let samples = (0...256).map { function.forward.evaluate(["x": a + (b - a) * Double($0) / 256]) }
      let steps = zip(samples, samples.dropFirst()).map { $1 - $0 }
      let rises = steps.contains { $0 > 0 }
      let falls = steps.contains { $0 < 0 }
      if let bad = samples.firstIndex(where: { !$0.isFinite }) {
        throw VellumError(
          .invalidSpec,
          "the \(axis.name) axis's function gives \(samples[bad]) at \(axis.name.dropLast()) = "
            + "\(a + (b - a) * Double(bad) / 256) within the \(axis.name.dropLast()) axis' limits; it needs finite "
            + "values there", at: function.location)
      }
      if rises && falls {
        throw VellumError(
          .invalidSpec,
          "the \(axis.name) axis's function rises and falls over the \(axis.name.dropLast()) axis' limits "
            + "[\(a), \(b)]; a secondary axis needs a function that only rises or only falls there",
          at: function.location)
      }
    }
    if !(low.isFinite && high.isFinite) || low == high {
      throw VellumError(
        .invalidSpec,
        "the \(axis.name) axis's function gives \(low)…\(high) over the \(axis.name.dropLast()) axis' limits; "
          + "it needs two different finite values", at: axis.function?.location ?? axis.location)
    }
    let ticks = try AxisTicks.make(
      axis, low: low, high: high, length: side.runsAlongX ? p.width : p.height, labelSize: spec.ticks.labelSize,
      isX: side.runsAlongX, categories: [], setter: setter)
    var guide = AxisGuide(side: side, scale: scale ?? primary, ticks: ticks, style: spec.ticks)
    if let function = axis.function {
      guide.primaryValue = { function.inverse.evaluate(["x": $0]) }
    }
    guide.color = axis.color?.rgb
    guide.rotation = axis.rotation
    if let label, let labelSpec = axis.label { guide.label = (label, labelSpec.pad) }
    return (guide, scale)
  }

  /// The colorbar right of `rightEdge` (matplotlib's pad: 0.05 of the cell the plot takes 0.8 of), or below
  /// `below` half a tick label's size down.
  private func placeColorbar(_ colorbar: ColorbarGuide, plot p: Rect, rightEdge: Double, below: Double) throws
    -> (node: SceneNode, boxes: [Rect])
  {
    switch colorbar.spec.location {
    case .right:
      return try colorbar.build(plot: p, start: rightEdge + (colorbar.spec.pad ?? colorbarGap ?? colorbarPad * p.width))
    case .bottom: return try colorbar.build(plot: p, start: below + (colorbar.spec.pad ?? 0.5 * spec.ticks.labelSize))
    }
  }

  func decorate(plot p: Rect) throws -> AxesDecorations {
    if let polar = spec.polar {
      var guide = PolarGuide(
        spec: spec, polar: polar, limits: limits, categories: categories[.x] ?? [], setter: setter)
      guide.showTickLabels = showXTickLabels && showYTickLabels
      var decorations = try guide.decorate(plot: p)
      // Aligned with the circle's square (a sector's box), not the wider (or taller) plot cell around it.
      let square = guide.bounds(in: p)
      var used = decorations.boxes.dropFirst().reduce(square) { $0.union($1) }
      // A colorbar (colormapped polar bars) stands right of everything the disc draws, as beside a plot.
      if let colorbar {
        let built = try placeColorbar(colorbar, plot: square, rightEdge: used.maxX, below: used.maxY)
        decorations.colorbar = built.node
        decorations.boxes += built.boxes
        used = built.boxes.reduce(used) { $0.union($1) }
      }
      decorations.legendBoxes = legendBoxes(plot: square, used: &used, rightEdge: used.maxX)
      decorations.boxes += decorations.legendBoxes.compactMap { $0 }
      return decorations
    }
    let (xLimits, yLimits) = (limits.x, limits.y)
    let xScale = AxisScale(
      low: xLimits.0, high: xLimits.1, start: p.minX, end: p.maxX, transform: spec.x.position.transform)
    let yScale = AxisScale(
      low: yLimits.0, high: yLimits.1, start: p.maxY, end: p.minY, transform: spec.y.position.transform)
    let xTicks = try AxisTicks.make(
      spec.x, low: xLimits.0, high: xLimits.1, length: p.width, labelSize: spec.ticks.labelSize, isX: true,
      categories: spec.x.scale.isCategorical ? categories[.x] ?? [] : [], setter: setter)
    let yTicks = try AxisTicks.make(
      spec.y, low: yLimits.0, high: yLimits.1, length: p.height, labelSize: spec.ticks.labelSize, isX: false,
      categories: spec.y.scale.isCategorical ? categories[.y] ?? [] : [], setter: setter)
    var bottom = AxisGuide(side: .bottom, scale: xScale, ticks: xTicks, style: spec.ticks)
    var left = AxisGuide(side: .left, scale: yScale, ticks: yTicks, style: spec.ticks)
    // A secondary axis stands on the side opposite its primary, taking the mirrored ticks' place there.
    let secondaries = try spec.secondaryAxes.map { axis in
      try secondaryGuide(
        axis, side: axis.runsAlongX ? .top : .right, primary: axis.runsAlongX ? xScale : yScale,
        primaryLimits: axis.runsAlongX ? xLimits : yLimits, limits: limits.secondary[axis.name],
        label: secondaryLabels[axis.name], plot: p)
    }
    bottom.mirrored = spec.ticks.mirror && !spec.secondaryAxes.contains(where: \.runsAlongX)
    bottom.rotation = spec.x.rotation
    bottom.color = spec.x.color?.rgb
    left.mirrored = spec.ticks.mirror && !spec.secondaryAxes.contains { !$0.runsAlongX }
    left.color = spec.y.color?.rgb
    bottom.showTickLabels = showXTickLabels
    if spec.x.autoRotation { bottom.fitLabels() }
    left.showTickLabels = showYTickLabels
    if showXLabel, let xLabel, let labelSpec = spec.x.label { bottom.label = (xLabel, labelSpec.pad) }
    if showYLabel, let yLabel, let labelSpec = spec.y.label { left.label = (yLabel, labelSpec.pad) }
    let outward = bottom.tickReach.outward
    // The title sits above the plot, mirrored ticks, a top axis and the y axes' offset texts.
    var titleTop = p.minY - (spec.ticks.mirror ? outward : 0)
    // Offset spines take their ticks and labels with them.
    let offset = spec.frame.offset
    var offsetTexts: [Rect] = []
    var overhangs: [Rect] = []
    let xAxis = bottom.build(
      plot: p.offset(.bottom, by: offset), top: titleTop, offsets: &offsetTexts, overhangs: &overhangs)
    let yAxis = left.build(
      plot: p.offset(.left, by: offset), top: titleTop, offsets: &offsetTexts, overhangs: &overhangs)
    var secondaryGuides = secondaries.map(\.guide)
    for (index, axis) in spec.secondaryAxes.enumerated() where axis.autoRotation { secondaryGuides[index].fitLabels() }
    let secondaryBuilt = secondaryGuides.map {
      $0.build(plot: p.offset($0.side, by: offset), top: titleTop, offsets: &offsetTexts, overhangs: &overhangs)
    }
    // The title clears a top axis; an outside-right legend or colorbar clears a right one.
    for (guide, built) in zip(secondaryGuides, secondaryBuilt) where guide.side == .top {
      titleTop = min(titleTop, built.boxes.map(\.minY).min() ?? titleTop)
    }
    var boxes = [p] + xAxis.boxes + yAxis.boxes + secondaryBuilt.flatMap(\.boxes)
    // Offset spines stand outside the plot on every side they are drawn, not only where an axis stands.
    if spec.frame.width > 0, spec.frame.offset > 0 {
      for side in [AxisSide.bottom, .left, .top, .right] where spec.frame.spine(side).shown {
        boxes.append(p.offset(side, by: spec.frame.offset))
      }
    }
    let ticks = spec.ticks

    var titleNode: SceneNode?
    if let title {
      // matplotlib's title: its baseline `pad` above the axes, raised until what hangs below the baseline clears
      // them, and above a y axis's offset text only when the two meet (`_update_title_position`).
      var baseline = titleTop - max(spec.title?.pad ?? 6, title.descent)
      var placed = PlacedText.horizontal(title, x: p.midX, baseline: baseline, anchor: .middle)
      if let clash = offsetTexts.filter({ $0.intersects(placed.box) }).map(\.minY).min() {
        baseline = min(baseline, clash - title.descent)
        placed = PlacedText.horizontal(title, x: p.midX, baseline: baseline, anchor: .middle)
      }
      titleNode = .group(Group(role: "title", children: [placed.node], source: spec.title?.text.location))
      // Its width counts for nothing in the layout, as matplotlib's: a long title overhangs the plot.
      let box = placed.box
      boxes.append(box.lengthLeftOut(alongX: true))
      overhangs.append(box)
    }
    var labelNode: SceneNode?
    if let panelLabel {
      // A panel label at the left end stands over the y axis's offset text.
      let labelBaseline = min(titleTop, offsetTexts.map(\.minY).min() ?? titleTop) - (spec.title?.pad ?? 6)
      let left = boxes.map(\.minX).min() ?? p.minX
      let placed = PlacedText.horizontal(panelLabel, x: left, baseline: labelBaseline, anchor: .start)
      labelNode = .group(Group(role: "panel-label", children: [placed.node]))
      boxes.append(placed.box)
    }
    // The colorbar stands right of the plot (and of mirrored ticks); an outside-right legend goes beyond it.
    let rightAxes = zip(secondaryGuides, secondaryBuilt).filter { $0.0.side == .right }.flatMap(\.1.boxes)
    var rightEdge = max(p.maxX + (ticks.mirror ? outward : 0), rightAxes.map(\.maxX).max() ?? p.maxX)
    var colorbarNode: SceneNode?
    if let colorbar {
      let start = colorbarClearsDecorations ? max(rightEdge, boxes.map(\.maxX).max() ?? rightEdge) : rightEdge
      let built = try placeColorbar(
        colorbar, plot: p, rightEdge: start, below: boxes.reduce(p) { $0.union($1) }.maxY)
      if colorbar.spec.location == .right { rightEdge = built.boxes.map(\.maxX).max() ?? rightEdge }
      colorbarNode = built.node
      boxes += built.boxes
    }
    var used = boxes.reduce(p) { $0.union($1) }
    let fixedLegends = legendBoxes(plot: p, used: &used, rightEdge: rightEdge)
    boxes += fixedLegends.compactMap { $0 }

    var warnings = xTicks.warnings + yTicks.warnings
    for (guide, axis) in zip([bottom, left] + secondaryGuides, [spec.x, spec.y] + spec.secondaryAxes) {
      let pairs = guide.collisions(at: guide.rotation, stride: guide.labelStride)
      guard let first = pairs.first else { continue }
      let more = pairs.count > 1 ? " (and \(pairs.count - 1) more pair\(pairs.count > 2 ? "s" : ""))" : ""
      let remedy =
        guide.side.runsAlongX
        ? "set \(axis.name).rotation (45, 90 or auto) or shorten them" : "enlarge the figure or thin the ticks"
      warnings.append(
        VellumWarning(
          "\(axis.name) tick labels '\(first.0)' and '\(first.1)' overlap\(more); \(remedy)",
          at: axis.location ?? spec.location))
    }
    return AxesDecorations(
      frame: frameNode(p), grid: gridNode(p, x: (xTicks, xScale), y: (yTicks, yScale)),
      xAxis: xAxis.node, yAxis: yAxis.node, secondaryAxes: secondaryBuilt.map(\.node),
      title: titleNode, panelLabel: labelNode, legendBoxes: fixedLegends, colorbar: colorbarNode,
      boxes: boxes,
      xScale: xScale, yScale: yScale,
      secondaryScales: Dictionary(
        zip(spec.secondaryAxes, secondaries).compactMap { axis, built in built.scale.map { (axis.name, $0) } },
        uniquingKeysWith: { first, _ in first }),
      warnings: warnings, overhangs: overhangs)
  }

  /// Boxes of the legends whose place layout decides: `outside` ones beyond everything on their side (several on
  /// one side stack outward; on the right past `rightEdge`), and anchored ones at their anchor (matplotlib's
  /// `bbox_to_anchor` in axes fractions), which may lie outside the plot and then take room like any label.
  private func legendBoxes(plot p: Rect, used: inout Rect, rightEdge: Double) -> [Rect?] {
    var right = rightEdge
    var rightTop = p.minY
    var leftEdge = used.minX
    var leftTop = p.minY
    return legends.map { legend -> Rect? in
      guard !legend.isEmpty else { return nil }
      let spec = legend.spec
      let (width, height) = legend.size
      let pad = spec.borderAxesPad * spec.fontSize
      let box: Rect
      switch spec.location {
      case .outsideTop:
        box = Rect(x: p.midX - width / 2, y: used.minY - pad - height, width: width, height: height)
      case .outsideBottom:
        box = Rect(x: p.midX - width / 2, y: used.maxY + pad, width: width, height: height)
      case .outsideRight:
        // Stacked downward beside the plot, each a pad below the previous.
        box = Rect(x: right + pad, y: rightTop, width: width, height: height)
        rightTop = box.maxY + pad
        if rightTop > p.maxY {
          right = box.maxX
          rightTop = p.minY
        }
      case .outsideLeft:
        box = Rect(x: leftEdge - pad - width, y: leftTop, width: width, height: height)
        leftTop = box.maxY + pad
        if leftTop > p.maxY {
          leftEdge = box.minX
          leftTop = p.minY
        }
      default:
        guard spec.anchor != nil, spec.location != .best else { return nil }
        box = legend.placement(plot: p, covered: [])
      }
      used = used.union(box)
      return box
    }
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
    guard frame.isPlain else {
      // Chosen sides, colours or an offset: one stroke per spine, each where its axis stands.
      let spines = [AxisSide.bottom, .left, .top, .right].compactMap { side -> SceneNode? in
        let spine = frame.spine(side)
        guard spine.shown else { return nil }
        let edge = p.offset(side, by: frame.offset)
        let (a, b) =
          side.runsAlongX
          ? (side.point(edge.minX, outward: 0, plot: edge), side.point(edge.maxX, outward: 0, plot: edge))
          : (side.point(edge.minY, outward: 0, plot: edge), side.point(edge.maxY, outward: 0, plot: edge))
        let sidePaint = spine.color.map { Paint($0.rgb, opacity: $0.alpha) } ?? paint
        return .path(
          PathNode(segments: [.move(a), .line(b)], stroke: Stroke(sidePaint, width: frame.width, cap: .square)))
      }
      return spines.isEmpty ? nil : .group(Group(role: "frame", children: spines))
    }
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

extension FrameSpec {
  /// The spine on `side`.
  func spine(_ side: AxisSide) -> Spine {
    switch side {
    case .bottom: return bottom
    case .left: return left
    case .top: return top
    case .right: return right
    }
  }
}

extension Rect {
  /// This plot with `side`'s edge moved `distance` outward, where an offset spine and its axis stand.
  func offset(_ side: AxisSide, by distance: Double) -> Rect {
    guard distance != 0 else { return self }
    switch side {
    case .bottom: return Rect(x: x, y: y, width: width, height: height + distance)
    case .top: return Rect(x: x, y: y - distance, width: width, height: height + distance)
    case .left: return Rect(x: x - distance, y: y, width: width + distance, height: height)
    case .right: return Rect(x: x, y: y, width: width + distance, height: height)
    }
  }

  var midX: Double { x + width / 2 }
  var midY: Double { y + height / 2 }

  /// Whether this box reaches past `bounds` by more than half a point (rounding stays quiet): a legend or text
  /// that would be cut off at the canvas edge.
  func reachesOutside(_ bounds: Rect) -> Bool {
    let slack = 0.5
    return minX < bounds.minX - slack || maxX > bounds.maxX + slack || minY < bounds.minY - slack
      || maxY > bounds.maxY + slack
  }
}
