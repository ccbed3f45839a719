/// A tile of lines and filled shapes repeated across a filled outline from the page's origin (an SVG pattern in
/// user space): hatching, drawn over the outline's fill and under its stroke.
public struct TilePattern: Sendable, Equatable {
  /// The tile's side, in points.
  public var size: Double
  /// Stroked lines within the tile (they may run past its sides; the tile clips them).
  public var lines: [PathSegment]
  /// Filled shapes within the tile, in the same paint.
  public var shapes: [PathSegment]
  public var paint: Paint
  /// Line width in points.
  public var width: Double

  public init(size: Double, lines: [PathSegment], shapes: [PathSegment], paint: Paint, width: Double) {
    self.size = size
    self.lines = lines
    self.shapes = shapes
    self.paint = paint
    self.width = width
  }
}
