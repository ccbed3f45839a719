import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `box`: one box plot per category (or x position) of a value column, with matplotlib's statistics and look:
/// numpy quartiles, whiskers at 1.5 IQR (or given percentiles), fliers as open circles, an orange median; groups
/// dodge side by side and are filled with their colours.
struct BoxMark: Mark, SeriesLayerBody {
  var common: SeriesCommon
  /// Hatching over the fill (matplotlib's hatch).
  var hatch: Hatch?
  var y: Located<String>
  var whiskers: WhiskerRule
  var notch: Bool
  var showMeans: Bool
  var showFliers: Bool
  var width: Double?
  var horizontal: Bool
  var fill: Bool?
  var edge: Color
  var edgeWidth: Double
  var medianColor: Color?
  var parts = BoxParts()

  static let layerKind = LayerKind(
    SpecObject(
      "box",
      purpose: "Box plots per category (matplotlib's boxplot): quartile boxes, median lines, whiskers by the 1.5 IQR "
        + "rule or percentiles, and outliers beyond them.",
      keys: SeriesCommon.keys(x: "the column of categories (values along y when horizontal)") + [
        SpecKey("y", SpecSchema.string, "the column of values summarised per category", example: "latency"),
        SpecKey(
          "whiskers", .object(["anyOf": .array([SpecSchema.nonNegative, SpecSchema.pair])]),
          "whisker reach: a multiple of the IQR past the quartiles, or [low, high] percentiles", defaultValue: 1.5),
        SpecKey("notch", SpecSchema.boolean, "notch the boxes at the median's 95 % interval", defaultValue: false),
        SpecKey("means", SpecSchema.boolean, "mark each box's mean", defaultValue: false),
        SpecKey("fliers", SpecSchema.boolean, "draw the points beyond the whiskers", defaultValue: true),
        SpecKey(
          "width", SpecSchema.fraction, "box width as a fraction of the category spacing",
          default: "matplotlib's: 0.15 × the category spread, between 0.15 and 0.5, shared by dodged groups",
          example: "0.6"),
        SpecKey("horizontal", SpecSchema.boolean, "boxes along x, categories on y", defaultValue: false),
        SpecKey(
          "fill", SpecSchema.boolean,
          "fill the boxes with the series colour; unfilled boxes are outlined in the edge colour (matplotlib's "
            + "default)", default: "true with several series or a color, else false"),
        SpecKey("edge", SpecSchema.color, "colour of the boxes' outlines and whiskers", defaultValue: "black"),
        SpecKey("edge_width", SpecSchema.measure, "outline width in points", defaultValue: 1.0),
        SpecKey(
          "median_color", SpecSchema.color, "colour of the median line",
          default: "the edge colour when filled, else C1 (orange), as matplotlib"),
        SpecKey(
          "parts", BoxParts.object.schema,
          "the look of the median, whiskers, caps, fliers and means (matplotlib's medianprops, whiskerprops…)",
          example: "{median: {color: C3, width: 2}, fliers: {shape: x}}"),
      ] + Hatch.keys,
      required: ["x", "y"], example: "{axes: {x: {scale: categorical}, layers: [{box: {x: system, y: latency}}]}}"),
    decode: { try BoxMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    hatch = try Hatch.decode(map)
    y = try map.required("y") { try $0.located("a column name") }
    whiskers =
      try map.optional("whiskers") { node -> WhiskerRule in
        guard node.isSequence else { return .iqr(try node.nonNegative("a multiple of the IQR")) }
        let items = try node.list("[low, high] percentiles")
        guard items.count == 2 else { throw node.error("expected [low, high] percentiles, found \(items.count)") }
        let (low, high) = (try items[0].double(), try items[1].double())
        guard 0 <= low, low < high, high <= 100 else {
          throw node.error("whisker percentiles need 0 ≤ low < high ≤ 100, found [\(low), \(high)]")
        }
        return .percentiles(low, high)
      } ?? .iqr(1.5)
    notch = try map.optional("notch") { try $0.bool() } ?? false
    showMeans = try map.optional("means") { try $0.bool() } ?? false
    showFliers = try map.optional("fliers") { try $0.bool() } ?? true
    width = try map.optional("width") { try $0.fraction("a box width") }
    horizontal = try map.optional("horizontal") { try $0.bool() } ?? false
    fill = try map.optional("fill") { try $0.bool() }
    edge = try map.optional("edge") { try decodeColor($0) } ?? .black
    edgeWidth = try map.optional("edge_width") { try $0.measure("a line width") } ?? 1
    medianColor = try map.optional("median_color") { try decodeColor($0) }
    parts = try map.optional("parts") { try BoxParts(node: $0) } ?? BoxParts()
    if medianColor != nil, parts.median?.color != nil {
      throw map["median_color"]!.error("give the median's colour once: 'median_color' or 'parts: {median: {color}}'")
    }
    if parts.means != nil {
      if map["means"]?.scalarText.map({ ["false", "no"].contains($0) }) == true {
        throw map["means"]!.error("'parts: {means}' styles the means shown: drop means: false")
      }
      showMeans = true
    }
  }

  var request: DataRequest? {
    // Horizontal boxes put their categories on the y axis.
    DataRequest(
      series: common, channels: [("y", y)], encodings: hatch?.encodings ?? [], positionAlongY: horizontal)
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    let positions = data.series.map { context.positions($0.x, along: horizontal ? .y : .x) }
    let distinct = Set(positions.joined().filter(\.isFinite))
    let spread = (distinct.max() ?? 0) - (distinct.min() ?? 0)
    let total = width ?? Self.defaultWidth(spread: spread)
    let count = Double(data.series.count)
    // A colour the boxes are asked to take shows as their fill (an outline keeps the edge colour).
    let filled =
      fill
      ?? (data.series.count > 1 || common.group != nil || common.color != nil || common.colorColumn != nil
        || common.continuousColor != nil)
    return try data.series.enumerated().map { index, series in
      let color = try context.color(common, series: series, cycle: .fill)
      let boxWidth = total / count
      let offset = (Double(index) - (count - 1) / 2) * boxWidth
      // Under `color: {column, map}` each box takes the colormap's colour at its rows' mean.
      let colorValues = common.continuousColor.map { _ in valuesByPosition(positions[index], series["color"]) }
      let boxes = try samplesByPosition(positions[index], series["y"]).compactMap { position, samples -> Box? in
        guard let stats = BoxStatistics(samples, whiskers: whiskers) else { return nil }
        let fill = try common.continuousColor.flatMap { continuous in
          try context.colormapColor(continuous, values: colorValues?[position] ?? [])
        }
        return Box(slot: position, position: position + offset, stats: stats, fill: fill?.rgb)
      }
      guard !boxes.isEmpty else {
        throw VellumError(.invalidData, "box has no numbers in '\(y.value)' to summarise", at: y.location)
      }
      let line = LineStyle(color: edge.rgb, alpha: edge.alpha * common.alpha, width: edgeWidth, dash: .solid)
      let median = LineStyle(
        color: (medianColor ?? (filled ? edge : Color(hex: "#ff7f0e")!)).rgb, alpha: common.alpha, width: edgeWidth,
        dash: .solid)
      let geometry = Geometry(
        boxes: boxes, width: boxWidth, horizontal: horizontal, notch: notch, line: line,
        whisker: parts.whiskers?.applied(to: line, alpha: common.alpha) ?? line,
        cap: parts.caps?.applied(to: line, alpha: common.alpha) ?? line,
        face: filled
          ? FillStyle(
            color: color.rgb, alpha: common.alpha * color.alpha, edge: edge.rgb, edgeWidth: edgeWidth,
            edgeAlpha: edge.alpha * common.alpha
          ).hatched(hatch, series: series, context: context, alpha: common.alpha) : nil,
        median: parts.median?.applied(to: median, alpha: common.alpha) ?? median,
        flier: showFliers ? parts.flierStyle(alpha: common.alpha) : nil,
        mean: showMeans ? parts.meanStyle(alpha: common.alpha) : nil)
      return try context.series(geometry, "box", common, valueColumn: y.value, series: series)
    }
  }

  /// matplotlib's default box width: 0.15 of the positions' spread, between 0.15 and 0.5.
  static func defaultWidth(spread: Double) -> Double { min(max(0.15 * spread, 0.15), 0.5) }

  /// One box's place on the category axis and its statistics.
  struct Box {
    /// The category's position; the box sits at `position`, shifted from it when groups dodge.
    var slot: Double
    var position: Double
    var stats: BoxStatistics
    /// The box's own fill from a colormap, instead of its series' colour.
    var fill: RGB? = nil
  }

  struct Geometry: MarkGeometry {
    var boxes: [Box]
    var width: Double
    var horizontal: Bool
    var notch: Bool
    /// The box's outline.
    var line: LineStyle
    var whisker: LineStyle
    var cap: LineStyle
    /// The box's paint when filled; nil draws its outline only (matplotlib's default).
    var face: FillStyle?
    var median: LineStyle
    var flier: MarkerStyle?
    var mean: MarkerStyle?

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      if (axis == .x) != horizontal { return VellumLayout.extent(stickyEdges(along: axis), transform) }
      var values: [Double] = []
      for box in boxes {
        values += [box.stats.whiskerLow, box.stats.whiskerHigh]
        if flier != nil { values += box.stats.fliers }
        if mean != nil { values.append(box.stats.mean) }
      }
      return VellumLayout.extent(values, transform)
    }

    /// matplotlib's boxplot widens the category axis to half a slot past the outer boxes, and no further.
    func stickyEdges(along axis: PositionAxis) -> [Double] {
      guard (axis == .x) != horizontal else { return [] }
      return boxes.flatMap { [$0.slot - 0.5, $0.slot + 0.5] }
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      var drawing = MarkDrawing()
      // (position along the categories, value) to the page.
      func page(_ position: Double, _ value: Double) -> Point {
        canvas.page(category: position, value: value, horizontal: horizontal)
      }
      let segment = canvas.segment
      for box in boxes {
        let s = box.stats
        let (p, half) = (box.position, width / 2)
        let cap = width / 4
        // A part of width 0 is hidden, as matplotlib's linewidth=0.
        if whisker.width > 0 {
          drawing.nodes += [
            segment(page(p, s.q1), page(p, s.whiskerLow), whisker),
            segment(page(p, s.q3), page(p, s.whiskerHigh), whisker),
          ]
        }
        if self.cap.width > 0 {
          drawing.nodes += [
            segment(page(p - cap, s.whiskerLow), page(p + cap, s.whiskerLow), self.cap),
            segment(page(p - cap, s.whiskerHigh), page(p + cap, s.whiskerHigh), self.cap),
          ]
        }
        let outline =
          notch
          ? [
            page(p - half, s.q1), page(p + half, s.q1), page(p + half, s.notchLow), page(p + half / 2, s.median),
            page(p + half, s.notchHigh), page(p + half, s.q3), page(p - half, s.q3), page(p - half, s.notchHigh),
            page(p - half / 2, s.median), page(p - half, s.notchLow),
          ]
          : [page(p - half, s.q1), page(p + half, s.q1), page(p + half, s.q3), page(p - half, s.q3)]
        if var face {
          if let fill = box.fill { face.color = fill }
          drawing.nodes.append(canvas.patch(PathGeometry.polygon(outline), face))
        } else {
          drawing.nodes.append(.path(PathNode(segments: PathGeometry.polygon(outline), stroke: line.stroke)))
        }
        let medianHalf = notch ? half / 2 : half
        if median.width > 0 {
          drawing.nodes.append(segment(page(p - medianHalf, s.median), page(p + medianHalf, s.median), median))
        }
        if let flier { drawing.nodes += canvas.markers(s.fliers.map { page(p, $0) }, flier) }
        if let mean { drawing.nodes += canvas.markers([page(p, s.mean)], mean) }
        drawing.points += outline + s.fliers.map { page(p, $0) }
      }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] {
      if let face { return [handle.patch(face)] }
      return [.path(PathNode(segments: PathGeometry.rect(handle.box), stroke: line.stroke))]
    }
  }
}

extension MarkerStyle {
  /// The same marker with no face (matplotlib's default fliers: open circles).
  var hollow: MarkerStyle {
    var style = self
    style.faceAlpha = 0
    return style
  }
}
