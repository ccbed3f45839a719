import ArgumentParser
import Foundation
import Vellum
import VellumReview

struct GalleryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gallery", abstract: "Write index.html showing every figure with its spec and download links.")

  @Argument(help: "Spec files, or folders whose .yaml/.yml/.json specs are all taken.")
  var inputs: [String]

  @Option(help: "Output folder.")
  var out: String

  func run() throws {
    do {
      let specs = try SpecFolders.expand(inputs, outside: SpecFolders.warnOutside)
      let files = try Gallery.build(specs: specs, folder: URL(fileURLWithPath: out))
      print(
        "\(files.count) files in \(out); open \(URL(fileURLWithPath: out).appendingPathComponent("index.html").path)")
    } catch {
      fail(error)
    }
  }
}
