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
      var specs: [String] = []
      for input in inputs {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
          let names = try FileManager.default.contentsOfDirectory(atPath: input).sorted()
          specs += names.filter { ["yaml", "yml", "json"].contains(URL(fileURLWithPath: $0).pathExtension) }
            .map { URL(fileURLWithPath: input).appendingPathComponent($0).path }
        } else {
          specs.append(input)
        }
      }
      let files = try Gallery.build(specs: specs, folder: URL(fileURLWithPath: out))
      print(
        "\(files.count) files in \(out); open \(URL(fileURLWithPath: out).appendingPathComponent("index.html").path)")
    } catch {
      fail(error)
    }
  }
}
