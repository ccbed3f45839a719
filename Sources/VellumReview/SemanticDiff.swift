import Foundation
import Vellum
import VellumSVG
import VellumScene

/// Describes what changed between two Vellum SVGs in chart terms: series points, labels, axes, legend.
public enum SemanticDiff {
  /// One line per change, e.g. `series-sdpo: 1 point changed at x=10025: y 0.4110 → 0.4500`.
  public static func compare(old: Data, new: Data, oldName: String = "old", newName: String = "new") throws -> [String]
  {
    let before = try SVGDocument.parse(old, name: oldName)
    let after = try SVGDocument.parse(new, name: newName)
    var report: [String] = []
    if before.attributes["width"] != after.attributes["width"]
      || before.attributes["height"] != after.attributes["height"]
    {
      report.append(
        "figure size: \(before.attributes["width"] ?? "?") × \(before.attributes["height"] ?? "?") → "
          + "\(after.attributes["width"] ?? "?") × \(after.attributes["height"] ?? "?")")
    }
    let oldGroups = ChartGroups.read(before)
    let newGroups = ChartGroups.read(after)
    let oldOrder = oldGroups.map(\.id)
    let newOrder = newGroups.map(\.id)
    for id in oldOrder where !newOrder.contains(id) { report.append("\(id): removed") }
    for id in newOrder where !oldOrder.contains(id) { report.append("\(id): added") }
    let oldByID = Dictionary(oldGroups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let newByID = Dictionary(newGroups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for id in newOrder {
      guard let a = oldByID[id], let b = newByID[id] else { continue }
      report += compare(a, b, id: id)
    }
    return report
  }

  private static func compare(_ a: ChartGroups.Group, _ b: ChartGroups.Group, id: String) -> [String] {
    var lines: [String] = []
    if a.texts != b.texts {
      let removed = a.texts.filter { !b.texts.contains($0) }
      let added = b.texts.filter { !a.texts.contains($0) }
      if removed.count == 1 && added.count == 1 {
        lines.append("\(id): \"\(removed[0])\" → \"\(added[0])\"")
      } else if !removed.isEmpty || !added.isEmpty {
        lines.append(
          "\(id): text \(removed.map { "\"\($0)\"" }.joined(separator: ", ")) → \(added.map { "\"\($0)\"" }.joined(separator: ", "))"
        )
      } else {
        lines.append("\(id): text moved")
      }
    }
    if a.paths != b.paths {
      if a.paths.count != b.paths.count {
        lines.append("\(id): \(a.paths.count) → \(b.paths.count) shapes")
      } else {
        for (old, new) in zip(a.paths, b.paths) where old != new {
          if let line = describe(
            path: old, new, id: id, old: a.scales, new: b.scales, dataAnchored: !pageAnchored.contains(b.role))
          {
            lines.append(line)
          }
        }
      }
    }
    if a.paths.count == b.paths.count && a.paints != b.paints {
      // Restyled shapes: say how the first one changed and how many changed.
      let changed = zip(a.paints, b.paints).filter { $0 != $1 }
      let (old, new) = changed[0]
      let names = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
      let change = names.map { "\($0) \(old[$0] ?? "unset") → \(new[$0] ?? "unset")" }.joined(separator: ", ")
      lines.append("\(id): \(change)" + (changed.count > 1 ? " (\(changed.count) shapes)" : ""))
    }
    if a.other != b.other && a.texts == b.texts && a.paths == b.paths { lines.append("\(id): appearance changed") }
    return lines
  }

  /// Groups drawn where the page puts them (the frame, axes, grid, legend, titles), whose points are compared on
  /// the page; every other group draws data, whose points are compared in data units.
  private static let pageAnchored: Set<String> = [
    "frame", "axis", "axes", "grid", "legend", "title", "label", "background", "colorbar", "figure", "panel",
  ]

  /// What changed in a path: its points read in data units, each file's through its own axes (limits that moved
  /// move every point on the page, not in the data); nil when only the axes moved.
  private static func describe(
    path old: String, _ new: String, id: String, old oldScales: (x: AxisMap?, y: AxisMap?),
    new newScales: (x: AxisMap?, y: AxisMap?), dataAnchored: Bool
  ) -> String? {
    // Markers compare by their centres (a moved point, not the curves of its outline).
    let (oldMarkers, newMarkers) = (MarkerShapes.markers(old), MarkerShapes.markers(new))
    let p = oldMarkers.map { $0.map(\.center) } ?? points(old)
    let q = newMarkers.map { $0.map(\.center) } ?? points(new)
    guard p.count == q.count, !p.isEmpty else { return "\(id): \(p.count) → \(q.count) points" }
    // Data positions are the same datum when they agree, each read through its own file's axes, to what a tenth
    // of a point shows on either page: new limits carry an unchanged series across the page.
    func differs(_ a: Double, _ b: Double, _ before: AxisMap?, _ after: AxisMap?) -> Bool {
      guard dataAnchored, let before, let after, before.mapping != after.mapping else { return a != b }
      let (x, y) = (before.value(a), after.value(b))
      return !(abs(x - y) <= max(before.resolution(at: a), after.resolution(at: b)) || x == y)
    }
    let changed = p.indices.filter { i in
      differs(p[i].0, q[i].0, oldScales.x, newScales.x) || differs(p[i].1, q[i].1, oldScales.y, newScales.y)
    }
    if changed.isEmpty {
      let axesMoved = oldScales.x?.mapping != newScales.x?.mapping || oldScales.y?.mapping != newScales.y?.mapping
      return axesMoved ? nil : "\(id): style changed"
    }
    // A frame, legend or title has no data units: say it changed shape on the page.
    guard dataAnchored else {
      return "\(id): redrawn on the page (\(changed.count) point\(changed.count == 1 ? "" : "s") of its shapes moved)"
    }
    func value(_ v: Double, _ map: AxisMap?) -> String {
      map.map { $0.format(v) } ?? String(format: "%.3f", v)
    }
    let shown = changed.prefix(3).map { i -> String in
      let (x0, y0) = p[i]
      let (x1, y1) = q[i]
      let (oldX, newX) = (value(x0, oldScales.x), value(x1, newScales.x))
      if !differs(x0, x1, oldScales.x, newScales.x) {
        return "at x=\(newX): y \(value(y0, oldScales.y)) → \(value(y1, newScales.y))"
      }
      return "(\(oldX), \(value(y0, oldScales.y))) → (\(newX), \(value(y1, newScales.y)))"
    }
    let more = changed.count > 3 ? " …" : ""
    return
      "\(id): \(changed.count) point\(changed.count == 1 ? "" : "s") changed \(shown.joined(separator: "; "))\(more)"
  }

  /// The end points of a path's commands, in page coordinates.
  static func points(_ d: String) -> [(Double, Double)] {
    var numbers: [Double] = []
    var result: [(Double, Double)] = []
    var current = ""
    var command: Character = "M"
    func flushNumber() {
      if let value = Double(current) { numbers.append(value) }
      current = ""
    }
    func flushCommand() {
      flushNumber()
      if numbers.count >= 2 { result.append((numbers[numbers.count - 2], numbers[numbers.count - 1])) }
      numbers = []
    }
    for character in d {
      if "MLCZHV".contains(character) {
        flushCommand()
        command = character
      } else if character == " " {
        flushNumber()
      } else {
        current.append(character)
      }
    }
    flushCommand()
    _ = command
    return result
  }
}
