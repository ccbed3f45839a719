import ArgumentParser
import Foundation
import Vellum

struct DataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data", abstract: "Write each layer's data after its transforms as CSV (SPEC.layer-N.csv).")

  @Argument(help: "A spec file; - reads it from standard input.")
  var spec: String

  @Option(help: "Output folder (default: the spec's folder).")
  var out: String?

  @Flag(help: "Write the CSV to standard output instead of files (the spec must draw exactly one data layer).")
  var stdout = false

  func validate() throws {
    if stdout && out != nil { throw ValidationError("--stdout writes no files: drop --out") }
  }

  func run() throws {
    do {
      let argument = SpecArgument(argument: spec)
      let files = try LayerDataExport.files(figure: try argument.figure(style: nil), baseName: argument.baseName)
      if stdout {
        guard files.count == 1 else {
          throw usageError(
            "--stdout writes one table, but the spec has \(files.count) data layers "
              + "(\(files.map(\.name).joined(separator: ", "))); write them with --out")
        }
        FileHandle.standardOutput.write(Data(files[0].text.utf8))
        return
      }
      let folder = out.map { URL(fileURLWithPath: $0) } ?? argument.folder
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
