/// A colorbar beside the axes for a layer's colour scale (matplotlib's `fig.colorbar(mappable, ax=ax)`).
public struct ColorbarSpec: Sendable {
  public var label: Located<String>?
  /// Bar thickness in points; nil: a twentieth of the plot's length beside it (matplotlib's aspect 20).
  public var size: Double?
  /// Gap in points between the plot (or, below, its axis labels) and the bar; nil: 5 % of the plot's width
  /// right of it (matplotlib's pad 0.05), half the tick label size below.
  public var pad: Double?
  public var format: AxisSpec.TickFormat
  /// Triangles past the ends in the under/over colours, for values beyond the limits (matplotlib's `extend`).
  public var extend: Extend

  /// Which ends of the colorbar point on.
  public enum Extend: String, Sendable, CaseIterable { case neither, min, max, both }

  /// Where the bar stands: upright right of the plot, or lying below its axis labels.
  public enum Location: String, Sendable, CaseIterable { case right, bottom }
  public var location: Location

  /// One colorbar right of all panels instead of one per panel (matplotlib's `fig.colorbar(im, ax=axs)`); every
  /// layer sharing it needs the same colormap, norm and explicit `limits`.
  public var shared: Bool = false

  public static let keys = ["label", "size", "pad", "format", "extend", "location", "shared"]

  public init() {
    format = .auto
    extend = .neither
    location = .right
  }

  /// `true`, `false` (nil) or `{label, size, pad, format}`.
  public static func decode(_ node: SpecNode) throws -> ColorbarSpec? {
    if node.scalarText != nil { return try node.bool() ? ColorbarSpec() : nil }
    let map = try node.mapping("colorbar", keys: keys)
    var spec = ColorbarSpec()
    spec.label = try map.optional("label") { try $0.located("a label") }
    spec.size = try map.optional("size") { try $0.measure("a bar thickness in points") }
    spec.pad = try map.optional("pad") { try $0.measure("a gap in points") }
    spec.format = try map.optional("format") { try AxisSpec.tickFormat($0) } ?? .auto
    spec.extend = try map.optional("extend") { try decodeEnum($0, what: "colorbar extend") } ?? .neither
    spec.location = try map.optional("location") { try decodeEnum($0, what: "colorbar location") } ?? .right
    spec.shared = try map.optional("shared") { try $0.bool() } ?? false
    if spec.shared && spec.location != .right {
      throw node.error("a shared colorbar stands right of the panels; drop 'location' or 'shared'")
    }
    return spec
  }
}
