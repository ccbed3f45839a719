/// Grid lines behind the data, at major and optionally minor ticks.
public struct GridSpec: Sendable {
  /// How one kind of grid line is drawn.
  public struct Lines: Sendable {
    public var color: Color
    public var width: Double
    public var dash: DashPattern
    public var alpha: Double
  }

  public var x: Bool
  public var y: Bool
  public var major: Lines?
  public var minor: Lines?

  /// matplotlib's grid defaults: #b0b0b0, 0.8 pt, solid; minor lines thinner.
  public static let defaultMajor = Lines(color: Color(hex: "#b0b0b0")!, width: 0.8, dash: .solid, alpha: 1)
  static let defaultMinor = Lines(color: Color(hex: "#b0b0b0")!, width: 0.5, dash: .solid, alpha: 0.5)
}

extension GridSpec {
  static let object = SpecObject(
    "grid",
    purpose: "Grid lines behind the data at the ticks (matplotlib's grid): which axis, major or minor lines, and "
      + "their look; true draws matplotlib's default grid.",
    keys: [
      SpecKey(
        "axis", SpecSchema.enumeration(["x", "y", "both"]), "the axis whose ticks the lines follow",
        defaultValue: "both"),
      SpecKey(
        "which", SpecSchema.enumeration(["major", "minor", "both"]), "lines at major ticks, minor ticks, or both",
        default: "major (both when minor is given)"),
      SpecKey("color", SpecSchema.color, "colour of the major lines", defaultValue: "#b0b0b0"),
      SpecKey("width", SpecSchema.measure, "width of the major lines in points", defaultValue: 0.8),
      SpecKey("dash", SpecSchema.dash, "dash style of the major lines", defaultValue: "solid"),
      SpecKey("alpha", SpecSchema.opacity, "opacity of the major lines", defaultValue: 1.0),
      SpecKey("minor", minorObject.schema, "the look of the minor lines"),
    ],
    shorthand: [SpecSchema.boolean],
    example: "{axes: {grid: {axis: y, dash: dotted}, layers: [{line: {x: step, y: loss}}]}}")

  static let minorObject = SpecObject(
    "minor grid",
    purpose: "How the grid's minor lines look; giving it turns them on.",
    keys: [
      SpecKey("color", SpecSchema.color, "colour of the minor lines", defaultValue: "#b0b0b0"),
      SpecKey("width", SpecSchema.measure, "width of the minor lines in points", defaultValue: 0.5),
      SpecKey("dash", SpecSchema.dash, "dash style of the minor lines", defaultValue: "solid"),
      SpecKey("alpha", SpecSchema.opacity, "opacity of the minor lines", defaultValue: 0.5),
    ],
    example: "{axes: {grid: {minor: {alpha: 0.3}}, x: {minor: true}, layers: [{line: {x: step, y: loss}}]}}")

  init(node: SpecNode) throws {
    if node.scalarText != nil {
      let on = try node.bool()
      self.init(x: on, y: on, major: on ? Self.defaultMajor : nil, minor: nil)
      return
    }
    let map = try node.mapping(Self.object)
    let axis =
      try map.optional("axis") { node -> String in
        let value = try node.string("x, y or both")
        guard ["x", "y", "both"].contains(value) else {
          throw node.error(unknownNameMessage(value, kind: "grid axis", candidates: ["x", "y", "both"]))
        }
        return value
      } ?? "both"
    let which =
      try map.optional("which") { node -> String in
        let value = try node.string("major, minor or both")
        guard ["major", "minor", "both"].contains(value) else {
          throw node.error(unknownNameMessage(value, kind: "grid lines", candidates: ["major", "minor", "both"]))
        }
        return value
      } ?? (map["minor"] != nil ? "both" : "major")
    var major = Self.defaultMajor
    major.color = try map.optional("color") { try decodeColor($0) } ?? major.color
    major.width = try map.optional("width") { try $0.measure("a line width") } ?? major.width
    major.dash = try map.optional("dash") { try decodeDash($0) } ?? major.dash
    major.alpha = try map.optional("alpha") { try decodeAlpha($0) } ?? major.alpha
    var minor = Self.defaultMinor
    if let node = map["minor"] {
      let minorMap = try node.mapping(Self.minorObject)
      minor.color = try minorMap.optional("color") { try decodeColor($0) } ?? minor.color
      minor.width = try minorMap.optional("width") { try $0.measure("a line width") } ?? minor.width
      minor.dash = try minorMap.optional("dash") { try decodeDash($0) } ?? minor.dash
      minor.alpha = try minorMap.optional("alpha") { try decodeAlpha($0) } ?? minor.alpha
    }
    self.init(
      x: axis != "y", y: axis != "x", major: which != "minor" ? major : nil, minor: which != "major" ? minor : nil)
  }
}
