import VellumData
import VellumScene
import VellumSpec

/// `stem`: a line from a baseline to each value with a marker at its head, and the baseline under them
/// (matplotlib's stem): sparse signals, per-step learning rates, impulse responses; `horizontal` stems along x.
struct StemMark: Mark, SeriesLayerBody {
  var common: SeriesCommon
  var y: Located<String>
  var width: Double
  var marker: MarkerSpec?
  var bottom: Double
  /// The baseline's colour; nil: no baseline (matplotlib's basefmt ' ').
  var baselineColor: Color?
  var baselineWidth: Double
  var horizontal: Bool

  static let layerKind = LayerKind(
    SpecObject(
      "stem",
      purpose: "A stem from a baseline to each value, a marker at its head and the baseline under them "
        + "(matplotlib's stem), one colour per group.",
      keys: SeriesCommon.keys(x: "the column of the stems' positions") + [
        SpecKey("y", SpecSchema.string, "the column of the stems' values", example: "loss"),
        SpecKey("width", SpecSchema.measure, "the stems' line width in points", defaultValue: 1.5),
        SpecKey(
          "marker", .object(["anyOf": .array([SpecSchema.boolean, MarkerSpec.schema])]),
          "the marker at each stem's head: a shape, its options, true (a circle) or false for none",
          default: "circle"),
        SpecKey("bottom", SpecSchema.number, "the value the stems rise from (matplotlib's bottom)", defaultValue: 0.0),
        SpecKey(
          "baseline", SpecSchema.colorOrNone, "the baseline's colour, or none",
          default: "C3, as matplotlib's basefmt"),
        SpecKey("baseline_width", SpecSchema.measure, "the baseline's width in points", defaultValue: 1.5),
        SpecKey(
          "horizontal", SpecSchema.boolean, "stems along x from positions on y (orientation='horizontal')",
          defaultValue: false),
      ],
      required: ["x", "y"], example: "{stem: {x: step, y: loss, bottom: 0.5}}"),
    decode: { try StemMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    y = try map.required("y") { try $0.located("a column name") }
    width = try map.optional("width") { try $0.measure("a line width") } ?? 1.5
    marker =
      try map.optional("marker") { node -> MarkerSpec? in
        if let text = node.scalarText, ["true", "false", "yes", "no"].contains(text) {
          return try node.bool() ? MarkerSpec(shape: .circle, size: 6) : nil
        }
        return try MarkerSpec(node: node)
      } ?? MarkerSpec(shape: .circle, size: 6)
    bottom = try map.optional("bottom") { try $0.double("a baseline value") } ?? 0
    let baseline = try map.optional("baseline") { try decodeColorOrNone($0) } ?? Color(name: "C3")!
    baselineColor = baseline.alpha > 0 ? baseline : nil
    baselineWidth = try map.optional("baseline_width") { try $0.measure("a line width") } ?? 1.5
    horizontal = try map.optional("horizontal") { try $0.bool() } ?? false
  }

  var request: DataRequest? {
    DataRequest(
      series: common, channels: [("y", y)], encodings: marker?.shapeColumn.map { [(.marker, $0)] } ?? [],
      positionAlongY: horizontal)
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    try data.series.map { series in
      let color = try context.color(common, series: series, cycle: .line)
      let positions = context.positions(series.x, along: horizontal ? .y : .x)
      let geometry = Geometry(
        positions: positions, values: series["y"], bottom: bottom, horizontal: horizontal,
        stem: LineStyle(color: color.rgb, alpha: common.alpha * color.alpha, width: width, dash: .solid),
        marker: marker.map { MarkerStyle(context.marker($0, series: series), color: color, alpha: common.alpha) },
        baseline: baselineColor.map {
          LineStyle(color: $0.rgb, alpha: common.alpha * $0.alpha, width: baselineWidth, dash: .solid)
        })
      return try context.series(geometry, "stem", common, valueColumn: y.value, series: series)
    }
  }

  struct Geometry: MarkGeometry {
    var positions: [Double]
    var values: [Double]
    var bottom: Double
    var horizontal: Bool
    var stem: LineStyle
    var marker: MarkerStyle?
    var baseline: LineStyle?

    /// The values and the baseline along the value axis, the positions along the other.
    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      let valueAxis: PositionAxis = horizontal ? .x : .y
      return VellumLayout.extent(axis == valueAxis ? values + [bottom] : positions, transform)
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      var drawing = MarkDrawing()
      let page = { (position: Double, value: Double) in
        horizontal ? canvas.page(value, position) : canvas.page(position, value)
      }
      let present = zip(positions, values).filter { $0.0.isFinite && $0.1.isFinite }
      // matplotlib draws the baseline from the first to the last position, under the stems.
      if let baseline, let low = present.map(\.0).min(), let high = present.map(\.0).max() {
        let ends = PathGeometry.polyline([page(low, bottom), page(high, bottom)])
        if !ends.isEmpty { drawing.nodes.append(.path(PathNode(segments: ends, stroke: baseline.stroke))) }
      }
      let stems = present.flatMap { PathGeometry.polyline([page($0.0, bottom), page($0.0, $0.1)]) }
      if !stems.isEmpty, stem.width > 0 { drawing.nodes.append(.path(PathNode(segments: stems, stroke: stem.stroke))) }
      drawing.points = present.map { page($0.0, $0.1) }
      if let marker { drawing.nodes += canvas.markers(drawing.points, marker) }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] {
      var nodes: [SceneNode] = handle.drawsLine ? [handle.line(stem)] : []
      if let marker, let node = handle.marker(marker) { nodes.append(node) }
      return nodes
    }
  }
}
