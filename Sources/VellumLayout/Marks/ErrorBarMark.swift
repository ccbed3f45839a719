import VellumData
import VellumScene
import VellumSpec

/// `errorbar`: points with symmetric error bars in y and/or x.
struct ErrorBarMark: Mark {
  var common: SeriesCommon
  var y: Located<String>
  var yError: Located<String>?
  var xError: Located<String>?
  /// Cap length in points (matplotlib's capsize; 0 draws none).
  var capSize: Double
  var width: Double
  var marker: MarkerSpec?

  static let layerKind = LayerKind(
    name: "errorbar", keys: SeriesCommon.keys + ["y", "yerr", "xerr", "cap", "width", "marker"],
    properties: SpecSchema.seriesProperties.merging([
      "y": SpecSchema.string, "yerr": SpecSchema.string, "xerr": SpecSchema.string, "cap": SpecSchema.number,
      "width": SpecSchema.number, "marker": SpecSchema.marker,
    ]) { $1 },
    required: ["x", "y"], decode: { try ErrorBarMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    let column = { (node: SpecNode) in try node.located("a column name") }
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    y = try map.required("y", column)
    yError = try map.optional("yerr", column)
    xError = try map.optional("xerr", column)
    guard yError != nil || xError != nil else { throw context.node.error("an errorbar layer needs 'yerr' or 'xerr'") }
    capSize = try map.optional("cap") { try $0.measure("a cap size") } ?? 0
    width = try map.optional("width") { try $0.measure("a line width") } ?? 1.5
    marker = try map.optional("marker") { try MarkerSpec(node: $0) }
  }

  var request: DataRequest? {
    DataRequest(
      series: common,
      channels: [("y", y)] + (yError.map { [("yerr", $0)] } ?? []) + (xError.map { [("xerr", $0)] } ?? []),
      encodings: marker?.shapeColumn.map { [(.marker, $0)] } ?? [])
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    try data.series.map { series in
      let color = try context.color(common, series: series, cycle: .line)
      let geometry = Geometry(
        x: context.positions(series.x), y: series["y"], yError: series.values["yerr"], xError: series.values["xerr"],
        style: LineStyle(color: color.rgb, alpha: common.alpha * color.alpha, width: width, dash: .solid),
        cap: capSize,
        marker: marker.map { MarkerStyle(context.marker($0, series: series), color: color, alpha: common.alpha) })
      return context.series(geometry, "errorbar", common, valueColumn: y.value, series: series)
    }
  }

  struct Geometry: MarkGeometry {
    var x: [Double]
    var y: [Double]
    var yError: [Double]?
    var xError: [Double]?
    var style: LineStyle
    var cap: Double
    var marker: MarkerStyle?

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      let (values, errors) = axis == .x ? (x, xError) : (y, yError)
      guard let errors else { return VellumLayout.extent(values, transform) }
      return VellumLayout.extent(zip(values, errors).flatMap { [$0 - $1, $0 + $1] }, transform)
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      var drawing = MarkDrawing()
      drawing.points = zip(x, y).map { canvas.page($0, $1) }
      for i in x.indices where x[i].isFinite && y[i].isFinite {
        if let yError, yError[i].isFinite {
          drawing.nodes.append(
            canvas.whisker(
              from: canvas.page(x[i], y[i] - yError[i]), to: canvas.page(x[i], y[i] + yError[i]), cap: cap,
              across: false, width: style.width, color: style.color, alpha: style.alpha))
        }
        if let xError, xError[i].isFinite {
          drawing.nodes.append(
            canvas.whisker(
              from: canvas.page(x[i] - xError[i], y[i]), to: canvas.page(x[i] + xError[i], y[i]), cap: cap,
              across: true, width: style.width, color: style.color, alpha: style.alpha))
        }
      }
      if let marker { drawing.nodes += canvas.markers(drawing.points, marker) }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] {
      var nodes = [handle.line(style)]
      if let marker, marker.size > 0 { nodes.append(marker.node(at: handle.center)) }
      return nodes
    }
  }
}
