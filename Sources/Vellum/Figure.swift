import Foundation
import VellumData
import VellumLayout
import VellumSVG
import VellumScene
import VellumSpec

/// A validated figure spec, ready to render: read from a file, from YAML or JSON text, or built in Swift.
///
/// ```swift
/// let figure = try Figure(spec: [
///   "size": ["4in", "3in"],
///   "data": ["runs": ["values": ["step": [0, 1, 2], "loss": [1.0, 0.5, 0.25]]]],
///   "axes": ["layers": [["line": ["x": "step", "y": "loss", "label": "run"]]]],
/// ])
/// let outputs = try figure.render(formats: [.svg, .pdf, .png])
/// ```
public struct Figure: Sendable {
  /// The spec as validated, with defaults filled in.
  public let spec: FigureSpec

  /// Reads and validates the spec file at `path` (YAML or JSON); data paths resolve against its folder.
  /// `style` retargets the figure to a built-in style or a style file, as `vellum render --style` does.
  /// `extraData` adds data sources by name (file paths), replacing the spec's own of the same name.
  public init(contentsOf path: String, style: String? = nil, extraData: [(name: String, path: String)] = []) throws {
    spec = try SpecLoader.load(path: path, style: style, extraData: extraData, grammar: Grammar.vellum)
  }

  /// Validates spec text (YAML or JSON); `name` names it in errors, `directory` anchors relative data paths.
  public init(
    text: String, name: String = "figure.yaml",
    directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath), style: String? = nil,
    extraData: [(name: String, path: String)] = []
  ) throws {
    spec = try SpecLoader.parse(
      text, file: name, directory: directory, style: style, extraData: extraData, grammar: Grammar.vellum)
  }

  /// Validates a spec built in Swift from literals, exactly as if it had been written as JSON.
  public init(
    spec value: JSONValue, name: String = "figure.json",
    directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath), style: String? = nil
  ) throws {
    try self.init(text: value.serialized(), name: name, directory: directory, style: style)
  }

  private init(validated spec: FigureSpec) { self.spec = spec }

  /// The same figure in another theme (`render --theme`).
  public func theming(_ theme: FigureSpec.Theme) -> Figure {
    var spec = spec
    spec.theme = theme
    return Figure(validated: spec)
  }

  /// The files the figure reads besides its spec: data files (and the folders of TensorBoard logs), then
  /// style files.
  public var inputFiles: [URL] {
    dataFiles + spec.styleFiles
  }

  /// The folders whose listing decides what the figure reads: those that file sets' wildcard patterns search. A
  /// watcher looks at them for files that appear (`render --watch`, `vellum serve`).
  public var searchedFolders: [URL] {
    spec.data.flatMap { source -> [URL] in
      if case .files(let set) = source.source { return set.searchedFolders }
      return []
    }
  }

  /// The data files the figure reads (a file set's files as its patterns match now; the folders of TensorBoard
  /// logs).
  public var dataFiles: [URL] {
    spec.data.flatMap { source -> [URL] in
      switch source.source {
      case .file(let url, _, _): return [url]
      case .tensorboard(let url, _, _, _): return [url]
      case .files(let set): return set.matchedFiles
      case .inline, .derived: return []
      }
    }
  }

  /// The JSON Schema of specs, with every registered mark kind (`vellum schema`).
  public static var schema: JSONValue { SpecSchema.document(grammar: .vellum) }

  /// The spec reference as Markdown (`docs/spec.md`, `vellum schema --markdown`).
  public static var schemaMarkdown: String { SpecSchema.markdown(grammar: Grammar.vellum) }

  /// The figure's scene: primitive nodes in points, before any output format.
  public func scene(embedFonts: Bool = false) throws -> Scene {
    try sceneReporting(embedFonts: embedFonts).scene
  }

  /// The scene and the warnings layout found (suspicious but valid input, such as a legend off the canvas).
  public func sceneReporting(embedFonts: Bool = false) throws -> (scene: Scene, warnings: [VellumWarning]) {
    var spec = spec
    if embedFonts { spec.font.embed = true }
    let loaded = try DataLoader.loadExpanding(spec)
    let (scene, layout) = try FigureCompiler.compileReporting(loaded.spec, data: loaded.data)
    return (scene, loaded.warnings + layout)
  }

  /// The figure as SVG text; `textMode` overrides the spec's `text` choice.
  public func svg(textMode: TextMode? = nil, embedFonts: Bool = false) throws -> String {
    SVGWriter.write(try scene(embedFonts: embedFonts), textMode: textMode ?? TextMode(spec.text))
  }

  /// Every requested format's bytes, rendered entirely in memory (PNG at `dpi`).
  public func render(
    formats: [OutputFormat], dpi: Double = 300, textMode: TextMode? = nil, embedFonts: Bool = false
  ) throws -> [OutputFormat: [UInt8]] {
    try FigureRenderer(dpi: dpi, textMode: textMode, embedFonts: embedFonts).render(self, formats: formats)
  }
}

extension TextMode {
  /// The writer's mode for the text output a spec asks for.
  init(_ output: TextOutput) {
    switch output {
    case .fonts: self = .fonts
    case .paths: self = .paths
    }
  }
}
