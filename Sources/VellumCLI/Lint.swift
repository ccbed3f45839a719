import ArgumentParser
import Foundation
import Vellum
import VellumLint
import VellumSpec

struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check figures for what reviewers and publishers reject: small text, low contrast, overlapping text, "
      + "low-resolution images, colours colour-blind readers confuse, a figure wider than its column.",
    discussion: "One located warning per finding; silence a check per figure with lint: {ignore: [...]}. "
      + "Exit status: 0 (findings are warnings), 1 with --strict and findings, 1 an input error, 3 a render error.")

  @Argument(help: "Spec files (YAML or JSON), - for standard input.")
  var specs: [String]

  @Option(help: "Retarget to a style (see `vellum styles`) first: checks the figure at the venue's column width.")
  var style: String?

  @Option(help: "The width the figure is printed at (3.25in, 8cm, 240pt): text sizes and image resolution scale to it.")
  var width: String?

  @Flag(help: "Exit 1 when anything is found.")
  var strict = false

  @Option(help: "text (located warning lines on stderr) or json (an array on stdout, for tools).")
  var format: String = "text"

  func validate() throws {
    // The bounds a spec's lint.width has (a figure side).
    if let width, Length.points(width, bareUnit: 72).map({ $0 >= 1 && $0 <= Limits.figurePoints }) != true {
      throw ValidationError(
        "--width takes a length from 1pt to \(Int(Limits.figurePoints / 72))in, such as 3.25in, 8cm or 240pt")
    }
    guard ["text", "json"].contains(format) else { throw ValidationError("--format is text or json") }
    if let style, let message = StyleResolver.argumentMessage(style) { throw ValidationError(message) }
  }

  func run() throws {
    let printed = width.flatMap { Length.points($0, bareUnit: 72) }
    var all: [LintFinding] = []
    // A spec that cannot be read is reported and the others still checked, so one broken file hides no findings.
    var failure: Error?
    for spec in specs {
      do {
        let figure = try SpecArgument(argument: spec).figure(style: style)
        all += try Linter.lint(figure, width: printed)
      } catch {
        report(error)
        failure = failure ?? error
      }
    }
    if format == "json" {
      let rows = all.map { finding -> [String: Any] in
        var row: [String: Any] = ["check": finding.check.rawValue, "message": finding.message]
        if let location = finding.location {
          row["file"] = location.file
          row["line"] = location.line
          row["column"] = location.column
        }
        return row
      }
      let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
      print(String(decoding: data, as: UTF8.self))
    } else {
      for finding in all { FileHandle.standardError.write(Data("\(finding.warning)\n".utf8)) }
    }
    if let failure { throw ExitCode((failure as? VellumError)?.code.exitCode ?? 3) }
    if strict && !all.isEmpty { throw ExitCode(1) }
  }
}
