/// A position in an input file: a spec (line and column) or a data file (row and column).
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
  /// The file as the user named it (relative paths stay relative, so messages stay short).
  public var file: String
  /// 1-based line number.
  public var line: Int
  /// 1-based column number.
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}
