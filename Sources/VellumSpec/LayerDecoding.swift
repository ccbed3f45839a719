extension LayerSource {
  init(map: SpecMapping, dataNames: [String]) throws {
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
    let transformNodes = try map.optional("transform") { try $0.list("a list of transforms") } ?? []
    transforms = try transformNodes.map { try TransformSpec(node: $0) }
    transformLocations = transformNodes.map(\.location)
  }
}

extension TransformSpec {
  init(node: SpecNode) throws {
    let (kind, body) = try node.tagged("transform", kinds: Self.kinds)
    func columns(_ map: SpecMapping, required: Bool = true) throws -> [Located<String>] {
      var list = try map.optional("columns") { try $0.list().map { try $0.located("a column name") } } ?? []
      if let column = try map.optional("column", { try $0.located("a column name") }) { list.append(column) }
      if required && list.isEmpty { throw body.error("\(kind) needs 'column' or 'columns'") }
      return list
    }
    func names(_ node: SpecNode) throws -> [Located<String>] {
      node.isSequence ? try node.list().map { try $0.located("a column name") } : [try node.located("a column name")]
    }
    switch kind {
    case "ema":
      let map = try body.mapping(
        "ema", keys: ["column", "columns", "alpha", "weight", "debias", "halflife", "x", "by"])
      let smoothing: Smoothing
      if let alpha = try map.optional("alpha", { try Self.unitInterval($0, "ema alpha") }) {
        smoothing = .alpha(alpha)
      } else if let weight = try map.optional("weight", { try Self.unitInterval($0, "ema weight") }) {
        smoothing = .debiased(weight: weight)
      } else if let halflife = try map.optional("halflife", { try $0.positive("a half-life in x units") }) {
        smoothing = .halflife(halflife, x: try map.required("x") { try $0.located("a column name") })
      } else {
        throw body.error(
          "ema needs 'alpha' (the seed's form), 'weight' (TensorBoard's debiased form) or 'halflife' with 'x'")
      }
      self = .ema(columns: try columns(map), smoothing: smoothing, by: try map.optional("by", names) ?? [])
    case "rolling":
      let map = try body.mapping("rolling", keys: ["column", "columns", "window", "window_x", "x", "stat", "by"])
      let window = try map.optional("window") { node in
        let value = try node.int("a number of points")
        guard value >= 1 else { throw node.error("a rolling window needs at least 1 point") }
        return value
      }
      let windowX = try map.optional("window_x") { try $0.positive("a window in x units") }
      guard (window == nil) != (windowX == nil) else {
        throw body.error("rolling takes 'window' (points) or 'window_x' (x units)")
      }
      let x = try map.optional("x") { try $0.located("a column name") }
      if windowX != nil && x == nil { throw body.error("rolling with 'window_x' needs 'x'") }
      let stat =
        try map.optional("stat") { node -> String in
          let value = try node.string("mean or median")
          guard ["mean", "median"].contains(value) else {
            throw node.error(unknownNameMessage(value, kind: "rolling statistic", candidates: ["mean", "median"]))
          }
          return value
        } ?? "mean"
      self = .rolling(
        columns: try columns(map), window: window, windowX: windowX, x: x, median: stat == "median",
        by: try map.optional("by", names) ?? [])
    case "filter":
      let map = try body.mapping("filter", keys: try body.mappingKeys())
      guard !map.entries.isEmpty else { throw body.error("filter needs at least one 'column: condition'") }
      self = .filter(
        try map.entries.map { entry in
          (try entry.key.located("a column name"), try Self.condition(entry.value))
        })
    case "select":
      self = .select(try names(body))
    case "rename":
      let map = try body.mapping("rename", keys: try body.mappingKeys())
      self = .rename(try map.entries.map { (try $0.key.located("a column name"), try $0.value.string("a new name")) })
    case "unpivot":
      let map = try body.mapping("unpivot", keys: ["columns", "pattern", "except", "key", "value", "spread"])
      let listed = try map.optional("columns", names) ?? []
      let kept = try map.optional("except", names)
      let pattern = try map.optional("pattern") { node -> String in
        let text = try node.string("a regular expression")
        guard (try? Regex(text)) != nil else { throw node.error("invalid regular expression '\(text)'") }
        return text
      }
      guard !listed.isEmpty || pattern != nil || kept != nil else {
        throw body.error("unpivot needs 'columns', 'pattern' or 'except' (every other column)")
      }
      self = .unpivot(
        columns: listed, pattern: pattern, except: kept,
        key: try map.optional("key") { try $0.string("a column name") } ?? "key",
        value: try map.optional("value") { try $0.string("a column name") } ?? "value",
        spread: try map.optional("spread") { try $0.string("a capture name") })
    case "interpolate":
      let map = try body.mapping("interpolate", keys: ["x", "by", "column", "columns", "step", "points", "from", "to"])
      let step = try map.optional("step") { try $0.positive("a grid step") }
      let points = try map.optional("points") { node in
        let value = try node.int("a number of grid points")
        guard (2...1_000_000).contains(value) else { throw node.error("grid points must be between 2 and 1000000") }
        return value
      }
      guard (step == nil) != (points == nil) else {
        throw body.error("interpolate takes 'step' or 'points' for its grid")
      }
      self = .interpolate(
        x: try map.required("x") { try $0.located("a column name") }, by: try map.optional("by", names) ?? [],
        columns: try columns(map), step: step, points: points,
        from: try map.optional("from") { try $0.double("a grid start") },
        to: try map.optional("to") { try $0.double("a grid end") })
    case "normalize":
      let map = try body.mapping("normalize", keys: ["column", "columns", "by", "method"])
      self = .normalize(
        columns: try columns(map), by: try map.optional("by", names) ?? [],
        method: try map.optional("method") { try decodeEnum($0, what: "normalization") } ?? .sum)
    case "bin2d":
      let map = try body.mapping("bin2d", keys: ["x", "y", "bins", "range", "weights", "stat", "as"])
      let bins: (BinSpec, BinSpec) =
        try map.optional("bins") { node in
          // As numpy's histogram2d: [x bins, y bins] when both items are counts, rules, edge lists or widths;
          // anything else is one spec for both axes.
          if node.isSequence {
            let items = try node.list()
            let perAxis =
              items.count == 2
              && items.allSatisfy { item in
                item.isSequence || item.isMapping
                  || (item.scalarText.map { Int($0) != nil || BinRule(rawValue: $0) != nil } ?? false)
              }
            if perAxis { return (try BinSpec.decode(items[0]), try BinSpec.decode(items[1])) }
          }
          let both = try BinSpec.decode(node)
          return (both, both)
        } ?? (.matplotlibDefault, .matplotlibDefault)
      let range = try map.optional("range") { node -> ((Double, Double)?, (Double, Double)?) in
        let items = try node.list("[[x low, x high], [y low, y high]]")
        guard items.count == 2 else { throw node.error("expected [[x low, x high], [y low, y high]]") }
        return try (Self.pair(items[0]), Self.pair(items[1]))
      }
      self = .bin2d(
        x: try map.required("x") { try $0.located("a column name") },
        y: try map.required("y") { try $0.located("a column name") }, bins: bins, range: range ?? (nil, nil),
        weights: try map.optional("weights") { try $0.located("a column name") },
        stat: try map.optional("stat") { try decodeEnum($0, what: "bin2d stat") } ?? .count,
        name: try map.optional("as") { try $0.string("a column name") } ?? "count")
    case "sort", "cumulative", "stack", "calculate", "rank", "top", "diff", "pct_change", "dropna", "join", "bin":
      self = try Self.reshaping(kind, body: body, columns: columns, names: names)
    default:
      let map = try body.mapping("aggregate", keys: ["by", "column", "columns", "stats", "seed", "samples"])
      let stats =
        try map.optional("stats") { node in
          try (node.isSequence ? node.list() : [node]).map { try decodeEnum($0, what: "statistic") as Statistic }
        } ?? [.mean, .std]
      self = .aggregate(
        by: try map.optional("by", names) ?? [], columns: try columns(map), stats: stats,
        seed: UInt64(
          try map.optional("seed") { node in
            let value = try node.int("a seed")
            guard value >= 0 else { throw node.error("a seed must be a non-negative integer") }
            return value
          } ?? 0),
        samples: try map.optional("samples") { node in
          let value = try node.int("a number of bootstrap samples")
          guard (10...100_000).contains(value) else {
            throw node.error("bootstrap samples must be between 10 and 100000")
          }
          return value
        } ?? 1000)
    }
  }

  private static func pair(_ node: SpecNode) throws -> (Double, Double)? {
    node.isNull ? nil : try node.interval("a bin range")
  }

  private static func unitInterval(_ node: SpecNode, _ what: String) throws -> Double {
    let value = try node.double(what)
    guard (0..<1).contains(value) else { throw node.error("\(what) must be in [0, 1), found \(value)") }
    return value
  }

  private static func condition(_ node: SpecNode) throws -> Condition {
    if node.isSequence { return .oneOf(try node.list().map { try $0.string("a value") }) }
    if node.isMapping {
      let comparisons = Comparison.allCases.map(\.rawValue)
      let map = try node.mapping("filter condition", keys: ["in", "not_in", "min", "max", "!="] + comparisons)
      guard map.entries.count == 1 || (map.entries.count == 2 && map["min"] != nil && map["max"] != nil) else {
        throw node.error("a filter condition takes one test (or min and max); give each column one condition")
      }
      if let values = try map.optional("in", { try $0.list().map { try $0.string("a value") } }) {
        return .oneOf(values)
      }
      if let values = try map.optional("not_in", { try $0.list().map { try $0.string("a value") } }) {
        return .noneOf(values)
      }
      if let value = try map.optional("!=", { try $0.string("a value") }) { return .notEquals(value) }
      for comparison in Comparison.allCases {
        if let bound = try map.optional(comparison.rawValue, { try $0.double("a number to compare with") }) {
          return .compare(comparison, bound)
        }
      }
      let min = try map.optional("min") { try $0.double("a minimum") }
      let max = try map.optional("max") { try $0.double("a maximum") }
      guard min != nil || max != nil else { throw node.error("a filter condition needs 'in', 'min' or 'max'") }
      return .range(min: min, max: max)
    }
    return .equals(try node.string("a value"))
  }
}

extension MarkerSpec {
  /// matplotlib's one-character marker codes, so `marker: o` means what a matplotlib user expects.
  static let matplotlibCodes: [String: Shape] = [
    "o": .circle, "s": .square, "D": .diamond, "d": .diamond, "+": .plus, "x": .cross, "*": .star,
    "p": .pentagon, "h": .hexagon, "H": .hexagon, "^": .triangleUp, "v": .triangleDown, "<": .triangleLeft,
    ">": .triangleRight,
  ]

  static func shape(_ node: SpecNode) throws -> Shape {
    if let text = node.scalarText, let shape = matplotlibCodes[text] { return shape }
    return try decodeEnum(node, what: "marker shape")
  }

  /// A shape name or code (`o`, `circle`), or a mapping with shape, size, face, edge, edge_width and every.
  public init(node: SpecNode, defaultSize: Double = 6) throws {
    if node.scalarText != nil {
      self.init(shape: try Self.shape(node), size: defaultSize)
      return
    }
    let map = try node.mapping("marker", keys: Self.keys)
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
  let usage = "expected a dash style (solid, dashed, dotted, dashdot) or (offset, (on, off, …)) in line widths"
  if let text = node.scalarText {
    if let named = DashPattern.named[text] { return named }
    let numbers = text.split(whereSeparator: { "(), []".contains($0) }).map { Double($0) }
    guard numbers.count >= 3, numbers.allSatisfy({ $0 != nil }) else { throw node.error(usage) }
    return try checkedDash(offset: numbers[0]!, lengths: numbers.dropFirst().map { $0! }, node: node, usage: usage)
  }
  let items = try node.list(usage)
  guard items.count == 2 else { throw node.error(usage) }
  let lengths = try items[1].list(usage).map { try $0.measure("a dash length") }
  return try checkedDash(offset: try items[0].double("a dash offset"), lengths: lengths, node: node, usage: usage)
}

private func checkedDash(offset: Double, lengths: [Double], node: SpecNode, usage: String) throws -> DashPattern {
  guard lengths.count % 2 == 0, lengths.contains(where: { $0 > 0 }), lengths.allSatisfy({ $0 >= 0 }) else {
    throw node.error(usage + "; the on/off list needs an even number of lengths, not all zero")
  }
  return DashPattern(offset: offset, lengths: lengths)
}
