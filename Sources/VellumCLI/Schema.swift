import ArgumentParser
import Vellum

struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the JSON Schema of Vellum specs (for editor completion).")

  @Flag(help: "Print the spec reference (docs/spec.md) as Markdown instead.")
  var markdown = false

  func run() throws {
    print(markdown ? Figure.schemaMarkdown : Figure.schema.serialized(), terminator: markdown ? "" : "\n")
  }
}
