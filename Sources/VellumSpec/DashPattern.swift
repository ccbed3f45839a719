/// A stroke dash pattern in units of the line width, as matplotlib scales dashes by line width.
public struct DashPattern: Sendable, Hashable {
  /// Offset into the pattern, in line widths.
  public var offset: Double
  /// Alternating on/off lengths, in line widths; empty means solid.
  public var lengths: [Double]

  public init(offset: Double = 0, lengths: [Double]) {
    self.offset = offset
    self.lengths = lengths
  }

  public static let solid = DashPattern(lengths: [])
  /// matplotlib's `--`.
  public static let dashed = named["dashed"]!

  public var isSolid: Bool { lengths.isEmpty }

  /// matplotlib's named styles (rcParams `lines.*_pattern`).
  static let named: [String: DashPattern] = [
    "solid": .solid, "-": .solid,
    "dashed": DashPattern(lengths: [3.7, 1.6]), "--": DashPattern(lengths: [3.7, 1.6]),
    "dotted": DashPattern(lengths: [1, 1.65]), ":": DashPattern(lengths: [1, 1.65]),
    "dashdot": DashPattern(lengths: [6.4, 1.6, 1, 1.6]), "-.": DashPattern(lengths: [6.4, 1.6, 1, 1.6]),
  ]
}
