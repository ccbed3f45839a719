/// An opaque sRGB color, channels 0...1.
public struct RGB: Sendable, Equatable, Hashable {
  public var red: Double
  public var green: Double
  public var blue: Double

  public init(red: Double, green: Double, blue: Double) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  public static let black = RGB(red: 0, green: 0, blue: 0)
  public static let white = RGB(red: 1, green: 1, blue: 1)

  /// `#rrggbb`, channels clamped to 0…1: the one colour format of SVG output and scene dumps.
  public var hex: String {
    "#"
      + [red, green, blue].map { channel in
        let digits = String(Int((min(max(channel, 0), 1) * 255).rounded()), radix: 16)
        return digits.count == 1 ? "0" + digits : digits
      }.joined()
  }
}

/// A color with an opacity, as used for fills, strokes and text.
public struct Paint: Sendable, Equatable {
  public var color: RGB
  public var opacity: Double

  public init(_ color: RGB, opacity: Double = 1) {
    self.color = color
    self.opacity = opacity
  }
}

/// How a path's outline is drawn.
public struct Stroke: Sendable, Equatable {
  public enum Cap: String, Sendable { case butt, round, square }
  public enum Join: String, Sendable { case miter, round, bevel }

  public var paint: Paint
  public var width: Double
  /// Alternating on/off lengths in scene units; empty is solid.
  public var dashes: [Double]
  public var dashOffset: Double
  public var cap: Cap
  public var join: Join

  public init(
    _ paint: Paint, width: Double, dashes: [Double] = [], dashOffset: Double = 0, cap: Cap = .butt,
    join: Join = .miter
  ) {
    self.paint = paint
    self.width = width
    self.dashes = dashes
    self.dashOffset = dashOffset
    self.cap = cap
    self.join = join
  }
}
