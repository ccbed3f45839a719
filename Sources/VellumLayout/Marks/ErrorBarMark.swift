import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `errorbar`: points with error bars in y and/or x: symmetric (`yerr: col`), asymmetric as matplotlib's
/// `yerr=[minus, plus]` (`yerr: [minus_col, plus_col]`), or between absolute bounds (`lower`/`upper`, e.g. the
/// `_boot_low`/`_boot_high` or min/max columns of `aggregate`).
struct ErrorBarMark: Mark, SeriesLayerBody {
  /// Where one axis's whisker ends come from.
  enum Extent {
    case symmetric(Located<String>)
    case asymmetric(minus: Located<String>, plus: Located<String>)
    case bounds(lower: Located<String>, upper: Located<String>)

    /// The channels the data stage reads, named by `prefix` (`y` or `x`).
    func channels(_ prefix: String) -> [(name: String, column: Located<String>)] {
      switch self {
      case .symmetric(let column): return [(prefix + "err", column)]
      case .asymmetric(let minus, let plus): return [(prefix + "minus", minus), (prefix + "plus", plus)]
      case .bounds(let lower, let upper): return [(prefix + "lower", lower), (prefix + "upper", upper)]
      }
    }

    /// Each point's whisker ends.
    func ends(_ prefix: String, center: [Double], series: SeriesData) throws -> (low: [Double], high: [Double]) {
      switch self {
      case .symmetric(let column):
        let error = try Self.distances(series[prefix + "err"], column)
        return (zip(center, error).map { $0 - $1 }, zip(center, error).map { $0 + $1 })
      case .asymmetric(let minus, let plus):
        return (
          zip(center, try Self.distances(series[prefix + "minus"], minus)).map { $0 - $1 },
          zip(center, try Self.distances(series[prefix + "plus"], plus)).map { $0 + $1 }
        )
      case .bounds: return (series[prefix + "lower"], series[prefix + "upper"])
      }
    }

    /// Error distances, which are never negative (matplotlib refuses them: a negative one would draw as its size).
    static func distances(_ values: [Double], _ column: Located<String>) throws -> [Double] {
      if let negative = values.first(where: { $0 < 0 }) {
        throw VellumError(
          .invalidData,
          "'\(column.value)' holds the error distance \(FormatSpec.plain(negative)); error bars take distances of 0 "
            + "or more (for bounds, give lower and upper)", at: column.location)
      }
      return values
    }
  }

  var common: SeriesCommon
  var y: Located<String>
  var yExtent: Extent?
  var xExtent: Extent?
  /// Cap length in points (matplotlib's capsize; 0 draws none).
  var capSize: Double
  var width: Double
  var marker: MarkerSpec?

  static let layerKind = LayerKind(
    SpecObject(
      "errorbar",
      purpose: "Error bars at points (matplotlib's errorbar): symmetric distances, [minus, plus] columns, or "
        + "lower/upper ends, vertical, horizontal or both, with optional markers.",
      keys: SeriesCommon.keys(x: "the column of x positions") + [
        SpecKey("y", SpecSchema.string, "the column of y positions", example: "accuracy"),
        SpecKey(
          "yerr", errorColumns, "vertical error: a column of distances, or [minus column, plus column]",
          example: "std"),
        SpecKey(
          "xerr", errorColumns, "horizontal error: a column of distances, or [minus column, plus column]",
          example: "[left, right]"),
        SpecKey("lower", SpecSchema.string, "a column of the vertical bars' lower ends (with upper)", example: "low"),
        SpecKey("upper", SpecSchema.string, "a column of the vertical bars' upper ends (with lower)", example: "high"),
        SpecKey("xlower", SpecSchema.string, "a column of the horizontal bars' left ends (with xupper)"),
        SpecKey("xupper", SpecSchema.string, "a column of the horizontal bars' right ends (with xlower)"),
        SpecKey("cap", SpecSchema.measure, "length in points of the caps at the bars' ends", defaultValue: 0.0),
        SpecKey("width", SpecSchema.measure, "line width in points of the bars", defaultValue: 1.5),
        SpecKey("marker", MarkerSpec.schema, "a marker at each point: a shape, or its options", default: "no markers"),
      ],
      required: ["x", "y"],
      exclusive: [["yerr", "lower"], ["yerr", "upper"], ["xerr", "xlower"], ["xerr", "xupper"]],
      requiresOneOf: [["yerr"], ["xerr"], ["lower", "upper"], ["xlower", "xupper"]],
      needs: ["lower": ["upper"], "upper": ["lower"], "xlower": ["xupper"], "xupper": ["xlower"]],
      example: "{errorbar: {x: size, y: accuracy, yerr: std, cap: 3, marker: o}}"),
    decode: { try ErrorBarMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    let column = { (node: SpecNode) in try node.located("a column name") }
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    y = try map.required("y", column)
    yExtent = try Self.extent(map, error: "yerr", lower: "lower", upper: "upper")
    xExtent = try Self.extent(map, error: "xerr", lower: "xlower", upper: "xupper")
    guard yExtent != nil || xExtent != nil else {
      throw context.node.error("an errorbar layer needs 'yerr', 'xerr' or 'lower' and 'upper'")
    }
    capSize = try map.optional("cap") { try $0.measure("a cap size") } ?? 0
    width = try map.optional("width") { try $0.measure("a line width") } ?? 1.5
    marker = try map.optional("marker") { try MarkerSpec(node: $0) }
  }

  /// `yerr: col` or `[minus, plus]`, or `lower` with `upper`; not both kinds.
  private static func extent(_ map: SpecMapping, error key: String, lower: String, upper: String) throws -> Extent? {
    let column = { (node: SpecNode) in try node.located("a column name") }
    let low = try map.optional(lower, column)
    let high = try map.optional(upper, column)
    if let node = map[key] {
      guard low == nil, high == nil else {
        throw node.error("give '\(key)' (distances) or '\(lower)'/'\(upper)' (bounds), not both")
      }
      if node.isSequence {
        let items = try node.list("[minus column, plus column]")
        guard items.count == 2 else {
          throw node.error("expected \(key): [minus column, plus column] (matplotlib's 2×N yerr), found \(items.count)")
        }
        return .asymmetric(minus: try column(items[0]), plus: try column(items[1]))
      }
      return .symmetric(try column(node))
    }
    switch (low, high) {
    case (nil, nil): return nil
    case (let low?, let high?): return .bounds(lower: low, upper: high)
    default: throw (map[lower] ?? map[upper]!).error("'\(lower)' and '\(upper)' go together")
    }
  }

  static let errorColumns = JSONValue.object([
    "anyOf": .array([SpecSchema.string, SpecSchema.array(SpecSchema.string)])
  ])

  var request: DataRequest? {
    DataRequest(
      series: common,
      channels: [("y", y)] + (yExtent?.channels("y") ?? []) + (xExtent?.channels("x") ?? []),
      encodings: marker?.shapeColumn.map { [(.marker, $0)] } ?? [])
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    try data.series.map { series in
      let color = try context.color(common, series: series, cycle: .line)
      let x = context.positions(series.x)
      let yEnds = try yExtent?.ends("y", center: series["y"], series: series)
      let xEnds = try xExtent?.ends("x", center: x, series: series)
      let geometry = Geometry(
        x: x, y: series["y"], yEnds: yEnds, xEnds: xEnds,
        style: LineStyle(color: color.rgb, alpha: common.alpha * color.alpha, width: width, dash: .solid),
        cap: capSize,
        marker: marker.map { MarkerStyle(context.marker($0, series: series), color: color, alpha: common.alpha) })
      return try context.series(geometry, "errorbar", common, valueColumn: y.value, series: series)
    }
  }

  struct Geometry: MarkGeometry {
    var x: [Double]
    var y: [Double]
    /// Whisker ends per point (absolute values), when the layer draws that axis's bars.
    var yEnds: (low: [Double], high: [Double])?
    var xEnds: (low: [Double], high: [Double])?
    var style: LineStyle
    var cap: Double
    var marker: MarkerStyle?

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      let (values, ends) = axis == .x ? (x, xEnds) : (y, yEnds)
      guard let ends else { return VellumLayout.extent(values, transform) }
      return VellumLayout.extent(values + ends.low + ends.high, transform)
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      var drawing = MarkDrawing()
      drawing.points = canvas.pages(x, y)
      for i in x.indices where x[i].isFinite && y[i].isFinite {
        if let yEnds, yEnds.low[i].isFinite, yEnds.high[i].isFinite {
          drawing.nodes.append(
            canvas.whisker(
              from: canvas.page(x[i], yEnds.low[i]), to: canvas.page(x[i], yEnds.high[i]), cap: cap,
              across: false, width: style.width, color: style.color, alpha: style.alpha))
        }
        if let xEnds, xEnds.low[i].isFinite, xEnds.high[i].isFinite {
          drawing.nodes.append(
            canvas.whisker(
              from: canvas.page(xEnds.low[i], y[i]), to: canvas.page(xEnds.high[i], y[i]), cap: cap,
              across: true, width: style.width, color: style.color, alpha: style.alpha))
        }
      }
      if let marker { drawing.nodes += canvas.markers(drawing.points, marker) }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] {
      var nodes = handle.drawsLine ? [handle.line(style)] : []
      if let marker, let node = handle.marker(marker) { nodes.append(node) }
      return nodes
    }
  }
}
