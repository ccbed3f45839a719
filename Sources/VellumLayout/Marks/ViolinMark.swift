import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `violin`: per category, a Gaussian KDE of the values mirrored around the category (matplotlib's
/// `violinplot`: Scott's bandwidth, the data's range, width 0.5, bodies at alpha 0.3, extrema lines), with
/// seaborn's options: `cut`, `scale: area`, inner quartiles, a mini box or the points, and `split` halves for
/// two groups.
struct ViolinMark: Mark, SeriesLayerBody {
  /// What is drawn inside each body.
  enum Inner: String, Sendable, CaseIterable { case extrema, quartiles, box, points, none }
  /// How bodies are scaled: each to the full width, or all by one density scale (equal areas).
  enum Scale: String, Sendable, CaseIterable { case width, area }

  var common: SeriesCommon
  /// Hatching over the fill (matplotlib's hatch).
  var hatch: Hatch?
  var y: Located<String>
  var bandwidth: Bandwidth
  var cut: Double
  var gridSize: Int
  var width: Double
  var scale: Scale
  var inner: Inner
  var split: Bool
  var fillAlpha: Double
  var lineWidth: Double
  var horizontal: Bool
  /// Lines across each body at its median and mean (matplotlib's showmedians, showmeans).
  var medians = false
  var means = false

  static let layerKind = LayerKind(
    SpecObject(
      "violin",
      purpose: "A mirrored kernel density per category (matplotlib's violinplot), with extrema, quartiles, a box or "
        + "points inside; split by a two-valued group.",
      keys: SeriesCommon.keys(x: "the column of categories (values along y when horizontal)") + [
        SpecKey("y", SpecSchema.string, "the column of values whose density is drawn", example: "score"),
        SpecKey(
          "bandwidth",
          .object(["anyOf": .array([SpecSchema.enumeration(["scott", "silverman"]), SpecSchema.positive])]),
          "kernel width: scott, silverman, or a factor of the data's std", defaultValue: "scott"),
        SpecKey(
          "cut", SpecSchema.nonNegative, "how far past the data a body reaches, in bandwidths", defaultValue: 0.0),
        SpecKey(
          "gridsize", SpecSchema.bounded(minimum: 2, maximum: 100_000, integer: true),
          "points each body is evaluated at", defaultValue: 100),
        SpecKey("width", SpecSchema.fraction, "body width as a fraction of the category spacing", defaultValue: 0.5),
        SpecKey(
          "scale", SpecSchema.enumeration(Scale.allCases.map(\.rawValue)),
          "width: each body as wide as allowed; area: one density scale for all, so areas are equal",
          defaultValue: Scale.width),
        SpecKey(
          "inner", SpecSchema.enumeration(Inner.allCases.map(\.rawValue)), "what is drawn inside each body",
          defaultValue: Inner.extrema),
        SpecKey("split", SpecSchema.boolean, "draw a two-valued group's halves on either side", defaultValue: false),
        SpecKey("fill_alpha", SpecSchema.opacity, "opacity of the bodies' fill", defaultValue: 0.3),
        SpecKey("line_width", SpecSchema.measure, "width in points of the outline and inner lines", defaultValue: 1.5),
        SpecKey("horizontal", SpecSchema.boolean, "bodies along x, categories on y", defaultValue: false),
        SpecKey(
          "medians", SpecSchema.boolean, "a line across each body at its median (matplotlib's showmedians)",
          defaultValue: false),
        SpecKey(
          "means", SpecSchema.boolean, "a line across each body at its mean (matplotlib's showmeans)",
          defaultValue: false),
      ] + Hatch.keys,
      required: ["x", "y"],
      example: "{axes: {x: {scale: categorical}, layers: [{violin: {x: model, y: score, inner: quartiles}}]}}"),
    decode: { try ViolinMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    hatch = try Hatch.decode(map)
    y = try map.required("y") { try $0.located("a column name") }
    bandwidth = try map.optional("bandwidth") { try Bandwidth.decode($0) } ?? .scott
    cut = try map.optional("cut") { try $0.nonNegative("a number of kernel widths") } ?? 0
    gridSize =
      try map.optional("gridsize") { node in
        let value = try node.int("a number of points")
        guard (2...100_000).contains(value) else { throw node.error("gridsize must be between 2 and 100000") }
        return value
      } ?? 100
    width = try map.optional("width") { try $0.fraction("a violin width") } ?? 0.5
    scale = try map.optional("scale") { try decodeEnum($0, what: "violin scale") } ?? .width
    inner = try map.optional("inner") { try decodeEnum($0, what: "violin inner") } ?? .extrema
    split = try map.optional("split") { try $0.bool() } ?? false
    fillAlpha = try map.optional("fill_alpha") { try decodeAlpha($0) } ?? 0.3
    lineWidth = try map.optional("line_width") { try $0.measure("a line width") } ?? 1.5
    horizontal = try map.optional("horizontal") { try $0.bool() } ?? false
    medians = try map.optional("medians") { try $0.bool() } ?? false
    means = try map.optional("means") { try $0.bool() } ?? false
  }

  var request: DataRequest? {
    DataRequest(
      series: common, channels: [("y", y)], encodings: hatch?.encodings ?? [], positionAlongY: horizontal)
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    if split && data.series.count != 2 {
      throw VellumError(
        .invalidSpec, "split violins need exactly two groups, found \(data.series.count)",
        at: common.group?.location ?? common.location)
    }
    let count = Double(data.series.count)
    var bodies: [[Body]] = []
    for series in data.series {
      let positions = context.positions(series.x, along: horizontal ? .y : .x)
      let groups = samplesByPosition(positions, series["y"])
      // Under `color: {column, map}` each body takes the colormap's colour at its rows' mean.
      let colorValues = common.continuousColor.map { _ in valuesByPosition(positions, series["color"]) }
      bodies.append(
        try groups.map { position, values in
          // One sample or identical ones have no spread to estimate: the body is left out, the inner marks stay.
          let kde = try? KernelDensity(values, bandwidth: bandwidth)
          let grid = kde?.grid(cut: cut, count: gridSize) ?? []
          let color = try common.continuousColor.flatMap { continuous in
            try context.colormapColor(continuous, values: colorValues?[position] ?? [])
          }
          return Body(
            slot: position, position: position, grid: grid, density: kde?.density(at: grid) ?? [], samples: values,
            stats: BoxStatistics(values)!, color: color?.rgb)
        })
    }
    // `area` scales every body by the largest density of the layer; `width` each by its own.
    let layerMax = bodies.joined().compactMap { $0.density.max() }.max() ?? 1
    var layers: [ResolvedLayer] = []
    for (index, series) in data.series.enumerated() {
      let color = try context.color(common, series: series, cycle: .fill)
      let slotWidth = split ? width : width / count
      let offset = split ? 0 : (Double(index) - (count - 1) / 2) * slotWidth
      let side: Side = split ? (index == 0 ? .left : .right) : .both
      let scaled = bodies[index].map { body -> Body in
        var body = body
        body.position += offset
        let peak = scale == .area ? layerMax : (body.density.max() ?? 1)
        body.density = body.density.map { 0.5 * slotWidth * $0 / peak }
        return body
      }
      let geometry = Geometry(
        bodies: scaled, side: side, halfWidth: slotWidth / 2, horizontal: horizontal, inner: inner, medians: medians,
        means: means,
        fill: FillStyle(color: color.rgb, alpha: fillAlpha * color.alpha, edge: nil, edgeWidth: 0)
          .hatched(hatch, series: series, context: context, alpha: common.alpha),
        line: LineStyle(color: color.rgb, alpha: common.alpha * color.alpha, width: lineWidth, dash: .solid))
      layers.append(try context.series(geometry, "violin", common, valueColumn: y.value, series: series))
    }
    return layers
  }

  enum Side { case left, right, both }

  /// One body: its category, its place, the density (as a half-width, once scaled) over its grid, and its data.
  struct Body {
    var slot: Double
    var position: Double
    var grid: [Double]
    var density: [Double]
    var samples: [Double]
    var stats: BoxStatistics
    /// The body's own colour from a colormap, instead of its series' colour.
    var color: RGB? = nil
  }

  struct Geometry: MarkGeometry {
    var bodies: [Body]
    var side: Side
    var halfWidth: Double
    var horizontal: Bool
    var inner: Inner
    var medians: Bool
    var means: Bool
    var fill: FillStyle
    var line: LineStyle

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      if (axis == .x) != horizontal {
        return VellumLayout.extent(bodies.flatMap { [$0.position - halfWidth, $0.position + halfWidth] }, transform)
      }
      return VellumLayout.extent(bodies.flatMap { $0.grid + $0.samples }, transform)
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      var drawing = MarkDrawing()
      func page(_ position: Double, _ value: Double) -> Point {
        canvas.page(category: position, value: value, horizontal: horizontal)
      }
      let segment = canvas.segment
      for body in bodies {
        let p = body.position
        let left = side == .right ? 0.0 : 1.0
        let right = side == .left ? 0.0 : 1.0
        if !body.grid.isEmpty {
          let outer = zip(body.grid, body.density).map { page(p + right * $1, $0) }
          let inner = zip(body.grid, body.density).reversed().map { page(p - left * $1, $0) }
          var bodyFill = fill
          if let color = body.color { bodyFill.color = color }
          drawing.nodes.append(canvas.patch(PathGeometry.polygon(outer + inner), bodyFill, join: .round))
          drawing.points += outer + inner
        }
        // Half-width of the body at a value, for lines drawn across it.
        func reach(_ value: Double) -> Double {
          guard let i = body.grid.firstIndex(where: { $0 >= value }) else { return 0 }
          guard i > 0 else { return body.density[0] }
          let t = (value - body.grid[i - 1]) / (body.grid[i] - body.grid[i - 1])
          return body.density[i - 1] + t * (body.density[i] - body.density[i - 1])
        }
        let s = body.stats
        switch inner {
        case .extrema:
          let (low, high) = (body.samples.min()!, body.samples.max()!)
          let cap = halfWidth / 2
          drawing.nodes += [
            segment(page(p, low), page(p, high), line),
            segment(page(p - left * cap, low), page(p + right * cap, low), line),
            segment(page(p - left * cap, high), page(p + right * cap, high), line),
          ]
        case .quartiles:
          var dashed = line
          dashed.width = line.width * 0.6
          for (value, dash) in [(s.q1, [1.0, 1.65]), (s.median, [3.7, 1.6]), (s.q3, [1.0, 1.65])] {
            dashed.dash = DashPattern(lengths: dash)
            let r = reach(value)
            drawing.nodes.append(segment(page(p - left * r, value), page(p + right * r, value), dashed))
          }
        case .box:
          // seaborn's mini box: a dark whisker line, a thick bar from q1 to q3, a white median dot.
          var dark = line
          dark.color = RGB(red: 0.2, green: 0.2, blue: 0.2)
          drawing.nodes.append(segment(page(p, s.whiskerLow), page(p, s.whiskerHigh), dark))
          dark.width = 3 * line.width
          drawing.nodes.append(segment(page(p, s.q1), page(p, s.q3), dark))
          let median = MarkerStyle(MarkerSpec(shape: .circle, size: 1.6 * line.width), color: .white, alpha: 1)
          drawing.nodes += canvas.markers([page(p, s.median)], median)
        case .points:
          let dot = MarkerStyle(MarkerSpec(shape: .circle, size: 2.5), color: Color(hex: "#333333")!, alpha: 1)
          drawing.nodes += canvas.markers(body.samples.map { page(p, $0) }, dot)
        case .none: break
        }
        // matplotlib's cmedians and cmeans: as long as the extrema caps, a quarter of the width each side.
        let cap = halfWidth / 2
        for (shown, value) in [(medians, s.median), (means, s.mean)] where shown && value.isFinite {
          drawing.nodes.append(segment(page(p - left * cap, value), page(p + right * cap, value), line))
        }
      }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [handle.patch(fill)] }
  }
}
