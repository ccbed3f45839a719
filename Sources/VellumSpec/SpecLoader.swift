import Foundation
import VellumDiagnostics
import Yams

/// Reads a spec file (YAML, or JSON, which YAML accepts) into a validated ``FigureSpec``.
public enum SpecLoader {
  /// The built-in styles, by name, with their one-line descriptions.
  public static var styles: [(name: String, description: String)] { StyleResolver.catalogue() }

  /// Loads the spec at `path`; errors carry `path:line:col`. `style` retargets the figure to a style
  /// (as `vellum render --style` does), over the spec's own choices; `layers` are the mark kinds it may use.
  public static func load(
    path: String, style: String? = nil, extraData: [(name: String, path: String)] = [], grammar: Grammar
  ) throws -> FigureSpec {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw VellumError(.missingFile, "no such spec file '\(path)'")
    }
    guard !isDirectory.boolValue else { throw VellumError(.missingFile, "'\(path)' is a folder, not a spec file") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw VellumError(.missingFile, "cannot read spec file '\(path)'")
    }
    let text = try Self.text(of: data, file: path)
    return try parse(
      text, file: path, directory: url.deletingLastPathComponent(), style: style, extraData: extraData, grammar: grammar
    )
  }

  /// A spec's bytes as text: within ``Limits/specBytes`` and valid UTF-8, else an error at the file's start. Reading
  /// ``Limits/specBytes`` + 1 bytes of a stream is enough to tell (standard input is not read to its end).
  public static func text(of data: Data, file: String) throws -> String {
    guard data.count <= Limits.specBytes else {
      throw VellumError(
        .invalidSpec,
        "the spec is more than \(Limits.specBytes) bytes; specs are limited to 1 MiB (put data in a CSV file)",
        at: SourceLocation(file: file, line: 1, column: 1))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw VellumError(.syntax, "spec file is not valid UTF-8", at: SourceLocation(file: file, line: 1, column: 1))
    }
    return text
  }

  /// Parses spec text; `file` names it in errors and `directory` anchors relative data paths. `extraData` adds
  /// data sources (or replaces the spec's of the same name) as if written under `data:` (`render --data`).
  public static func parse(
    _ text: String, file: String, directory: URL, style: String? = nil,
    extraData: [(name: String, path: String)] = [], grammar: Grammar
  ) throws -> FigureSpec {
    let text = SurrogatePairs.joined(inJSON: text)
    try Limits.checkNesting(text, file: file)
    let node: Node?
    do {
      // The basic resolver tags every scalar as a string: decoding reads values itself, and the default
      // resolver would compile ICU regular expressions on every run.
      node = try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      throw syntaxError(error, file: file)
    }
    guard let node else {
      throw VellumError(.invalidSpec, "the spec is empty", at: SourceLocation(file: file, line: 1, column: 1))
    }
    try Limits.checkExpansion(node, file: file)
    let styled = try StyleResolver.apply(
      to: try adding(extraData, to: node, file: file), directory: directory, file: file, override: style,
      grammar: grammar)
    var spec = try FigureSpec(
      root: SpecNode(styled.node, file: file, styles: styled.names), directory: directory, grammar: grammar)
    spec.styleFiles = styled.files
    return spec
  }

  /// The document with `sources` under its `data:` mapping (created when missing), replacing same-named ones.
  static func adding(_ sources: [(name: String, path: String)], to node: Node, file: String) throws -> Node {
    guard !sources.isEmpty else { return node }
    guard case .mapping(var root) = node else { return node }
    var data: Node.Mapping
    switch root["data"] {
    case nil: data = Node.Mapping([])
    case .mapping(let mapping)?: data = mapping
    case let other?:
      throw VellumError(
        .invalidSpec, "'data' must be a mapping of source names to add data sources to it",
        at: SourceLocation(file: file, line: other.mark?.line ?? 1, column: other.mark?.column ?? 1))
    }
    for source in sources {
      data[Node.key(source.name)] = .scalar(Node.Scalar(source.path, Tag(.str, .basic), .doubleQuoted))
    }
    root["data"] = .mapping(data)
    return .mapping(root)
  }

  static func syntaxError(_ error: YamlError, file: String) -> VellumError {
    func located(_ problem: String, _ mark: Mark, _ context: YamlError.Context?) -> VellumError {
      var message = "invalid YAML: \(problem)"
      if let context { message += " \(context.text)" }
      return VellumError(.syntax, message, at: SourceLocation(file: file, line: mark.line, column: mark.column))
    }
    switch error {
    case .scanner(let context, let problem, let mark, _): return located(problem, mark, context)
    case .parser(let context, let problem, let mark, _): return located(problem, mark, context)
    case .composer(let context, let problem, let mark, _): return located(problem, mark, context)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return VellumError(
        .syntax, "duplicate key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", "))",
        at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
    case .reader(let problem, let offset, let value, let yaml):
      // The reader reports a byte offset; turn it into line:column like every other diagnostic.
      let prefix = offset.map { String(decoding: Array(yaml.utf8).prefix($0), as: UTF8.self) } ?? ""
      let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
      let what = value >= 0 ? String(format: " (character U+%04X)", value) : ""
      return VellumError(
        .syntax, "invalid YAML: \(problem)\(what)",
        at: SourceLocation(file: file, line: lines.count, column: (lines.last?.count ?? 0) + 1))
    default:
      return VellumError(.syntax, "invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
    }
  }
}
