import ArgumentParser
import Vellum
import VellumSpec

struct Styles: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "styles", abstract: "List the built-in styles.")

  func run() throws {
    let styles = SpecLoader.styles
    let width = styles.map(\.name.count).max() ?? 0
    for style in styles {
      print(style.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + style.description)
    }
  }
}
