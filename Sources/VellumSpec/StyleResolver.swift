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

  /// Why a style given on the command line (`--style`) cannot be used: an unknown name, or a file that cannot be
  /// read from the current directory; nil when it can.
  public static func argumentMessage(_ reference: String) -> String? {
    if let message = unknownStyleMessage(reference) { return message }
    guard EmbeddedStyles.files[reference + ".yaml"] == nil else { return nil }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: reference, isDirectory: &isDirectory), !isDirectory.boolValue,
      FileManager.default.isReadableFile(atPath: reference)
    else { return "cannot read style file '\(reference)'" }
    return nil
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

  /// The style files read for one spec, by the names errors give them; a style file's nodes are tagged with its
  /// number in this list (``StyleOrigin``).
  struct Reading {
    var names: [String] = []
  }

  /// The name of a style file `reference` in a folder shown as `folder`: as written when absolute, else joined on.
  private static func shownPath(_ reference: String, in folder: String) -> String {
    let path =
      reference.hasPrefix("/") || folder.isEmpty ? reference : (folder as NSString).appendingPathComponent(reference)
    return path.hasPrefix("/") ? (path as NSString).standardizingPath : path
  }

  /// Where a node of the document stands, whichever file (spec or style) it was written in.
  private static func location(_ node: Node?, file: String, reading: Reading) -> SourceLocation {
    StyleOrigin.location(node?.mark, file: file, styles: reading.names)
  }

  /// An `aspect` (height / width), in a spec or a style: a positive number, else an error at it.
  private static func aspect(_ node: Node, file: String, reading: Reading) throws -> Double {
    guard let aspect = node.string.flatMap(Double.init), aspect > 0, aspect.isFinite else {
      throw VellumError(
        .invalidSpec, "aspect must be a positive number (height / width)",
        at: location(node, file: file, reading: reading))
    }
    return aspect
  }

  /// A style reference (`style:` or `extend:`): nil when left out or null, else a name or path; anything else is an
  /// error at it.
  private static func reference(_ node: Node?, key: String, file: String, reading: Reading) throws -> String? {
    guard let node else { return nil }
    guard case .scalar(let scalar) = node else {
      let kind: String
      switch node {
      case .mapping: kind = "a mapping"
      case .sequence: kind = "a list"
      default: kind = "an alias"
      }
      throw VellumError(
        .invalidSpec, "expected \(key): a style name or a style file's path, found \(kind)",
        at: location(node, file: file, reading: reading))
    }
    if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
    return scalar.string
  }

  /// Loads a style by built-in name or by path (relative to `directory`, shown in messages as in `folder`),
  /// following `extend` (relative to the style file's own folder).
  static func load(
    _ reference: String, directory: URL, folder: String, reading: inout Reading, seen: [String] = []
  ) throws -> Style {
    guard !seen.contains(reference) else {
      throw VellumError(
        .invalidSpec, "styles extend each other in a loop: \((seen + [reference]).joined(separator: " → "))")
    }
    if let message = unknownStyleMessage(reference) { throw VellumError(.invalidSpec, message) }
    let text: String
    var fileURL: URL?
    var shown = reference
    if let builtIn = EmbeddedStyles.files[reference + ".yaml"] {
      text = builtIn
    } else {
      let url = reference.hasPrefix("/") ? URL(fileURLWithPath: reference) : directory.appendingPathComponent(reference)
      fileURL = url
      shown = shownPath(reference, in: folder)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw VellumError(.missingFile, "cannot read style file '\(shown)'")
      }
      // The limits of specs hold for style files too.
      let start = SourceLocation(file: shown, line: 1, column: 1)
      guard data.count <= Limits.specBytes else {
        throw VellumError(.invalidSpec, "the style file is \(data.count) bytes; styles are limited to 1 MiB", at: start)
      }
      guard let contents = String(data: data, encoding: .utf8) else {
        throw VellumError(.syntax, "style file is not valid UTF-8", at: start)
      }
      try Limits.checkNesting(contents, file: shown)
      text = contents
    }
    var composed: Node?
    do {
      composed = try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      // One located line in the style file, as for specs.
      throw SpecLoader.syntaxError(error, file: shown)
    }
    if let node = composed {
      try Limits.checkExpansion(node, file: shown)
      if fileURL != nil {
        reading.names.append(shown)
        composed = StyleOrigin.tagging(node, origin: reading.names.count)
      }
    }
    guard case .mapping(var map)? = composed else {
      throw VellumError(
        .invalidSpec, "style '\(shown)' is not a mapping of spec keys",
        at: fileURL == nil ? nil : SourceLocation(file: shown, line: 1, column: 1))
    }
    let file = fileURL == nil ? "" : shown
    var style = Style(node: .mapping([:]))
    let extendNode = map[Node.key("extend")]
    if let base = try self.reference(extendNode, key: "extend", file: file, reading: reading) {
      do {
        style = try load(
          base, directory: fileURL?.deletingLastPathComponent() ?? directory,
          folder: fileURL == nil ? folder : (shown as NSString).deletingLastPathComponent, reading: &reading,
          seen: seen + [reference])
      } catch var error as VellumError {
        if fileURL != nil { error.location = error.location ?? location(extendNode, file: file, reading: reading) }
        throw error
      }
    }
    if let url = fileURL { style.files.append(url.standardizedFileURL) }
    if let widthsNode = map[Node.key("widths")] {
      guard case .mapping(let widths) = widthsNode else {
        throw VellumError(
          .invalidSpec, "style '\(shown)': widths need a mapping such as {column: 3.25in, full: 6.75in}",
          at: location(widthsNode, file: file, reading: reading))
      }
      for (key, value) in widths {
        guard let name = key.string, let text = value.string, let points = Length.points(text, bareUnit: 72),
          points > 0, points.isFinite
        else {
          throw VellumError(
            .invalidSpec, "style '\(shown)': widths need lengths such as 3.25in",
            at: location(value, file: file, reading: reading))
        }
        style.widths[name] = points
      }
    }
    if let aspectNode = map[Node.key("aspect")] { style.aspect = try aspect(aspectNode, file: file, reading: reading) }
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

  /// A style's keys merged with a spec's, the style's winning when `styleWins` (a retarget) and the spec's
  /// otherwise. A style's `axes` mapping applies to each panel when the spec lists several.
  private static func combine(style: Node, spec: Node, styleWins: Bool) -> Node {
    func merged(_ style: Node, _ spec: Node) -> Node {
      styleWins ? merge(base: spec, over: style) : merge(base: style, over: spec)
    }
    guard case .mapping(var styleMap) = style, let axes = styleMap[Node.key("axes")],
      case .mapping(var specMap) = spec, case .sequence(let panels)? = specMap[Node.key("axes")]
    else { return merged(style, spec) }
    styleMap[Node.key("axes")] = nil
    let perPanel = Node.Sequence(panels.map { merged(axes, $0) }, panels.tag, panels.style, panels.mark)
    specMap[Node.key("axes")] = nil
    guard case .mapping(var result) = merged(.mapping(styleMap), .mapping(specMap)) else { return spec }
    result[Node.key("axes")] = .sequence(perPanel)
    return .mapping(result)
  }

  /// The spec document with its style (and the command line's, if any) applied, the style files read, and the
  /// names messages give them (``StyleOrigin``). A relative `override` path is read from the current directory.
  static func apply(to root: Node, directory: URL, file: String, override: String?, grammar: Grammar) throws -> (
    node: Node, files: [URL], names: [String]
  ) {
    guard case .mapping(var spec) = root else { return (root, [], []) }
    var reading = Reading()
    var files: [URL] = []
    let named = spec[Node.key("style")]
    spec[Node.key("style")] = nil
    var result = Node.mapping(spec)
    var style: Style?
    if let reference = try reference(named, key: "style", file: file, reading: reading) {
      do {
        style = try load(
          reference, directory: directory, folder: (file as NSString).deletingLastPathComponent, reading: &reading)
      } catch var error as VellumError {
        error.location = error.location ?? location(named, file: file, reading: reading)
        throw error
      }
      result = combine(style: style!.node, spec: result, styleWins: false)
      files += style!.files
    }
    if let override {
      let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
      let retarget = try load(override, directory: here, folder: "", reading: &reading)
      files += retarget.files
      let ratio = aspectRatio(of: result)
      // A style that sets text (a venue, matplotlib's look) resizes the spec's text; an overlay (colorblind,
      // grayscale) changes colours and leaves sizes and the venue's geometry alone.
      let setsText: Bool
      if case .mapping(let map) = retarget.node { setsText = map[Node.key("font")] != nil } else { setsText = false }
      result = combine(
        style: retarget.node, spec: setsText ? withoutTextSizes(result, grammar: grammar) : result, styleWins: true)
      if case .mapping(var map) = result, let width = retarget.widths["column"] {
        map[Node.key("size")] = nil
        map[Node.key("height")] = nil
        map[Node.key("width")] = Node.key("\(width)pt")
        map[Node.key("aspect")] = Node.key("\(ratio ?? retarget.aspect ?? 0.618)")
        result = .mapping(map)
      }
      if !retarget.widths.isEmpty || retarget.aspect != nil { style = retarget }
    }
    return (try resolveGeometry(result, style: style, file: file, reading: reading), files, reading.names)
  }

  private static func aspectRatio(of node: Node) -> Double? {
    guard case .mapping(let map) = node, case .sequence(let size)? = map[Node.key("size")], size.count == 2,
      let width = size[0].string.flatMap({ Length.points($0, bareUnit: 72) }),
      let height = size[1].string.flatMap({ Length.points($0, bareUnit: 72) }), width > 0
    else { return nil }
    return height / width
  }

  /// The keys that hold a text size, read from the declarations (the schema): `names` are keys that are a size
  /// wherever they stand (`label_size`, `title_size`, …), `sizeParents` the keys whose `size` is a text size (a
  /// `title`, a `text` layer, `value_labels`). A lint threshold (`lint.min_text_size`) is not a text size.
  struct TextSizeKeys {
    var names: Set<String> = []
    var sizeParents: Set<String> = []

    init(grammar: Grammar) {
      visit(SpecSchema.document(grammar: grammar), parent: nil)
      names.remove("size")
      names.remove("min_text_size")
    }

    private static func isFontSize(_ schema: JSONValue) -> Bool {
      guard case .object(let fields) = schema else { return false }
      if case .array(let options)? = fields["anyOf"] { return options.contains(where: isFontSize) }
      guard case .object(let bounds) = SpecSchema.fontSize else { return false }
      return fields["type"] == bounds["type"] && fields["exclusiveMinimum"] == bounds["exclusiveMinimum"]
        && fields["maximum"] == bounds["maximum"]
    }

    private mutating func visit(_ schema: JSONValue, parent: String?) {
      switch schema {
      case .object(let fields):
        if case .object(let properties)? = fields["properties"] {
          for (name, property) in properties {
            if Self.isFontSize(property) {
              names.insert(name)
              if name == "size", let parent { sizeParents.insert(parent) }
            }
            visit(property, parent: name)
          }
        }
        for (name, value) in fields where name != "properties" { visit(value, parent: parent) }
      case .array(let items):
        for item in items { visit(item, parent: parent) }
      default:
        break
      }
    }
  }

  /// Drops explicit text sizes (titles, labels, tick labels, legends, value labels) so a retargeting style's apply.
  private static func withoutTextSizes(_ node: Node, grammar: Grammar) -> Node {
    let keys = TextSizeKeys(grammar: grammar)
    func strip(_ node: Node, parent: String?) -> Node {
      switch node {
      case .mapping(let map):
        var pairs: [(Node, Node)] = []
        for (key, value) in map {
          let name = key.string ?? ""
          if keys.names.contains(name) { continue }
          if name == "size", case .scalar = value, let parent, keys.sizeParents.contains(parent) { continue }
          // A figure's lint thresholds are checks, not text.
          pairs.append((key, name == "lint" ? value : strip(value, parent: name)))
        }
        return .mapping(Node.Mapping(pairs, map.tag, map.style, map.mark))
      case .sequence(let sequence):
        return .sequence(
          Node.Sequence(sequence.map { strip($0, parent: parent) }, sequence.tag, sequence.style, sequence.mark))
      default:
        return node
      }
    }
    return strip(node, parent: nil)
  }

  /// Resolves `width: column|full` from the style and `aspect` (or the style's) into a height; a height given
  /// alone keeps the style's column width.
  private static func resolveGeometry(_ node: Node, style: Style?, file: String, reading: Reading) throws -> Node {
    guard case .mapping(var map) = node else { return node }
    let widthKey = Node.key("width")
    if let widthNode = map[widthKey], let name = widthNode.string, ["column", "full"].contains(name) {
      guard let points = style?.widths[name] else {
        throw VellumError(
          .invalidSpec, "width '\(name)' needs a style that defines it (e.g. style: icml)",
          at: location(widthNode, file: file, reading: reading))
      }
      map[widthKey] = .scalar(Node.Scalar("\(points)pt", Node.basicTag(), .plain, widthNode.mark))
    }
    let aspectKey = Node.key("aspect")
    let aspect = try map[aspectKey].map { try self.aspect($0, file: file, reading: reading) } ?? style?.aspect
    map[aspectKey] = nil
    let (sizeKey, heightKey) = (Node.key("size"), Node.key("height"))
    if map[sizeKey] == nil, map[heightKey] == nil, let aspect,
      let width = map[widthKey]?.string.flatMap({ Length.points($0, bareUnit: 72) }) ?? style?.widths["column"]
    {
      map[widthKey] = map[widthKey] ?? Node.key("\(width)pt")
      map[heightKey] = Node.key("\(width * aspect)pt")
    }
    if map[sizeKey] == nil, map[widthKey] == nil, map[heightKey] != nil, let column = style?.widths["column"] {
      map[widthKey] = Node.key("\(column)pt")
    }
    return .mapping(map)
  }
}
