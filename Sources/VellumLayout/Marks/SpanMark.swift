import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `hspan` / `vspan`: a band across the plot area between two values of one axis.
struct SpanMark: Mark {
  var axis: PositionAxis
  var id: String?
  var from: Double
  var to: Double
  var label: Located<String>?
  var color: Color
  var alpha: Double

  static let horizontal = layerKind(.y)
  static let vertical = layerKind(.x)

  private static func layerKind(_ axis: PositionAxis) -> LayerKind {
    let (key, name, across) = axis == .y ? ("y", "hspan", "horizontal") : ("x", "vspan", "vertical")
    return LayerKind(
      SpecObject(
        name,
        purpose: "A \(across) band across the plot between two \(key) values (matplotlib's ax\(name)), opaque in "
          + "C0 unless given a colour and alpha.",
        keys: [
          SpecKey(
            "id", SpecSchema.string, "a stable id for the band's SVG group, so diffs follow it", example: "warmup"),
          SpecKey(key, SpecSchema.pair, "[from, to]: the band's two \(key) values in data units", example: "[0, 500]"),
          SpecKey("label", SpecSchema.text, "the band's legend label (TeX subset)", example: "warm-up"),
          SpecKey("color", SpecSchema.color, "the band's colour", defaultValue: "C0"),
          SpecKey("alpha", SpecSchema.opacity, "the band's opacity, 0 to 1", defaultValue: 1.0),
        ],
        required: [key], example: "{\(name): {\(key): [0, 500], color: grey, alpha: 0.2}}"),
      decode: { map, _ in try SpanMark(map: map, axis: axis) })
  }

  init(map: SpecMapping, axis: PositionAxis) throws {
    self.axis = axis
    id = try map.optional("id") { try $0.string("an id") }
    (from, to) = try map.required(axis == .y ? "y" : "x") { node in
      let items = try node.list("[from, to]")
      guard items.count == 2 else { throw node.error("expected [from, to], found \(items.count) values") }
      return (try items[0].double(), try items[1].double())
    }
    label = try map.optional("label") { try $0.located("a label") }
    color = try map.optional("color") { try decodeColor($0) } ?? Color(name: "C0")!
    alpha = try map.optional("alpha") { try decodeAlpha($0) } ?? 1
  }

  var request: DataRequest? { nil }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    let fill = FillStyle(color: color.rgb, alpha: alpha * color.alpha, edge: nil, edgeWidth: 0)
    return [
      ResolvedLayer(
        geometry: Geometry(axis: axis, from: from, to: to, fill: fill),
        role: (axis == .y ? "hspan-" : "vspan-") + (id ?? valueSlug(from)), legendLabel: label)
    ]
  }

  struct Geometry: MarkGeometry {
    var axis: PositionAxis
    var from: Double
    var to: Double
    var fill: FillStyle

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      axis == self.axis ? VellumLayout.extent([from, to], transform) : nil
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      let plot = canvas.plot
      let scale = axis == .y ? canvas.yScale : canvas.xScale
      let (a, b) = (FarPointClipping.clamped(scale.map(from)), FarPointClipping.clamped(scale.map(to)))
      let rect =
        axis == .y
        ? Rect(x: plot.minX, y: min(a, b), width: plot.width, height: abs(b - a))
        : Rect(x: min(a, b), y: plot.minY, width: abs(b - a), height: plot.height)
      return MarkDrawing(nodes: [canvas.patch(PathGeometry.rect(rect), fill)])
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [handle.patch(fill)] }
  }
}
