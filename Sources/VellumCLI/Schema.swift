import ArgumentParser
import Vellum

struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the JSON Schema of Vellum specs (for editor completion).")

  func run() throws {
    print(Figure.schema.serialized())
  }
}
