import VellumSpec

/// `cumulative`: running sum, maximum, minimum or count within each group (pandas' cumsum, cummax, cummin).
struct CumulativeTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "cumulative",
      purpose: "Running sum, maximum, minimum or count of columns within each group, in row order (pandas' "
        + "cumsum, cummax, cummin: missing rows stay missing and are skipped; count, as expanding().count(), gives "
        + "every row the number of present values up to it).",
      keys: [
        TransformKeys.column("the column accumulated"),
        TransformKeys.columns("the columns accumulated"),
        SpecKey(
          "stat", SpecSchema.enumeration(Accumulation.allCases.map(\.rawValue)), "what is accumulated",
          defaultValue: Accumulation.sum),
        TransformKeys.by("columns whose rows accumulate separately (one run each)"),
        TransformKeys.newNames("new column names, one per input column"),
      ],
      example: "{cumulative: {column: tokens, by: run}}"),
    decode: { try CumulativeTransform(node: $0) })

  /// What `cumulative` accumulates, as pandas' cumsum, cummax, cummin and expanding count.
  enum Accumulation: String, Sendable, CaseIterable { case sum, max, min, count }

  var columns: [Located<String>]
  var stat: Accumulation
  var by: [Located<String>]
  var names: [String]?

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    columns = try map.columnList()
    stat = try map.optional("stat") { try decodeEnum($0, what: "cumulative statistic") } ?? .sum
    by = try map.groups()
    names = try map.newNames(count: columns.count)
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    try table.accumulate(columns, stat: stat, by: by, names: names)
  }
}

extension Table {
  /// pandas' cumsum, cummax, cummin (NaN rows stay NaN and are skipped) and expanding count, per group.
  fileprivate mutating func accumulate(
    _ columns: [Located<String>], stat: CumulativeTransform.Accumulation, by: [Located<String>], names: [String]?
  ) throws {
    let groups = try rowGroups(by)
    for (index, column) in columns.enumerated() {
      let values = try numbers(column)
      var result = [Double](repeating: .nan, count: values.count)
      for rows in groups {
        var running: Double?
        var count = 0.0
        for row in rows {
          let value = values[row]
          if stat == .count {
            if !value.isNaN { count += 1 }
            result[row] = count
            continue
          }
          guard !value.isNaN else { continue }
          switch stat {
          case .sum: running = (running ?? 0) + value
          case .max: running = Swift.max(running ?? value, value)
          case .min: running = Swift.min(running ?? value, value)
          case .count: break
          }
          result[row] = running!
        }
      }
      setNumbers(names?[index] ?? column.value, result)
    }
  }
}
