import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `scatter`: markers alone at (x, y) points.
struct ScatterMark: Mark, SeriesLayerBody {
  var common: SeriesCommon
  var y: Located<String>
  var marker: MarkerSpec
  /// Marker sizes from a column, through the figure's size scale.
  var size: SizeEncoding?
  /// Marker opacities from a column.
  var opacity: RangeEncoding?

  static let layerKind = LayerKind(
    SpecObject(
      "scatter",
      purpose: "A marker at each point (matplotlib's scatter), coloured per group or through a colormap.",
      keys: SeriesCommon.keys(x: "the column of x positions") + [
        SpecKey("y", SpecSchema.string, "the column of y positions", example: "accuracy"),
        SpecKey("marker", MarkerSpec.schema, "the markers' shape, or their options", defaultValue: "circle"),
        SpecKey(
          "size", SizeEncoding.schema,
          "marker size in points (a circle's diameter), or {column, range, limits, scale} to size markers by value",
          defaultValue: 6.0),
        SpecKey(
          "opacity", OpacityEncoding.schema, "marker opacity from a column, times alpha: {column, range, limits}",
          example: "{column: tokens}"),
      ],
      required: ["x", "y"], example: "{scatter: {x: params, y: accuracy, group: family}}"),
    decode: { try ScatterMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    y = try map.required("y") { try $0.located("a column name") }
    marker = try map.optional("marker") { try MarkerSpec(node: $0) } ?? MarkerSpec(shape: .circle, size: 6)
    size = try map.optional("size") { try SizeEncoding.decode($0, constant: &marker.size) } ?? nil
    opacity = try map.optional("opacity") { try OpacityEncoding.decode($0) }
  }

  var request: DataRequest? {
    DataRequest(
      series: common,
      channels: [("y", y)] + (common.continuousColor.map { [("color", $0.column)] } ?? [])
        + (size.map { [("size", $0.column)] } ?? []) + (opacity.map { [("opacity", $0.column)] } ?? []),
      encodings: marker.shapeColumn.map { [(.marker, $0)] } ?? [])
  }

  func continuousMappings(_ data: LayerData) -> [ContinuousMapping] {
    MarkResolution.seriesColors(common, data: data)
      + [("size", size?.column), ("opacity", opacity?.column)].compactMap { channel, column in
        column.map { ContinuousMapping(channel: channel, column: $0.value, values: data.series.map { $0[channel] }) }
      }
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
      if let size {
        let scale = context.continuousDomains.sizeScale(size)
        geometry.pointSizes = series["size"].map { scale($0) }
        geometry.sizeScale = scale
      }
      if let opacity {
        geometry.pointOpacities = context.continuousDomains.opacities(opacity, values: series["opacity"])
      }
      return try context.series(geometry, "scatter", common, valueColumn: y.value, series: series)
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
    /// Each point's marker size from the size scale (NaN: not drawn); nil: every point `marker`'s size.
    var pointSizes: [Double]?
    var sizeScale: SizeScale?
    /// Each point's opacity from the opacity channel, times the marker's (NaN: not drawn).
    var pointOpacities: [Double]?

    var sizes: (scale: SizeScale, marker: MarkerStyle)? { sizeScale.map { ($0, marker) } }

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      VellumLayout.extent(axis == .x ? x : y, transform)
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      let points = canvas.pages(x, y)
      guard pointColors != nil || pointSizes != nil || pointOpacities != nil else {
        return MarkDrawing(nodes: canvas.markers(points, marker), points: points)
      }
      var nodes: [SceneNode] = []
      // In data order, as matplotlib draws a scatter's markers.
      for index in points.indices where index % marker.every == 0 {
        var style = marker
        if let pointColors {
          guard let color = pointColors[index] else { continue }
          style.face = color
          if !keepsEdge { style.edge = color }
        }
        if let pointSizes {
          guard pointSizes[index].isFinite else { continue }
          style.size = pointSizes[index]
        }
        if let pointOpacities {
          guard pointOpacities[index].isFinite else { continue }
          style.faceAlpha *= pointOpacities[index]
          style.edgeAlpha *= pointOpacities[index]
        }
        nodes += canvas.markers([points[index]], style)
      }
      return MarkDrawing(nodes: nodes, points: points)
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { handle.marker(marker).map { [$0] } ?? [] }
  }
}
