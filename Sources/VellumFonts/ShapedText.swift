/// A glyph placed by HarfBuzz, in font units relative to the start of the shaped text (y up).
public struct ShapedGlyph: Sendable, Equatable {
  public var id: UInt32
  public var x: Double
  public var y: Double
}

/// The result of shaping one string in one face, in font units.
public struct ShapedText: Sendable, Equatable {
  public var glyphs: [ShapedGlyph]
  /// Total advance.
  public var advance: Double
  /// Highest and lowest ink (y up); 0 for blank text.
  public var top: Double
  public var bottom: Double
}

/// A glyph's ink box in font units (y up).
public struct GlyphExtents: Sendable, Equatable {
  public var xMin: Double
  public var xMax: Double
  public var yMin: Double
  public var yMax: Double
}

/// One step of a glyph outline in font units (y up).
public enum OutlineCommand: Sendable, Equatable {
  case move(Double, Double)
  case line(Double, Double)
  case quadratic(Double, Double, Double, Double)
  case cubic(Double, Double, Double, Double, Double, Double)
  case close
}

extension OutlineCommand {
  func scaled(by factor: Double) -> OutlineCommand {
    switch self {
    case .move(let x, let y): return .move(x * factor, y * factor)
    case .line(let x, let y): return .line(x * factor, y * factor)
    case .quadratic(let a, let b, let x, let y): return .quadratic(a * factor, b * factor, x * factor, y * factor)
    case .cubic(let a, let b, let c, let d, let x, let y):
      return .cubic(a * factor, b * factor, c * factor, d * factor, x * factor, y * factor)
    case .close: return .close
    }
  }
}

/// The OpenType MATH constants Vellum's math layout uses.
public enum MathConstant: UInt32, Sendable {
  case scriptPercentScaleDown = 0
  case scriptScriptPercentScaleDown = 1
  case axisHeight = 5
  case accentBaseHeight = 6
  case subscriptShiftDown = 8
  case subscriptTopMax = 9
  case subscriptBaselineDropMin = 10
  case superscriptShiftUp = 11
  case superscriptShiftUpCramped = 12
  case superscriptBottomMin = 13
  case superscriptBaselineDropMax = 14
  case subSuperscriptGapMin = 15
  case superscriptBottomMaxWithSubscript = 16
  case spaceAfterScript = 17
  case fractionNumeratorShiftUp = 32
  case fractionDenominatorShiftDown = 34
  case fractionNumeratorGapMin = 36
  case fractionRuleThickness = 38
  case fractionDenominatorGapMin = 39
  case overbarVerticalGap = 43
  case overbarRuleThickness = 44
  case radicalVerticalGap = 49
  case radicalRuleThickness = 51
  case radicalExtraAscender = 52
  case radicalKernBeforeDegree = 53
  case radicalKernAfterDegree = 54
  case radicalDegreeBottomRaisePercent = 55

  var isPercentage: Bool {
    self == .scriptPercentScaleDown || self == .scriptScriptPercentScaleDown || self == .radicalDegreeBottomRaisePercent
  }
}
