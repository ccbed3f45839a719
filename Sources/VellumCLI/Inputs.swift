import ArgumentParser
import Foundation
import Vellum

/// `vellum inputs`: the files a figure reads, for build tools that re-render only when one changed.
struct Inputs: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inputs",
    abstract: "Print the files each spec reads (the spec, its data files, its style files), one absolute path a line.",
    discussion:
      "Documentation builders (vellum.sphinx, the MkDocs plugin) and `make` rules use it to re-render a figure only when one of its inputs changed. A spec on standard input (-) prints only its inputs. A TensorBoard source prints its folder."
  )

  @Argument(help: "Spec files (YAML or JSON); - reads one from standard input.")
  var specs: [String]

  @Option(help: "A style the spec would be rendered with (as render --style); a style file is then an input too.")
  var style: String?

  func validate() throws { try SpecArgument.validate(specs) }

  func run() throws {
    var seen = Set<String>()
    for spec in specs {
      let argument = SpecArgument(argument: spec)
      do {
        let figure = try argument.figure(style: style)
        let files = (argument.isStandardInput ? [] : [URL(fileURLWithPath: spec)]) + figure.inputFiles
        for file in files {
          let path = file.standardizedFileURL.path
          if seen.insert(path).inserted { print(path) }
        }
      } catch {
        fail(error)
      }
    }
  }
}
