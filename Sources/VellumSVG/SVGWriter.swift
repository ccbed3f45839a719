import VellumScene

/// Turns a scene into SVG text; the single place that decides formatting, attribute order and ids,
/// so the same scene always gives the same bytes.
public enum SVGWriter {
  public static func write(_ scene: Scene) -> String {
    var state = WriterState(primaryFamily: primaryFamily(scene.nodes) ?? "serif")
    var body: [String] = []
    for node in scene.nodes { state.write(node, depth: 1, into: &body) }

    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      #"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\#(NumberFormat.format(scene.width))pt" height="\#(NumberFormat.format(scene.height))pt" viewBox="0 0 \#(NumberFormat.format(scene.width)) \#(NumberFormat.format(scene.height))">"#,
    ]
    if !state.classes.styles.isEmpty {
      lines.append("<style>")
      lines += state.classes.css().map(XMLEscaping.text)
      lines.append("</style>")
    }
    lines += body
    lines.append("</svg>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The family of the most text spans (first seen wins a tie).
  private static func primaryFamily(_ nodes: [SceneNode]) -> String? {
    var counts: [String: Int] = [:]
    var order: [String] = []
    func visit(_ node: SceneNode) {
      switch node {
      case .group(let group): group.children.forEach(visit)
      case .clip(let clip): clip.children.forEach(visit)
      case .path: break
      case .text(let text):
        for span in text.spans {
          if counts[span.font.family] == nil { order.append(span.font.family) }
          counts[span.font.family, default: 0] += 1
        }
      }
    }
    nodes.forEach(visit)
    return order.max {
      counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && order.firstIndex(of: $0)! > order.firstIndex(of: $1)!)
    }
  }
}

private struct WriterState {
  var classes: TextClassNames
  private var usedIDs: [String: Int] = [:]
  private var groupIDs: [String] = []

  init(primaryFamily: String) {
    classes = TextClassNames(primaryFamily: primaryFamily)
  }

  /// A document-unique id from a role: the first use keeps the role, later ones get `-2`, `-3`…
  mutating func uniqueID(_ role: String) -> String {
    let base = Self.sanitize(role)
    let count = usedIDs[base, default: 0] + 1
    usedIDs[base] = count
    return count == 1 ? base : "\(base)-\(count)"
  }

  static func sanitize(_ role: String) -> String {
    var id = ""
    for scalar in role.unicodeScalars {
      let ok =
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        || scalar == "-" || scalar == "_"
      id.unicodeScalars.append(ok ? scalar : "-")
    }
    if id.isEmpty || !(id.unicodeScalars.first.map { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } ?? false) {
      id = "g-" + id
    }
    return id
  }

  mutating func write(_ node: SceneNode, depth: Int, into lines: inout [String]) {
    let indent = String(repeating: " ", count: depth)
    switch node {
    case .group(let group):
      let id = uniqueID(group.role)
      let kind = Self.sanitize(String(group.role.split(separator: "-").first ?? Substring(group.role)))
      lines.append("\(indent)<g id=\"\(id)\" class=\"\(kind)\">")
      groupIDs.append(id)
      for child in group.children { write(child, depth: depth + 1, into: &lines) }
      groupIDs.removeLast()
      lines.append("\(indent)</g>")
    case .clip(let clip):
      let id = uniqueID("clip-" + (groupIDs.last ?? "figure"))
      let r = clip.rect
      lines.append(
        "\(indent)<clipPath id=\"\(id)\"><rect x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\"/></clipPath>"
      )
      lines.append("\(indent)<g clip-path=\"url(#\(id))\">")
      for child in clip.children { write(child, depth: depth + 1, into: &lines) }
      lines.append("\(indent)</g>")
    case .path(let path):
      lines.append(indent + pathElement(path))
    case .text(let text):
      lines.append(indent + textElement(text))
    }
  }

  private func n(_ value: Double) -> String { NumberFormat.format(value) }

  private func color(_ rgb: RGB) -> String {
    let channels = [rgb.red, rgb.green, rgb.blue].map { Int((min(max($0, 0), 1) * 255).rounded()) }
    return "#"
      + channels.map { value in
        let digits = String(value, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
      }.joined()
  }

  private func pathData(_ segments: [PathSegment]) -> String {
    var d = ""
    for segment in segments {
      switch segment {
      case .move(let p): d += "M\(n(p.x)) \(n(p.y))"
      case .line(let p): d += "L\(n(p.x)) \(n(p.y))"
      case .cubic(let c1, let c2, let p): d += "C\(n(c1.x)) \(n(c1.y)) \(n(c2.x)) \(n(c2.y)) \(n(p.x)) \(n(p.y))"
      case .close: d += "Z"
      }
    }
    return d
  }

  private func pathElement(_ path: PathNode) -> String {
    var attributes = ["d=\"\(pathData(path.segments))\""]
    if let fill = path.fill {
      attributes.append("fill=\"\(color(fill.color))\"")
      if fill.opacity != 1 { attributes.append("fill-opacity=\"\(n(fill.opacity))\"") }
    } else {
      attributes.append("fill=\"none\"")
    }
    if let stroke = path.stroke {
      attributes.append("stroke=\"\(color(stroke.paint.color))\"")
      if stroke.paint.opacity != 1 { attributes.append("stroke-opacity=\"\(n(stroke.paint.opacity))\"") }
      attributes.append("stroke-width=\"\(n(stroke.width))\"")
      if stroke.cap != .butt { attributes.append("stroke-linecap=\"\(stroke.cap.rawValue)\"") }
      if stroke.join != .miter { attributes.append("stroke-linejoin=\"\(stroke.join.rawValue)\"") }
      if !stroke.dashes.isEmpty {
        attributes.append("stroke-dasharray=\"\(stroke.dashes.map(n).joined(separator: " "))\"")
        if stroke.dashOffset != 0 { attributes.append("stroke-dashoffset=\"\(n(stroke.dashOffset))\"") }
      }
    }
    return "<path \(attributes.joined(separator: " "))/>"
  }

  private mutating func textElement(_ text: TextNode) -> String {
    var attributes: [String] = []
    let single = text.spans.count == 1 ? text.spans.first : nil
    if let single { attributes.append("class=\"\(classes.name(for: single.font))\"") }
    attributes.append("x=\"\(n(text.origin.x))\"")
    attributes.append("y=\"\(n(text.origin.y))\"")
    if text.anchor != .start { attributes.append("text-anchor=\"\(text.anchor.rawValue)\"") }
    if text.paint.color != .black { attributes.append("fill=\"\(color(text.paint.color))\"") }
    if text.paint.opacity != 1 { attributes.append("fill-opacity=\"\(n(text.paint.opacity))\"") }
    if text.rotation != 0 {
      attributes.append("transform=\"rotate(\(n(-text.rotation)) \(n(text.origin.x)) \(n(text.origin.y)))\"")
    }
    let needsPreserve = text.spans.contains {
      $0.text.hasPrefix(" ") || $0.text.hasSuffix(" ") || $0.text.contains("  ")
    }
    if needsPreserve { attributes.append("xml:space=\"preserve\"") }
    let content: String
    if let single {
      content = XMLEscaping.text(single.text)
    } else {
      content = text.spans.map { span in
        "<tspan class=\"\(classes.name(for: span.font))\">\(XMLEscaping.text(span.text))</tspan>"
      }.joined()
    }
    return "<text \(attributes.joined(separator: " "))>\(content)</text>"
  }
}
