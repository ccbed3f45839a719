import Foundation

/// A C library Vellum calls; each has one funnel that turns its failures into a ``VellumError``.
public enum CLibrary: String, Sendable, CaseIterable {
  case freetype = "FreeType"
  case harfbuzz = "HarfBuzz"
  case fontconfig
  case zlib
  case librsvg
  case cairo
}

/// What lies beneath an error: a C library's failure, an operating-system error, or a plain detail.
public enum ErrorCause: Sendable, Equatable, CustomStringConvertible {
  /// A C library reported failure: its status code when it has one, and its own message.
  case library(CLibrary, status: Int32?, message: String)
  /// A system call failed with `errno`.
  case system(errno: Int32)
  /// Anything else worth telling the user (a hint, a parser's message).
  case detail(String)

  /// The cause of the last failed system call.
  public static var lastSystemError: ErrorCause { .system(errno: errno) }

  public var description: String {
    switch self {
    case .library(let library, let status, let message):
      return "\(library.rawValue): \(message)" + (status.map { " (status \($0))" } ?? "")
    case .system(let code): return String(cString: strerror(code))
    case .detail(let text): return text
    }
  }
}
