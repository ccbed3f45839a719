import VellumDiagnostics

/// Polar axes (matplotlib's `projection='polar'`): x is the angle, y the radius. A categorical x spaces its
/// categories evenly round the circle (a radar chart); a numeric x is an angle in `unit`.
public struct PolarSpec: Sendable {
  public enum Direction: String, Sendable, CaseIterable {
    case counterclockwise, clockwise
  }

  public enum Unit: String, Sendable, CaseIterable {
    case radians, degrees
  }

  /// The outline of the radial grid and frame: circles, or polygons through the category spokes (radar).
  public enum GridShape: String, Sendable, CaseIterable {
    case circle, polygon
  }

  /// Where angle 0 points, in degrees counter-clockwise from east (matplotlib's `theta_offset`); nil: east for
  /// numeric angles, north for categories (as radar charts start).
  public var start: Double?
  public var direction: Direction = .counterclockwise
  public var unit: Unit = .radians
  public var grid: GridShape = .circle
  /// Angle of the spoke the radial tick labels stand beside, in degrees of the axes (matplotlib's
  /// `set_rlabel_position`, 22.5 by default).
  public var labelAngle: Double = 22.5
  public var location: SourceLocation?

  static let object = SpecObject(
    "polar",
    purpose: "Polar axes (matplotlib's projection='polar'): x is the angle, y the radius; categories on x are "
      + "spaced round the circle (a radar chart). true takes these defaults.",
    keys: [
      SpecKey(
        "start", .object(["anyOf": .array([SpecSchema.number, SpecSchema.enumeration(["N", "E", "S", "W"])])]),
        "where angle 0 points: N, E, S, W or degrees counter-clockwise from east",
        default: "E (N for categories)", example: "N"),
      SpecKey(
        "direction", SpecSchema.enumeration(Direction.allCases.map(\.rawValue)), "the way angles increase",
        defaultValue: Direction.counterclockwise),
      SpecKey(
        "unit", SpecSchema.enumeration(Unit.allCases.map(\.rawValue)), "unit of numeric angles on x",
        defaultValue: Unit.radians),
      SpecKey(
        "grid", SpecSchema.enumeration(GridShape.allCases.map(\.rawValue)),
        "outline of the radial grid and frame: circles, or polygons through the category spokes",
        defaultValue: GridShape.circle),
      SpecKey(
        "label_angle", SpecSchema.number, "angle in degrees of the spoke the radius labels stand beside",
        defaultValue: 22.5),
    ],
    shorthand: [SpecSchema.boolean],
    example: "{axes: {polar: {grid: polygon}, x: {scale: categorical}, layers: [{line: {x: skill, y: score}}]}}")

  init(location: SourceLocation?) { self.location = location }

  /// One turn of a numeric angle in its unit: 360 or 2π.
  public var turn: Double { unit == .degrees ? 360 : 2 * .pi }

  init(node: SpecNode) throws {
    location = node.location
    let map = try node.mapping(Self.object)
    start = try map.optional("start") { node -> Double in
      if let compass = ["E": 0.0, "N": 90, "W": 180, "S": 270][node.scalarText ?? ""] { return compass }
      return try node.double("an angle in degrees, or N, E, S, W")
    }
    direction = try map.optional("direction") { try decodeEnum($0, what: "direction") } ?? .counterclockwise
    unit = try map.optional("unit") { try decodeEnum($0, what: "angle unit") } ?? .radians
    grid = try map.optional("grid") { try decodeEnum($0, what: "polar grid shape") } ?? .circle
    labelAngle = try map.optional("label_angle") { try $0.double("an angle in degrees") } ?? 22.5
  }

  /// The checks that tie polar axes to the panel's axis specs.
  func check(x: AxisSpec, y: AxisSpec, panel: SpecNode, hasSecondary: Bool, hasInsets: Bool) throws {
    // The polar guide draws angles as numbers or categories and radii as numbers.
    if !["linear", "categorical"].contains(x.scaleName) {
      throw VellumError(
        .invalidSpec, "the angle of polar axes cannot be \(x.scaleName); use a linear or categorical x",
        at: x.location ?? location)
    }
    if y.scaleName != "linear" {
      throw VellumError(
        .invalidSpec, "the radius of polar axes must be linear, found \(y.scaleName)", at: y.location ?? location)
    }
    if let sector = x.limits {
      // Numeric angle limits draw a sector (matplotlib's set_thetamin/set_thetamax); categories go round once.
      if x.scale.isCategorical {
        throw VellumError(
          .invalidSpec, "polar axes with categories span the whole circle; remove x.limits", at: x.location ?? location)
      }
      guard sector.0 < sector.1, sector.1 - sector.0 <= turn * (1 + 1e-12) else {
        throw VellumError(
          .invalidSpec,
          "polar angle limits [\(sector.0), \(sector.1)] must increase and span at most one turn "
            + "(\(unit == .degrees ? "360 degrees" : "2π radians"))", at: x.location ?? location)
      }
    }
    if hasSecondary { throw panel.error("polar axes have no secondary axes (x2, y2)") }
    if hasInsets { throw panel.error("polar axes cannot hold insets") }
    if grid == .polygon && !x.scale.isCategorical {
      throw VellumError(
        .invalidSpec, "a polygon grid joins category spokes; give the angle a categorical x", at: location)
    }
  }
}
