import VellumData
import VellumScene
import VellumSpec

/// `scatter`: markers alone at (x, y) points.
struct ScatterMark: Mark {
  var common: SeriesCommon
  var y: Located<String>
  var marker: MarkerSpec

  static let layerKind = LayerKind(
    name: "scatter", keys: SeriesCommon.keys + ["y", "marker", "size"],
    properties: SpecSchema.seriesProperties.merging([
      "y": SpecSchema.string, "marker": SpecSchema.marker, "size": SpecSchema.number,
    ]) { $1 },
    required: ["x", "y"], decode: { try ScatterMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    y = try map.required("y") { try $0.located("a column name") }
    marker = try map.optional("marker") { try MarkerSpec(node: $0) } ?? MarkerSpec(shape: .circle, size: 6)
    if let size = try map.optional("size", { try $0.measure("a marker size") }) { marker.size = size }
  }

  var request: DataRequest? {
    DataRequest(series: common, channels: [("y", y)], encodings: marker.shapeColumn.map { [(.marker, $0)] } ?? [])
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    data.series.map { series in
      // matplotlib's scatter takes its colour from the patch cycle, not the line cycle.
      let color = context.color(common, series: series, cycle: .fill)
      let geometry = Geometry(
        x: context.positions(series.x), y: series["y"],
        marker: MarkerStyle(context.marker(marker, series: series), color: color, alpha: common.alpha))
      return context.series(geometry, "scatter", common, valueColumn: y.value, series: series)
    }
  }

  struct Geometry: MarkGeometry {
    var x: [Double]
    var y: [Double]
    var marker: MarkerStyle

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      VellumLayout.extent(axis == .x ? x : y, transform)
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      let points = zip(x, y).map { canvas.page($0, $1) }
      return MarkDrawing(nodes: canvas.markers(points, marker), points: points)
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [marker.node(at: handle.center)] }
  }
}
