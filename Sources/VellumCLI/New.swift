import ArgumentParser
import Foundation
import Vellum

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Start a figure from a template: NAME.yaml and NAME.csv that render as they are.",
    discussion: "Templates: \(FigureTemplates.names.joined(separator: ", ")).")

  @Argument(help: "The template to start from.")
  var template: String

  @Argument(help: "The new figure's name (files NAME.yaml and NAME.csv).")
  var name: String

  @Option(help: "Folder to write into (default: the current folder).")
  var out: String = "."

  func run() throws {
    do {
      let folder = URL(fileURLWithPath: out)
      let files = try FigureTemplates.scaffold(template, name: name)
      for file in files where FileManager.default.fileExists(atPath: folder.appendingPathComponent(file.name).path) {
        throw VellumError(.io, "'\(file.name)' already exists; choose another name")
      }
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try AtomicOutput.write(files.map { (folder.appendingPathComponent($0.name), Array($0.text.utf8)) })
      for file in files { print(folder.appendingPathComponent(file.name).path) }
    } catch {
      fail(error)
    }
  }
}
