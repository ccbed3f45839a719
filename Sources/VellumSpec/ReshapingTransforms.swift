/// Decoding of the transforms that reorder, accumulate, stack, compute, rank, difference, drop, join and bin.
extension TransformSpec {
  static func reshaping(
    _ kind: String, body: SpecNode, columns: (SpecMapping, Bool) throws -> [Located<String>],
    names: (SpecNode) throws -> [Located<String>]
  ) throws -> TransformSpec {
    func column(_ map: SpecMapping, _ key: String = "column") throws -> Located<String> {
      try map.required(key) { try $0.located("a column name") }
    }
    func newNames(_ map: SpecMapping, count: Int) throws -> [String]? {
      try map.optional("as") { node in
        let items = node.isSequence ? try node.list() : [node]
        guard items.count == count else { throw node.error("expected \(count) new column names, found \(items.count)") }
        return try items.map { try $0.string("a column name") }
      }
    }
    switch kind {
    case "sort":
      // `sort: column`, `sort: [a, b]` or `{by: …, descending: true | [true, false]}`.
      if !body.isMapping {
        let by = try names(body)
        return .sort(columns: by, descending: by.map { _ in false })
      }
      let map = try body.mapping("sort", keys: ["by", "descending"])
      let by = try map.required("by", names)
      let descending =
        try map.optional("descending") { node -> [Bool] in
          if node.isSequence {
            let flags = try node.list().map { try $0.bool() }
            guard flags.count == by.count else {
              throw node.error("expected \(by.count) descending flags (one per sort column), found \(flags.count)")
            }
            return flags
          }
          let flag = try node.bool()
          return by.map { _ in flag }
        } ?? by.map { _ in false }
      return .sort(columns: by, descending: descending)
    case "cumulative":
      let map = try body.mapping("cumulative", keys: ["column", "columns", "stat", "by", "as"])
      let listed = try columns(map, true)
      return .cumulative(
        columns: listed, stat: try map.optional("stat") { try decodeEnum($0, what: "cumulative statistic") } ?? .sum,
        by: try map.optional("by", names) ?? [], names: try newNames(map, count: listed.count))
    case "stack":
      let map = try body.mapping("stack", keys: ["column", "x", "offset", "as"])
      let stacked = try column(map)
      let pair = try newNames(map, count: 2)
      return .stack(
        column: stacked, x: try column(map, "x"),
        offset: try map.optional("offset") { try decodeEnum($0, what: "stack offset") } ?? .zero,
        names: pair.map { ($0[0], $0[1]) } ?? (stacked.value + "_start", stacked.value + "_end"))
    case "calculate":
      let map = try body.mapping("calculate", keys: ["expr", "as"])
      let expression = try map.required("expr") { node in
        try Formula(
          node.string("a formula over columns, e.g. 'tokens * 6 * params'"), variables: nil,
          location: node.textLocation)
      }
      return .calculate(
        expression: expression, name: try map.required("as") { try $0.string("a new column name") },
        location: map["expr"]?.location)
    case "rank":
      let map = try body.mapping("rank", keys: ["column", "by", "descending", "as"])
      let ranked = try column(map)
      return .rank(
        column: ranked, by: try map.optional("by", names) ?? [],
        descending: try map.optional("descending") { try $0.bool() } ?? false,
        name: try map.optional("as") { try $0.string("a column name") } ?? "rank")
    case "top":
      let map = try body.mapping("top", keys: ["column", "k", "by", "ascending"])
      let count = try map.required("k") { node in
        let value = try node.int("a number of rows")
        guard value >= 1 else { throw node.error("top needs k of at least 1") }
        return value
      }
      return .top(
        column: try column(map), count: count, by: try map.optional("by", names) ?? [],
        ascending: try map.optional("ascending") { try $0.bool() } ?? false)
    case "diff", "pct_change":
      let map = try body.mapping(kind, keys: ["column", "columns", "by", "periods", "as"])
      let listed = try columns(map, true)
      let periods =
        try map.optional("periods") { node in
          let value = try node.int("a number of rows")
          guard value >= 1, value <= 1_000_000 else { throw node.error("periods must be between 1 and 1000000") }
          return value
        } ?? 1
      return .difference(
        columns: listed, by: try map.optional("by", names) ?? [], periods: periods, relative: kind == "pct_change",
        names: try newNames(map, count: listed.count))
    case "dropna":
      if body.isNull { return .dropna(columns: []) }
      if !body.isMapping { return .dropna(columns: try names(body)) }
      let map = try body.mapping("dropna", keys: ["column", "columns"])
      return .dropna(columns: try columns(map, false))
    case "join":
      let map = try body.mapping("join", keys: ["data", "on", "how"])
      let how =
        try map.optional("how") { node -> String in
          let value = try node.string("left or inner")
          guard ["left", "inner"].contains(value) else {
            throw node.error(unknownNameMessage(value, kind: "join", candidates: ["left", "inner"]))
          }
          return value
        } ?? "left"
      return .join(
        data: try map.required("data") { try $0.located("a data source name") },
        on: try map.required("on", names), inner: how == "inner")
    default:
      let map = try body.mapping("bin", keys: ["column", "bins", "range", "as"])
      let binned = try column(map)
      return .bin(
        column: binned, bins: try map.optional("bins") { try BinSpec.decode($0) } ?? .matplotlibDefault,
        range: try map.optional("range") { try $0.interval("a bin range") },
        name: try map.optional("as") { try $0.string("a column name") } ?? binned.value + "_bin")
    }
  }
}
