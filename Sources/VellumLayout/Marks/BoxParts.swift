import VellumDiagnostics
import VellumScene
import VellumSpec

/// The look of each part of a box plot, as matplotlib's `medianprops`, `whiskerprops`, `capprops`, `flierprops` and
/// `meanprops`: lines take a colour, width and dash over the box's edge; fliers and means take a marker.
struct BoxParts: Sendable {
  /// A line part's look; what is not given follows the box's edge.
  struct Line: Sendable {
    var color: Color?
    var width: Double?
    var dash: DashPattern?

    static let object = SpecObject(
      "box line part",
      purpose: "A box plot line's look (median, whiskers or caps); unset keys follow the box's edge.",
      keys: [
        SpecKey("color", SpecSchema.color, "the line's colour", default: "the part's default colour"),
        SpecKey("width", SpecSchema.measure, "line width in points; 0 hides the part", default: "the box's edge width"),
        SpecKey("dash", SpecSchema.dash, "the line's dash style", defaultValue: "solid"),
      ],
      example:
        "{axes: {x: {scale: categorical}, layers: [{box: {x: system, y: latency, parts: {median: {color: C3, width: 2}}}}]}}"
    )

    init(node: SpecNode) throws {
      let map = try node.mapping(Self.object)
      color = try map.optional("color") { try decodeColor($0) }
      width = try map.optional("width") { try $0.measure("a line width") }
      dash = try map.optional("dash") { try decodeDash($0) }
    }

    /// `base` with this part's changes, at the layer's alpha.
    func applied(to base: LineStyle, alpha: Double) -> LineStyle {
      var style = base
      if let color {
        style.color = color.rgb
        style.alpha = color.alpha * alpha
      }
      style.width = width ?? style.width
      style.dash = dash ?? style.dash
      return style
    }
  }

  var median: Line?
  var whiskers: Line?
  var caps: Line?
  var fliers: MarkerSpec?
  var means: MarkerSpec?

  static let object = SpecObject(
    "box parts",
    purpose: "The look of a box plot's parts, each as matplotlib's *props: lines take color, width and dash; fliers "
      + "and means a marker (giving means shows them).",
    keys: [
      SpecKey("median", Line.object.schema, "the median line", example: "{color: C3, width: 2}"),
      SpecKey("whiskers", Line.object.schema, "the whisker lines", example: "{dash: dashed}"),
      SpecKey("caps", Line.object.schema, "the caps at the whiskers' ends", example: "{width: 0}"),
      SpecKey(
        "fliers", MarkerSpec.schema, "the outliers' marker (a hollow circle of 6 pt by default)",
        example: "{shape: x, size: 4, edge: gray}"),
      SpecKey(
        "means", MarkerSpec.schema, "the means' marker (a green triangle by default); giving it shows the means",
        example: "{shape: D, face: white, edge: black}"),
    ],
    example:
      "{axes: {x: {scale: categorical}, layers: [{box: {x: system, y: latency, parts: {median: {color: C3}, fliers: "
      + "{shape: x}}}}]}}")

  init() {}

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.object)
    median = try map.optional("median") { try Line(node: $0) }
    whiskers = try map.optional("whiskers") { try Line(node: $0) }
    caps = try map.optional("caps") { try Line(node: $0) }
    func marker(_ node: SpecNode) throws -> MarkerSpec {
      let spec = try MarkerSpec(node: node)
      if let column = spec.shapeColumn {
        throw VellumError(
          .invalidSpec, "a box's fliers and means take one marker shape, not a column", at: column.location)
      }
      return spec
    }
    fliers = try map.optional("fliers", marker)
    means = try map.optional("means", marker)
  }

  /// The fliers' marker: matplotlib's hollow black circle unless the part gives a face.
  func flierStyle(alpha: Double) -> MarkerStyle {
    let spec = fliers ?? MarkerSpec(shape: .circle, size: 6)
    let style = MarkerStyle(spec, color: .black, alpha: alpha)
    return spec.face == nil ? style.hollow : style
  }

  /// The means' marker: matplotlib's green triangle unless the part says otherwise.
  func meanStyle(alpha: Double) -> MarkerStyle {
    MarkerStyle(means ?? MarkerSpec(shape: .triangleUp, size: 6), color: Color(hex: "#2ca02c")!, alpha: alpha)
  }
}
