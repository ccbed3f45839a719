import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `histogram`: a column's samples binned as numpy bins them, drawn as matplotlib's `hist` draws them: bars,
/// a step outline or a filled step; several groups overlaid (default), stacked or dodged, sharing one set of bins.
struct HistogramMark: Mark, SeriesLayerBody {
  /// matplotlib's `histtype` (with `barstacked` spelled `stacked: true`).
  enum Style: String, Sendable, CaseIterable { case bar, step, stepfilled }

  var common: SeriesCommon
  /// Hatching over the fill (matplotlib's hatch).
  var hatch: Hatch?
  var weights: Located<String>?
  var bins: BinSpec
  var range: (Double, Double)?
  var stat: HistogramStat
  var cumulative: Bool
  var style: Style
  var stacked: Bool
  var dodge: Bool
  /// Bins along y, bars along x (matplotlib's orientation='horizontal': a joint plot's right marginal).
  var horizontal: Bool
  /// Bar width as a fraction of the bin (matplotlib's `rwidth`); nil: 0.8 when dodged, else 1.
  var relativeWidth: Double?
  var edge: Color?
  var edgeWidth: Double?

  static let layerKind = LayerKind(
    SpecObject(
      "histogram",
      purpose: "A histogram of a column binned as numpy.histogram bins it (matplotlib's hist): bars, steps or "
        + "filled steps, stacked or side by side per group.",
      keys: SeriesCommon.keys(x: "the column whose values are binned") + [
        SpecKey("weights", SpecSchema.string, "a column whose values are summed per bin instead of counting rows"),
        SpecKey(
          "bins", BinSpec.schema, "a bin count, a numpy rule (auto, fd, sturges…), {width: W} or a list of edges",
          defaultValue: 10),
        SpecKey(
          "range", SpecSchema.pair, "[low, high] the bins span; values outside are left out",
          default: "the data's range", example: "[0, 1]"),
        SpecKey(
          "stat", SpecSchema.enumeration(HistogramStat.allCases.map(\.rawValue)),
          "bar height: count, density (area 1), probability (sum 1) or percent", defaultValue: HistogramStat.count),
        SpecKey(
          "cumulative", SpecSchema.boolean, "each bar holds its bin and every bin before it", defaultValue: false),
        SpecKey(
          "style", SpecSchema.enumeration(Style.allCases.map(\.rawValue)),
          "how bins are drawn: bars, an outline (step) or a filled outline (stepfilled), matplotlib's histtype",
          defaultValue: Style.bar),
        SpecKey("stacked", SpecSchema.boolean, "stack the groups' bins on each other", defaultValue: false),
        SpecKey("dodge", SpecSchema.boolean, "place the groups' bars side by side in each bin", defaultValue: false),
        SpecKey(
          "horizontal", SpecSchema.boolean,
          "bins along the y axis and bars along x (matplotlib's orientation='horizontal')", defaultValue: false),
        SpecKey(
          "rwidth", SpecSchema.fraction, "bar width as a fraction of the bin width", default: "1 (0.8 when dodged)"),
        SpecKey("edge", SpecSchema.color, "outline colour of the bars", default: "no outline"),
        SpecKey("edge_width", SpecSchema.measure, "outline width in points", default: "1 with edge, else 0"),
      ] + Hatch.keys,
      required: ["x"], example: "{histogram: {x: latency, bins: auto, stat: density}}"),
    decode: { try HistogramMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    hatch = try Hatch.decode(map)
    weights = try map.optional("weights") { try $0.located("a column name") }
    bins = try map.optional("bins") { try BinSpec.decode($0) } ?? .matplotlibDefault
    range = try map.optional("range") { try $0.interval("a histogram range") }
    stat = try map.optional("stat") { try decodeEnum($0, what: "histogram stat") } ?? .count
    cumulative = try map.optional("cumulative") { try $0.bool() } ?? false
    style = try map.optional("style") { try decodeEnum($0, what: "histogram style") } ?? .bar
    stacked = try map.optional("stacked") { try $0.bool() } ?? false
    dodge = try map.optional("dodge") { try $0.bool() } ?? false
    horizontal = try map.optional("horizontal") { try $0.bool() } ?? false
    if dodge && (stacked || style != .bar) {
      throw context.node.error("'dodge' places bars side by side: it needs style: bar and no 'stacked'")
    }
    relativeWidth = try map.optional("rwidth") { try $0.fraction("rwidth", of: "the bin width") }
    edge = try map.optional("edge") { try decodeColor($0) }
    edgeWidth = try map.optional("edge_width") { try $0.measure("a line width") }
  }

  var request: DataRequest? {
    DataRequest(
      series: common, channels: weights.map { [("weights", $0)] } ?? [], encodings: hatch?.encodings ?? [],
      positionAlongY: horizontal)
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    let samples = try data.series.map { series -> [Double] in
      guard case .numeric(let values) = series.x else {
        throw VellumError(
          .invalidSpec,
          "histogram needs numbers in '\(common.x.value)', on a numeric \(horizontal ? "y" : "x") axis",
          at: common.x.location)
      }
      return values
    }
    // One set of bins for every group, from all their values, as matplotlib's hist does for several datasets.
    let edges = try Binning.edges(
      groups: samples, bins: bins, range: range, weighted: weights != nil, location: common.x.location)
    let counts = zip(samples, data.series).map { Binning.counts($0, weights: $1.values["weights"], edges: edges) }
    let grandTotal = counts.joined().reduce(0, +)
    var bottom = [Double](repeating: 0, count: edges.count - 1)
    let dodged = dodge && counts.count > 1
    let fraction = relativeWidth ?? (dodged ? 0.8 : 1)
    var layers: [ResolvedLayer] = []
    for (index, series) in data.series.enumerated() {
      // matplotlib's hist takes its colours from the line cycle (_get_lines.get_next_color), unlike bar and fill.
      let color = try context.color(common, series: series, cycle: .line)
      let paint = FillStyle(
        color: color.rgb, alpha: common.alpha * color.alpha, edge: edge?.rgb,
        edgeWidth: edgeWidth ?? (edge == nil ? 0 : 1), edgeAlpha: (edge?.alpha ?? 1) * common.alpha
      ).hatched(hatch, series: series, context: context, alpha: common.alpha)
      let heights = stat.apply(
        counts[index], edges: edges, cumulative: cumulative, total: stacked ? grandTotal : nil)
      let base = bottom
      let top = stacked ? zip(bottom, heights).map { $0 + $1 } : heights
      if stacked { bottom = top }
      let geometry: any MarkGeometry
      switch style {
      case .bar:
        let count = dodged ? Double(counts.count) : 1
        let bars = edges.indices.dropLast().map { bin -> BarMark.Bar in
          let width = edges[bin + 1] - edges[bin]
          let barWidth = fraction * width / count
          let offset = dodged ? -0.5 * fraction * width * (1 - 1 / count) + Double(index) * barWidth : 0
          return BarMark.Bar(
            position: edges[bin] + width / 2 + offset, width: barWidth, base: base[bin], value: top[bin], error: nil)
        }
        geometry = BarMark.Geometry(
          bars: bars, fill: paint, horizontal: horizontal, valueLabels: nil, capSize: 0, errorWidth: 0)
      case .step, .stepfilled:
        geometry = StepGeometry(
          edges: edges, bottom: base, top: top, paint: paint, filled: style == .stepfilled, lineWidth: edgeWidth ?? 1,
          horizontal: horizontal)
      }
      layers.append(try context.series(geometry, "hist", common, valueColumn: common.x.value, series: series))
    }
    return layers
  }

  /// A histogram drawn as one outline over its bins (matplotlib's `step` and `stepfilled`): up the first
  /// edge, across each bin's top, down the last edge; filled down to the bins' bottoms when `filled`.
  struct StepGeometry: MarkGeometry {
    var edges: [Double]
    var bottom: [Double]
    var top: [Double]
    var paint: FillStyle
    var filled: Bool
    var lineWidth: Double
    /// Bins along y, heights along x.
    var horizontal = false

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      VellumLayout.extent((axis == .x) != horizontal ? edges : bottom + top, transform)
    }

    func stickyEdges(along axis: PositionAxis) -> [Double] {
      axis == (horizontal ? .x : .y) && bottom.contains(0) ? [0] : []
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      let (upper, lower) = outline(canvas.page)
      let points = ([lower.last].compactMap { $0 } + upper + [lower.first].compactMap { $0 })
        .map(FarPointClipping.clamped)
      guard points.count > 1 else { return MarkDrawing() }
      if filled {
        var fill = paint
        fill.edgeWidth = paint.edge == nil ? 0 : paint.edgeWidth
        // Corners an axis cannot place (a zero bottom on a log axis) at its low edge, as a bar's.
        let corners = outline(canvas.fillPage)
        return MarkDrawing(
          nodes: [
            canvas.patch(
              PathGeometry.polygon((corners.upper + corners.lower).map(FarPointClipping.clamped)), fill, join: .miter)
          ], points: upper)
      }
      let stroke = Stroke(paint.edgePaint, width: lineWidth, join: .miter)
      return MarkDrawing(
        nodes: [.path(PathNode(segments: PathGeometry.polyline(points), stroke: stroke))], points: upper)
    }

    /// The bins' tops left to right, then their bottoms right to left, each corner on the page by `place(x, y)`.
    private func outline(_ place: (Double, Double) -> Point) -> (upper: [Point], lower: [Point]) {
      func corner(_ edge: Double, _ height: Double) -> Point { horizontal ? place(height, edge) : place(edge, height) }
      var upper: [Point] = []
      for bin in top.indices {
        upper += [corner(edges[bin], top[bin]), corner(edges[bin + 1], top[bin])]
      }
      var lower: [Point] = []
      for bin in bottom.indices.reversed() {
        lower += [corner(edges[bin + 1], bottom[bin]), corner(edges[bin], bottom[bin])]
      }
      return (upper, lower)
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] {
      guard !filled else { return [handle.patch(paint)] }
      let stroke = Stroke(paint.edgePaint, width: lineWidth, join: .miter)
      return [.path(PathNode(segments: PathGeometry.rect(handle.box), stroke: stroke))]
    }
  }
}
