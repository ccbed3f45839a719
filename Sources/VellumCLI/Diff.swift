import ArgumentParser
import Foundation
import Vellum
import VellumReview

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Say what changed between two Vellum SVGs: series points, labels, axes, legend.")

  @Argument(help: "The old SVG.")
  var old: String

  @Argument(help: "The new SVG.")
  var new: String

  @Option(help: "Also write a PNG with changed pixels highlighted over a faded copy of the new figure.")
  var png: String?

  func run() throws {
    do {
      guard let a = FileManager.default.contents(atPath: old) else {
        throw VellumError(.missingFile, "cannot read '\(old)'")
      }
      guard let b = FileManager.default.contents(atPath: new) else {
        throw VellumError(.missingFile, "cannot read '\(new)'")
      }
      let changes = try SemanticDiff.compare(old: a, new: b, oldName: old, newName: new)
      print(changes.isEmpty ? "no changes" : changes.joined(separator: "\n"))
      if let png {
        let result = try PixelDiff.image(
          old: String(decoding: a, as: UTF8.self), new: String(decoding: b, as: UTF8.self))
        try AtomicOutput.write([(URL(fileURLWithPath: png), result.png)])
        print(String(format: "pixels changed: %.3f%% (%@)", result.changed * 100, png))
      }
    } catch {
      fail(error)
    }
  }
}
