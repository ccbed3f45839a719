/// One thing drawn in the plot area, in drawing order.
public enum LayerSpec {
  case line(LineLayerSpec)
  case band(BandLayerSpec)
  case hline(ReferenceLineSpec)
  case vline(ReferenceLineSpec)

  static let kinds = ["line", "band", "hline", "vline"]
}

/// Which table a layer reads and how the rows are transformed first.
public struct LayerSource {
  /// Name of a data source declared under `data`.
  public var data: Located<String>
  public var transforms: [TransformSpec]
}

/// A data transform applied to a layer's table before plotting.
public enum TransformSpec {
  /// Exponential moving average as in the seed: out[0] = x[0], out[i] = α·out[i−1] + (1−α)·x[i].
  case ema(columns: [Located<String>], alpha: Double)
  /// Keeps rows whose column equals the value (compared as text).
  case filter(column: Located<String>, equals: String)

  static let kinds = ["ema", "filter"]
}

/// Marker drawn at every data point of a line.
public struct MarkerSpec {
  public enum Shape: String, Sendable, CaseIterable {
    case circle, square, diamond
    case triangleUp = "triangle-up"
    case triangleDown = "triangle-down"
  }
  public var shape: Shape
  /// Marker size in points (diameter for circles), like matplotlib's `ms`.
  public var size: Double
  /// Fill; nil takes the line's color.
  public var face: Color?
  /// Outline; nil takes the face color.
  public var edge: Color?
  public var edgeWidth: Double
}

/// A polyline through (x, y) points.
public struct LineLayerSpec {
  public var id: String?
  public var source: LayerSource
  public var x: Located<String>
  public var y: Located<String>
  public var label: Located<String>?
  public var color: Color?
  public var width: Double
  public var dash: DashPattern
  public var alpha: Double
  public var marker: MarkerSpec?
  public var location: SourceLocation
}

/// A filled region between a lower and an upper curve.
public struct BandLayerSpec {
  public enum Bounds {
    case lowerUpper(lower: Located<String>, upper: Located<String>)
    case centerError(center: Located<String>, error: Located<String>)
  }
  public var id: String?
  public var source: LayerSource
  public var x: Located<String>
  public var bounds: Bounds
  public var label: Located<String>?
  public var color: Color?
  public var alpha: Double
  /// Outline width in points; matplotlib's fill_between strokes its edge in the fill color at 1 pt.
  public var edgeWidth: Double
  public var location: SourceLocation
}

/// A horizontal (`hline`) or vertical (`vline`) line across the whole plot area.
public struct ReferenceLineSpec {
  public var id: String?
  public var value: Double
  public var label: Located<String>?
  public var color: Color
  public var width: Double
  public var dash: DashPattern
  public var alpha: Double
  public var location: SourceLocation
}

extension LayerSpec {
  init(node: SpecNode, dataNames: [String]) throws {
    let (kind, body) = try node.tagged("layer", kinds: Self.kinds)
    switch kind {
    case "line": self = .line(try LineLayerSpec(node: body, dataNames: dataNames))
    case "band": self = .band(try BandLayerSpec(node: body, dataNames: dataNames))
    case "hline": self = .hline(try ReferenceLineSpec(node: body, axis: "y"))
    default: self = .vline(try ReferenceLineSpec(node: body, axis: "x"))
    }
  }
}

extension LayerSource {
  init(map: SpecMapping, dataNames: [String]) throws {
    if let node = map["data"] {
      let name = try node.located("a data source name")
      guard dataNames.contains(name.value) else {
        throw node.error(unknownNameMessage(name.value, kind: "data source", candidates: dataNames))
      }
      data = name
    } else if dataNames.count == 1 {
      data = Located(dataNames[0], at: map.location)
    } else {
      throw map.owner.error(
        dataNames.isEmpty
          ? "this layer needs data, but the figure declares no 'data' sources"
          : "this layer needs 'data': one of \(dataNames.joined(separator: ", "))")
    }
    transforms =
      try map.optional("transform") { node in
        try node.list("a list of transforms").map { try TransformSpec(node: $0) }
      } ?? []
  }
}

extension TransformSpec {
  init(node: SpecNode) throws {
    let (kind, body) = try node.tagged("transform", kinds: Self.kinds)
    switch kind {
    case "ema":
      let map = try body.mapping("ema", keys: ["column", "columns", "alpha"])
      var columns = try map.optional("columns") { try $0.list().map { try $0.located("a column name") } } ?? []
      if let column = try map.optional("column", { try $0.located("a column name") }) { columns.append(column) }
      guard !columns.isEmpty else { throw body.error("ema needs 'column' or 'columns'") }
      let alpha = try map.required("alpha") { node in
        let value = try node.double("a smoothing factor")
        guard (0..<1).contains(value) else { throw node.error("ema alpha must be in [0, 1), found \(value)") }
        return value
      }
      self = .ema(columns: columns, alpha: alpha)
    default:
      let map = try body.mapping("filter", keys: try body.mappingKeys())
      guard map.entries.count == 1, let entry = map.entries.first else {
        throw body.error("filter takes one 'column: value' pair")
      }
      self = .filter(column: try entry.key.located("a column name"), equals: try entry.value.string("a value"))
    }
  }
}

extension MarkerSpec {
  init(node: SpecNode) throws {
    if node.scalarText != nil {
      shape = try decodeEnum(node, what: "marker shape")
      size = 6
      edgeWidth = 1
      return
    }
    let map = try node.mapping("marker", keys: ["shape", "size", "face", "edge", "edge_width"])
    shape = try map.optional("shape") { try decodeEnum($0, what: "marker shape") } ?? .circle
    size = try map.optional("size") { try $0.nonNegative("a marker size") } ?? 6
    face = try map.optional("face") { try decodeColor($0) }
    edge = try map.optional("edge") { try decodeColor($0) }
    edgeWidth = try map.optional("edge_width") { try $0.nonNegative("a line width") } ?? 1
  }
}

extension LineLayerSpec {
  static let keys = [
    "id", "data", "transform", "x", "y", "label", "color", "width", "dash", "alpha", "marker",
  ]

  init(node: SpecNode, dataNames: [String]) throws {
    let map = try node.mapping("line", keys: Self.keys)
    location = node.location
    id = try map.optional("id") { try $0.string("an id") }
    source = try LayerSource(map: map, dataNames: dataNames)
    x = try map.required("x") { try $0.located("a column name") }
    y = try map.required("y") { try $0.located("a column name") }
    label = try map.optional("label") { try $0.located("a label") }
    color = try map.optional("color") { try decodeColor($0) }
    width = try map.optional("width") { try $0.nonNegative("a line width") } ?? 1.5
    dash = try map.optional("dash") { try decodeDash($0) } ?? .solid
    alpha = try map.optional("alpha") { try decodeAlpha($0) } ?? 1
    marker = try map.optional("marker") { try MarkerSpec(node: $0) }
  }
}

extension BandLayerSpec {
  static let keys = [
    "id", "data", "transform", "x", "lower", "upper", "center", "error", "label", "color", "alpha", "edge_width",
  ]

  init(node: SpecNode, dataNames: [String]) throws {
    let map = try node.mapping("band", keys: Self.keys)
    location = node.location
    id = try map.optional("id") { try $0.string("an id") }
    source = try LayerSource(map: map, dataNames: dataNames)
    x = try map.required("x") { try $0.located("a column name") }
    let column = { (node: SpecNode) in try node.located("a column name") }
    if map["lower"] != nil || map["upper"] != nil {
      if map["center"] != nil || map["error"] != nil {
        throw node.error("a band takes either 'lower'/'upper' or 'center'/'error', not both")
      }
      bounds = .lowerUpper(lower: try map.required("lower", column), upper: try map.required("upper", column))
    } else if map["center"] != nil || map["error"] != nil {
      bounds = .centerError(center: try map.required("center", column), error: try map.required("error", column))
    } else {
      throw node.error("a band needs 'lower' and 'upper', or 'center' and 'error' columns")
    }
    label = try map.optional("label") { try $0.located("a label") }
    color = try map.optional("color") { try decodeColor($0) }
    alpha = try map.optional("alpha") { try decodeAlpha($0) } ?? 0.2
    edgeWidth = try map.optional("edge_width") { try $0.nonNegative("a line width") } ?? 1
  }
}

extension ReferenceLineSpec {
  init(node: SpecNode, axis: String) throws {
    let kind = axis == "y" ? "hline" : "vline"
    let map = try node.mapping(kind, keys: ["id", axis, "label", "color", "width", "dash", "alpha"])
    location = node.location
    id = try map.optional("id") { try $0.string("an id") }
    value = try map.required(axis) { try $0.double("a \(axis) value") }
    label = try map.optional("label") { try $0.located("a label") }
    color = try map.optional("color") { try decodeColor($0) } ?? .black
    width = try map.optional("width") { try $0.nonNegative("a line width") } ?? 1.5
    dash = try map.optional("dash") { try decodeDash($0) } ?? .solid
    alpha = try map.optional("alpha") { try decodeAlpha($0) } ?? 1
  }
}

func decodeAlpha(_ node: SpecNode) throws -> Double {
  let value = try node.double("an opacity")
  guard (0...1).contains(value) else { throw node.error("opacity must be between 0 and 1, found \(value)") }
  return value
}

/// Reads a dash as a name (`dashed`, `:`), matplotlib's `(offset, (on, off, …))` written as text,
/// or the same as a list `[offset, [on, off, …]]`.
func decodeDash(_ node: SpecNode) throws -> DashPattern {
  let usage = "expected a dash style (solid, dashed, dotted, dashdot) or (offset, (on, off, …)) in line widths"
  if let text = node.scalarText {
    if let named = DashPattern.named[text] { return named }
    let numbers = text.split(whereSeparator: { "(), []".contains($0) }).map { Double($0) }
    guard numbers.count >= 3, numbers.allSatisfy({ $0 != nil }) else { throw node.error(usage) }
    return try checkedDash(offset: numbers[0]!, lengths: numbers.dropFirst().map { $0! }, node: node, usage: usage)
  }
  let items = try node.list(usage)
  guard items.count == 2 else { throw node.error(usage) }
  let lengths = try items[1].list(usage).map { try $0.nonNegative("a dash length") }
  return try checkedDash(offset: try items[0].double("a dash offset"), lengths: lengths, node: node, usage: usage)
}

private func checkedDash(offset: Double, lengths: [Double], node: SpecNode, usage: String) throws -> DashPattern {
  guard lengths.count % 2 == 0, lengths.contains(where: { $0 > 0 }), lengths.allSatisfy({ $0 >= 0 }) else {
    throw node.error(usage + "; the on/off list needs an even number of lengths, not all zero")
  }
  return DashPattern(offset: offset, lengths: lengths)
}
