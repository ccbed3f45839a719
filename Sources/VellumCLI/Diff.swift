import ArgumentParser
import Foundation
import Vellum
import VellumReview

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Say what changed between two Vellum SVGs: series points, labels, axes, legend.")

  @Argument(help: "The old SVG.")
  var old: String

  @Argument(help: "The new SVG.")
  var new: String

  @Option(help: "Also write a PNG with changed pixels highlighted over a faded copy of the new figure.")
  var png: String?

  @Option(help: "Resolution of the --png images, in dots per inch.")
  var dpi: Double = 150

  @Flag(help: "Exit with status 1 when something changed (as git diff --exit-code), 0 when nothing did.")
  var exitCode = false

  func validate() throws {
    guard dpi > 0, dpi <= 2400 else { throw ValidationError("--dpi must be between 1 and 2400") }
  }

  func run() throws {
    do {
      guard let a = FileManager.default.contents(atPath: old) else {
        throw VellumError(.missingFile, "cannot read '\(old)'")
      }
      guard let b = FileManager.default.contents(atPath: new) else {
        throw VellumError(.missingFile, "cannot read '\(new)'")
      }
      // Ids and labels come from the files: printed one line each, control characters escaped.
      let changes = try SemanticDiff.compare(old: a, new: b, oldName: old, newName: new).map {
        VellumError.escapedLine($0)
      }
      print(changes.isEmpty ? "no changes" : changes.joined(separator: "\n"))
      var pixelsChanged = false
      if let png {
        let result = try PixelDiff.image(
          old: String(decoding: a, as: UTF8.self), new: String(decoding: b, as: UTF8.self), dpi: dpi)
        pixelsChanged = result.changed > 0
        try AtomicOutput.write([(URL(fileURLWithPath: png), result.png)])
        print(String(format: "pixels changed: %.3f%% (%@)", result.changed * 100, png))
      }
      if exitCode && (!changes.isEmpty || pixelsChanged) { throw ExitCode(1) }
    } catch let exit as ExitCode {
      throw exit
    } catch {
      fail(error)
    }
  }
}
