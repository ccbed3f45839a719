import VellumImage
import VellumScene

/// Turns a scene into SVG text; the single place that decides formatting, attribute order and ids,
/// so the same scene always gives the same bytes.
public enum SVGWriter {
  /// `responsive` writes `width="100%"` and no height, so the figure scales with its container at its aspect ratio
  /// (the viewBox keeps the coordinates); otherwise the size in points. `colorScheme` writes the scene's
  /// ``Scene/darkColors`` as CSS for a reader's dark colour scheme (renderers given the SVG for PDF and PNG get it
  /// without, so those are the light figure to the byte).
  public static func write(
    _ scene: Scene, textMode: TextMode = .fonts, responsive: Bool = false, colorScheme: Bool = true
  ) -> String {
    var state = WriterState(primaryFamily: primaryFamily(scene) ?? "serif", textMode: textMode)
    var body: [String] = []
    for node in scene.nodes { state.write(node, depth: 1, into: &body) }

    let size =
      responsive
      ? "width=\"100%\""
      : "width=\"\(NumberFormat.format(scene.width))pt\" height=\"\(NumberFormat.format(scene.height))pt\""
    let viewBox = "viewBox=\"0 0 \(NumberFormat.format(scene.width)) \(NumberFormat.format(scene.height))\""
    let xlink =
      state.usedGlyphs.isEmpty && !state.hasImages ? "" : #" xmlns:xlink="http://www.w3.org/1999/xlink""#
    let labelledBy = scene.summary == nil ? "svg-title" : "svg-title svg-desc"
    let scheme = colorScheme ? darkSchemeCSS(scene.darkColors) : []
    // Text rules apply under a class named by their content, and the dark-scheme rules under the scheme's class:
    // inline in a page, a figure leaves the page's own elements and the other figures be.
    let textRules = state.classes.css()
    let scope = "vellum-" + ContentID.hex(textRules.joined(separator: "\n"))
    let classes = (textRules.isEmpty ? [] : [scope]) + (scheme.isEmpty ? [] : [darkSchemeClass])
    let schemeClass = classes.isEmpty ? "" : #" class="\#(classes.joined(separator: " "))""#
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      #"<svg xmlns="http://www.w3.org/2000/svg"\#(xlink) version="1.1" \#(size) \#(viewBox)\#(schemeClass) role="img" aria-labelledby="\#(labelledBy)">"#,
      "<title id=\"svg-title\">\(XMLEscaping.text(scene.title))</title>",
    ]
    if let summary = scene.summary { lines.append("<desc id=\"svg-desc\">\(XMLEscaping.text(summary))</desc>") }
    if !state.classes.styles.isEmpty || !scheme.isEmpty {
      lines.append("<style>")
      lines += scene.embeddedFonts.map(FontFaceRule.css).map(XMLEscaping.text)
      lines += textRules.map { XMLEscaping.text(".\(scope) " + $0) }
      lines += scheme.map(XMLEscaping.text)
      lines.append("</style>")
    }
    if !state.usedGlyphs.isEmpty || !state.patterns.isEmpty {
      lines.append("<defs>")
      for ref in state.usedGlyphs.sorted() {
        let outline = scene.glyphOutlines[ref] ?? []
        lines.append(
          " <path id=\"\(GlyphIDs.id(ref))\" d=\"\(PathData.string(outline, scale: GlyphIDs.unitsPerEm))\"/>")
      }
      for index in state.patterns.indices { lines += state.patternElement(at: index) }
      lines.append("</defs>")
    }
    lines += body
    lines.append("</svg>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The root's class when it carries dark-scheme rules.
  static let darkSchemeClass = "vellum-auto"

  /// Rules for a dark colour scheme: each paint written as a `fill` or `stroke` attribute is matched by its value
  /// (CSS outranks presentation attributes), and black, the colour of text that names none, by the root's `fill`,
  /// which such text inherits. Sorted, so the same scene gives the same bytes.
  private static func darkSchemeCSS(_ colors: [RGB: RGB]) -> [String] {
    guard !colors.isEmpty else { return [] }
    let scope = "." + darkSchemeClass
    // Groups that keep their colours (colormap paints) and what they hold are passed over.
    let outsideKept = ":not([data-theme=keep]):not([data-theme=keep] *)"
    var rules = ["@media (prefers-color-scheme:dark){"]
    if let text = colors[.black] { rules.append("svg\(scope){fill:\(text.hex)}") }
    for (light, dark) in colors.map({ ($0.key.hex, $0.value.hex) }).sorted(by: { $0.0 < $1.0 }) {
      rules.append("\(scope) [fill=\"\(light)\"]\(outsideKept){fill:\(dark)}")
      rules.append("\(scope) [stroke=\"\(light)\"]\(outsideKept){stroke:\(dark)}")
    }
    rules.append("}")
    return rules
  }

  /// The family of the most text runs (first seen wins a tie).
  private static func primaryFamily(_ scene: Scene) -> String? {
    var counts: [String: Int] = [:]
    var order: [String] = []
    for run in scene.textNodes.flatMap(\.runs) where run.text != nil {
      if counts[run.font.family] == nil { order.append(run.font.family) }
      counts[run.font.family, default: 0] += 1
    }
    return order.max {
      counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && order.firstIndex(of: $0)! > order.firstIndex(of: $1)!)
    }
  }
}

private struct WriterState {
  var classes: TextClassNames
  let textMode: TextMode
  /// Glyphs drawn as outlines, defined once in `<defs>`.
  private(set) var usedGlyphs: Set<GlyphRef> = []
  /// Images need the xlink namespace for their `xlink:href`.
  private(set) var hasImages = false
  /// Each distinct tile pattern, in order of first use; its content names it (``ContentID``).
  private(set) var patterns: [TilePattern] = []
  /// Each pattern's id, named once when it is first used.
  private var patternIDs: [String] = []
  private var usedIDs: [String: Int] = [:]

  init(primaryFamily: String, textMode: TextMode) {
    classes = TextClassNames(primaryFamily: primaryFamily)
    self.textMode = textMode
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
      let shift = group.translation.map { " transform=\"translate(\(n($0.x)) \(n($0.y)))\"" } ?? ""
      let data =
        group.mapping.map {
          " data-x=\"\(AxisMappingText.encode($0.x))\" data-y=\"\(AxisMappingText.encode($0.y))\""
        } ?? ""
      // A dark colour scheme's rules pass over groups that keep their colours (colormap paints).
      // Its black text names no fill and would inherit the scheme's root fill: the group names black itself.
      let keeps = group.keepsColors ? " data-theme=\"keep\" fill=\"#000000\"" : ""
      lines.append("\(indent)<g id=\"\(id)\" class=\"\(kind)\"\(shift)\(data)\(keeps)>")
      for child in group.children { write(child, depth: depth + 1, into: &lines) }
      lines.append("\(indent)</g>")
    case .clip(let clip):
      let r = clip.rect
      let rect = "<rect x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\"/>"
      // Named by its rectangle: inline beside another figure, one id is one rectangle.
      let id = uniqueID("clip-" + ContentID.hex(rect))
      lines.append("\(indent)<clipPath id=\"\(id)\">\(rect)</clipPath>")
      lines.append("\(indent)<g clip-path=\"url(#\(id))\">")
      for child in clip.children { write(child, depth: depth + 1, into: &lines) }
      lines.append("\(indent)</g>")
    case .path(let path):
      guard let pattern = path.pattern else {
        lines.append(indent + pathElement(path))
        break
      }
      // The fill, then the pattern over it carrying the stroke, as matplotlib draws a hatched patch.
      let index = patterns.firstIndex(of: pattern) ?? patterns.count
      if index == patterns.count {
        patterns.append(pattern)
        patternIDs.append(patternID(pattern))
      }
      var fill = path
      fill.stroke = nil
      fill.pattern = nil
      if let paint = path.fill, paint.opacity > 0 { lines.append(indent + pathElement(fill)) }
      var hatched = path
      hatched.fill = nil
      hatched.pattern = nil
      lines.append(indent + pathElement(hatched, fill: "url(#\(patternIDs[index]))"))
    case .text(let text):
      lines += textElements(text).map { indent + $0 }
    case .image(let image):
      hasImages = true
      let r = image.rect
      // An embedded PNG without a resolution chunk, so its bytes depend only on the pixels. zlib fails only
      // when memory runs out, where Swift's own allocations would trap first.
      let png =
        (try? PNGEncoder.encode(width: image.width, height: image.height, channels: .rgba, dpi: nil) { y, out in
          let start = y * image.width * 4
          for i in 0..<(image.width * 4) { out[i] = image.rgba[start + i] }
        }) ?? []
      lines.append(
        "\(indent)<image x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\" "
          + "preserveAspectRatio=\"none\" image-rendering=\"pixelated\" "
          + "xlink:href=\"data:image/png;base64,\(Base64.encode(png))\"/>")
    }
  }

  private func n(_ value: Double) -> String { NumberFormat.format(value) }

  private func color(_ rgb: RGB) -> String { rgb.hex }

  /// A pattern's tile: its lines stroked and its shapes filled in one paint, repeated from the page's origin.
  func patternElement(at index: Int) -> [String] {
    let pattern = patterns[index]
    return [
      " <pattern id=\"\(patternIDs[index])\" patternUnits=\"userSpaceOnUse\" width=\"\(n(pattern.size))\" "
        + "height=\"\(n(pattern.size))\">"
    ] + patternTile(pattern) + [" </pattern>"]
  }

  /// A pattern's id, from its size and tile (``ContentID``).
  private func patternID(_ pattern: TilePattern) -> String {
    "pattern-" + ContentID.hex(n(pattern.size) + patternTile(pattern).joined())
  }

  private func patternTile(_ pattern: TilePattern) -> [String] {
    var lines: [String] = []
    let opacity = pattern.paint.opacity == 1 ? "" : " stroke-opacity=\"\(n(pattern.paint.opacity))\""
    if !pattern.lines.isEmpty {
      lines.append(
        "  <path d=\"\(PathData.string(pattern.lines))\" fill=\"none\" stroke=\"\(color(pattern.paint.color))\""
          + "\(opacity) stroke-width=\"\(n(pattern.width))\"/>")
    }
    if !pattern.shapes.isEmpty {
      let fillOpacity = pattern.paint.opacity == 1 ? "" : " fill-opacity=\"\(n(pattern.paint.opacity))\""
      lines.append(
        "  <path d=\"\(PathData.string(pattern.shapes))\" fill=\"\(color(pattern.paint.color))\"\(fillOpacity)/>")
    }
    return lines
  }

  /// `server` names a paint server (a pattern) to fill with instead of the path's own fill.
  private func pathElement(_ path: PathNode, fill server: String? = nil) -> String {
    var attributes = ["d=\"\(PathData.string(path.segments))\""]
    // A fill nobody can see (a hollow marker's face) is written as none, not as a colour at zero opacity.
    if let server {
      attributes.append("fill=\"\(server)\"")
    } else if let fill = path.fill, fill.opacity > 0 {
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

  /// Fonts mode: one `<text>` (with a `<tspan>` per run when there are several), plus outlines for
  /// runs without characters and rules. Paths mode: every glyph as a `<use>` of its outline.
  private mutating func textElements(_ text: TextNode) -> [String] {
    let o = text.origin
    let rotation = text.rotation == 0 ? nil : "rotate(\(n(-text.rotation)) \(n(o.x)) \(n(o.y)))"
    var fill: [String] = []
    if text.paint.color != .black { fill.append("fill=\"\(color(text.paint.color))\"") }
    if text.paint.opacity != 1 { fill.append("fill-opacity=\"\(n(text.paint.opacity))\"") }

    var parts: [String] = []
    let textRuns = textMode == .fonts ? text.runs.filter { $0.text != nil } : []
    if !textRuns.isEmpty {
      if textRuns.count == 1, let run = textRuns.first {
        var attributes = ["class=\"\(classes.name(for: run.font))\""]
        attributes += ["x=\"\(n(o.x + run.offset.x))\"", "y=\"\(n(o.y + run.offset.y))\""]
        parts.append(
          "<text \(attributes.joined(separator: " "))\(preserve(run.text!))>\(XMLEscaping.text(run.text!))</text>")
      } else {
        let spans = textRuns.map { run in
          "<tspan class=\"\(classes.name(for: run.font))\" x=\"\(n(o.x + run.offset.x))\" y=\"\(n(o.y + run.offset.y))\"\(preserve(run.text!))>"
            + "\(XMLEscaping.text(run.text!))</tspan>"
        }
        parts.append("<text>\(spans.joined())</text>")
      }
    }
    for run in text.runs where textMode == .paths || run.text == nil {
      let scale = run.font.size / GlyphIDs.unitsPerEm
      for glyph in run.glyphs {
        let ref = GlyphRef(face: run.face, id: glyph.id)
        usedGlyphs.insert(ref)
        let x = o.x + run.offset.x + glyph.x
        let y = o.y + run.offset.y + glyph.y
        parts.append(
          "<use xlink:href=\"#\(GlyphIDs.id(ref))\" transform=\"matrix(\(n(scale)) 0 0 \(n(scale)) \(n(x)) \(n(y)))\"/>"
        )
      }
    }
    for rule in text.rules {
      let r = Rect(x: o.x + rule.x, y: o.y + rule.y, width: rule.width, height: rule.height)
      parts.append("<path d=\"M\(n(r.minX)) \(n(r.minY))H\(n(r.maxX))V\(n(r.maxY))H\(n(r.minX))Z\"/>")
    }
    guard !parts.isEmpty else { return [] }
    if parts.count == 1 && parts[0].hasPrefix("<text") {
      var element = parts[0]
      let extra = fill + (rotation.map { ["transform=\"\($0)\""] } ?? [])
      if !extra.isEmpty { element = "<text " + extra.joined(separator: " ") + element.dropFirst("<text".count) }
      return [element]
    }
    var group = ["class=\"label\""]
    if textMode == .paths { group.append("aria-label=\"\(XMLEscaping.attribute(text.plainText))\"") }
    group += fill
    if let rotation { group.append("transform=\"\(rotation)\"") }
    return ["<g \(group.joined(separator: " "))>"] + parts.map { " " + $0 } + ["</g>"]
  }

  /// Keeps leading, trailing and doubled spaces, which SVG would otherwise collapse.
  private func preserve(_ text: String) -> String {
    let shown = XMLEscaping.text(text)
    return shown.hasPrefix(" ") || shown.hasSuffix(" ") || shown.contains("  ") ? " xml:space=\"preserve\"" : ""
  }
}
