import Foundation
import VellumSVG

/// A Vellum SVG described in chart terms, one fact a line, for `git diff` (`vellum textconv`): the figure's size, each
/// axes' scales and limits, every text, and each mark's shapes with their points in data units at the precision the
/// page shows. Each line starts with its group's id, so a changed point reads as `series-loss: (2, 0.25)`.
public enum ChartDescription {
  /// Groups that frame the data rather than draw it: their texts are listed, their shapes only counted.
  static let guides: Set<String> = [
    "background", "axes", "frame", "axis", "grid", "legend", "title", "colorbar", "figure", "panel", "inset",
  ]

  public static func lines(of svg: Data, name: String) throws -> [String] {
    let root = try SVGDocument.parse(svg, name: name)
    var lines = ["figure \(root.attributes["width"] ?? "?") × \(root.attributes["height"] ?? "?")"]
    for group in ChartGroups.read(root) {
      let id = group.id
      if group.role == "axes" {
        for (axis, map) in [("x", group.scales.x), ("y", group.scales.y)] {
          guard let map else { continue }
          lines.append(
            "\(id): \(axis) \(map.kind) \(AxisMap.limit(map.mapping.low)) … \(AxisMap.limit(map.mapping.high))")
        }
      }
      for text in group.texts { lines.append("\(id): text \"\(text)\"") }
      if guides.contains(group.role) || group.scales.x == nil || group.scales.y == nil {
        if !group.paths.isEmpty {
          lines.append("\(id): \(group.paths.count) shape\(group.paths.count == 1 ? "" : "s")")
        }
        continue
      }
      var painted: String?
      for (index, path) in group.paths.enumerated() {
        // The paint once for a run of shapes that share it (a scatter's markers, a histogram's bars).
        let paint = paint(group.paints[index])
        if paint != painted { lines.append("\(id): paint \(paint)") }
        painted = paint
        // A marker reads as where it is and how big; a line or an outline as each point it passes.
        if let markers = MarkerShapes.markers(path, single: group.role == "scatter") {
          for marker in markers {
            let size = String(format: "%.1f", marker.size)
            lines.append("\(id): marker at \(coordinates(marker.center, group.scales)) size \(size)pt")
          }
        } else {
          lines.append("\(id): shape \(index + 1)")
          for point in SemanticDiff.points(path) { lines.append("\(id):   \(coordinates(point, group.scales))") }
        }
      }
      for other in group.other { lines.append("\(id): \(other)") }
    }
    return lines
  }

  private static func coordinates(_ point: (Double, Double), _ scales: (x: AxisMap?, y: AxisMap?)) -> String {
    "(\(scales.x?.format(point.0) ?? "?"), \(scales.y?.format(point.1) ?? "?"))"
  }

  /// The paint attributes that tell one series from another, in a fixed order.
  private static func paint(_ attributes: [String: String]) -> String {
    ["fill", "stroke", "stroke-width", "stroke-dasharray", "fill-opacity", "stroke-opacity", "opacity"].compactMap {
      name in attributes[name].map { "\(name)=\($0)" }
    }.joined(separator: " ")
  }
}
