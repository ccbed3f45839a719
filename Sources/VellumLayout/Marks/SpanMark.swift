import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `hspan` / `vspan`: a band across the plot area between two values of one axis written in the spec, or one band
/// per row between two columns of a source (`{data: outages, x: [start, end]}`), coloured per group.
struct SpanMark: Mark {
  /// Where the bands stand.
  enum Position {
    case values(Double, Double)
    /// One band per row, from the series' positions (the first column) to its `end` channel.
    case columns(SeriesCommon, end: Located<String>)
  }

  var axis: PositionAxis
  var id: String?
  var position: Position
  var label: Located<String>?
  var color: Color?
  var alpha: Double

  static let horizontal = layerKind(.y)
  static let vertical = layerKind(.x)

  private static func names(_ axis: PositionAxis) -> (key: String, name: String, across: String) {
    axis == .y ? ("y", "hspan", "horizontal") : ("x", "vspan", "vertical")
  }

  private static func constant(_ axis: PositionAxis) -> SpecObject {
    let (key, name, across) = names(axis)
    return SpecObject(
      name,
      purpose: "A \(across) band across the plot between two \(key) values (matplotlib's ax\(name)), opaque in "
        + "C0 unless given a colour and alpha; between two columns of a source, see `\(name) from data`.",
      keys: [
        SpecKey(
          "id", SpecSchema.string, "a stable id for the band's SVG group, so diffs follow it", example: "warmup"),
        SpecKey(key, SpecSchema.pair, "[from, to]: the band's two \(key) values in data units", example: "[0, 500]"),
        SpecKey("label", SpecSchema.text, "the band's legend label (TeX subset)", example: "warm-up"),
        SpecKey("color", SpecSchema.color, "the band's colour", defaultValue: "C0"),
        SpecKey("alpha", SpecSchema.opacity, "the band's opacity, 0 to 1", defaultValue: 1.0),
      ],
      required: [key], example: "{\(name): {\(key): [0, 500], color: grey, alpha: 0.2}}")
  }

  private static func fromData(_ axis: PositionAxis) -> SpecObject {
    let (key, name, across) = names(axis)
    return SpecObject(
      "\(name) from data",
      purpose: "A \(across) band per row of a source, between the values of two columns (outages, evaluation "
        + "windows), coloured by group.",
      keys: SeriesCommon.keys(x: "", alpha: 1).filter { !["x", "missing"].contains($0.name) } + [
        SpecKey(
          key, SpecSchema.array(SpecSchema.string), "[FROM, TO]: the columns where each row's band starts and ends",
          example: "[low, high]")
      ],
      required: [key], example: "{\(name): {\(key): [low, high], group: method, alpha: 0.2}}")
  }

  private static func layerKind(_ axis: PositionAxis) -> LayerKind {
    let (key, name, _) = names(axis)
    return LayerKind(
      name: name, first: constant(axis), second: fromData(axis),
      // Numbers are one band; column names read the data.
      isSecond: { map in
        try map[key].map { node in
          guard node.isSequence else { return false }
          return try node.list("[from, to]").contains { $0.scalarText.map { Double($0) == nil } ?? false }
        } ?? false
      },
      misplaced: { stray, fromData in
        fromData
          ? "'\(stray)' belongs to a \(name) between two numbers, not to one between two columns"
          : "'\(stray)' belongs to a \(name) between two columns (\(key): [FROM, TO]), not to one between numbers"
      },
      decode: { map, context in try SpanMark(map: map, axis: axis, context: context) })
  }

  init(map: SpecMapping, axis: PositionAxis, context: LayerContext) throws {
    self.axis = axis
    id = try map.optional("id") { try $0.string("an id") }
    label = try map.optional("label") { try $0.located("a label") }
    let node = try map.required(Self.names(axis).key) { $0 }
    let items = try node.list("[from, to]")
    guard items.count == 2 else { throw node.error("expected [from, to], found \(items.count) values") }
    if items.contains(where: { $0.scalarText.map { Double($0) == nil } ?? false }) {
      let common = try SeriesCommon(
        map: map, context: context, defaultAlpha: 1, position: try items[0].located("a column name"))
      position = .columns(common, end: try items[1].located("a column name"))
      color = nil
      alpha = common.alpha
    } else {
      position = .values(try items[0].double(), try items[1].double())
      color = try map.optional("color") { try decodeColor($0) }
      alpha = try map.optional("alpha") { try decodeAlpha($0) } ?? 1
    }
  }

  var request: DataRequest? {
    guard case .columns(let common, let end) = position else { return nil }
    return DataRequest(series: common, channels: [("end", end)], positionAlongY: axis == .y)
  }

  /// The band's label filled from the data when it is one band (series labels are filled per series).
  func fillingTexts(_ fill: (Located<String>) throws -> Located<String>) throws -> any LayerBody {
    guard case .values = position, let label else { return self }
    var filled = self
    filled.label = try fill(label)
    return filled
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    let prefix = axis == .y ? "hspan-" : "vspan-"
    switch position {
    case .values(let from, let to):
      let color = self.color ?? Color(name: "C0")!
      let fill = FillStyle(color: color.rgb, alpha: alpha * color.alpha, edge: nil, edgeWidth: 0)
      return [
        ResolvedLayer(
          geometry: Geometry(axis: axis, bands: [(from, to)], fill: fill), role: prefix + (id ?? valueSlug(from)),
          legendLabel: label)
      ]
    case .columns(let common, _):
      return try data.series.map { series in
        let starts = context.positions(series.x, along: axis)
        let bands = zip(starts, series["end"]).filter { $0.0.isFinite && $0.1.isFinite }
        let color = try context.color(common, series: series, cycle: .fill)
        let fill = FillStyle(color: color.rgb, alpha: common.alpha * color.alpha, edge: nil, edgeWidth: 0)
        return try context.series(
          Geometry(axis: axis, bands: bands, fill: fill), String(prefix.dropLast()), common,
          valueColumn: common.x.value, series: series)
      }
    }
  }

  struct Geometry: MarkGeometry {
    var axis: PositionAxis
    var bands: [(Double, Double)]
    var fill: FillStyle

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      axis == self.axis ? VellumLayout.extent(bands.flatMap { [$0.0, $0.1] }, transform) : nil
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      let plot = canvas.plot
      let scale = axis == .y ? canvas.yScale : canvas.xScale
      let segments = bands.flatMap { from, to -> [PathSegment] in
        let (a, b) = (FarPointClipping.clamped(scale.map(from)), FarPointClipping.clamped(scale.map(to)))
        let rect =
          axis == .y
          ? Rect(x: plot.minX, y: min(a, b), width: plot.width, height: abs(b - a))
          : Rect(x: min(a, b), y: plot.minY, width: abs(b - a), height: plot.height)
        return PathGeometry.rect(rect)
      }
      return MarkDrawing(nodes: [canvas.patch(segments, fill)])
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [handle.patch(fill)] }
  }
}
