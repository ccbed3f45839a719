import ArgumentParser
import Foundation
import Vellum

struct DataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data", abstract: "Write each layer's data after its transforms as CSV (SPEC.layer-N.csv).")

  @Argument(help: "A spec file.")
  var spec: String

  @Option(help: "Output folder (default: the spec's folder).")
  var out: String?

  func run() throws {
    do {
      let files = try LayerDataExport.files(specPath: spec)
      let folder = out.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: spec).deletingLastPathComponent()
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try AtomicOutput.write(files.map { (folder.appendingPathComponent($0.name), Array($0.text.utf8)) })
      for file in files { print(folder.appendingPathComponent(file.name).path) }
    } catch {
      fail(error)
    }
  }
}
