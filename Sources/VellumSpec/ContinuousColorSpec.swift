/// How numbers become colours: a colormap, a norm from values to [0, 1], and the colours for values below,
/// above or missing (matplotlib's `cmap`, `norm`, `vmin`/`vmax`, `set_under`/`set_over`/`set_bad`).
public struct ContinuousColorSpec: Sendable {
  /// A colormap by name (`viridis`, `RdBu_r`…) or a list of colours blended evenly.
  public enum Map: Sendable {
    case named(Located<String>)
    case list([Color])
  }

  /// matplotlib's norms.
  public enum Norm: Sendable, Equatable {
    case linear
    case log
    case symlog(linthresh: Double)
    /// TwoSlopeNorm: `center` maps to the middle of the colormap, each side stretched to its own limit.
    case centered(Double)
  }

  public var map: Map
  public var norm: Norm
  /// `[vmin, vmax]`; nil takes the data's extent.
  public var limits: (Double, Double)?
  public var under: Color?
  public var over: Color?
  /// Colour of missing values; nil leaves them out (matplotlib's transparent bad colour).
  public var bad: Color?
  /// Discrete steps: the colormap resampled to this many colours.
  public var levels: Int?

  /// Every colormap name `map:` accepts, each also reversed with `_r`.
  public static var colormapNames: [String] {
    // A `_r` table is stored only where matplotlib's reversed map rounds differently from the forward one reversed.
    let names = ColormapTables.tables.keys.filter { !$0.hasSuffix("_r") }.sorted()
    return names + names.map { $0 + "_r" }
  }

  /// The colour keys, declared once for every object that maps numbers to colours (a heatmap, a colormap encoding).
  public static let declaredKeys = [
    SpecKey(
      "map", .object(["anyOf": .array([SpecSchema.enumeration(colormapNames), SpecSchema.array(SpecSchema.color)])]),
      "a colormap by name (any matplotlib map, _r reversed) or a list of colours blended evenly",
      defaultValue: "viridis", example: "RdBu_r"),
    SpecKey(
      "norm", SpecSchema.enumeration(["linear", "log", "symlog", "center"]),
      "how values map to the colormap: linear, log, symlog (with linthresh), or center (two slopes meeting at center)",
      default: "linear, or center when center is given"),
    SpecKey("linthresh", SpecSchema.positive, "symlog norm: the range around zero mapped linearly", defaultValue: 1.0),
    SpecKey(
      "center", SpecSchema.number, "the value mapped to the middle of the colormap (matplotlib's TwoSlopeNorm)",
      example: "0.5"),
    SpecKey(
      "limits", SpecSchema.pair, "[vmin, vmax] the colormap spans; values beyond take the end colours",
      default: "the data's range", example: "[0, 1]"),
    SpecKey("under", SpecSchema.color, "colour of values below vmin", default: "the colormap's first colour"),
    SpecKey("over", SpecSchema.color, "colour of values above vmax", default: "the colormap's last colour"),
    SpecKey("bad", SpecSchema.color, "colour of missing values", default: "not drawn"),
    SpecKey(
      "levels", SpecSchema.bounded(minimum: 2, maximum: 256, integer: true),
      "number of discrete colours the colormap is cut into", default: "none (continuous)", example: "8"),
  ]

  /// A centred norm needs its centre.
  public static let rules: [JSONValue] = [
    .object([
      "if": .object(["properties": .object(["norm": .object(["const": "center"])]), "required": ["norm"]]),
      "then": .object(["required": ["center"]]),
    ])
  ]

  public init(map: Map) {
    self.map = map
    norm = .linear
  }

  /// A `map:` value: a colormap name (`_r` reversed) or a list of at least two colours.
  public static func decodeMap(_ node: SpecNode) throws -> Map {
    if node.isSequence {
      let colors = try node.list("a list of colours").map(decodeColor)
      guard colors.count >= 2 else { throw node.error("a colour list needs at least two colours") }
      return .list(colors)
    }
    let name = try node.located("a colormap name")
    let base = name.value.hasSuffix("_r") ? String(name.value.dropLast(2)) : name.value
    guard ColormapTables.tables[base] != nil else {
      throw node.error(unknownNameMessage(name.value, kind: "colormap", candidates: Self.colormapNames))
    }
    return .named(name)
  }

  /// Reads the colour keys of a mapping that also holds `column` (the encoding's other keys).
  public init(map mapping: SpecMapping) throws {
    map = try mapping.optional("map") { try Self.decodeMap($0) } ?? .named(Located("viridis", at: nil))
    let linthresh = try mapping.optional("linthresh") { try $0.positive("a linear threshold") }
    let center = try mapping.optional("center") { try $0.double("a centre value") }
    norm =
      try mapping.optional("norm") { node -> Norm in
        switch try node.string("a norm") {
        case "linear": return .linear
        case "log": return .log
        case "symlog": return .symlog(linthresh: linthresh ?? 1)
        case "center", "centered", "twoslope":
          guard let center else { throw node.error("a centred norm needs 'center'") }
          return .centered(center)
        case let other:
          throw node.error(unknownNameMessage(other, kind: "norm", candidates: ["linear", "log", "symlog", "center"]))
        }
      } ?? (center.map { Norm.centered($0) } ?? .linear)
    limits = try mapping.optional("limits") { try $0.interval("colour limits (vmin, vmax)") }
    if case .centered(let c) = norm, let limits, !(limits.0 < c && c < limits.1) {
      throw (mapping["center"] ?? mapping.owner).error("the centre \(c) must lie inside the colour limits \(limits)")
    }
    if case .log = norm, let limits, limits.0 <= 0 {
      throw (mapping["limits"] ?? mapping.owner).error("a log norm needs positive limits, found \(limits.0)")
    }
    under = try mapping.optional("under") { try decodeColor($0) }
    over = try mapping.optional("over") { try decodeColor($0) }
    bad = try mapping.optional("bad") { try decodeColor($0) }
    levels = try mapping.optional("levels") { node in
      let value = try node.int("a number of colours")
      guard (2...256).contains(value) else { throw node.error("levels must be between 2 and 256, found \(value)") }
      return value
    }
  }
}
