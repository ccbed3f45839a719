import Foundation
import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec
import VellumTypesetting

/// Compiles a validated spec and its layer data into a scene of primitive nodes.
public enum FigureCompiler {
  /// One panel as layout sees it: resolved layers, limits, and its decorator.
  private struct Panel {
    var spec: AxesSpec
    var layers: [ResolvedLayer]
    var categories: [PositionAxis: [String]]
    var xLimits: (Double, Double)
    var yLimits: (Double, Double)
    /// What the automatic x and y limits came from, which a shared axis pads over all panels at once.
    var xFit: AxisFit? = nil
    var yFit: AxisFit? = nil
    /// Limits of the secondary axes the panel declares, by axis name.
    var secondaryLimits: [String: (Double, Double)] = [:]
    var decorator: AxesDecorator?
    /// Axes drawn inside this one, each with where it goes.
    var insets: [(spec: InsetSpec, panel: Panel)] = []

    var limits: PanelLimits { PanelLimits(x: xLimits, y: yLimits, secondary: secondaryLimits) }
  }

  /// `data` holds, per panel, one entry per layer (as ``DataLoader/load(_:)`` returns).
  public static func compile(_ spec: FigureSpec, data: [[LayerData]]) throws -> Scene {
    try compileReporting(spec, data: data).scene
  }

  /// The scene and the warnings found while laying it out (a legend off the canvas, colliding tick labels).
  public static func compileReporting(_ spec: FigureSpec, data: [[LayerData]]) throws
    -> (scene: Scene, warnings: [VellumWarning])
  {
    var warnings: [VellumWarning] = []
    let setter = try textSetter(spec.font, warnings: &warnings)
    var panels = try resolvePanels(spec, data: data, warnings: &warnings)
    try decorate(&panels, spec: spec, setter: setter)
    let insets = spec.insets
    var area = Rect(
      x: insets.left, y: insets.top, width: spec.width - insets.left - insets.right,
      height: spec.height - insets.top - insets.bottom)
    let figureTitle = try placeFigureTitle(spec, setter: setter, area: &area, warnings: &warnings)
    let figureLegends = try placeFigureLegends(spec, panels: panels, setter: setter, area: &area)
    let sharedColorbar = try self.sharedColorbar(panels, spec: spec, setter: setter, area: &area)
    // Text placed from the data (labels, annotations) may reach past a panel's decorations; like matplotlib's
    // tight_layout, which measures every artist, the panels are fitted again leaving room for it (twice at most:
    // text anchored in the data moves with the plot, so the second fit settles it).
    var reach = [Margins](repeating: Margins(), count: panels.count)
    var plots: [Rect] = []
    var drawn: [(node: SceneNode, warnings: [VellumWarning])] = []
    for _ in 0..<3 {
      let fitted =
        spec.layout == .fixed
        ? fixedPlots(panels, spec: spec) : try fitPanels(panels, spec: spec, area: area, reach: reach)
      plots = zip(panels, fitted).map { panel, plot in
        panel.spec.aspect.map { shrink(plot, to: $0, panel: panel) } ?? plot
      }
      drawn = []
      var grown = false
      for index in panels.indices {
        var panelWarnings: [VellumWarning] = []
        let (node, overflow) = try draw(
          panels[index], index: index, plot: plots[index], spec: spec, setter: setter, warnings: &panelWarnings)
        drawn.append((node, panelWarnings))
        // Room taken from the plot only: at most a third of the area's width or height in all.
        let limit = (width: area.width / 3, height: area.height / 3)
        let wanted = reach[index].merging(overflow, limit: limit)
        if wanted != reach[index] {
          reach[index] = wanted
          grown = true
        }
      }
      // A fixed layout places the plots once, whatever their text needs.
      if !grown || spec.layout == .fixed { break }
    }
    var nodes = background(spec).map { [$0] } ?? []
    for (node, panelWarnings) in drawn {
      nodes.append(node)
      warnings += panelWarnings
    }
    if let figureTitle {
      nodes.append(.group(Group(role: "figure-title", children: [figureTitle], source: spec.title?.text.location)))
    }
    for (layout, box) in figureLegends {
      guard let node = layout.compile(in: box) else { continue }
      nodes.append(.group(Group(role: "figure-legend", children: [node])))
      checkOnCanvas(box, legend: layout.spec, spec: spec, warnings: &warnings)
    }
    if let (guide, start) = sharedColorbar {
      // Spanning the panels: from the top of the first plot row to the bottom of the last, or below them from the
      // left of the first plot column to the right of the last.
      let span = plots.reduce(plots[0]) { $0.union($1) }
      let along =
        guide.spec.location == .right
        ? Rect(x: span.minX, y: span.minY, width: 0, height: span.height)
        : Rect(x: span.minX, y: span.maxY, width: span.width, height: 0)
      let built = try guide.build(plot: along, start: start)
      nodes.append(.group(Group(role: "figure-colorbar", children: [built.node])))
    }
    var scene = try scene(spec, nodes: nodes, setter: setter)
    switch spec.theme {
    case .light: break
    case .dark: scene = DarkTheme.apply(to: scene)
    case .auto: scene = DarkTheme.colorScheme(of: scene)
    }
    try checkSize(SceneSize(scene), at: spec.sizeLocation)
    return (scene, warnings)
  }

  /// Refuses a scene past what the writers and librsvg (which reads at most a million elements) handle in
  /// bounded memory, naming the part that draws the most.
  static func checkSize(_ size: SceneSize, at location: SourceLocation) throws {
    let part = size.largestRole.map { " (most in '\($0)')" } ?? ""
    let hint = "; draw fewer points (a filter, `every`, an aggregate) or merge markers by making them opaque"
    // Pointed at the layer drawing the most, where the spec writes it.
    let at = size.largestSource ?? location
    if size.elements > Limits.sceneElements {
      throw VellumError(
        .render,
        "the figure draws \(size.elements) elements\(part), over the limit of \(Limits.sceneElements)\(hint)",
        at: at)
    }
    if size.segments > Limits.sceneSegments {
      throw VellumError(
        .render,
        "the figure draws \(size.segments) path segments\(part), over the limit of \(Limits.sceneSegments)\(hint)",
        at: at)
    }
  }

  /// A legend that reaches past the canvas would be cut off in print: say so, naming the legend.
  private static func checkOnCanvas(
    _ box: Rect, legend: LegendSpec, spec: FigureSpec, warnings: inout [VellumWarning]
  ) {
    guard box.reachesOutside(Rect(x: 0, y: 0, width: spec.width, height: spec.height)) else { return }
    warnings.append(
      VellumWarning(
        "the legend reaches outside the \(Int(spec.width))×\(Int(spec.height)) pt canvas and will be cut off; "
          + "move its anchor or location, or use an 'outside' location, which makes room",
        at: legend.declaredAt ?? spec.sizeLocation))
  }

  /// The figure's text setter, after checking that its font family can set a digit.
  private static func textSetter(_ font: FontSpec, warnings: inout [VellumWarning]) throws -> TextSetter {
    func setter(math: String) -> TextSetter {
      TextSetter(
        families: FontFamilies(
          roman: font.family, sans: font.sans, mono: font.mono, math: math, fallback: font.fallback,
          uprightFromText: font.mathUpright == .text))
    }
    var chosen = setter(math: font.math)
    // A math family without a MATH table (or without math letters) cannot set formulas: they fall back to the
    // default math font, as matplotlib's mathtext falls back to its own fonts.
    if !chosen.mathFamilyCanSetFormulas, font.math != FontSpec.defaultMath {
      warnings.append(
        VellumWarning(
          "font '\(font.math)' is not a math font (no OpenType MATH table or no math italic letters), so formulas "
            + "are set in \(FontSpec.defaultMath); name one as font.math (TeX Gyre DejaVu Math, Latin Modern Math…)",
          at: font.familyLocation))
      chosen = setter(math: FontSpec.defaultMath)
    }
    _ = try located(at: font.familyLocation) { try chosen.set(literal: "0", size: font.size) }
    try located(at: font.fallbackLocation ?? font.familyLocation) { try chosen.requireFallbacksInstalled() }
    return chosen
  }

  /// Every panel's layers resolved through the figure's scales, with limits (shared where asked).
  private static func resolvePanels(_ spec: FigureSpec, data: [[LayerData]], warnings: inout [VellumWarning]) throws
    -> [Panel]
  {
    let scales = PanelScales.resolve(spec, data: data)
    let continuousDomains = try ContinuousDomains.train(spec, data: data)
    var panels: [Panel] = []
    for (index, pair) in zip(spec.axes, data).enumerated() {
      panels.append(
        try panel(
          pair.0, data: pair.1, palette: spec.palette, scales: scales[index], continuousDomains: continuousDomains,
          warnings: &warnings))
    }
    share(&panels, x: spec.panels.shareX, y: spec.panels.shareY, columns: spec.panels.columns)
    return panels
  }

  /// Measures each panel's titles, labels and legend; inner panels of a shared grid hide their tick labels.
  private static func decorate(_ panels: inout [Panel], spec: FigureSpec, setter: TextSetter) throws {
    let grid = spec.panels
    for index in panels.indices {
      let column = index % grid.columns
      let isBottom = index + grid.columns >= panels.count
      var decorator = try AxesDecorator(
        spec: panels[index].spec, limits: panels[index].limits, categories: panels[index].categories,
        setter: setter)
      // As matplotlib's subplots: sharing x by column (or all) leaves x's labels to the bottom row, sharing y by
      // row (or all) leaves y's to the left column.
      let innerX = [.all, .columns].contains(grid.shareX) && !isBottom
      let innerY = [.all, .rows].contains(grid.shareY) && column != 0
      let hidden = panels[index].spec.hidden
      decorator.showXTickLabels = !innerX && !hidden
      decorator.showXLabel = !innerX && !hidden
      decorator.showYTickLabels = !innerY && !hidden
      decorator.showYLabel = !innerY && !hidden
      decorator.panelLabel = try grid.labels.flatMap { labels in
        try labels.indices.contains(index) ? setter.set(label: labels[index], size: spec.font.size * 1.2) : nil
      }
      if let colorbar = panels[index].layers.lazy.compactMap(\.colorbar).first, !colorbar.spec.shared {
        decorator.colorbar = try ColorbarGuide(
          scale: colorbar.scale, spec: colorbar.spec, setter: setter, style: panels[index].spec.ticks,
          labelSize: spec.font.size)
        if spec.layout == .constrained {
          decorator.colorbarPad = 0.05
          decorator.colorbarClearsDecorations = true
        }
      }
      decorator.legends = try panels[index].spec.legends.map {
        try LegendLayout(spec: $0, layers: panels[index].layers, setter: setter)
      }
      panels[index].decorator = decorator
      for inset in panels[index].insets.indices {
        try decorateInset(&panels[index].insets[inset].panel, setter: setter)
      }
    }
  }

  /// An inset's decorations: its own ticks, labels and (when asked) legend, never shared with the grid.
  private static func decorateInset(_ panel: inout Panel, setter: TextSetter) throws {
    panel.decorator = try AxesDecorator(
      spec: panel.spec, limits: panel.limits, categories: panel.categories, setter: setter)
    panel.decorator?.legends = try panel.spec.legends.map {
      try LegendLayout(spec: $0, layers: panel.layers, setter: setter)
    }
  }

  /// The figure's title centred at the top (matplotlib's suptitle: its top at 98 % of the height, the padded canvas
  /// below it keeping its height and the pad again from what follows); a top legend or the panels start below.
  private static func placeFigureTitle(
    _ spec: FigureSpec, setter: TextSetter, area: inout Rect, warnings: inout [VellumWarning]
  ) throws -> SceneNode? {
    guard let title = spec.title else { return nil }
    let set = try setter.set(label: title.text, size: title.size)
    // Never lower than the room kept for it (a very tall figure's 2 % is more than the pad).
    let top = min(0.02 * spec.height, area.minY)
    let placed = PlacedText.horizontal(set, x: spec.width / 2, baseline: top + set.ascent, anchor: .middle)
    if set.width > spec.width + 0.5 {
      warnings.append(
        VellumWarning(
          "the figure title is \(Int(set.width.rounded())) pt wide, wider than the figure's "
            + "\(Int(spec.width.rounded())) pt, and is cut off at both sides; shorten it, shrink its size or widen "
            + "the figure", at: title.text.location))
    }
    let taken = set.height + title.pad
    area.y += taken
    area.height -= taken
    return placed.node
  }

  /// The colorbar shared by every panel, if a layer asks for one, and its inner edge; it takes a strip on the right
  /// of the panel area. Layers sharing it must agree on colormap, norm and limits, so every panel's colours match.
  private static func sharedColorbar(_ panels: [Panel], spec: FigureSpec, setter: TextSetter, area: inout Rect) throws
    -> (ColorbarGuide, Double)?
  {
    let shared = panels.flatMap { $0.layers.compactMap(\.colorbar) }.filter(\.spec.shared)
    guard let first = shared.first else { return nil }
    for other in shared.dropFirst() {
      let differing = [
        other.scale.colormap.colors == first.scale.colormap.colors ? nil : "colormap (map)",
        other.scale.norm == first.scale.norm ? nil : "norm", other.scale.limits == first.scale.limits ? nil : "limits",
      ].compactMap { $0 }
      guard differing.isEmpty else {
        throw VellumError(
          .invalidSpec,
          "layers sharing a colorbar need the same colormap, norm and limits, and theirs differ in "
            + differing.joined(separator: " and ") + "; give them the same, or give scales: {color: {resolve: "
            + "independent}} for a colorbar each",
          at: spec.sizeLocation)
      }
    }
    let guide = try ColorbarGuide(
      scale: first.scale, spec: first.spec, setter: setter, style: panels[0].spec.ticks, labelSize: spec.font.size)
    let pad = first.spec.pad ?? spec.pad * spec.font.size
    switch first.spec.location {
    case .right:
      // Measured once over the whole area's height: its width does not depend on the panels' final size.
      let probe = try guide.build(plot: Rect(x: 0, y: area.minY, width: 0, height: area.height), start: 0)
      let width = probe.boxes.map(\.maxX).max() ?? 0
      area.width -= width + pad
      return (guide, area.maxX + pad)
    case .bottom:
      // A strip along the bottom of the area, below every panel's axis labels.
      let probe = try guide.build(plot: Rect(x: area.minX, y: 0, width: area.width, height: 0), start: 0)
      let height = probe.boxes.map(\.maxY).max() ?? 0
      area.height -= height + pad
      return (guide, area.maxY + pad)
    }
  }

  /// Each figure legend's box: an `outside` legend takes a strip of `area` (above, below, left or right; several
  /// on one side stack outward), which keeps what is left for the panels; any other location places the legend
  /// over the padded canvas as matplotlib's `fig.legend(loc=…)`, its anchor in figure fractions.
  private static func placeFigureLegends(_ spec: FigureSpec, panels: [Panel], setter: TextSetter, area: inout Rect)
    throws -> [(layout: LegendLayout, box: Rect)]
  {
    let canvas = area
    // How far legends already reach in from each canvas edge (below the figure title, if any).
    var strips = (top: spec.title == nil ? 0 : area.minY, bottom: spec.height, left: 0.0, right: spec.width)
    var placed: [(layout: LegendLayout, box: Rect)] = []
    for legendSpec in spec.legends {
      let layout = try LegendLayout(spec: legendSpec, layers: panels.flatMap(\.layers), setter: setter)
      guard !layout.isEmpty else { continue }
      let (width, height) = layout.size
      // The panels keep the figure's pad from the legend's strip, as matplotlib's tight_layout(rect=…) keeps it
      // from the rectangle left below a figure legend.
      let gap = spec.pad * spec.font.size
      let box: Rect
      // Like matplotlib's fig.legend, an outside legend stands its border-axes pad from the canvas edge (or from the
      // legend before it on that side); the panels start the figure's pad beyond it.
      let edge = legendSpec.borderAxesPad * legendSpec.fontSize
      switch legendSpec.location {
      case .outsideTop:
        box = Rect(x: area.midX - width / 2, y: strips.top + edge, width: width, height: height)
        strips.top = box.maxY
        area.height -= max(0, box.maxY + gap - area.minY)
        area.y = max(area.y, box.maxY + gap)
      case .outsideBottom:
        box = Rect(x: area.midX - width / 2, y: strips.bottom - edge - height, width: width, height: height)
        strips.bottom = box.minY
        area.height = min(area.height, box.minY - gap - area.minY)
      case .outsideRight:
        box = Rect(x: strips.right - edge - width, y: area.midY - height / 2, width: width, height: height)
        strips.right = box.minX
        area.width = min(area.width, box.minX - gap - area.minX)
      case .outsideLeft:
        box = Rect(x: strips.left + edge, y: area.midY - height / 2, width: width, height: height)
        strips.left = box.maxX
        area.width -= max(0, box.maxX + gap - area.minX)
        area.x = max(area.x, box.maxX + gap)
      default:
        box = layout.placement(plot: canvas, covered: [])
      }
      placed.append((layout, box))
    }
    return placed
  }

  /// Plot rectangles at the `subplots` fractions, as matplotlib's GridSpec.get_grid_positions places them; a panel
  /// with a colorbar to its right keeps the left 80 % of its cell, as `fig.colorbar(ax=…)` takes the rest
  /// (make_axes: fraction 0.15, pad 0.05).
  private static func fixedPlots(_ panels: [Panel], spec: FigureSpec) -> [Rect] {
    let grid = spec.panels
    let params = spec.subplots
    let (width, height) = (spec.width, spec.height)
    func positions(count: Int, ratios: [Double]?, low: Double, high: Double, gap: Double) -> [(Double, Double)] {
      let cell = (high - low) / (Double(count) + gap * Double(count - 1))
      let ratios = ratios ?? Array(repeating: 1, count: count)
      let norm = cell * Double(count) / ratios.reduce(0, +)
      var start = low
      return ratios.map { ratio in
        let span = (start, start + ratio * norm)
        start = span.1 + gap * cell
        return span
      }
    }
    let columns = positions(
      count: grid.columns, ratios: grid.widthRatios, low: params.left * width, high: params.right * width,
      gap: params.wspace)
    // Rows from the top: the figure's fractions count from its bottom.
    let rows = positions(
      count: grid.rows, ratios: grid.heightRatios, low: (1 - params.top) * height, high: (1 - params.bottom) * height,
      gap: params.hspace)
    return panels.indices.map { index in
      let (x, y) = (columns[index % grid.columns], rows[index / grid.columns])
      var plot = Rect(x: x.0, y: y.0, width: x.1 - x.0, height: y.1 - y.0)
      if let colorbar = panels[index].decorator?.colorbar, colorbar.spec.location == .right {
        plot.width *= 1 - 0.15 - 0.05
      }
      return plot
    }
  }

  /// Plot rectangles of equal size, aligned in the grid, leaving room for every panel's decorations.
  private static func fitPanels(_ panels: [Panel], spec: FigureSpec, area: Rect, reach: [Margins]) throws -> [Rect] {
    let grid = spec.panels
    var layout = PanelGrid(rows: grid.rows, columns: grid.columns, spacing: grid.spacing ?? spec.pad * spec.font.size)
    if spec.layout == .constrained {
      // Each panel keeps w_pad (h_pad) on its sides, or half of wspace (hspace) 0.02 shared by the columns (rows),
      // whichever is larger: twice that between neighbours' decorations.
      let pad = spec.pad * spec.font.size
      layout = PanelGrid(
        rows: grid.rows, columns: grid.columns,
        spacing: grid.spacing ?? 2 * max(pad, 0.01 * spec.width / Double(grid.columns)))
      layout.rowSpacing = grid.spacing ?? 2 * max(pad, 0.01 * spec.height / Double(grid.rows))
      layout.gapsPerBoundary = true
    }
    layout.widthRatios = grid.widthRatios
    layout.heightRatios = grid.heightRatios
    layout.wspace = grid.wspace
    layout.hspace = grid.hspace
    // A panel with a fixed aspect draws a smaller box centred in its cell. matplotlib's tight_layout measures it
    // once, as drawn in the cell the default subplot parameters give, and keeps only what its decorations reach
    // out of that cell: those reaches, not the ones around the final box, set the margins.
    let initial = fixedPlots(panels, spec: spec)
    // constrained_layout measures twice, each time around the box the last placed: it settles as the fit does.
    let aspectReach: [Margins?] = try panels.indices.map { index in
      guard spec.layout == .tight, let aspect = panels[index].spec.aspect else { return nil }
      let cell = initial[index]
      let drawn = try panels[index].decorator!.decorate(plot: shrink(cell, to: aspect, panel: panels[index]))
      return Margins(reaching: drawn.boxes, pastBox: cell)
    }
    var measured = panels.map { $0.decorator! }
    func fit() throws -> [Rect] {
      try located(at: spec.sizeLocation) {
        try layout.fit(area: area, panelCount: panels.count) { index, plot in
          if let margins = aspectReach[index] { return reach[index].growing(margins.growing(plot)) }
          let shown = panels[index].spec.aspect.map { shrink(plot, to: $0, panel: panels[index]) } ?? plot
          return reach[index].growing(try measured[index].decorate(plot: shown).boxes.reduce(plot) { $0.union($1) })
        }
      }
    }
    if spec.layout == .constrained, measured.contains(where: { $0.colorbar != nil }) {
      // constrained_layout keeps room for a colorbar's pad as the layout before it gave: none in its first pass,
      // 5 % of the first pass's plot width in its second, the last (the bar itself then stands 5 % of the final
      // width away).
      for index in measured.indices { measured[index].colorbarGap = 0 }
      let first = try fit()
      for index in measured.indices { measured[index].colorbarGap = 0.05 * first[index].width }
    }
    let rects = try fit()
    guard rects.prefix(panels.count).allSatisfy(PanelGrid.hasRoom) else {
      throw VellumError(
        .layout,
        "the figure (\(Int(spec.width))×\(Int(spec.height)) pt) is too small for its labels; enlarge 'size' or shrink the text",
        at: spec.sizeLocation)
    }
    return rects
  }

  /// The plot shrunk about its centre so one y unit is `aspect` times as long on the page as one x unit
  /// (matplotlib's `set_aspect` with an adjustable box); the decorations measured for the larger box still fit.
  private static func shrink(_ plot: Rect, to aspect: Double, panel: Panel) -> Rect {
    let xTransform = panel.spec.x.position.transform
    let yTransform = panel.spec.y.position.transform
    let xSpan = abs(xTransform.forward(panel.xLimits.1) - xTransform.forward(panel.xLimits.0))
    let ySpan = abs(yTransform.forward(panel.yLimits.1) - yTransform.forward(panel.yLimits.0))
    guard xSpan > 0, ySpan > 0, xSpan.isFinite, ySpan.isFinite else { return plot }
    let wanted = ySpan * aspect / xSpan  // height over width
    if plot.height / plot.width > wanted {
      let height = plot.width * wanted
      return Rect(x: plot.x, y: plot.midY - height / 2, width: plot.width, height: height)
    }
    let width = plot.height / wanted
    return Rect(x: plot.midX - width / 2, y: plot.y, width: width, height: plot.height)
  }

  /// The canvas filled with the background colour, unless it is transparent.
  private static func background(_ spec: FigureSpec) -> SceneNode? {
    guard let background = spec.background else { return nil }
    let canvas = Rect(x: 0, y: 0, width: spec.width, height: spec.height)
    return .group(
      Group(
        role: "background",
        children: [
          .path(PathNode(segments: PathGeometry.rect(canvas), fill: Paint(background.rgb, opacity: background.alpha)))
        ]))
  }

  /// One panel's group: clipped grid and marks, frame, axes, title, annotations and legend; and how far its text
  /// placed from the data reaches past its decorations on each side.
  private static func draw(
    _ panel: Panel, index: Int, plot: Rect, spec: FigureSpec, setter: TextSetter, warnings: inout [VellumWarning]
  ) throws -> (SceneNode, Margins) {
    var overflow = Margins()
    let node = try draw(
      panel, role: "axes-\(index)", plot: plot, spec: spec, setter: setter, background: false, warnings: &warnings,
      overflow: &overflow)
    return (node, overflow)
  }

  /// `background` fills the plot white first, so an inset hides the parent's data beneath it.
  private static func draw(
    _ panel: Panel, role: String, plot: Rect, spec: FigureSpec, setter: TextSetter, background: Bool,
    warnings: inout [VellumWarning], overflow: inout Margins
  ) throws -> SceneNode {
    // A hidden panel keeps its cell empty.
    if panel.spec.hidden { return .group(Group(role: role, children: [])) }
    let decorations = try panel.decorator!.decorate(plot: plot)
    warnings += decorations.warnings
    let used = decorations.boxes.reduce(plot) { $0.union($1) }
    if used.minX < -0.01 || used.minY < -0.01 || used.maxX > spec.width + 0.01 || used.maxY > spec.height + 0.01 {
      // A fixed layout keeps its plots where they were asked to be, as matplotlib does, and says what is cut off.
      guard spec.layout == .fixed else {
        throw VellumError(
          .layout, "the labels do not fit in the \(Int(spec.width))×\(Int(spec.height)) pt figure",
          at: spec.sizeLocation)
      }
      warnings.append(
        VellumWarning(
          "\(role)'s labels reach past the \(Int(spec.width))×\(Int(spec.height)) pt canvas with layout: fixed and "
            + "are cut off; widen the subplots' margins or use layout: tight", at: spec.sizeLocation))
    }
    // A title or axis label longer than its plot overhangs it (matplotlib lays them out by their height alone);
    // past the canvas it is cut off.
    let canvas = Rect(x: 0, y: 0, width: spec.width, height: spec.height).insetBy(-0.5)
    if let cut = decorations.overhangs.first(where: { canvas.union($0) != canvas }) {
      warnings.append(
        VellumWarning(
          "\(role)'s title or axis label is \(Int(max(cut.width, cut.height).rounded())) pt long and reaches past "
            + "the \(Int(spec.width))×\(Int(spec.height)) pt canvas, where it is cut off; shorten it or enlarge "
            + "'size'", at: spec.sizeLocation))
    }
    var compiled: [(node: SceneNode, drawing: MarkDrawing)] = []
    // The points drawn so far, which labels avoid: grown by each layer's, not rebuilt from every earlier layer
    // (that was quadratic in the number of series).
    var occupied: [Point] = []
    for (index, layer) in panel.layers.enumerated() {
      let drawn = try {
        var marks = MarkCanvas(
          xScale: decorations.secondaryScales[layer.axes.x] ?? decorations.xScale,
          yScale: decorations.secondaryScales[layer.axes.y] ?? decorations.yScale, plot: plot,
          canvas: Rect(x: 0, y: 0, width: spec.width, height: spec.height), setter: setter,
          textSize: panel.spec.ticks.labelSize)
        // Decimation thins by page x, which polar axes do not run along.
        marks.decimate = spec.decimate && decorations.polarCenter == nil
        marks.polarCenter = decorations.polarCenter
        marks.closesLoops = decorations.polarCenter != nil && panel.spec.x.scale.isCategorical
        marks.occupied = occupied
        return try marks.draw(layer)
      }()
      compiled.append(drawn)
      // The last layer's points are avoided by no later layer (a million-point line would be copied for nothing).
      if index < panel.layers.count - 1 { occupied += drawn.drawing.points }
    }
    var children: [SceneNode] =
      background ? [.path(PathNode(segments: PathGeometry.rect(plot), fill: Paint(.white)))] : []
    children.append(.clip(Clip(rect: plot, children: [decorations.grid].compactMap { $0 } + compiled.map(\.node))))
    children +=
      [
        decorations.frame, decorations.xAxis, decorations.yAxis,
      ].compactMap { $0 } + decorations.secondaryAxes
      + [
        decorations.title, decorations.panelLabel, decorations.colorbar,
      ].compactMap { $0 }
    var insetBoxes: [Rect] = []
    for (number, inset) in panel.insets.enumerated() {
      let box = insetPlot(inset.spec, in: plot)
      insetBoxes.append(box)
      if let zoom = inset.spec.zoom {
        children.append(
          zoomIndicator(zoom, limits: inset.panel.limits, inset: box, scales: (decorations.xScale, decorations.yScale)))
      }
      var insetOverflow = Margins()
      children.append(
        try draw(
          inset.panel, role: "inset-\(number)", plot: box, spec: spec, setter: setter, background: true,
          warnings: &warnings, overflow: &insetOverflow))
    }
    overflow = Margins(reaching: compiled.flatMap(\.drawing.overlayBounds), pastBox: used)
    let overlay = compiled.flatMap(\.drawing.overlay)
    warnings += compiled.flatMap(\.drawing.warnings)
    if !overlay.isEmpty {
      // Text drawn past the plot (above it, beside it) belongs to its layer: when one layer drew it all, checks point
      // at that layer's line; several layers' share one group, located at the axes.
      let sources = compiled.filter { !$0.drawing.overlay.isEmpty }.map { drawn -> SourceLocation? in
        if case .group(let group) = drawn.node { return group.source }
        return nil
      }
      let source = sources.count == 1 ? sources[0] : nil
      children.append(.group(Group(role: "annotations", children: overlay, source: source)))
    }
    // Legends in order: fixed boxes (outside or anchored) from the decorations; the rest in the plot, each avoiding
    // the data, the insets and the legends placed before it.
    // Gathered only when a legend is placed among the data: an empty legend (one unlabelled series) or a fixed
    // box weighs no drawn point.
    var covered: [Point]?
    var placed: [Rect] = []
    for (number, legend) in panel.decorator!.legends.enumerated() where !legend.isEmpty {
      let box: Rect
      if let fixed = decorations.legendBoxes[number] {
        box = fixed
      } else {
        let points =
          covered ?? compiled.flatMap(\.drawing.points) + insetBoxes.flatMap(samplePoints)
          + placed.flatMap(samplePoints)
        covered = points
        box = legend.placement(plot: plot, covered: points)
      }
      guard let node = legend.compile(in: box) else { continue }
      children.append(node)
      placed.append(box)
      covered? += samplePoints(box)
      checkOnCanvas(box, legend: legend.spec, spec: spec, warnings: &warnings)
    }
    return .group(
      Group(
        role: role, children: children, mapping: PlotMapping(x: decorations.xScale, y: decorations.yScale),
        source: panel.spec.location))
  }

  /// A grid of points over `box`, so a `best` legend counts an inset as covered like data.
  private static func samplePoints(_ box: Rect) -> [Point] {
    (0...10).flatMap { i in
      (0...10).map { j in Point(box.minX + Double(i) * box.width / 10, box.minY + Double(j) * box.height / 10) }
    }
  }

  /// The inset's plot rectangle: its position in fractions of the parent's plot, measured from the lower left.
  private static func insetPlot(_ inset: InsetSpec, in plot: Rect) -> Rect {
    let position = inset.position
    return Rect(
      x: plot.minX + position.x * plot.width, y: plot.maxY - (position.y + position.height) * plot.height,
      width: position.width * plot.width, height: position.height * plot.height)
  }

  /// matplotlib's `indicate_inset_zoom`: a rectangle at the inset's limits in the parent's data, and lines from
  /// two of its corners to the inset's, chosen by the same rule so they do not cross either box.
  private static func zoomIndicator(
    _ zoom: InsetSpec.ZoomIndicator, limits: PanelLimits, inset: Rect, scales: (x: AxisScale, y: AxisScale)
  ) -> SceneNode {
    // An inset reaching below zero over a log parent marks the parent's bottom edge, not a point at infinity.
    let xs = [scales.x.mapToEdge(limits.x.0), scales.x.mapToEdge(limits.x.1)]
    let ys = [scales.y.mapToEdge(limits.y.0), scales.y.mapToEdge(limits.y.1)]
    let rect = Rect(x: xs.min()!, y: ys.min()!, width: abs(xs[1] - xs[0]), height: abs(ys[1] - ys[0]))
    let stroke = Stroke(Paint(zoom.color.rgb, opacity: zoom.alpha * zoom.color.alpha), width: zoom.width)
    var children: [SceneNode] = [.path(PathNode(segments: PathGeometry.rect(rect), stroke: stroke))]
    // matplotlib compares in display space (y up): left, right, bottom and top edges of the two boxes.
    let x0 = rect.minX < inset.minX
    let x1 = rect.maxX < inset.maxX
    let y0 = -rect.maxY < -inset.maxY
    let y1 = -rect.minY < -inset.minY
    // Corners (0,0), (0,1), (1,0), (1,1) in axes fractions, y up, each with its visibility rule.
    let corners: [(ex: Double, ey: Double, visible: Bool)] = [
      (0, 0, x0 != y0), (0, 1, x0 == y1), (1, 0, x1 == y0), (1, 1, x1 != y1),
    ]
    var segments: [PathSegment] = []
    for corner in corners where corner.visible {
      // The same corner of the rectangle on the page (matplotlib flips the data corner on a reversed axis, which
      // comes to the same).
      let insetCorner = Point(inset.minX + corner.ex * inset.width, inset.maxY - corner.ey * inset.height)
      let rectCorner = Point(rect.minX + corner.ex * rect.width, rect.maxY - corner.ey * rect.height)
      segments += [.move(insetCorner), .line(rectCorner)]
    }
    if !segments.isEmpty { children.append(.path(PathNode(segments: segments, stroke: stroke))) }
    return .group(Group(role: "inset-zoom", children: children))
  }

  /// The scene with its fonts, title and description.
  private static func scene(_ spec: FigureSpec, nodes: [SceneNode], setter: TextSetter) throws -> Scene {
    var scene = Scene(
      width: spec.width, height: spec.height, nodes: nodes, fontFiles: setter.fontFiles.sorted(),
      glyphOutlines: setter.outlines)
    if spec.font.embed { scene.embeddedFonts = try setter.embeddedFonts() }
    let titles =
      spec.title.map { [TeXParser.plainText($0.text)] }
      ?? spec.axes.compactMap { $0.title.map { TeXParser.plainText($0.text) } }
    scene.title =
      titles.isEmpty
      ? (spec.file == "<stdin>" ? "figure" : URL(fileURLWithPath: spec.file).deletingPathExtension().lastPathComponent)
      : titles.joined(separator: " · ")
    scene.summary = spec.alt
    return scene
  }

  private static func panel(
    _ axes: AxesSpec, data: [LayerData], palette: [Color], scales: PanelScales, continuousDomains: ContinuousDomains,
    warnings: inout [VellumWarning]
  ) throws -> Panel {
    var resolution = MarkResolution(palette: palette, scales: scales, continuousDomains: continuousDomains)
    resolution.yRunsDown = axes.y.reverse
    var layers: [ResolvedLayer] = []
    // The data list holds this axes' layers first, then each inset's in turn.
    var rest = data.dropFirst(axes.layers.count)
    var insets: [(spec: InsetSpec, panel: Panel)] = []
    for inset in axes.insets {
      let own = Array(rest.prefix(inset.axes.layers.count))
      rest = rest.dropFirst(inset.axes.layers.count)
      insets.append(
        (
          inset,
          try panel(
            inset.axes, data: own, palette: palette, scales: scales, continuousDomains: continuousDomains,
            warnings: &warnings)
        ))
    }
    for (layer, layerData) in zip(axes.layers, data) {
      var resolved = try layer.mark.resolve(resolution.placingY(layerData, of: layer), in: &resolution)
      let encodings = layer.body.request?.encodings ?? []
      let colorMapped = try layer.mark.continuousMappings(layerData).contains { $0.channel == "color" }
      for index in resolved.indices {
        resolved[index].axes = layer.axes
        resolved[index].location = layer.location
        resolved[index].keepsColors = colorMapped
        for encoding in encodings {
          if let value = resolved[index].keys[encoding.column.value] {
            resolved[index].channels[encoding.channel] = value
          }
        }
      }
      layers += resolved
    }
    warnings += axes.polar == nil ? outsideLimits(axes, layers: layers) : []
    let xFit = try fit(
      axes.x, along: .x, layers: layers.filter { $0.axes.x == "x" }, categories: resolution.categories[.x],
      panel: axes)
    let yFit = try fit(
      axes.y, along: .y, layers: layers.filter { $0.axes.y == "y" }, categories: resolution.categories[.y],
      panel: axes)
    var (xLimits, yLimits) = (xFit.limits, yFit.limits)
    if let polar = axes.polar {
      // Once round the circle: n categories, 2π radians or 360°. The radius starts at 0 unless data go below it,
      // its top padded over the data's range (matplotlib's polar autoscaling).
      // Numeric angles with `limits` draw that sector only (matplotlib's set_thetamin/set_thetamax).
      if axes.x.scale.isCategorical {
        xLimits = (0, Double(max(1, resolution.categories[.x]?.count ?? 1)))
      } else if let sector = axes.x.limits {
        // Checked when read (PolarSpec.check): increasing, at most a turn.
        xLimits = sector
      } else {
        xLimits = (0, polar.turn)
      }
      if axes.y.limits == nil {
        let radii = layers.reduce(nil) { merge($0, $1.geometry.extent(along: .y, .linear)) }
        if let radii, radii.0 >= 0 { yLimits.0 = 0 }
      }
    }
    // A twin axis takes its own layers' limits (the primary's when it has none); a function axis follows the
    // primary through `forward`.
    var secondaryLimits: [String: (Double, Double)] = [:]
    for axis in axes.secondaryAxes {
      let primary = axis.runsAlongX ? xLimits : yLimits
      let drawn = layers.filter { [$0.axes.x, $0.axes.y].contains(axis.name) }
      if let function = axis.function {
        secondaryLimits[axis.name] = (
          function.forward.evaluate(["x": primary.0]), function.forward.evaluate(["x": primary.1])
        )
      } else if drawn.isEmpty && axis.limits == nil {
        secondaryLimits[axis.name] = primary
      } else {
        secondaryLimits[axis.name] =
          try fit(axis, along: axis.runsAlongX ? .x : .y, layers: drawn, categories: nil, panel: axes).limits
      }
    }
    return Panel(
      spec: axes, layers: layers, categories: labelled(resolution.categories, data: data), xLimits: xLimits,
      yLimits: yLimits,
      xFit: axes.polar == nil ? xFit : nil, yFit: axes.polar == nil ? yFit : nil, secondaryLimits: secondaryLimits,
      insets: insets)
  }

  /// Categories as their ticks show them: through the labels the data stage read from a label column, where the
  /// axis names one (the first layer's label wins).
  private static func labelled(_ categories: [PositionAxis: [String]], data: [LayerData]) -> [PositionAxis: [String]] {
    var labels: [PositionAxis: [String: String]] = [:]
    for series in data.flatMap(\.series) {
      for (along, found) in series.categoryLabels {
        labels[along == "y" ? .y : .x, default: [:]].merge(found) { first, _ in first }
      }
    }
    guard !labels.isEmpty else { return categories }
    var shown = categories
    for (axis, names) in categories {
      guard let found = labels[axis] else { continue }
      shown[axis] = names.map { found[$0] ?? $0 }
    }
    return shown
  }

  /// Layers none of whose values fall inside an axis's explicit limits draw nothing visible: say so.
  private static func outsideLimits(_ axes: AxesSpec, layers: [ResolvedLayer]) -> [VellumWarning] {
    var found: [VellumWarning] = []
    for layer in layers {
      let xAxis = axes.axis(named: layer.axes.x) ?? axes.x
      let yAxis = axes.axis(named: layer.axes.y) ?? axes.y
      for (axis, position) in [(xAxis, PositionAxis.x), (yAxis, .y)] {
        guard let limits = axis.limits, !axis.scale.isCategorical,
          let extent = layer.geometry.extent(along: position, axis.position.transform)
        else { continue }
        let (low, high) = (min(limits.0, limits.1), max(limits.0, limits.1))
        if extent.1 < low || extent.0 > high {
          found.append(
            VellumWarning(
              "nothing of '\(layer.role)' falls inside \(axis.name).limits [\(limits.0), \(limits.1)] "
                + "(its \(axis.name) values span \(extent.0)…\(extent.1))", at: layer.location ?? axis.location))
        }
      }
    }
    return found
  }

  /// An axis's automatic limits and what they came from: the data's extent and the sticky edges they reach.
  struct AxisFit {
    var limits: (Double, Double)
    var extent: (Double, Double)?
    var edges: [Double]
    var isExplicit: Bool
  }

  /// One axis's limits from the layers drawn against it: explicit, or padded from their extent (a categorical
  /// axis spans its categories) and pulled back to sticky edges.
  private static func fit(
    _ axis: AxisSpec, along position: PositionAxis, layers: [ResolvedLayer], categories: [String]?, panel: AxesSpec
  ) throws -> AxisFit {
    let scale = axis.position
    let transform = scale.transform
    let location = axis.location ?? panel.location
    var extent = layers.reduce(nil) { merge($0, $1.geometry.extent(along: position, transform)) }
    try scale.check(extent: extent, axis: axis, hasLayers: !layers.isEmpty, at: location)
    if scale.isCategorical, let categories, !categories.isEmpty {
      extent = merge(extent, (0, Double(categories.count - 1)))
    }
    var limits = AxisLimits.resolve(
      explicit: axis.limits, dataExtent: extent, scale: scale, reverse: axis.reverse)
    try checkDrawable(axis, limits, transform: transform, location: location)
    // matplotlib's sticky edges: e.g. bars rising from zero get no margin below zero.
    let edges = layers.flatMap { $0.geometry.stickyEdges(along: position) }
    if axis.limits == nil { limits = stick(limits, extent: extent, edges: edges) }
    return AxisFit(limits: limits, extent: extent, edges: edges, isExplicit: axis.limits != nil)
  }

  /// One range for a shared axis, as matplotlib's shared axes autoscale: the union of the panels' data padded
  /// once (and pulled back to their sticky edges), not the union of each panel's padded range. Limits given on
  /// any of the panels hold for all of them, as `set_ylim` on one of matplotlib's shared axes (the union when
  /// several panels give them).
  private static func sharedLimits(_ fits: [AxisFit?], axis: AxisSpec, limits: [(Double, Double)]) -> (Double, Double) {
    let fitted = fits.compactMap { $0 }
    let given = zip(fits, limits).filter { $0.0?.isExplicit == true }.map(\.1)
    guard fitted.count == fits.count, given.isEmpty else {
      let limits = given.isEmpty ? limits : given
      let reversed = limits.first.map { $0.0 > $0.1 } ?? false
      let low = limits.map { min($0.0, $0.1) }.min()!
      let high = limits.map { max($0.0, $0.1) }.max()!
      return reversed ? (high, low) : (low, high)
    }
    let reversed = limits.first.map { $0.0 > $0.1 } ?? false
    let extent = fitted.reduce(nil) { merge($0, $1.extent) }
    let padded = AxisLimits.resolve(explicit: nil, dataExtent: extent, scale: axis.position, reverse: axis.reverse)
    return stick(padded, extent: extent, edges: fitted.flatMap(\.edges))
  }

  /// Pulls a padded limit back to the nearest sticky edge the data reach: the largest edge at or below the
  /// data's minimum, the smallest at or above their maximum (matplotlib's autoscale with sticky edges).
  private static func stick(_ limits: (Double, Double), extent: (Double, Double)?, edges: [Double]) -> (Double, Double)
  {
    guard let extent, !edges.isEmpty else { return limits }
    let reversed = limits.0 > limits.1
    var (low, high) = reversed ? (limits.1, limits.0) : limits
    if let edge = edges.filter({ $0 <= extent.0 }).max(), low < edge { low = edge }
    if let edge = edges.filter({ $0 >= extent.1 }).min(), high > edge { high = edge }
    return reversed ? (high, low) : (low, high)
  }

  /// Limits near the ends of Double's range would turn positions into NaN or infinity; refuse them by name.
  private static func checkDrawable(
    _ axis: AxisSpec, _ limits: (Double, Double), transform: AxisMapping.Transform, location: SourceLocation?
  ) throws {
    let t0 = transform.forward(limits.0)
    let t1 = transform.forward(limits.1)
    let span = t1 - t0
    let scale = max(abs(t0), abs(t1))
    // Tick steps divide the span and labels multiply by its powers of ten, so keep well inside Double's range; a
    // span of at least 1e-13 of the values (some 450 steps of a Double there) still places points to a fraction
    // of a point.
    let narrow = !(abs(span) > scale * 1e-13)
    if scale <= 1e250, abs(span) >= 1e-250, !narrow, (limits.1 - limits.0).isFinite {
      return
    }
    // Limits cannot widen a span that is narrow for its values: only moving the values nearer zero helps.
    let remedy =
      narrow && scale <= 1e250
      ? "rescale the data (subtract its start, with a calculate transform)"
      : "set \(axis.name).limits or rescale the data"
    throw VellumError(
      .invalidData,
      "the \(axis.name) axis would run from \(limits.0) to \(limits.1), which cannot be drawn at double precision; "
        + remedy, at: location)
  }

  /// Panels sharing an axis (every panel, or each column's for x, each row's for y) take the range over all their
  /// data and the first one's scale and ticks, so inner panels' ticks line up with the labelled ones.
  private static func share(
    _ panels: inout [Panel], x: PanelsSpec.Sharing, y: PanelsSpec.Sharing, columns: Int
  ) {
    func copyTicks(_ from: AxisSpec, to axis: inout AxisSpec) {
      axis.scaleName = from.scaleName
      axis.scale = from.scale
      axis.ticks = from.ticks
      axis.minor = from.minor
      axis.format = from.format
      axis.decimals = from.decimals
    }
    /// The panels sharing with each other: all, one list per column, or one per row.
    func groups(_ sharing: PanelsSpec.Sharing) -> [[Int]] {
      // A hidden panel (a joint plot's empty corner) has nothing to share.
      let all = panels.indices.filter { !panels[$0].spec.hidden }
      switch sharing {
      case .none: return []
      case .all: return [all]
      case .columns: return (0..<columns).map { column in all.filter { $0 % columns == column } }
      case .rows: return Dictionary(grouping: all) { $0 / columns }.sorted { $0.key < $1.key }.map(\.value)
      }
    }
    for group in groups(x) where group.count > 1 {
      let first = panels[group[0]].spec.x
      for i in group.dropFirst() { copyTicks(first, to: &panels[i].spec.x) }
      let shared = sharedLimits(group.map { panels[$0].xFit }, axis: first, limits: group.map { panels[$0].xLimits })
      for i in group { panels[i].xLimits = shared }
    }
    for group in groups(y) where group.count > 1 {
      let first = panels[group[0]].spec.y
      for i in group.dropFirst() { copyTicks(first, to: &panels[i].spec.y) }
      let shared = sharedLimits(group.map { panels[$0].yFit }, axis: first, limits: group.map { panels[$0].yLimits })
      for i in group { panels[i].yLimits = shared }
    }
  }
}
