import VellumData
import VellumScene
import VellumSpec

/// `band`: a filled region between a lower and an upper curve (matplotlib's fill_between).
struct BandMark: Mark, SeriesLayerBody {
  enum Bounds: Sendable {
    case lowerUpper(lower: Located<String>, upper: Located<String>)
    case centerError(center: Located<String>, error: Located<String>)
  }

  var common: SeriesCommon
  /// Hatching over the fill (matplotlib's hatch).
  var hatch: Hatch?
  var bounds: Bounds
  /// Outline width in points: none by default, as matplotlib 3.11's fill_between (its edge colour is empty).
  var edgeWidth: Double
  /// The outline's colour; nil: the fill's.
  var edge: Color?

  static let layerKind = LayerKind(
    SpecObject(
      "band",
      purpose: "A filled band between two columns, or a centre ± an error (matplotlib's fill_between): the shade "
        + "around a mean curve.",
      keys: SeriesCommon.keys(x: "the column of x positions", alpha: 0.2) + [
        SpecKey("lower", SpecSchema.string, "the column of the band's lower edge", example: "loss_min"),
        SpecKey("upper", SpecSchema.string, "the column of the band's upper edge", example: "loss_max"),
        SpecKey("center", SpecSchema.string, "the column the band is centred on (with error)", example: "loss_mean"),
        SpecKey("error", SpecSchema.string, "the column of the half-width around center", example: "loss_std"),
        SpecKey(
          "edge_width", SpecSchema.measure, "width in points of the band's outline (0: none)",
          default: "0, or 1 with an edge colour"),
        SpecKey("edge", SpecSchema.color, "the outline's colour", default: "the fill's colour", example: "white"),
      ] + Hatch.keys,
      required: ["x"],
      exclusive: [["lower", "center"], ["lower", "error"], ["upper", "center"], ["upper", "error"]],
      requiresOneOf: [["lower", "upper"], ["center", "error"]],
      needs: ["lower": ["upper"], "upper": ["lower"], "center": ["error"], "error": ["center"]],
      example: "{band: {x: step, center: loss_mean, error: loss_std}}"),
    decode: { try BandMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    let column = { (node: SpecNode) in try node.located("a column name") }
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 0.2)
    hatch = try Hatch.decode(map)
    if map["lower"] != nil || map["upper"] != nil {
      if map["center"] != nil || map["error"] != nil {
        throw context.node.error("a band takes either 'lower'/'upper' or 'center'/'error', not both")
      }
      bounds = .lowerUpper(lower: try map.required("lower", column), upper: try map.required("upper", column))
    } else if map["center"] != nil || map["error"] != nil {
      bounds = .centerError(center: try map.required("center", column), error: try map.required("error", column))
    } else {
      throw context.node.error("a band needs 'lower' and 'upper', or 'center' and 'error' columns")
    }
    edge = try map.optional("edge") { try decodeColor($0) }
    edgeWidth = try map.optional("edge_width") { try $0.measure("a line width") } ?? (edge == nil ? 0 : 1)
  }

  var request: DataRequest? {
    switch bounds {
    case .lowerUpper(let lower, let upper):
      return DataRequest(
        series: common, channels: [("lower", lower), ("upper", upper)], encodings: hatch?.encodings ?? [])
    case .centerError(let center, let error):
      return DataRequest(
        series: common, channels: [("center", center), ("error", error)], encodings: hatch?.encodings ?? [])
    }
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    let valueColumn: String
    switch bounds {
    case .lowerUpper(let lower, _): valueColumn = lower.value
    case .centerError(let center, _): valueColumn = center.value
    }
    return try data.series.map { series in
      let color = try context.color(common, series: series, cycle: .fill)
      let (lower, upper): ([Double], [Double])
      switch bounds {
      case .lowerUpper: (lower, upper) = (series["lower"], series["upper"])
      case .centerError:
        let pairs = zip(series["center"], series["error"])
        (lower, upper) = (pairs.map { $0 - $1 }, pairs.map { $0 + $1 })
      }
      // The outline takes the fill's colour and opacity, as fill_between's does.
      let fill = FillStyle(
        color: color.rgb, alpha: common.alpha * color.alpha, edge: edge?.rgb, edgeWidth: edgeWidth,
        edgeAlpha: (edge?.alpha ?? 1) * common.alpha
      )
      .hatched(hatch, series: series, context: context, alpha: common.alpha)
      return try context.series(
        Geometry(x: context.positions(series.x), lower: lower, upper: upper, fill: fill), "band", common,
        valueColumn: valueColumn, series: series)
    }
  }

  struct Geometry: MarkGeometry {
    var x: [Double]
    var lower: [Double]
    var upper: [Double]
    var fill: FillStyle

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      VellumLayout.extent(axis == .x ? x : lower + upper, transform)
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      var drawing = MarkDrawing()
      let drawable = x.indices.filter { x[$0].isFinite && lower[$0].isFinite && upper[$0].isFinite }
      for run in canvas.finiteRuns(drawable) {
        var top = run.map { canvas.fillPage(x[$0], upper[$0]) }
        var bottom = run.reversed().map { canvas.fillPage(x[$0], lower[$0]) }
        if canvas.decimate && Decimation.shouldDecimate(top.count, plotWidth: canvas.plot.width) {
          top = Decimation.minMax(top)
          bottom = Decimation.minMax(bottom)
        }
        drawing.points += top + bottom
        drawing.nodes.append(canvas.patch(PathGeometry.polygon(top + bottom), fill, join: .round))
      }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [handle.patch(fill)] }
  }
}
