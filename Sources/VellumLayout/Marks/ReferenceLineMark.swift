import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `hline` / `vline`: a horizontal or vertical line across the whole plot area at a value written in the spec.
struct ReferenceLineMark: Mark {
  var axis: PositionAxis
  var id: String?
  var value: Double
  var label: Located<String>?
  var color: Color
  var width: Double
  var dash: DashPattern
  var alpha: Double

  static let horizontal = layerKind(.y)
  static let vertical = layerKind(.x)

  private static func layerKind(_ axis: PositionAxis) -> LayerKind {
    let (key, name, across) = axis == .y ? ("y", "hline", "horizontal") : ("x", "vline", "vertical")
    return LayerKind(
      SpecObject(
        name,
        purpose: "A \(across) line across the plot at one \(key) value (matplotlib's ax\(name)): a baseline, a "
          + "target, a threshold.",
        keys: [
          SpecKey(
            "id", SpecSchema.string, "a stable id for the line's SVG group, so diffs follow it", example: "target"),
          SpecKey(key, SpecSchema.number, "the \(key) value the line marks, in data units", example: "0.5"),
          SpecKey("label", SpecSchema.text, "the line's legend label (TeX subset)", example: "chance"),
          SpecKey("color", SpecSchema.color, "the line's colour", defaultValue: "black"),
          SpecKey("width", SpecSchema.measure, "line width in points", defaultValue: 1.5),
          SpecKey("dash", SpecSchema.dash, "the line's dash style", defaultValue: "solid"),
          SpecKey("alpha", SpecSchema.opacity, "the line's opacity, 0 to 1", defaultValue: 1.0),
        ],
        required: [key], example: "{\(name): {\(key): 0.5, dash: dashed, label: chance}}"),
      decode: { map, _ in try ReferenceLineMark(map: map, axis: axis) })
  }

  init(map: SpecMapping, axis: PositionAxis) throws {
    let key = axis == .y ? "y" : "x"
    self.axis = axis
    id = try map.optional("id") { try $0.string("an id") }
    value = try map.required(key) { try $0.double("a \(key) value") }
    label = try map.optional("label") { try $0.located("a label") }
    color = try map.optional("color") { try decodeColor($0) } ?? .black
    width = try map.optional("width") { try $0.measure("a line width") } ?? 1.5
    dash = try map.optional("dash") { try decodeDash($0) } ?? .solid
    alpha = try map.optional("alpha") { try decodeAlpha($0) } ?? 1
  }

  var request: DataRequest? { nil }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    let style = LineStyle(color: color.rgb, alpha: alpha * color.alpha, width: width, dash: dash)
    return [
      ResolvedLayer(
        geometry: Geometry(axis: axis, value: value, style: style),
        role: (axis == .y ? "hline-" : "vline-") + (id ?? valueSlug(value)), legendLabel: label)
    ]
  }

  struct Geometry: MarkGeometry {
    var axis: PositionAxis
    var value: Double
    var style: LineStyle

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      axis == self.axis ? VellumLayout.extent([value], transform) : nil
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      let plot = canvas.plot
      let points =
        axis == .y
        ? [Point(plot.minX, canvas.yScale.map(value)), Point(plot.maxX, canvas.yScale.map(value))]
        : [Point(canvas.xScale.map(value), plot.maxY), Point(canvas.xScale.map(value), plot.minY)]
      return MarkDrawing(
        nodes: [.path(PathNode(segments: PathGeometry.polyline(points), stroke: style.stroke))], points: points)
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [handle.line(style)] }
  }
}

/// An id fragment for a value written in the spec; exponent form for huge values keeps ids short
/// (1e300 would print 301 digits).
func valueSlug(_ value: Double) -> String {
  slug(
    abs(value) < 1e15 ? TickFormatter.fixed(value, TickFormatter.commonDecimals([value])) : String(format: "%g", value))
}
