import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `scatter`: markers alone at (x, y) points.
struct ScatterMark: Mark {
  var common: SeriesCommon
  var y: Located<String>
  var marker: MarkerSpec

  static let layerKind = LayerKind(
    SpecObject(
      "scatter",
      purpose: "A marker at each point (matplotlib's scatter), coloured per group or through a colormap.",
      keys: SeriesCommon.keys(x: "the column of x positions") + [
        SpecKey("y", SpecSchema.string, "the column of y positions", example: "accuracy"),
        SpecKey("marker", MarkerSpec.schema, "the markers' shape, or their options", defaultValue: "circle"),
        SpecKey("size", SpecSchema.measure, "marker size in points (a circle's diameter)", defaultValue: 6.0),
      ],
      required: ["x", "y"], example: "{scatter: {x: params, y: accuracy, group: family}}"),
    decode: { try ScatterMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    y = try map.required("y") { try $0.located("a column name") }
    marker = try map.optional("marker") { try MarkerSpec(node: $0) } ?? MarkerSpec(shape: .circle, size: 6)
    if let size = try map.optional("size", { try $0.measure("a marker size") }) { marker.size = size }
  }

  var request: DataRequest? {
    DataRequest(
      series: common, channels: [("y", y)] + (common.continuousColor.map { [("color", $0.column)] } ?? []),
      encodings: marker.shapeColumn.map { [(.marker, $0)] } ?? [])
  }

  func continuousColor(_ data: LayerData) -> (column: String, spec: ContinuousColorSpec, values: [[Double]])? {
    MarkResolution.seriesColors(common, data: data)
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    // A colormap colours each point by its value, on one scale for every group of the layer.
    let colormap = try context.colormap(common, data: data)
    return try data.series.map { series in
      // matplotlib's scatter takes its colour from the patch cycle, not the line cycle.
      let color =
        try colormap.map { $0.1.middle }
        ?? context.color(common, series: series, cycle: .fill)
      let resolved = context.marker(marker, series: series)
      var geometry = Geometry(
        x: context.positions(series.x), y: series["y"],
        marker: MarkerStyle(resolved, color: color, alpha: common.alpha))
      if let (continuous, scale) = colormap {
        geometry.pointColors = series["color"].map { scale($0) }
        geometry.keepsEdge = resolved.edge != nil
        geometry.colorbar = continuous.colorbar.map { (scale, $0) }
      }
      return context.series(geometry, "scatter", common, valueColumn: y.value, series: series)
    }
  }

  struct Geometry: MarkGeometry {
    var x: [Double]
    var y: [Double]
    var marker: MarkerStyle
    /// Each point's colour from a colormap (nil: not drawn, a missing value); nil: every point in `marker`'s.
    var pointColors: [RGB?]?
    /// The spec named an edge colour, which colormap colours leave alone.
    var keepsEdge = false
    var colorbar: (scale: ContinuousColorScale, spec: ColorbarSpec)?

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      VellumLayout.extent(axis == .x ? x : y, transform)
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      let points = zip(x, y).map { canvas.page($0, $1) }
      guard let pointColors else { return MarkDrawing(nodes: canvas.markers(points, marker), points: points) }
      var nodes: [SceneNode] = []
      for (index, (point, color)) in zip(points, pointColors).enumerated() {
        guard let color, index % marker.every == 0 else { continue }
        var style = marker
        style.face = color
        if !keepsEdge { style.edge = color }
        nodes += canvas.markers([point], style)
      }
      return MarkDrawing(nodes: nodes, points: points)
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { handle.marker(marker).map { [$0] } ?? [] }
  }
}
