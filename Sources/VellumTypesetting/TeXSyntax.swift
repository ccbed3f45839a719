/// Which text face a run uses.
struct TextStyle: Hashable {
  enum Family: Hashable { case roman, sans, mono }
  var bold = false
  var italic = false
  var family: Family = .roman
}

/// A label parsed into text runs and inline formulas.
enum TextPiece: Equatable {
  case text(String, TextStyle)
  case math([MathNode])
}

/// One item of a formula, before layout.
indirect enum MathNode: Equatable {
  /// A character drawn from the math font, with its spacing class.
  case symbol(String, MathClass)
  /// Text inside a formula (`\text{…}`), in the text face.
  case text(String, TextStyle)
  /// An upright operator name such as `\log`.
  case operatorName(String)
  /// A braced group: one ordinary atom.
  case group([MathNode])
  case scripts(base: MathNode?, sup: [MathNode]?, sub: [MathNode]?)
  case fraction([MathNode], [MathNode])
  case radical([MathNode], degree: [MathNode]?)
  /// `\left…\right`; nil is the invisible `.` delimiter.
  case delimited(left: Unicode.Scalar?, [MathNode], right: Unicode.Scalar?)
  case accent(Unicode.Scalar, [MathNode], wide: Bool)
  /// Horizontal space in em.
  case space(Double)
}
