import ArgumentParser
import Foundation
import Vellum
import VellumReview

@main
struct VellumCommand: ParsableCommand {
  // Every subcommand names itself: a name derived from the type's name costs a demangling at each start.
  static let configuration = CommandConfiguration(
    commandName: "vellum",
    abstract: "Render declarative figure specs to deterministic SVG, PDF and PNG.",
    discussion:
      "Exit status: 0 success, 1 input error (spec or data; stale outputs for check), 2 usage error, 3 render or system error.",
    subcommands: [
      Render.self, Check.self, Diff.self, GalleryCommand.self, DataCommand.self, New.self, Styles.self,
      SceneCommand.self, Lint.self, Embed.self, Inputs.self, Serve.self, TextConv.self,
      Schema.self,
    ])

  /// ArgumentParser's own entry point, with usage errors mapped to exit status 2 (its default is 64).
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      guard code != .success else { exit(withError: error) }
      let message = fullMessage(for: error)
      if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
      let status: Int32 = code == .validationFailure ? 2 : code.rawValue
      Foundation.exit(status)
    }
  }
}

/// A usage error found after parsing (a name that exists, an input the output would overwrite): one `error:` line
/// on stderr and exit status 2, as ArgumentParser's own usage errors.
func usageError(_ message: String) -> ExitCode {
  FileHandle.standardError.write(Data("error: \(message)\n".utf8))
  return ExitCode(2)
}

/// Prints the error compiler-style and exits with its code.
func fail(_ error: Error) -> Never {
  report(error)
  Foundation.exit((error as? VellumError)?.code.exitCode ?? 3)
}

/// Writes an error's one line to standard error.
func report(_ error: Error) {
  let line = error is VellumError ? "\(error)" : "error: \(error)"
  FileHandle.standardError.write(Data((line + "\n").utf8))
}
