import VellumData
import VellumScene
import VellumSpec

/// `area`: a region filled from a curve down (or up) to a constant baseline, or stacked on the groups before it
/// (matplotlib's stackplot).
struct AreaMark: Mark, SeriesLayerBody {
  var common: SeriesCommon
  /// Hatching over the fill (matplotlib's hatch).
  var hatch: Hatch?
  var y: Located<String>
  var baseline: Double
  var edgeWidth: Double
  /// The outline's colour; nil: the fill's (stackplot's white separators take `edge: white`).
  var edge: Color?
  /// Each group filled from the one before it up (matplotlib's stackplot).
  var stacked = false

  static let layerKind = LayerKind(
    SpecObject(
      "area",
      purpose: "A filled area between a baseline and a line through the points (matplotlib's fill_between from a "
        + "constant), one per group.",
      keys: SeriesCommon.keys(x: "the column of x positions", alpha: 0.3) + [
        SpecKey("y", SpecSchema.string, "the column of the area's top edge", example: "share"),
        SpecKey("baseline", SpecSchema.number, "the y value the area starts from", defaultValue: 0.0),
        SpecKey(
          "edge_width", SpecSchema.measure, "width in points of the outline (0: none)",
          default: "0, or 1 with an edge colour"),
        SpecKey("edge", SpecSchema.color, "the outline's colour", default: "the fill's colour", example: "white"),
        SpecKey(
          "stacked", SpecSchema.boolean,
          "stack the groups: each filled from the top of the ones before it at the same x (matplotlib's stackplot, "
            + "the y axis starting at the baseline)", defaultValue: false),
      ] + Hatch.keys,
      required: ["x", "y"], example: "{area: {x: step, y: share, group: model}}"),
    decode: { try AreaMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 0.3)
    hatch = try Hatch.decode(map)
    y = try map.required("y") { try $0.located("a column name") }
    baseline = try map.optional("baseline") { try $0.double("a baseline value") } ?? 0
    edge = try map.optional("edge") { try decodeColor($0) }
    edgeWidth = try map.optional("edge_width") { try $0.measure("a line width") } ?? (edge == nil ? 0 : 1)
    stacked = try map.optional("stacked") { try $0.bool() } ?? false
  }

  var request: DataRequest? { DataRequest(series: common, channels: [("y", y)], encodings: hatch?.encodings ?? []) }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    // The stack's top at each x so far, in series order.
    var tops: [Double: Double] = [:]
    return try data.series.map { series in
      let color = try context.color(common, series: series, cycle: .fill)
      let fill = FillStyle(
        color: color.rgb, alpha: common.alpha * color.alpha, edge: edge?.rgb, edgeWidth: edgeWidth,
        edgeAlpha: (edge?.alpha ?? 1) * common.alpha
      )
      .hatched(hatch, series: series, context: context, alpha: common.alpha)
      let x = context.positions(series.x)
      var geometry = Geometry(x: x, y: series["y"], baseline: baseline, fill: fill)
      if stacked {
        // A missing value adds nothing to the stack and leaves a gap in this group's area.
        geometry.lower = x.map { tops[$0] ?? baseline }
        geometry.y = zip(geometry.lower!, series["y"]).map { $0 + $1 }
        for (position, top) in zip(x, geometry.y) where top.isFinite { tops[position] = top }
        geometry.sticky = true
      }
      return try context.series(geometry, "area", common, valueColumn: y.value, series: series)
    }
  }

  struct Geometry: MarkGeometry {
    var x: [Double]
    var y: [Double]
    var baseline: Double
    var fill: FillStyle
    /// x along the y axis and y (from the baseline) along x: matplotlib's fill_betweenx.
    var horizontal = false
    /// Each point's lower edge when stacked on other groups; nil: the baseline.
    var lower: [Double]? = nil
    /// The value axis starts at the baseline, as matplotlib's stackplot pins it.
    var sticky = false

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      VellumLayout.extent((axis == .x) != horizontal ? x : y + (lower ?? []) + [baseline], transform)
    }

    func stickyEdges(along axis: PositionAxis) -> [Double] {
      sticky && (axis == .y) != horizontal ? [baseline] : []
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      var drawing = MarkDrawing()
      for run in canvas.finiteRuns(x.indices.filter { x[$0].isFinite && y[$0].isFinite }).map(canvas.loop) {
        let page = { (position: Double, value: Double) in
          horizontal ? canvas.fillPage(value, position) : canvas.fillPage(position, value)
        }
        let top = run.map { page(x[$0], y[$0]) }
        let bottom = run.reversed().map { page(x[$0], lower?[$0] ?? baseline) }
        drawing.points += top
        drawing.nodes.append(canvas.patch(PathGeometry.polygon(top + bottom), fill, join: .round))
      }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [handle.patch(fill)] }
  }
}
