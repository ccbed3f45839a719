import VellumDiagnostics
import Yams

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
  /// Most rows the layers of one figure draw in all (each layer keeps its rows' values until drawing).
  public static let drawnRows = 50_000_000
  /// Most SVG elements a figure draws: librsvg reads no more than a million.
  public static let sceneElements = 900_000
  /// Most path segments a figure draws (a circle marker is six): about 1.5 GB of scene and SVG text at most.
  public static let sceneSegments = 12_000_000
  /// Most cells (rows × columns) one data file may hold: each costs eight bytes of index besides its text.
  public static let cells = 200_000_000
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
  /// Largest number of nodes a spec (or style) may expand to once YAML aliases are followed.
  public static let expandedNodes = 1_000_000

  /// Counts the composed document's nodes as aliases expand them, stopping at the limit, so an alias bomb (each
  /// alias repeating the one before) is refused in bounded time instead of being walked for hours.
  static func checkExpansion(_ node: Node, file: String) throws {
    var count = 0
    var stack = [node]
    while let next = stack.popLast() {
      count += 1
      guard count <= expandedNodes else {
        throw VellumError(
          .invalidSpec,
          "the document expands to more than \(expandedNodes) values once its YAML aliases are followed",
          at: SourceLocation(file: file, line: next.mark?.line ?? 1, column: next.mark?.column ?? 1))
      }
      switch next {
      case .mapping(let mapping):
        for (key, value) in mapping {
          stack.append(key)
          stack.append(value)
        }
      case .sequence(let sequence): stack.append(contentsOf: sequence)
      default: break
      }
    }
  }

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
