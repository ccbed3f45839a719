import Foundation
import Vellum

/// Compares committed outputs with what their spec and data give now (`vellum check`).
public enum StaleCheck {
  public enum Status: Equatable {
    case upToDate
    case differs
    case missing
  }

  /// Every expected output file of `specPath` and whether it is current.
  public static func check(
    specPath: String, outputFolder: URL?, formats: [OutputFormat], renderer: FigureRenderer = FigureRenderer()
  ) throws -> [(file: URL, status: Status)] {
    let outputs = try renderer.render(specPath: specPath, formats: formats)
    let spec = URL(fileURLWithPath: specPath)
    let folder = outputFolder ?? spec.deletingLastPathComponent()
    let base = spec.deletingPathExtension().lastPathComponent
    return formats.map { format in
      let file = folder.appendingPathComponent("\(base).\(format.rawValue)")
      guard let committed = FileManager.default.contents(atPath: file.path) else { return (file, .missing) }
      return (file, Array(committed) == outputs[format]! ? .upToDate : .differs)
    }
  }
}
