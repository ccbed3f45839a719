import Foundation
import VellumData

/// Writes each layer's final data (after every transform) as CSV, so users can check what is plotted.
public enum LayerDataExport {
  /// File names and CSV text, one file per data-reading layer: `<spec>.layer-<n>.csv`
  /// (`<spec>.panel-<p>.layer-<n>.csv` when the figure has several panels).
  public static func files(specPath path: String) throws -> [(name: String, text: String)] {
    let data = try DataLoader.load(try Figure(contentsOf: path).spec)
    let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    var files: [(String, String)] = []
    for (panel, layers) in data.enumerated() {
      for (index, layer) in layers.enumerated() {
        guard case .series(let series) = layer, let first = series.first else { continue }
        let prefix = data.count > 1 ? "\(base).panel-\(panel + 1)" : base
        let grouped = series.contains { $0.name != nil }
        let roles = first.values.keys.sorted { ($0 == "y" ? "" : $0) < ($1 == "y" ? "" : $1) }
        var lines = [((grouped ? ["group"] : []) + ["x"] + roles).map(csvField).joined(separator: ",")]
        for item in series {
          for row in 0..<item.x.count {
            var fields: [String] = grouped ? [item.name ?? ""] : []
            switch item.x {
            case .numeric(let values): fields.append(number(values[row]))
            case .categorical(let values): fields.append(values[row])
            }
            fields += roles.map { number(item.values[$0]![row]) }
            lines.append(fields.map(csvField).joined(separator: ","))
          }
        }
        files.append(("\(prefix).layer-\(index + 1).csv", lines.joined(separator: "\n") + "\n"))
      }
    }
    return files
  }

  /// Shortest text that reads back as the same Double; NaN (a gap) as an empty field.
  private static func number(_ value: Double) -> String {
    value.isNaN ? "" : "\(value)"
  }

  private static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
