/// Marker drawn at data points.
public struct MarkerSpec: Sendable {
  public enum Shape: String, Sendable, CaseIterable {
    case circle, square, diamond, plus, cross, star, pentagon, hexagon
    case triangleUp = "triangle-up"
    case triangleDown = "triangle-down"
    case triangleLeft = "triangle-left"
    case triangleRight = "triangle-right"

    /// `plus` and `cross` are strokes only, as in matplotlib.
    public var isLineArt: Bool { self == .plus || self == .cross }
  }
  public var shape: Shape
  /// A column whose values the figure's marker scale maps to shapes (`shape: {column: family}`).
  public var shapeColumn: Located<String>?
  /// Marker size in points (diameter for circles), like matplotlib's `ms`.
  public var size: Double
  /// Fill; nil takes the series color.
  public var face: Color?
  /// Outline; nil takes the face color.
  public var edge: Color?
  public var edgeWidth: Double
  /// Draw a marker at every n-th point only.
  public var every: Int

  /// Shape names and matplotlib's one-character codes.
  static var shapeNames: [String] { Shape.allCases.map(\.rawValue) + matplotlibCodes.keys.sorted() }

  /// A shape name or code, or the marker's options.
  public static var schema: JSONValue { object.schema }

  static var object: SpecObject {
    SpecObject(
      "marker",
      purpose: "The marker drawn at each point: a shape name or matplotlib code (o, s, ^…), or this mapping.",
      keys: [
        SpecKey(
          "shape", Encoding<Shape>.schema(SpecSchema.enumeration(shapeNames)),
          "the shape, or {column: NAME} to pick shapes by value through the figure's scale", defaultValue: "circle"),
        SpecKey(
          "size", SpecSchema.measure, "marker size in points (a circle's diameter, matplotlib's ms)", example: "5"),
        SpecKey(
          "face", SpecSchema.colorOrNone, "fill colour; none draws a hollow marker", default: "the series colour"),
        SpecKey("edge", SpecSchema.colorOrNone, "outline colour", default: "the face colour"),
        SpecKey("edge_width", SpecSchema.measure, "outline width in points", defaultValue: 1.0),
        SpecKey(
          "every", SpecSchema.bounded(minimum: 1, integer: true), "draw a marker at every n-th point only",
          defaultValue: 1),
      ],
      shorthand: [SpecSchema.enumeration(shapeNames)],
      example: "{line: {x: step, y: loss, marker: {shape: o, every: 5}}}")
  }

  public init(shape: Shape, size: Double) {
    self.shape = shape
    self.size = size
    edgeWidth = 1
    every = 1
  }
}
