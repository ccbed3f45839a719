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

  static let keys = ["start", "direction", "unit", "grid", "label_angle"]

  init(location: SourceLocation?) { self.location = location }

  init(node: SpecNode) throws {
    location = node.location
    let map = try node.mapping("polar axes", keys: Self.keys)
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
    if x.scale == .log || x.scale == .symlog {
      throw VellumError(
        .invalidSpec, "the angle of polar axes cannot be \(x.scale.rawValue); use a linear or categorical x",
        at: x.location ?? location)
    }
    if y.scale != .linear {
      throw VellumError(
        .invalidSpec, "the radius of polar axes must be linear, found \(y.scale.rawValue)", at: y.location ?? location)
    }
    if x.limits != nil {
      throw VellumError(
        .invalidSpec, "polar axes span the whole circle; remove x.limits", at: x.location ?? location)
    }
    if hasSecondary { throw panel.error("polar axes have no secondary axes (x2, y2)") }
    if hasInsets { throw panel.error("polar axes cannot hold insets") }
    if grid == .polygon && x.scale != .categorical {
      throw VellumError(
        .invalidSpec, "a polygon grid joins category spokes; give the angle a categorical x", at: location)
    }
  }
}
