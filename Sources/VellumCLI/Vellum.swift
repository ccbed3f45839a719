import ArgumentParser
import Foundation
import Vellum

@main
struct VellumCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vellum",
    abstract: "Render declarative figure specs to deterministic SVG, PDF and PNG.",
    discussion: "Exit status: 0 success, 1 input error (spec or data), 3 render or system error, 64 usage error.",
    subcommands: [
      Render.self, Check.self, Diff.self, GalleryCommand.self, DataCommand.self, New.self, Styles.self,
      SceneCommand.self,
      Schema.self,
    ])
}

/// Prints the error compiler-style and exits with its code.
func fail(_ error: Error) -> Never {
  if let error = error as? VellumError {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    Foundation.exit(error.code.exitCode)
  }
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  Foundation.exit(3)
}
