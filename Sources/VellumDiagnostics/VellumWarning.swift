/// Suspicious but valid input: the figure is drawn, and this one line says what may be wrong and where.
public struct VellumWarning: Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public var location: SourceLocation?

  public init(_ message: String, at location: SourceLocation? = nil) {
    self.message = message
    self.location = location
  }

  /// Compiler-style, one line: `file:line:col: warning: message`.
  public var description: String {
    VellumError.singleLine((location.map { "\($0): " } ?? "") + "warning: \(message)")
  }

  /// The same finding as an error, for `--strict`.
  public var asError: VellumError { VellumError(.layout, message, at: location) }
}
