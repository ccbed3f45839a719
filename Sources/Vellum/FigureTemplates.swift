import Foundation

/// Figure templates for `vellum new`: a spec and sample data that render without edits.
public enum FigureTemplates {
  /// The names `vellum new` accepts, sorted.
  public static var names: [String] {
    EmbeddedTemplates.files.keys.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// `NAME.yaml` and `NAME.csv` from `template`, the spec pointing at its data file.
  public static func scaffold(_ template: String, name: String) throws -> [(name: String, text: String)] {
    guard let spec = EmbeddedTemplates.files[template + ".yaml"], let data = EmbeddedTemplates.files[template + ".csv"]
    else {
      throw VellumError(.invalidSpec, "unknown template '\(template)' (templates: \(names.joined(separator: ", ")))")
    }
    guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
      throw VellumError(.invalidSpec, "a figure name is a plain file name, without folders")
    }
    return [(name + ".yaml", spec.replacingOccurrences(of: "{{data}}", with: name + ".csv")), (name + ".csv", data)]
  }
}
