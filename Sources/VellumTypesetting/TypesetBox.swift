import VellumFonts
import VellumScene

/// Glyphs of one face at one size, placed relative to their box (y up, baseline at 0).
struct TypesetRun {
  /// The characters the glyphs show, or nil for glyphs with no character (size variants).
  var text: String?
  var font: FontStyle
  var face: FontFace
  /// Baseline start, y up.
  var x: Double
  var y: Double
  /// Glyph positions in points relative to the run start, y up.
  var glyphs: [(id: UInt32, x: Double, y: Double)]
}

/// A filled rectangle (fraction bar, radical overbar), y up, `y` at its bottom.
struct TypesetRule {
  var x: Double
  var y: Double
  var width: Double
  var height: Double
}

/// TeX's box: a width, a height above and a depth below the baseline, and what is drawn inside.
struct TypesetBox {
  var width: Double = 0
  var height: Double = 0
  var depth: Double = 0
  var runs: [TypesetRun] = []
  var rules: [TypesetRule] = []
  /// For a single slanted glyph: how far its ink leans past its advance (moves superscripts right).
  var italicCorrection: Double = 0
  /// True when the box is one character, which changes where TeX hangs scripts.
  var isCharacter = false
  /// Where an accent above the box centres, from its left edge.
  var accentAttachment: Double?

  /// Draws `other` with its origin at (`dx`, `dy`) of this box, growing height and depth to hold it.
  mutating func place(_ other: TypesetBox, dx: Double, dy: Double) {
    for var run in other.runs {
      run.x += dx
      run.y += dy
      runs.append(run)
    }
    for var rule in other.rules {
      rule.x += dx
      rule.y += dy
      rules.append(rule)
    }
    if !other.runs.isEmpty || !other.rules.isEmpty || other.height + other.depth > 0 {
      height = max(height, other.height + dy)
      depth = max(depth, other.depth - dy)
    }
  }

  /// Appends `other` on the baseline after this box's width.
  mutating func append(_ other: TypesetBox) {
    place(other, dx: width, dy: 0)
    width += other.width
  }
}
