import VellumData
import VellumScene
import VellumSpec

/// `line`: a polyline through (x, y) points, optionally as steps and with markers.
struct LineMark: Mark, SeriesLayerBody {
  /// matplotlib's drawstyle steps: `pre` jumps before each point, `post` after, `mid` halfway.
  enum Step: String, Sendable, CaseIterable { case pre, post, mid }

  var common: SeriesCommon
  var y: Located<String>
  var width: Double
  var dash: Encoding<DashPattern>
  var step: Step?
  var marker: MarkerSpec?

  static let layerKind = LayerKind(
    SpecObject(
      "line",
      purpose: "A line through the points in row order, one per group, with optional markers (matplotlib's plot).",
      keys: SeriesCommon.keys(x: "the column of x positions") + [
        SpecKey("y", SpecSchema.string, "the column of y positions", example: "loss"),
        SpecKey("width", SpecSchema.measure, "line width in points", defaultValue: 1.5),
        SpecKey(
          "dash", Encoding<DashPattern>.schema(SpecSchema.dash),
          "dash style (solid, dashed, dotted, dashdot, or (offset, (on, off…))), or {column: NAME}",
          defaultValue: "solid"),
        SpecKey(
          "step", SpecSchema.enumeration(Step.allCases.map(\.rawValue)),
          "draw steps instead of slopes: the value holds until the next x (post), from the previous (pre), or "
            + "changes halfway (mid)", default: "straight segments", example: "post"),
        SpecKey("marker", MarkerSpec.schema, "a marker at each point: a shape, or its options", default: "no markers"),
      ],
      required: ["x", "y"], example: "{line: {x: step, y: loss, group: method}}"),
    decode: { try LineMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    y = try map.required("y") { try $0.located("a column name") }
    width = try map.optional("width") { try $0.measure("a line width") } ?? 1.5
    dash = try map.optional("dash") { try DashPattern.encoding($0) } ?? .constant(.solid)
    step = try map.optional("step") { try decodeEnum($0, what: "step style") }
    marker = try map.optional("marker") { try MarkerSpec(node: $0) }
  }

  var request: DataRequest? {
    DataRequest(
      series: common, channels: [("y", y)] + (common.continuousColor.map { [("color", $0.column)] } ?? []),
      encodings: (dash.column.map { [(.dash, $0)] } ?? []) + (marker?.shapeColumn.map { [(.marker, $0)] } ?? []))
  }

  func continuousMappings(_ data: LayerData) -> [ContinuousMapping] { MarkResolution.seriesColors(common, data: data) }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    // A colormap colours each segment by the value at its start (matplotlib's LineCollection), one scale per layer.
    let colormap = try context.colormap(common, data: data)
    return try data.series.map { series in
      let color =
        try colormap.map { $0.1.middle }
        ?? context.color(common, series: series, cycle: .line)
      let alpha = common.alpha * color.alpha
      var geometry = Geometry(
        x: context.positions(series.x), y: series["y"],
        style: LineStyle(color: color.rgb, alpha: alpha, width: width, dash: context.dash(dash, series: series)),
        step: step,
        marker: marker.map { MarkerStyle(context.marker($0, series: series), color: color, alpha: common.alpha) })
      if let (continuous, scale) = colormap {
        geometry.segmentColors = series["color"].map { scale($0) }
        geometry.colorbar = continuous.colorbar.map { (scale, $0) }
      }
      return try context.series(geometry, "series", common, valueColumn: y.value, series: series)
    }
  }

  struct Geometry: MarkGeometry {
    var x: [Double]
    var y: [Double]
    var style: LineStyle
    var step: Step?
    var marker: MarkerStyle?
    /// Each point's colour from a colormap; the segment from a point to the next takes it (nil: not drawn).
    var segmentColors: [RGB?]?
    var colorbar: (scale: ContinuousColorScale, spec: ColorbarSpec)?

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      VellumLayout.extent(axis == .x ? x : y, transform)
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      var drawing = MarkDrawing()
      drawing.points = canvas.pages(x, y)
      if let segmentColors, style.width > 0 {
        // One path per segment in its colour; steps and decimation do not apply to a coloured line.
        for index in drawing.points.indices.dropLast() {
          guard let color = segmentColors[index] else { continue }
          let ends = PathGeometry.polyline([drawing.points[index], drawing.points[index + 1]])
          guard !ends.isEmpty else { continue }
          var segmentStyle = style
          segmentStyle.color = color
          drawing.nodes.append(.path(PathNode(segments: ends, stroke: segmentStyle.stroke)))
        }
        if let marker { drawing.nodes += canvas.markers(drawing.points, marker) }
        return drawing
      }
      var drawn = step.map { stepped(drawing.points, $0) } ?? drawing.points
      if canvas.decimate && Decimation.shouldDecimate(drawn.count, plotWidth: canvas.plot.width) {
        drawn = Decimation.minMax(drawn)
      }
      var segments = PathGeometry.polyline(drawn)
      // A radar series closes into a polygon when it has no gap.
      if canvas.closesLoops, drawn.count > 2, segments.count == drawn.count, step == nil {
        segments.append(.close)
      }
      if !segments.isEmpty && style.width > 0 {
        drawing.nodes.append(.path(PathNode(segments: segments, stroke: style.stroke)))
      }
      if let marker { drawing.nodes += canvas.markers(drawing.points, marker) }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] {
      var nodes: [SceneNode] = style.width > 0 && handle.drawsLine ? [handle.line(style)] : []
      if let marker, let node = handle.marker(marker) { nodes.append(node) }
      return nodes
    }

    private func stepped(_ points: [Point], _ step: Step) -> [Point] {
      guard points.count > 1 else { return points }
      var result = [points[0]]
      for (previous, next) in zip(points, points.dropFirst()) {
        switch step {
        case .pre: result += [Point(previous.x, next.y), next]
        case .post: result += [Point(next.x, previous.y), next]
        case .mid:
          let middle = (previous.x + next.x) / 2
          result += [Point(middle, previous.y), Point(middle, next.y), next]
        }
      }
      return result
    }
  }
}
