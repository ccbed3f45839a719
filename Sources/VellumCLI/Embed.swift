import ArgumentParser
import Foundation
import Vellum
import VellumReview

extension EmbedSnippet.Site: ExpressibleByArgument {}

/// `vellum embed`: prints the markup that shows a rendered figure in a documentation page.
struct Embed: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "embed",
    abstract: "Print the snippet that embeds a rendered figure in a README or documentation page.")

  @Argument(help: "The spec of the figure.")
  var spec: String

  @Option(help: "Where the page lives: github (README), mkdocs (Material), sphinx (Furo) or html.")
  var site: EmbedSnippet.Site = .github

  @Option(help: "The folder the figure was rendered into (default: the spec's folder).")
  var out: String?

  @Option(help: "The folder of the page that shows the figure; paths are written relative to it.")
  var from: String = "."

  func run() throws {
    do {
      let figure = try Figure(contentsOf: spec)
      let base = URL(fileURLWithPath: spec).deletingPathExtension().lastPathComponent
      let folder = URL(fileURLWithPath: out ?? URL(fileURLWithPath: spec).deletingLastPathComponent().path)
      let light = relative(folder.appendingPathComponent(base + ".svg"))
      let dark = relative(folder.appendingPathComponent(base + "-dark.svg"))
      let alt = try figure.spec.alt ?? figure.scene().title
      let follows = figure.spec.theme == .auto
      print(EmbedSnippet.snippet(site: site, light: light, dark: dark, alt: alt, followsScheme: follows))
      if EmbedSnippet.needsDarkFile(site: site, followsScheme: follows) {
        // A hint, not part of the snippet: standard error keeps `vellum embed … >> page.md` clean.
        FileHandle.standardError.write(
          Data(
            ("note: the dark image is the figure in theme: dark; write it with\n  vellum render \(spec) --theme dark "
              + "--stdout svg > \(folder.appendingPathComponent(base + "-dark.svg").path)\n").utf8))
      }
    } catch {
      fail(error)
    }
  }

  /// `file` relative to the page's folder (`--from`), as a link from that page.
  private func relative(_ file: URL) -> String {
    let target = file.standardizedFileURL.pathComponents
    let origin = URL(fileURLWithPath: from).standardizedFileURL.pathComponents
    var shared = 0
    while shared < min(target.count - 1, origin.count) && target[shared] == origin[shared] { shared += 1 }
    let up = Array(repeating: "..", count: origin.count - shared)
    return (up + target[shared...]).joined(separator: "/")
  }
}
