import Foundation
import VellumDiagnostics

/// A file type Vellum writes.
public enum OutputFormat: String, CaseIterable, Sendable {
  case svg, pdf, png

  /// Parses a comma-separated list such as `svg,pdf`.
  public static func parseList(_ text: String) throws -> [OutputFormat] {
    var formats: [OutputFormat] = []
    for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
      guard let format = OutputFormat(rawValue: name) else {
        throw VellumError(.invalidSpec, "unknown format '\(name)' (expected svg, pdf or png)")
      }
      if !formats.contains(format) { formats.append(format) }
    }
    guard !formats.isEmpty else { throw VellumError(.invalidSpec, "no output format given") }
    return formats
  }
}
