/// Which face of a family to use.
public struct FontKey: Hashable, Sendable, CustomStringConvertible {
  public var family: String
  public var bold: Bool
  public var italic: Bool

  public init(family: String, bold: Bool = false, italic: Bool = false) {
    self.family = family
    self.bold = bold
    self.italic = italic
  }

  public var description: String {
    let style = [bold ? "bold" : nil, italic ? "italic" : nil].compactMap { $0 }
    return style.isEmpty ? family : "\(family) \(style.joined(separator: " "))"
  }
}

/// Horizontal and vertical extent of a shaped string at one size, in points.
public struct TextMetrics: Sendable, Equatable {
  /// Advance width: where the next string would start.
  public var advance: Double
  /// Height of the highest ink above the baseline (0 for blank text).
  public var inkAscent: Double
  /// Depth of the lowest ink below the baseline, positive downwards.
  public var inkDescent: Double
  /// The face's ascender of "l" and descender of "p": TeX-like line extents that keep baselines of
  /// neighbouring labels aligned (matplotlib pads every text box to these).
  public var lineAscent: Double
  public var lineDescent: Double

  public init(advance: Double, inkAscent: Double, inkDescent: Double, lineAscent: Double, lineDescent: Double) {
    self.advance = advance
    self.inkAscent = inkAscent
    self.inkDescent = inkDescent
    self.lineAscent = lineAscent
    self.lineDescent = lineDescent
  }

  /// Extent above the baseline used for alignment.
  public var ascent: Double { max(inkAscent, lineAscent) }
  /// Extent below the baseline used for alignment.
  public var descent: Double { max(inkDescent, lineDescent) }
}
