/// The one error type every pipeline stage throws: `{code, message, cause, location}`.
public struct VellumError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is; decides the process exit code.
  public enum Code: String, Sendable {
    /// The spec file cannot be parsed (YAML/JSON syntax).
    case syntax
    /// The spec parses but says something invalid (unknown key, wrong type, bad value).
    case invalidSpec
    /// A file the spec names cannot be read.
    case missingFile
    /// A data file is malformed or lacks what the spec asks of it.
    case invalidData
    /// A font cannot be resolved or loaded.
    case font
    /// The figure cannot be laid out (e.g. the labels leave no room for the plot).
    case layout
    /// librsvg or Cairo failed.
    case render
    /// Writing an output file failed.
    case io

    /// Exit status: 1 for input errors, 3 for render or system errors.
    public var exitCode: Int32 {
      switch self {
      case .syntax, .invalidSpec, .missingFile, .invalidData, .layout: return 1
      case .font, .render, .io: return 3
      }
    }
  }

  public var code: Code
  public var message: String
  public var location: SourceLocation?
  /// What lies beneath: a C library's failure (e.g. librsvg's GError), a system error, or a hint.
  public var cause: ErrorCause?

  public init(_ code: Code, _ message: String, at location: SourceLocation? = nil, cause: ErrorCause? = nil) {
    self.code = code
    self.message = message
    self.location = location
    self.cause = cause
  }

  /// Compiler-style, one line: `file:line:col: error: message (cause)`.
  public var description: String {
    var text = ""
    if let location { text += "\(location): " }
    text += "error: \(message)"
    if let cause { text += " (\(cause))" }
    return Self.singleLine(text)
  }

  /// Escapes control characters so a quoted value from a file can never split or garble the diagnostic.
  /// Longest diagnostic, in characters: a 5 MB cell or a 100,000-column header quoted in a message is cut.
  public static let maximumLength = 1000

  /// `text` as one bounded line: control characters and line separators escaped, cut at ``maximumLength``.
  public static func escapedLine(_ text: String) -> String { singleLine(text) }

  static func singleLine(_ text: String) -> String {
    var text = text
    if text.unicodeScalars.count > maximumLength {
      let kept = text.unicodeScalars.prefix(maximumLength - 1)
      text = String(String.UnicodeScalarView(kept)) + "…"
    }
    // Line and paragraph separators break lines in many terminals and editors, as a newline does.
    func breaks(_ scalar: Unicode.Scalar) -> Bool {
      scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
    guard text.unicodeScalars.contains(where: breaks) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where breaks(scalar):
        result += "\\u{" + String(scalar.value, radix: 16) + "}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

/// Runs `body`, giving any location-less error the location `location`.
public func located<T>(at location: SourceLocation?, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch var error as VellumError where error.location == nil {
    error.location = location
    throw error
  }
}
