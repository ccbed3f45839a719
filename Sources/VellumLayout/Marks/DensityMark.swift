import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `density`: a Gaussian kernel density estimate of a column's samples (scipy's `gaussian_kde`) drawn as a curve
/// over seaborn's support (`cut` kernel widths past the data), optionally filled, and optionally scaled to sit
/// on a histogram of the same samples (`stat: count` with that histogram's `bins`).
struct DensityMark: Mark, SeriesLayerBody {
  var common: SeriesCommon
  var bandwidth: Bandwidth
  var cut: Double
  var gridSize: Int
  var clip: (Double, Double)?
  var fill: Bool
  /// Values along y, density along x (seaborn's `y=`; a joint plot's right marginal).
  var horizontal: Bool
  /// A ridgeline: each group's curve in its own row of a categorical y axis, reaching `overlap` rows into the
  /// next (joypy's joyplot); nil: curves from y = 0.
  var ridgeOverlap: Double?
  var fillAlpha: Double
  var width: Double
  var dash: Encoding<DashPattern>
  var stat: HistogramStat
  var bins: BinSpec
  var range: (Double, Double)?

  static let layerKind = LayerKind(
    SpecObject(
      "density",
      purpose: "A kernel density estimate of a column (scipy's gaussian_kde, seaborn's kdeplot) as a line, "
        + "optionally filled, one per group.",
      keys: SeriesCommon.keys(x: "the column whose distribution is estimated") + [
        SpecKey(
          "bandwidth",
          .object(["anyOf": .array([SpecSchema.enumeration(["scott", "silverman"]), SpecSchema.positive])]),
          "kernel width: scott, silverman, or a factor of the data's std", defaultValue: "scott"),
        SpecKey(
          "cut", SpecSchema.nonNegative, "how far past the data the curve reaches, in bandwidths", defaultValue: 3.0),
        SpecKey(
          "gridsize", SpecSchema.bounded(minimum: 2, maximum: 100_000, integer: true),
          "points the curve is evaluated at", defaultValue: 200),
        SpecKey("clip", SpecSchema.pair, "[low, high] the curve is limited to", default: "no limit", example: "[0, 1]"),
        SpecKey("fill", SpecSchema.boolean, "fill under the curve", defaultValue: false),
        SpecKey(
          "horizontal", SpecSchema.boolean, "values along the y axis and the density along x", defaultValue: false),
        SpecKey(
          "ridge", .object(["anyOf": .array([SpecSchema.boolean, ridgeObject.schema])]),
          "a ridgeline plot: each group's curve in its own row of the y axis (y: {scale: categorical} names the rows), "
            + "the tallest reaching overlap rows into the next, drawn top row first; true, or {overlap}",
          defaultValue: false),
        SpecKey("fill_alpha", SpecSchema.opacity, "opacity of the fill", defaultValue: 0.25),
        SpecKey("width", SpecSchema.measure, "line width in points", defaultValue: 1.5),
        SpecKey(
          "dash", Encoding<DashPattern>.schema(SpecSchema.dash), "dash style, or {column: NAME}", defaultValue: "solid"),
        SpecKey(
          "stat", SpecSchema.enumeration(HistogramStat.allCases.map(\.rawValue)),
          "the curve's scale: density (area 1), count, probability or percent, as a histogram of the same bins",
          defaultValue: HistogramStat.density),
        SpecKey("bins", BinSpec.schema, "the bins whose histogram sets the count scale", defaultValue: 10),
        SpecKey("range", SpecSchema.pair, "range of those bins", default: "the data's range"),
      ],
      required: ["x"], example: "{density: {x: score, group: model, fill: true}}"),
    decode: { try DensityMark(map: $0, context: $1) })

  /// `ridge: {overlap}`.
  static let ridgeObject = SpecObject(
    "ridge",
    purpose: "A ridgeline plot of a density's groups (joypy's joyplot): one row per group, the curves sharing one "
      + "height scale, the tallest reaching into the row above by `overlap` rows.",
    keys: [
      SpecKey(
        "overlap", SpecSchema.bounded(minimum: 0, maximum: 10),
        "how far the tallest curve reaches past its row, in rows",
        defaultValue: 0.5)
    ],
    example:
      "{axes: {y: {scale: categorical}, layers: [{density: {x: score, group: model, fill: true, ridge: {overlap: 0.8}}}]}}"
  )

  init(map: SpecMapping, context: LayerContext) throws {
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    bandwidth = try map.optional("bandwidth") { try Bandwidth.decode($0) } ?? .scott
    cut = try map.optional("cut") { try $0.nonNegative("a number of kernel widths") } ?? 3
    gridSize =
      try map.optional("gridsize") { node in
        let value = try node.int("a number of points")
        guard (2...100_000).contains(value) else { throw node.error("gridsize must be between 2 and 100000") }
        return value
      } ?? 200
    clip = try map.optional("clip") { try $0.interval("a clip range") }
    fill = try map.optional("fill") { try $0.bool() } ?? false
    horizontal = try map.optional("horizontal") { try $0.bool() } ?? false
    ridgeOverlap =
      try map.optional("ridge") { node -> Double? in
        if node.scalarText != nil { return try node.bool() ? 0.5 : nil }
        let ridge = try node.mapping(Self.ridgeObject)
        return try ridge.optional("overlap") { node in
          let value = try node.nonNegative("an overlap in rows")
          guard value <= 10 else { throw node.error("an overlap of at most 10 rows, found \(value)") }
          return value
        } ?? 0.5
      } ?? nil
    if ridgeOverlap != nil {
      guard common.group != nil else {
        throw map["ridge"]!.error("a ridgeline needs group: the column whose values make the rows")
      }
      if horizontal, let node = map["horizontal"] {
        throw node.error("a ridgeline's rows lie along y; drop horizontal")
      }
    }
    fillAlpha = try map.optional("fill_alpha") { try decodeAlpha($0) } ?? 0.25
    width = try map.optional("width") { try $0.measure("a line width") } ?? 1.5
    dash = try map.optional("dash") { try DashPattern.encoding($0) } ?? .constant(.solid)
    stat = try map.optional("stat") { try decodeEnum($0, what: "density scale") } ?? .density
    bins = try map.optional("bins") { try BinSpec.decode($0) } ?? .matplotlibDefault
    range = try map.optional("range") { try $0.interval("a histogram range") }
  }

  var request: DataRequest? {
    DataRequest(
      series: common, channels: [], encodings: dash.column.map { [(.dash, $0)] } ?? [], positionAlongY: horizontal)
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    let samples = try data.series.map { series -> [Double] in
      guard case .numeric(let values) = series.x else {
        throw VellumError(
          .invalidSpec,
          "density needs numbers in '\(common.x.value)', on a numeric \(horizontal ? "y" : "x") axis",
          at: common.x.location)
      }
      return values
    }
    let binWidth = try stat == .density ? 1 : histogramBinWidth(samples.flatMap { $0 })
    if let overlap = ridgeOverlap {
      return [try ridges(data, samples: samples, binWidth: binWidth, overlap: overlap, context: &context)]
    }
    return try zip(data.series, samples).map { series, values in
      let (x, y) = try curve(values, binWidth: binWidth)
      let color = try context.color(common, series: series, cycle: .line)
      let support = cut == 0 ? [x.first!, x.last!] : []
      return try context.series(
        geometry(x: x, top: y, baseline: 0, color: color, series: series, support: support, context: context),
        "density", common, valueColumn: common.x.value, series: series)
    }
  }

  /// The KDE of `values` on its grid, scaled by `stat` (count: by the sample size and bin width).
  private func curve(_ values: [Double], binWidth: Double) throws -> (x: [Double], y: [Double]) {
    let kde = try KernelDensity(values, bandwidth: bandwidth, location: common.x.location)
    let scale: Double
    switch stat {
    case .density: scale = 1
    case .count: scale = Double(kde.samples.count) * binWidth
    case .probability: scale = binWidth
    case .percent: scale = binWidth * 100
    }
    let x = kde.grid(cut: cut, count: gridSize, clip: clip)
    return (x, kde.density(at: x).map { $0 * scale })
  }

  /// The curve through (x, top) in the series' colour and dash, over its fill down to `baseline` when filled; turned
  /// onto the y axis when `horizontal`.
  private func geometry(
    x: [Double], top: [Double], baseline: Double, color: Color, series: SeriesData, support: [Double],
    context: MarkResolution
  ) -> Geometry {
    let line = LineMark.Geometry(
      x: horizontal ? top : x, y: horizontal ? x : top,
      style: LineStyle(
        color: color.rgb, alpha: common.alpha * color.alpha, width: width, dash: context.dash(dash, series: series)),
      step: nil)
    let area =
      fill
      ? AreaMark.Geometry(
        x: x, y: top, baseline: baseline,
        fill: FillStyle(color: color.rgb, alpha: fillAlpha * color.alpha, edge: nil, edgeWidth: 0),
        horizontal: horizontal) : nil
    return Geometry(line: line, area: area, support: support, horizontal: horizontal)
  }

  /// One curve per group, each in its row of the y axis (the group's category), all scaled by one factor so the
  /// tallest reaches `overlap` rows above its own.
  private func ridges(
    _ data: LayerData, samples: [[Double]], binWidth: Double, overlap: Double, context: inout MarkResolution
  ) throws -> ResolvedLayer {
    var curves: [(x: [Double], y: [Double], row: Double, color: Color, series: SeriesData)] = []
    for (series, values) in zip(data.series, samples) {
      let (x, y) = try curve(values, binWidth: binWidth)
      let row = context.positions(.categorical([series.name ?? ""]), along: .y)[0]
      curves.append((x, y, row, try context.color(common, series: series, cycle: .line), series))
    }
    let tallest = curves.flatMap(\.y).filter(\.isFinite).max() ?? 1
    let factor = tallest > 0 ? (1 + overlap) / tallest : 1
    // Upward on the page: toward higher values, or lower ones on a reversed axis (the first group on top).
    let up = context.yRunsDown ? -1.0 : 1.0
    let rows = curves.map { curve in
      (
        curve.row,
        geometry(
          x: curve.x, top: curve.y.map { curve.row + up * $0 * factor }, baseline: curve.row, color: curve.color,
          series: curve.series, support: [], context: context)
      )
    }
    var layer = try context.series(
      RidgeGeometry(rows: rows), "ridge", common, valueColumn: common.x.value,
      series: SeriesData(name: nil, x: .numeric([]), values: [:]))
    layer.legendLabel = nil
    return layer
  }

  /// Ridgeline rows drawn from the top of the page down, so each curve overlaps the row above it (joypy's order).
  struct RidgeGeometry: MarkGeometry {
    var rows: [(baseline: Double, curve: Geometry)]

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      rows.reduce(nil) { merge($0, $1.curve.extent(along: axis, transform)) }
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      var drawing = MarkDrawing()
      let order = rows.sorted { canvas.yScale.map($0.baseline) < canvas.yScale.map($1.baseline) }
      for row in order {
        let part = try row.curve.draw(on: canvas)
        drawing.nodes += part.nodes
        drawing.points += part.points
      }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { rows.first?.curve.legendGlyph(handle) ?? [] }
  }

  /// The width of the histogram bins `bins` would give these samples; a count scale needs them equal.
  private func histogramBinWidth(_ values: [Double]) throws -> Double {
    let edges = try Binning.edges(values, bins: bins, range: range, location: common.x.location)
    let widths = zip(edges, edges.dropFirst()).map { $1 - $0 }
    guard let first = widths.first, widths.allSatisfy({ abs($0 - first) <= 1e-9 * abs(first) }) else {
      throw VellumError(
        .invalidSpec, "stat: \(stat.rawValue) scales the density to equal-width bins; these bins differ in width",
        at: common.x.location)
    }
    return first
  }

  /// The curve, over its filled area when asked; the y axis sticks to 0, the x axis to the support when `cut` is 0.
  struct Geometry: MarkGeometry {
    var line: LineMark.Geometry
    var area: AreaMark.Geometry?
    var support: [Double]
    var horizontal: Bool

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      merge(line.extent(along: axis, transform), area?.extent(along: axis, transform))
    }

    func stickyEdges(along axis: PositionAxis) -> [Double] { axis == (horizontal ? .x : .y) ? [0] : support }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      var drawing = try area?.draw(on: canvas) ?? MarkDrawing()
      let curve = try line.draw(on: canvas)
      drawing.nodes += curve.nodes
      drawing.points = curve.points
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] {
      (area?.legendGlyph(handle) ?? []) + line.legendGlyph(handle)
    }
  }
}
