import ArgumentParser
import Foundation
import VellumReview

/// `vellum textconv`: what git shows instead of an SVG's raw markup (`diff.vellum.textconv`).
struct TextConv: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "textconv",
    abstract: "Describe a Vellum SVG in chart terms, one fact a line, for git diff.",
    discussion:
      "With `*.svg diff=vellum` in .gitattributes and `git config diff.vellum.textconv \"vellum textconv\"`, git diff "
      + "and git log -p show changed axes, texts and data points instead of path data. An SVG Vellum did not write "
      + "is printed as it is."
  )

  @Argument(help: "An SVG file.")
  var file: String

  func run() throws {
    guard let data = FileManager.default.contents(atPath: file) else {
      FileHandle.standardError.write(Data("error: cannot read '\(file)'\n".utf8))
      throw ExitCode(1)
    }
    // git runs textconv on every file the attribute matches: anything else passes through unchanged.
    guard let lines = try? ChartDescription.lines(of: data, name: file), data.range(of: Data("data-x=".utf8)) != nil
    else {
      FileHandle.standardOutput.write(data)
      return
    }
    print(lines.joined(separator: "\n"))
  }
}
