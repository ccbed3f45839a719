/// A colorbar beside the axes for a layer's colour scale (matplotlib's `fig.colorbar(mappable, ax=ax)`).
public struct ColorbarSpec: Sendable {
  public var label: Located<String>?
  /// The label's size in points; nil: the axis labels' (the base font size, matplotlib's axes.labelsize).
  public var labelSize: Double?
  /// Gap in points between the tick labels and the label.
  public var labelPad: Double = 4
  /// An upright bar's label turned 90° (read bottom to top) or 270° (top to bottom, matplotlib's rotation=270).
  public var labelRotation: Double = 90
  /// Bar thickness in points; nil: a twentieth of the plot's length beside it (matplotlib's aspect 20).
  public var size: Double?
  /// Gap in points between the plot (or, below, its axis labels) and the bar; nil: 6.25 % of the plot's width
  /// right of it (matplotlib's pad 0.05 of the cell the plot shares with the bar, 0.8 of which is the plot), half
  /// the tick label size below.
  public var pad: Double?
  public var format: AxisSpec.TickFormat
  /// Triangles past the ends in the under/over colours, for values beyond the limits (matplotlib's `extend`).
  public var extend: Extend

  /// Which ends of the colorbar point on.
  public enum Extend: String, Sendable, CaseIterable { case neither, min, max, both }

  /// Where the bar stands: upright right of the plot, or lying below its axis labels.
  public enum Location: String, Sendable, CaseIterable { case right, bottom }
  public var location: Location

  /// One colorbar beside all panels instead of one per panel (matplotlib's `fig.colorbar(im, ax=axs)`): right of
  /// them, or below with `location: bottom`. Panels mapping one column share it by default (``ContinuousDomains``);
  /// layers mapping different columns share it when asked and given the same colormap, norm and `limits`.
  public var shared: Bool = false

  static let object = SpecObject(
    "colorbar",
    purpose: "The bar beside a panel that explains a colour scale (matplotlib's fig.colorbar); true draws it with "
      + "these defaults, false leaves it out.",
    keys: [
      SpecKey(
        "label", LabelSpec.schema, "the colorbar's label (TeX subset) beside the bar, or {text, size, pad}",
        example: "'Attention'"),
      SpecKey(
        "label_rotation", .object(["enum": .array([.number(90), .number(270)])]),
        "an upright bar's label read bottom to top (90) or top to bottom (270, matplotlib's rotation=270)",
        defaultValue: 90),
      SpecKey(
        "size", SpecSchema.measure, "thickness of the bar in points", default: "a twentieth of the plot's height",
        example: "8"),
      SpecKey(
        "pad", SpecSchema.measure, "gap in points between the plot and the bar",
        default: "6.25 % of the plot's width (right: matplotlib's pad 0.05 of the plot and bar's cell; 5 % with "
          + "layout: constrained), half the tick label size (bottom)", example: "6"),
      SpecKey("format", SpecSchema.tickFormat, "format of the bar's tick labels", defaultValue: "auto"),
      SpecKey(
        "extend", SpecSchema.enumeration(Extend.allCases.map(\.rawValue)),
        "triangles past the ends, in the under/over colours, for values beyond the limits",
        defaultValue: Extend.neither),
      SpecKey(
        "location", SpecSchema.enumeration(Location.allCases.map(\.rawValue)),
        "where the bar stands: upright right of the plot, or lying below it", defaultValue: Location.right),
      SpecKey(
        "shared", SpecSchema.boolean,
        "one bar beside all panels (right, or below with location: bottom) for layers sharing the colormap, norm "
          + "and limits; panels mapping one column share it anyway",
        default: "true where panels map the same column, else false"),
    ],
    example: "{heatmap: {x: c, y: r, value: v, colorbar: {label: Value, extend: both}}}")

  /// `true`, `false` or the colorbar's options.
  public static var schema: JSONValue { .object(["anyOf": .array([SpecSchema.boolean, object.schema])]) }

  public init() {
    format = .auto
    extend = .neither
    location = .right
  }

  /// `true`, `false` (nil) or `{label, size, pad, format}`.
  public static func decode(_ node: SpecNode) throws -> ColorbarSpec? {
    if node.scalarText != nil { return try node.bool() ? ColorbarSpec() : nil }
    let map = try node.mapping(object)
    var spec = ColorbarSpec()
    if let node = map["label"], !node.isNull {
      if node.scalarText != nil {
        spec.label = try node.located("a label")
      } else {
        let label = try node.mapping(LabelSpec.object)
        spec.label = try label.required("text") { try $0.located("the colorbar label") }
        spec.labelSize = try label.optional("size") { try $0.fontSize() }
        spec.labelPad = try label.optional("pad") { try $0.measure("a pad in points") } ?? 4
      }
    }
    spec.labelRotation =
      try map.optional("label_rotation") { node in
        let degrees = try node.double("90 or 270")
        guard degrees == 90 || degrees == 270 else { throw node.error("expected 90 or 270, found \(degrees)") }
        return degrees
      } ?? 90
    spec.size = try map.optional("size") { try $0.measure("a bar thickness in points") }
    spec.pad = try map.optional("pad") { try $0.measure("a gap in points") }
    spec.format = try map.optional("format") { try AxisSpec.tickFormat($0) } ?? .auto
    spec.extend = try map.optional("extend") { try decodeEnum($0, what: "colorbar extend") } ?? .neither
    spec.location = try map.optional("location") { try decodeEnum($0, what: "colorbar location") } ?? .right
    spec.shared = try map.optional("shared") { try $0.bool() } ?? false
    if spec.labelRotation == 270, spec.location != .right, let node = map["label_rotation"] {
      throw node.error("label_rotation turns the label of an upright bar; a bar at the bottom has a level label")
    }
    if spec.shared && spec.location != .right {
      throw node.error("a shared colorbar stands right of the panels; drop 'location' or 'shared'")
    }
    return spec
  }
}
