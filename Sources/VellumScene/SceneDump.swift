/// An indented, human-readable listing of a scene, used as a second golden beside the SVG.
public enum SceneDump {
  public static func render(_ scene: Scene) -> String {
    var lines = ["scene \(number(scene.width))x\(number(scene.height))pt"]
    for node in scene.nodes { dump(node, depth: 1, into: &lines) }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func dump(_ node: SceneNode, depth: Int, into lines: inout [String]) {
    let indent = String(repeating: "  ", count: depth)
    switch node {
    case .group(let group):
      lines.append("\(indent)group \(group.role)" + (group.translation.map { " at \(point($0))" } ?? ""))
      for child in group.children { dump(child, depth: depth + 1, into: &lines) }
    case .clip(let clip):
      lines.append("\(indent)clip \(rect(clip.rect))")
      for child in clip.children { dump(child, depth: depth + 1, into: &lines) }
    case .path(let path):
      lines.append("\(indent)path \(describe(path))")
    case .image(let image):
      // A checksum stands for the pixels, so a changed cell shows as a changed line.
      let sum = image.rgba.enumerated().reduce(UInt64(0)) { $0 &* 31 &+ UInt64($1.element) &+ UInt64($1.offset & 0xff) }
      lines.append("\(indent)image \(image.width)x\(image.height) px over \(rect(image.rect)) sum \(sum)")
    case .text(let text):
      var line = "\(indent)text at \(point(text.origin))"
      if text.rotation != 0 { line += " rotated \(number(text.rotation))" }
      lines.append(line)
      for run in text.runs {
        var style = "\(run.font.family) \(number(run.font.size))"
        if run.font.bold { style += " bold" }
        if run.font.italic { style += " italic" }
        let content =
          run.text.map { "\"\($0)\"" } ?? "glyphs \(run.glyphs.map { String($0.id) }.joined(separator: ","))"
        lines.append("\(indent)  \(content) [\(style)] at \(point(run.offset))")
      }
      for rule in text.rules { lines.append("\(indent)  rule \(rect(rule))") }
    }
  }

  private static func describe(_ path: PathNode) -> String {
    var points: [Point] = []
    var subpaths = 0
    for segment in path.segments {
      switch segment {
      case .move(let p):
        points.append(p)
        subpaths += 1
      case .line(let p): points.append(p)
      case .cubic(_, _, let p): points.append(p)
      case .close: break
      }
    }
    var parts: [String] = []
    if points.count <= 4 {
      parts.append(points.map(point).joined(separator: " "))
    } else {
      let xs = points.map(\.x)
      let ys = points.map(\.y)
      parts.append(
        "\(points.count) points in \(subpaths) subpath\(subpaths == 1 ? "" : "s") within "
          + "[\(number(xs.min()!)), \(number(ys.min()!))]-[\(number(xs.max()!)), \(number(ys.max()!))]")
    }
    if path.segments.contains(.close) { parts.append("closed") }
    if let fill = path.fill { parts.append("fill \(paint(fill))") }
    if let pattern = path.pattern {
      parts.append(
        "pattern \(number(pattern.size))pt \(pattern.lines.filter { $0 != .close }.count / 2) lines "
          + "\(pattern.shapes.filter { if case .move = $0 { true } else { false } }.count) shapes "
          + "\(paint(pattern.paint)) width \(number(pattern.width))")
    }
    if let stroke = path.stroke {
      var text = "stroke \(paint(stroke.paint)) width \(number(stroke.width))"
      if !stroke.dashes.isEmpty { text += " dash \(stroke.dashes.map(number).joined(separator: ","))" }
      parts.append(text)
    }
    return parts.joined(separator: " ")
  }

  private static func paint(_ paint: Paint) -> String {
    paint.opacity == 1 ? paint.color.hex : "\(paint.color.hex)@\(number(paint.opacity))"
  }

  private static func point(_ p: Point) -> String { "(\(number(p.x)), \(number(p.y)))" }

  private static func rect(_ r: Rect) -> String {
    "[\(number(r.minX)), \(number(r.minY))]-[\(number(r.maxX)), \(number(r.maxY))]"
  }

  /// Two decimals are enough to read a layout and keep the dump stable.
  private static func number(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(rounded)
  }
}
