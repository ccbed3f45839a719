import ArgumentParser
import Foundation
import Vellum
import VellumSpec

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Start a figure from a template: NAME.yaml and NAME.csv that render as they are.",
    discussion: "Templates: \(FigureTemplates.names.joined(separator: ", ")).")

  @Argument(help: "The template to start from.")
  var template: String

  @Argument(help: "The new figure's name (files NAME.yaml and NAME.csv).")
  var name: String

  @Option(help: "Folder to write into (default: the current folder).")
  var out: String = "."

  /// The schema file `vellum new` writes beside new specs, named in their first line.
  static let schemaFile = "vellum.schema.json"

  /// An unknown template or a name with folders is a wrong argument (exit 2), as ArgumentParser's own checks are.
  func validate() throws {
    let names = FigureTemplates.names
    guard names.contains(template) else {
      let near = closestMatch(to: template, in: names).map { " (did you mean '\($0)'?)" } ?? ""
      throw ValidationError("unknown template '\(template)'\(near); templates: \(names.joined(separator: ", "))")
    }
    guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
      throw ValidationError("a figure name is a plain file name, without folders")
    }
  }

  func run() throws {
    do {
      let folder = URL(fileURLWithPath: out)
      var files = try FigureTemplates.scaffold(template, name: name)
      // An existing file is never overwritten: a usage error, as for any other wrong argument.
      for file in files where FileManager.default.fileExists(atPath: folder.appendingPathComponent(file.name).path) {
        throw usageError("'\(file.name)' already exists; choose another name")
      }
      // Editors with yaml-language-server complete and explain keys from the schema the spec's first line names;
      // the schema is written beside the spec once.
      files = files.map { file in
        guard file.name.hasSuffix(".yaml") else { return file }
        return (file.name, "# yaml-language-server: $schema=\(Self.schemaFile)\n" + file.text)
      }
      if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(Self.schemaFile).path) {
        files.append((Self.schemaFile, Figure.schema.serialized() + "\n"))
      }
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try AtomicOutput.write(files.map { (folder.appendingPathComponent($0.name), Array($0.text.utf8)) })
      for file in files { print(folder.appendingPathComponent(file.name).path) }
    } catch let exit as ExitCode {
      throw exit
    } catch {
      fail(error)
    }
  }
}
