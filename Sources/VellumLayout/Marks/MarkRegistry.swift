import Foundation
import VellumSpec

/// Every mark kind a spec can use, in the order the schema and error messages list them.
/// Adding a kind is one file in this folder and one line here.
public enum MarkRegistry {
  public static let layerKinds = LayerKinds([
    LineMark.layerKind,
    ScatterMark.layerKind,
    BandMark.layerKind,
    AreaMark.layerKind,
    BarMark.layerKind,
    ErrorBarMark.layerKind,
    ReferenceLineMark.horizontal,
    ReferenceLineMark.vertical,
    SpanMark.horizontal,
    SpanMark.vertical,
    TextMark.layerKind,
  ])
}

extension SpecLoader {
  /// Loads the spec at `path` with every registered mark kind.
  public static func load(path: String, style: String? = nil) throws -> FigureSpec {
    try load(path: path, style: style, layers: MarkRegistry.layerKinds)
  }

  /// Parses spec text with every registered mark kind.
  public static func parse(_ text: String, file: String, directory: URL, style: String? = nil) throws -> FigureSpec {
    try parse(text, file: file, directory: directory, style: style, layers: MarkRegistry.layerKinds)
  }
}

extension SpecSchema {
  /// The schema of specs using the registered mark kinds.
  public static var document: JSONValue { document(layers: MarkRegistry.layerKinds) }
}
