/// What `vellum lint` checks a figure against: the thresholds of its camera-ready checks and the checks a figure
/// silences (`lint: {ignore: [contrast], min_text_size: 7}`).
public struct LintSpec: Sendable, Equatable {
  /// A check `vellum lint` runs, by the name `ignore` takes.
  public enum Check: String, Sendable, CaseIterable {
    case textSize = "text-size"
    case contrast
    case overlap
    case legendOverData = "legend-over-data"
    case resolution
    case width
    case colorVision = "color-vision"

    /// One line on what the check flags.
    public var meaning: String {
      switch self {
      case .textSize: return "text smaller than min_text_size points once the figure is scaled to its target width"
      case .contrast: return "text whose WCAG contrast ratio against the fill under it is below min_contrast"
      case .overlap: return "text overlapping other text (tick labels, labels, annotations)"
      case .legendOverData: return "a legend inside a panel drawn over points of its data"
      case .resolution: return "an embedded image (a dense heatmap) below min_dpi at the target width"
      case .width: return "a figure wider than the target width (the venue's column, or --width)"
      case .colorVision:
        return "two series of a panel a colour-blind reader cannot tell apart (ΔE2000 below min_delta_e under "
          + "protanopia, deuteranopia or tritanopia) and no dash separates"
      }
    }
  }

  /// Checks silenced for this figure.
  public var ignore: Set<Check> = []
  public var minTextSize = 6.0
  public var minContrast = 4.5
  public var minDPI = 300.0
  public var minDeltaE = 10.0
  /// The width the figure is printed at, in points; nil: as drawn.
  public var width: Double?

  public init() {}

  static let object = SpecObject(
    "lint",
    purpose: "Thresholds of `vellum lint`'s camera-ready checks for this figure, and the checks it silences ("
      + LintSpec.Check.allCases.map { "\($0.rawValue): \($0.meaning)" }.joined(separator: "; ") + ").",
    keys: [
      SpecKey(
        "ignore", SpecSchema.array(SpecSchema.enumeration(Check.allCases.map(\.rawValue))),
        "checks not run on this figure (say why in a comment beside it)", default: "[]", example: "[contrast]"),
      SpecKey(
        "min_text_size", SpecSchema.fontSize, "the smallest text size in points at the printed width",
        defaultValue: 6.0),
      SpecKey(
        "min_contrast", SpecSchema.bounded(minimum: 1, maximum: 21), "the least WCAG contrast ratio of text",
        defaultValue: 4.5),
      SpecKey(
        "min_dpi", SpecSchema.positive, "the least resolution of embedded images at the printed width",
        defaultValue: 300.0),
      SpecKey(
        "min_delta_e", SpecSchema.positive,
        "the least CIEDE2000 difference between two series' colours as a colour-blind reader sees them",
        defaultValue: 10.0),
      SpecKey(
        "width", SpecSchema.length, "the width the figure is printed at (the venue's column)",
        default: "the figure's width", example: "3.25in"),
    ],
    example: "{lint: {ignore: [overlap], min_text_size: 7}, axes: {layers: [{line: {x: step, y: loss}}]}}")

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.object)
    ignore = Set(
      try map.optional("ignore") {
        try $0.list("a list of checks").map { try decodeEnum($0, what: "lint check") as Check }
      }
        ?? [])
    minTextSize = try map.optional("min_text_size") { try $0.fontSize() } ?? minTextSize
    minContrast =
      try map.optional("min_contrast") { node in
        let value = try node.double("a contrast ratio")
        guard (1...21).contains(value) else {
          throw node.error("a contrast ratio lies between 1 and 21, found \(value)")
        }
        return value
      } ?? minContrast
    minDPI = try map.optional("min_dpi") { try $0.positive("a resolution in dpi") } ?? minDPI
    minDeltaE = try map.optional("min_delta_e") { try $0.positive("a colour difference") } ?? minDeltaE
    width = try map.optional("width") { try FigureSpec.length($0) }
  }
}
