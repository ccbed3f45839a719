import ArgumentParser
import Foundation
import Vellum
import VellumReview

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Exit non-zero, listing the files, when committed outputs differ from what their specs give now.",
    discussion: "Exit status: 0 all outputs current, 1 some stale or missing (or an input error), 3 render error.")

  @Argument(help: "Spec files (YAML or JSON).")
  var specs: [String]

  @Option(help: "Folder holding the outputs (default: each spec's folder).")
  var out: String?

  @Option(help: "Comma-separated formats to check: svg, pdf, png.")
  var format: String = "svg,pdf,png"

  @Option(help: "PNG resolution the outputs were rendered at.")
  var dpi: Double = 300

  func validate() throws {
    guard dpi > 0, dpi <= 2400 else { throw ValidationError("--dpi must be between 1 and 2400") }
  }

  func run() throws {
    let formats: [OutputFormat]
    do { formats = try OutputFormat.parseList(format) } catch { throw ValidationError("\(error)") }
    var stale = 0
    for spec in specs {
      do {
        let results = try StaleCheck.check(
          specPath: spec, outputFolder: out.map { URL(fileURLWithPath: $0) }, formats: formats,
          renderer: FigureRenderer(dpi: dpi))
        for (file, status) in results where status != .upToDate {
          stale += 1
          print("\(status == .missing ? "missing" : "stale"): \(file.path)")
        }
      } catch {
        fail(error)
      }
    }
    if stale > 0 {
      FileHandle.standardError.write(Data("\(stale) output file(s) out of date; run vellum render\n".utf8))
      throw ExitCode(1)
    }
  }
}
