import ArgumentParser
import Foundation
import Vellum
import VellumSpec

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
  func figure(style: String?, extraData: [DataArgument] = []) throws -> Figure {
    let sources = extraData.map { (name: $0.name, path: $0.path) }
    guard isStandardInput else { return try Figure(contentsOf: argument, style: style, extraData: sources) }
    let text = try Self.standardInput()
    return try Figure(text: text, name: "<stdin>", style: style, extraData: sources)
  }

  private static func standardInput() throws -> String {
    try SpecLoader.text(
      of: FileHandle.standardInput.readData(ofLength: Limits.specBytes + 1), file: "<stdin>")
  }

  /// Refuses `-` more than once (standard input is read once).
  static func validate(_ arguments: [String]) throws {
    if arguments.filter({ $0 == stdinName }).count > 1 {
      throw ValidationError("'-' (the spec on standard input) can be given once")
    }
  }
}

extension OutputFormat: ExpressibleByArgument {}

extension FigureSpec.Theme: ExpressibleByArgument {}

/// `--data NAME=PATH`: a data source added to the spec (or replacing its own of that name), as the Python package
/// passes DataFrames. A relative path resolves against the current folder.
struct DataArgument: ExpressibleByArgument {
  let name: String
  let path: String

  init?(argument: String) {
    guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
    name = String(argument[..<equals])
    let given = String(argument[argument.index(after: equals)...])
    guard !given.isEmpty else { return nil }
    path = given.hasPrefix("/") ? given : FileManager.default.currentDirectoryPath + "/" + given
  }

  static var defaultCompletionKind: CompletionKind { .file() }
}
