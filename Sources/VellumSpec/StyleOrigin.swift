import VellumDiagnostics
import Yams

/// Which file each value of a styled spec was written in. A style file's nodes are merged into the spec's document,
/// so a mistake in a style file would be reported at the spec's file; their marks carry the style's number above
/// bit 32 of the line instead, and ``location(_:file:styles:)`` turns a mark back into the file and line it names.
enum StyleOrigin {
  private static let shift = 32
  private static let lineMask = (1 << shift) - 1

  /// `node` with every mark tagged as written in style number `origin` (1 for the first style file read).
  static func tagging(_ node: Node, origin: Int) -> Node {
    switch node {
    case .scalar(var scalar):
      scalar.mark = tagged(scalar.mark, origin)
      return .scalar(scalar)
    case .mapping(let mapping):
      let pairs = mapping.map { (tagging($0.key, origin: origin), tagging($0.value, origin: origin)) }
      return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, tagged(mapping.mark, origin)))
    case .sequence(let sequence):
      return .sequence(
        Node.Sequence(
          sequence.map { tagging($0, origin: origin) }, sequence.tag, sequence.style, tagged(sequence.mark, origin)))
    case .alias:
      return node
    }
  }

  /// Where a mark points: in the spec file, or in the style file its tag names (`styles[origin - 1]`).
  static func location(_ mark: Mark?, file: String, styles: [String]) -> SourceLocation {
    guard let mark else { return SourceLocation(file: file, line: 1, column: 1) }
    let origin = mark.line >> shift
    let named = origin > 0 && origin <= styles.count ? styles[origin - 1] : file
    return SourceLocation(file: named, line: mark.line & lineMask, column: mark.column)
  }

  private static func tagged(_ mark: Mark?, _ origin: Int) -> Mark? {
    guard let mark, mark.line >= 0, mark.line <= lineMask else { return mark }
    return makeMark(line: mark.line | (origin << shift), column: mark.column)
  }

  /// Yams makes marks only while parsing; `Mark` is two `Int`s (line, column) laid out in that order, which
  /// `StyleRetargetTests.testStyleFileErrorsNameTheStyleFile` checks through the located errors it gives.
  private static func makeMark(line: Int, column: Int) -> Mark {
    precondition(MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size)
    return unsafeBitCast((line, column), to: Mark.self)
  }
}
