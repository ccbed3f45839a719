import ArgumentParser
import Vellum
import VellumLayout
import VellumSpec

struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the JSON Schema of Vellum specs (for editor completion).")

  func run() throws {
    print(SpecSchema.document.serialized())
  }
}
