import Foundation
import VellumDiagnostics
import Yams

/// Applies styles to a spec document before it is decoded. A style is a spec fragment (Templates/styles)
/// plus `description`, `extend` (a base style), `widths` (`column`, `full`) and a default `aspect`.
///
/// Precedence, lowest first: built-in defaults < the style's base styles < the style < the spec's own keys.
/// A style given on the command line (`--style`) instead retargets the figure: its keys win over the
/// spec's, the spec's explicit text sizes give way to the style's, and the width becomes the style's
/// column width with the spec's aspect ratio kept.
public enum StyleResolver {
  static let styleOnlyKeys: Set<String> = ["description", "extend", "widths", "aspect"]

  /// The figure's keys this resolver reads before the figure is decoded.
  static var keys: [SpecKey] {
    // A built-in name, else a path: names ending .yaml/.yml or holding a slash are read as files.
    let builtIn = EmbeddedStyles.files.keys.map { String($0.dropLast(5)) }.sorted()
    return [
      SpecKey(
        "style", .object(["type": "string", "pattern": .string("^(\(builtIn.joined(separator: "|")))$|/|\\.ya?ml$")]),
        "a venue style (\(builtIn.joined(separator: ", "))) or a style file whose settings this spec's own override",
        example: "neurips"),
      SpecKey(
        "aspect", SpecSchema.positive, "the figure's height / width, used when only a width (or a style's) is given",
        default: "the style's, else none", example: "0.618"),
    ]
  }

  struct Style {
    var node: Node
    var widths: [String: Double] = [:]
    var aspect: Double?
    /// The style files read for it, its bases' included (a live preview re-renders when one changes).
    var files: [URL] = []
  }

  /// The names of the built-in styles and their one-line descriptions.
  /// Why `reference` names no style (neither a built-in name nor a style file's path), with the nearest name; nil
  /// when it may name one. The command line checks `--style` with it before reading any spec.
  public static func unknownStyleMessage(_ reference: String) -> String? {
    if EmbeddedStyles.files[reference + ".yaml"] != nil || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
      || reference.contains("/")
    {
      return nil
    }
    let names = catalogue().map(\.name)
    var message = "unknown style '\(reference)'"
    if let suggestion = closestMatch(to: reference, in: names) { message += " (did you mean '\(suggestion)'?)" }
    return message + "; built-in styles: \(names.joined(separator: ", "))"
  }

  static func catalogue() -> [(name: String, description: String)] {
    EmbeddedStyles.files.keys.sorted().compactMap { file in
      guard let text = EmbeddedStyles.files[file], case .mapping(let map)? = try? Yams.compose(yaml: text, .basic)
      else {
        return nil
      }
      let description = map[Node.key("description")]?.string ?? ""
      return (String(file.dropLast(".yaml".count)), description)
    }
  }

  /// Loads a style by built-in name or by path (relative to `directory`), following `extend`.
  static func load(_ reference: String, directory: URL, file: String, seen: [String] = []) throws -> Style {
    guard !seen.contains(reference) else {
      throw VellumError(
        .invalidSpec, "styles extend each other in a loop: \((seen + [reference]).joined(separator: " → "))")
    }
    if let message = unknownStyleMessage(reference) { throw VellumError(.invalidSpec, message) }
    let text: String
    var fileURL: URL?
    if let builtIn = EmbeddedStyles.files[reference + ".yaml"] {
      text = builtIn
    } else {
      let url = reference.hasPrefix("/") ? URL(fileURLWithPath: reference) : directory.appendingPathComponent(reference)
      fileURL = url
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw VellumError(.missingFile, "cannot read style file '\(reference)'")
      }
      // The limits of specs hold for style files too.
      let start = SourceLocation(file: reference, line: 1, column: 1)
      guard data.count <= Limits.specBytes else {
        throw VellumError(.invalidSpec, "the style file is \(data.count) bytes; styles are limited to 1 MiB", at: start)
      }
      guard let contents = String(data: data, encoding: .utf8) else {
        throw VellumError(.syntax, "style file is not valid UTF-8", at: start)
      }
      try Limits.checkNesting(contents, file: reference)
      text = contents
    }
    let composed: Node?
    do {
      composed = try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      // One located line in the style file, as for specs.
      throw SpecLoader.syntaxError(error, file: reference)
    }
    if let composed { try Limits.checkExpansion(composed, file: reference) }
    guard case .mapping(var map)? = composed else {
      throw VellumError(.invalidSpec, "style '\(reference)' is not a mapping of spec keys")
    }
    var style = Style(node: .mapping([:]))
    if let base = map[Node.key("extend")]?.string {
      style = try load(base, directory: directory, file: file, seen: seen + [reference])
    }
    if let url = fileURL { style.files.append(url.standardizedFileURL) }
    if case .mapping(let widths)? = map[Node.key("widths")] {
      for (key, value) in widths {
        guard let name = key.string, let text = value.string, let points = Length.points(text, bareUnit: 72) else {
          throw VellumError(.invalidSpec, "style '\(reference)': widths need lengths such as 3.25in")
        }
        style.widths[name] = points
      }
    }
    if let aspect = map[Node.key("aspect")]?.string.flatMap(Double.init) { style.aspect = aspect }
    for key in styleOnlyKeys { map[Node.key(key)] = nil }
    style.node = merge(base: style.node, over: .mapping(map))
    return style
  }

  /// Mappings merge key by key (recursively); anything else in `over` replaces `base`.
  static func merge(base: Node, over: Node) -> Node {
    guard case .mapping(let baseMap) = base, case .mapping(let overMap) = over else { return over }
    var pairs: [(Node, Node)] = []
    var overKeys = Set<String>()
    for key in overMap.keys { overKeys.insert(key.string ?? "") }
    for (key, value) in baseMap {
      if let replacement = overMap[key] {
        pairs.append((key, merge(base: value, over: replacement)))
      } else if !overKeys.contains(key.string ?? "") {
        pairs.append((key, value))
      }
    }
    let baseKeys = Set(baseMap.keys.compactMap(\.string))
    for (key, value) in overMap where !baseKeys.contains(key.string ?? "") { pairs.append((key, value)) }
    return .mapping(Node.Mapping(pairs, overMap.tag, overMap.style, overMap.mark))
  }

  /// The spec document with its style (and the command line's, if any) applied, and the style files read.
  static func apply(to root: Node, directory: URL, file: String, override: String?) throws -> (
    node: Node, files: [URL]
  ) {
    guard case .mapping(var spec) = root else { return (root, []) }
    var files: [URL] = []
    let named = spec[Node.key("style")]
    spec[Node.key("style")] = nil
    var result = Node.mapping(spec)
    var style: Style?
    if let reference = named?.string {
      do {
        style = try load(reference, directory: directory, file: file)
      } catch var error as VellumError {
        error.location =
          error.location ?? SourceLocation(file: file, line: named?.mark?.line ?? 1, column: named?.mark?.column ?? 1)
        throw error
      }
      result = merge(base: spreadAxes(style!.node, over: result), over: result)
      files += style!.files
    }
    if let override {
      let retarget = try load(override, directory: directory, file: file)
      files += retarget.files
      let ratio = aspectRatio(of: result)
      result = merge(base: withoutTextSizes(result), over: spreadAxes(retarget.node, over: result))
      if case .mapping(var map) = result, let width = retarget.widths["column"] {
        map[Node.key("size")] = nil
        map[Node.key("height")] = nil
        map[Node.key("width")] = Node.key("\(width)pt")
        map[Node.key("aspect")] = Node.key("\(ratio ?? retarget.aspect ?? 0.618)")
        result = .mapping(map)
      }
      style = retarget
    }
    return (try resolveGeometry(result, style: style, file: file), files)
  }

  /// A style's `axes` defaults apply to every panel when the spec lists several.
  private static func spreadAxes(_ style: Node, over spec: Node) -> Node {
    guard case .mapping(var styleMap) = style, let axes = styleMap[Node.key("axes")],
      case .mapping(let specMap) = spec, case .sequence(let panels)? = specMap[Node.key("axes")]
    else { return style }
    styleMap[Node.key("axes")] = .sequence(Node.Sequence(panels.map { _ in axes }))
    return .mapping(styleMap)
  }

  private static func aspectRatio(of node: Node) -> Double? {
    guard case .mapping(let map) = node, case .sequence(let size)? = map[Node.key("size")], size.count == 2,
      let width = size[0].string.flatMap({ Length.points($0, bareUnit: 72) }),
      let height = size[1].string.flatMap({ Length.points($0, bareUnit: 72) }), width > 0
    else { return nil }
    return height / width
  }

  /// Drops explicit font sizes (titles, labels, tick labels, legends) so a retargeting style's apply.
  private static func withoutTextSizes(_ node: Node) -> Node {
    switch node {
    case .mapping(let map):
      var pairs: [(Node, Node)] = []
      for (key, value) in map {
        let name = key.string ?? ""
        if ["label_size", "font_size"].contains(name) { continue }
        if name == "size", case .scalar = value, map[Node.key("text")] != nil { continue }
        pairs.append((key, withoutTextSizes(value)))
      }
      return .mapping(Node.Mapping(pairs, map.tag, map.style, map.mark))
    case .sequence(let sequence):
      return .sequence(Node.Sequence(sequence.map(withoutTextSizes), sequence.tag, sequence.style, sequence.mark))
    default:
      return node
    }
  }

  /// Resolves `width: column|full` from the style and `aspect` into a height.
  private static func resolveGeometry(_ node: Node, style: Style?, file: String) throws -> Node {
    guard case .mapping(var map) = node else { return node }
    let widthKey = Node.key("width")
    if let widthNode = map[widthKey], let name = widthNode.string, ["column", "full"].contains(name) {
      guard let points = style?.widths[name] else {
        throw VellumError(
          .invalidSpec, "width '\(name)' needs a style that defines it (e.g. style: icml)",
          at: SourceLocation(file: file, line: widthNode.mark?.line ?? 1, column: widthNode.mark?.column ?? 1))
      }
      map[widthKey] = .scalar(Node.Scalar("\(points)pt", Node.basicTag(), .plain, widthNode.mark))
    }
    let aspectKey = Node.key("aspect")
    if let node = map[aspectKey], node.string.flatMap(Double.init).map({ !($0 > 0 && $0.isFinite) }) ?? true {
      throw VellumError(
        .invalidSpec, "aspect must be a positive number (height / width)",
        at: SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1))
    }
    let aspect = map[aspectKey]?.string.flatMap(Double.init) ?? style?.aspect
    map[aspectKey] = nil
    if map[Node.key("size")] == nil, map[Node.key("height")] == nil, let aspect,
      let width = map[widthKey]?.string.flatMap({ Length.points($0, bareUnit: 72) }) ?? style?.widths["column"]
    {
      map[widthKey] = map[widthKey] ?? Node.key("\(width)pt")
      map[Node.key("height")] = Node.key("\(width * aspect)pt")
    }
    return .mapping(map)
  }
}
