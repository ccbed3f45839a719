import ArgumentParser
import Foundation
import Vellum

/// A spec named on the command line: a file, or `-` for standard input (relative data paths then resolve against
/// the current folder, and outputs are named `figure.*`).
struct SpecArgument {
  static let stdinName = "-"

  let argument: String

  var isStandardInput: Bool { argument == Self.stdinName }

  /// The name outputs are based on: the file's name without extension, `figure` for standard input.
  var baseName: String {
    isStandardInput ? "figure" : URL(fileURLWithPath: argument).deletingPathExtension().lastPathComponent
  }

  /// The folder outputs go to without `--out`: the spec's own, or the current one for standard input.
  var folder: URL {
    isStandardInput
      ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      : URL(fileURLWithPath: argument).deletingLastPathComponent()
  }

  /// Reads and validates the spec; standard input is read once, up to the spec size limit.
  func figure(style: String?) throws -> Figure {
    guard isStandardInput else { return try Figure(contentsOf: argument, style: style) }
    let text = try Self.standardInput()
    return try Figure(text: text, name: "<stdin>", style: style)
  }

  private static func standardInput() throws -> String {
    // One more byte than the limit tells a spec that is too long from one that fits exactly.
    let data = FileHandle.standardInput.readData(ofLength: (1 << 20) + 1)
    guard data.count <= 1 << 20 else {
      throw VellumError(
        .invalidSpec, "the spec on standard input is over the limit of 1 MiB",
        at: SourceLocation(file: "<stdin>", line: 1, column: 1))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw VellumError(
        .invalidSpec, "the spec on standard input is not UTF-8", at: SourceLocation(file: "<stdin>", line: 1, column: 1)
      )
    }
    return text
  }

  /// Refuses `-` more than once (standard input is read once).
  static func validate(_ arguments: [String]) throws {
    if arguments.filter({ $0 == stdinName }).count > 1 {
      throw ValidationError("'-' (the spec on standard input) can be given once")
    }
  }
}

extension OutputFormat: ExpressibleByArgument {}
