import VellumDiagnostics

extension LayerSource {
  init(map: SpecMapping, dataNames: [String], transforms kinds: TransformKinds) throws {
    if let node = map["data"] {
      let name = try node.located("a data source name")
      guard dataNames.contains(name.value) else {
        throw node.error(unknownSourceMessage(name.value, candidates: dataNames))
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
    let steps = try map.optional("transform") { try kinds.decodeList($0) } ?? []
    transforms = steps.map(\.body)
    transformLocations = steps.map(\.location)
    transformKey = map["transform"].map { $0.canonicalText } ?? ""
  }
}

extension MarkerSpec {
  /// matplotlib's one-character marker codes, so `marker: o` means what a matplotlib user expects.
  static let matplotlibCodes: [String: Shape] = [
    "o": .circle, "s": .square, "D": .diamond, "d": .diamond, "+": .plus, "x": .cross, "*": .star,
    "p": .pentagon, "h": .hexagon, "H": .hexagon, "^": .triangleUp, "v": .triangleDown, "<": .triangleLeft,
    ">": .triangleRight,
  ]

  public static func shape(_ node: SpecNode) throws -> Shape {
    if let text = node.scalarText, let shape = matplotlibCodes[text] { return shape }
    return try decodeEnum(node, what: "marker shape")
  }

  /// A shape name or code (`o`, `circle`), or a mapping with shape, size, face, edge, edge_width and every.
  public init(node: SpecNode, defaultSize: Double = 6) throws {
    if node.scalarText != nil {
      self.init(shape: try Self.shape(node), size: defaultSize)
      return
    }
    let map = try node.mapping(Self.object)
    let shape = try map.optional("shape") { try Encoding.decode($0, constant: Self.shape) }
    self.init(shape: shape?.constant ?? .circle, size: defaultSize)
    shapeColumn = shape?.column
    size = try map.optional("size") { try $0.measure("a marker size") } ?? size
    face = try map.optional("face") { try decodeColorOrNone($0) }
    edge = try map.optional("edge") { try decodeColorOrNone($0) }
    edgeWidth = try map.optional("edge_width") { try $0.measure("a line width") } ?? 1
    every =
      try map.optional("every") { node in
        let value = try node.int("a whole number of points")
        guard value >= 1 else { throw node.error("marker 'every' must be at least 1") }
        return value
      } ?? 1
  }
}

/// An opacity between 0 and 1.
public func decodeAlpha(_ node: SpecNode) throws -> Double {
  let value = try node.double("an opacity")
  guard (0...1).contains(value) else { throw node.error("opacity must be between 0 and 1, found \(value)") }
  return value
}

/// Reads a dash as a name (`dashed`, `:`), matplotlib's `(offset, (on, off, …))` written as text,
/// or the same as a list `[offset, [on, off, …]]`.
public func decodeDash(_ node: SpecNode) throws -> DashPattern {
  let usage = "a dash style (solid, dashed, dotted, dashdot) or (offset, (on, off, …)) in line widths"
  if let text = node.scalarText {
    if let named = DashPattern.named[text] { return named }
    let numbers = text.split(whereSeparator: { "(), []".contains($0) }).map { Double($0) }
    guard numbers.count >= 3, numbers.allSatisfy({ $0 != nil }) else { throw node.error("expected " + usage) }
    return try checkedDash(offset: numbers[0]!, lengths: numbers.dropFirst().map { $0! }, node: node, usage: usage)
  }
  let items = try node.list(usage)
  // A flat list of lengths has no offset: matplotlib's form nests the on/off list, [0, [4, 2]].
  guard items.count == 2, items[1].isSequence else {
    throw node.error("expected \(usage): an offset and a list of lengths, such as [0, [4, 2]]")
  }
  let lengths = try items[1].list(usage).map { try $0.measure("a dash length") }
  return try checkedDash(offset: try items[0].double("a dash offset"), lengths: lengths, node: node, usage: usage)
}

private func checkedDash(offset: Double, lengths: [Double], node: SpecNode, usage: String) throws -> DashPattern {
  guard lengths.count % 2 == 0, lengths.contains(where: { $0 > 0 }), lengths.allSatisfy({ $0 >= 0 }) else {
    throw node.error("expected " + usage + "; the on/off list needs an even number of lengths, not all zero")
  }
  return DashPattern(offset: offset, lengths: lengths)
}
