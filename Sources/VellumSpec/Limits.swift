/// Caps that keep a hostile or mistaken spec from making Vellum allocate or recurse without bound.
public enum Limits {
  /// Largest spec file read.
  public static let specBytes = 1 << 20
  /// Deepest nesting of `[`/`{` or of indentation levels in a spec (YAML parsers recurse per level).
  public static let nestingDepth = 64
  /// Longest label, in characters.
  public static let labelCharacters = 2000
  /// Most rows a data file or inline column may hold.
  public static let rows = 20_000_000
  /// Largest data file read (a data file is held in memory whole).
  public static let dataFileBytes: UInt64 = 2 << 30
  /// Most layers in one panel.
  public static let layers = 1000
  /// Largest font size and drawing measure (line width, pad, marker size), so geometry stays finite.
  public static let measure = 1000.0
  /// Histogram bins per layer, given or chosen by a rule.
  public static let bins = 1_000_000
  /// Figure sides in points (200 in, larger than an A0 poster): keeps raster sizes representable.
  public static let figurePoints = 200.0 * 72

  /// Rejects flow nesting (`[[[…`) or block indentation deeper than ``nestingDepth`` before parsing.
  static func checkNesting(_ text: String, file: String) throws {
    var depth = 0
    var line = 1
    var column = 0
    var quote: Unicode.Scalar?
    var indentLevels: [Int] = []
    var atLineStart = true
    var indent = 0
    for scalar in text.unicodeScalars {
      column += 1
      if scalar == "\n" {
        line += 1
        column = 0
        atLineStart = true
        indent = 0
        continue
      }
      if atLineStart {
        if scalar == " " || scalar == "-" {
          indent += 1
          continue
        }
        atLineStart = false
        if scalar != "#" {
          while let last = indentLevels.last, last >= indent { indentLevels.removeLast() }
          indentLevels.append(indent)
          if indentLevels.count > nestingDepth {
            throw VellumError(
              .invalidSpec, "the spec nests deeper than \(nestingDepth) levels",
              at: SourceLocation(file: file, line: line, column: column))
          }
        }
      }
      if let open = quote {
        if scalar == open { quote = nil }
        continue
      }
      switch scalar {
      case "\"", "'": quote = scalar
      case "[", "{":
        depth += 1
        if depth > nestingDepth {
          throw VellumError(
            .invalidSpec, "the spec nests deeper than \(nestingDepth) levels",
            at: SourceLocation(file: file, line: line, column: column))
        }
      case "]", "}": depth = max(0, depth - 1)
      default: break
      }
    }
  }
}
