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

  public static let keys = ["shape", "size", "face", "edge", "edge_width", "every"]

  public init(shape: Shape, size: Double) {
    self.shape = shape
    self.size = size
    edgeWidth = 1
    every = 1
  }
}
