/// A colorbar beside the axes for a layer's colour scale (matplotlib's `fig.colorbar(mappable, ax=ax)`).
public struct ColorbarSpec: Sendable {
  public var label: Located<String>?
  /// Bar thickness in points; nil: a twentieth of the plot's height (matplotlib's aspect 20).
  public var size: Double?
  /// Gap between the plot and the bar in points; nil: 5 % of the plot's width (matplotlib's pad 0.05).
  public var pad: Double?
  public var format: AxisSpec.TickFormat
  /// Triangles past the ends in the under/over colours, for values beyond the limits (matplotlib's `extend`).
  public var extend: Extend

  /// Which ends of the colorbar point on.
  public enum Extend: String, Sendable, CaseIterable { case neither, min, max, both }

  public static let keys = ["label", "size", "pad", "format", "extend"]

  public init() {
    format = .auto
    extend = .neither
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
    return spec
  }
}
