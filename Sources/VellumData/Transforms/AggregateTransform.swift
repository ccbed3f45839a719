import VellumSpec

/// `aggregate`: one row per group with statistics of columns over its rows, NaN left out, as pandas'
/// `groupby(by).agg(...)`.
struct AggregateTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "aggregate",
      purpose: "One row per distinct `by` combination, with statistics of the columns over its rows (missing values "
        + "left out, as pandas); each statistic becomes a column `<column>_<stat>`.",
      keys: [
        TransformKeys.by("columns whose distinct combinations make the output rows"),
        TransformKeys.column("the column summarised"),
        TransformKeys.columns("the columns summarised"),
        SpecKey(
          "stats", .object(["anyOf": .array([statistic, SpecSchema.array(statistic)])]),
          "statistics: mean, median, sum, min, max, count, std, sem, ci95 (t-interval half-width), qNN (the NNth "
            + "percentile, e.g. q25), bootstrap (_boot_low/_boot_high 95% interval of the mean)",
          defaultValue: [Statistic.mean.name, Statistic.std.name], example: "[mean, q25, q75]"),
        SpecKey(
          "ddof", SpecSchema.bounded(minimum: 0, maximum: 1000, integer: true),
          "delta degrees of freedom of std and sem: divide by n − ddof (pandas' default 1)", defaultValue: 1),
        SpecKey(
          "seed", SpecSchema.bounded(minimum: 0, integer: true), "seed of the bootstrap resampling", defaultValue: 0),
        SpecKey(
          "samples", SpecSchema.bounded(minimum: 10, maximum: 100_000, integer: true), "bootstrap resamples",
          defaultValue: 1000),
      ],
      example: "{aggregate: {by: step, column: loss, stats: [mean, ci95]}}"),
    decode: { try AggregateTransform(node: $0) })

  /// A statistic name as a spec writes it: a fixed name, or `q` and a percentile.
  private static let statistic = JSONValue.object([
    "type": "string",
    "pattern": .string("^(\(Statistic.named.keys.sorted().joined(separator: "|"))|q(100|[0-9]{1,2})(\\.[0-9]+)?)$"),
  ])

  /// What `aggregate` computes for a group.
  enum Statistic: Sendable, Equatable {
    case mean, median, sum, min, max, count, std, sem
    /// Half-width of the 95% Student-t interval of the mean.
    case ci95
    /// 2.5th and 97.5th percentiles of bootstrap means (`_boot_low`, `_boot_high`), with a fixed seed.
    case bootstrap
    /// The percentile (0–100) with linear interpolation (pandas' quantile), written as it was (`q25`).
    case percentile(Double, written: String)

    static let named: [String: Statistic] = [
      "mean": .mean, "median": .median, "sum": .sum, "min": .min, "max": .max, "count": .count, "std": .std,
      "sem": .sem, "ci95": .ci95, "bootstrap": .bootstrap,
    ]

    var name: String {
      if case .percentile(_, let written) = self { return written }
      return Self.named.first { $0.value == self }!.key
    }

    init(node: SpecNode) throws {
      let text = try node.string("a statistic")
      if let named = Self.named[text] {
        self = named
      } else if text.first == "q", let value = Double(text.dropFirst()),
        text.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }),
        (0...100).contains(value)
      {
        self = .percentile(value, written: text)
      } else {
        throw node.error(
          unknownNameMessage(text, kind: "statistic", candidates: Self.named.keys.sorted() + ["q25", "q75"])
            + "; qNN is the NNth percentile")
      }
    }

    /// The value for one group's values (NaN left out), as pandas computes it.
    func value(_ sample: [Double], ddof: Int) -> Double {
      // The statistics functions leave missing values out themselves.
      switch self {
      case .mean: return Statistics.mean(sample)
      case .median: return Statistics.median(sample)
      case .sum: return Statistics.sum(sample)
      case .min: return Statistics.finite(sample).min() ?? .nan
      case .max: return Statistics.finite(sample).max() ?? .nan
      case .count: return Double(Statistics.finite(sample).count)
      case .std: return Statistics.std(sample, ddof: ddof)
      case .sem: return Statistics.sem(sample, ddof: ddof)
      case .ci95: return Statistics.ci95(sample)
      case .percentile(let p, _): return Statistics.quantile(sample, p / 100)
      case .bootstrap: return .nan
      }
    }
  }

  var by: [Located<String>]
  var columns: [Located<String>]
  var stats: [Statistic]
  var ddof: Int
  var seed: UInt64
  var samples: Int

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    by = try map.groups()
    columns = try map.columnList()
    stats =
      try map.optional("stats") { node in try (node.isSequence ? node.list() : [node]).map(Statistic.init) }
      ?? [.mean, .std]
    ddof =
      try map.optional("ddof") { node in
        let value = try node.int("a whole number of degrees of freedom")
        guard (0...1000).contains(value) else { throw node.error("ddof must be between 0 and 1000") }
        return value
      } ?? 1
    seed = try map.optional("seed") { try $0.seed() } ?? 0
    samples =
      try map.optional("samples") { node in
        let value = try node.int("a number of bootstrap samples")
        guard (10...100_000).contains(value) else {
          throw node.error("bootstrap samples must be between 10 and 100000")
        }
        return value
      } ?? 1000
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    let groups = try table.rowGroups(by)
    let keyValues = try by.map { try table.strings($0) }
    var text: [String: [String]] = [:]
    for (k, column) in by.enumerated() { text[column.value] = groups.map { keyValues[k][$0[0]] } }
    // Numeric group keys stay numbers, so an aggregated step column can be an x axis.
    var numeric: [String: [Double]] = [:]
    for column in by {
      if let values = try? table.numbers(column), groups.allSatisfy({ !values[$0[0]].isNaN }) {
        numeric[column.value] = groups.map { values[$0[0]] }
        text[column.value] = nil
      }
    }
    var order = by.map(\.value)
    for column in columns {
      let values = try table.numbers(column)
      let samplesByGroup = groups.map { rows in rows.map { values[$0] } }
      for stat in stats {
        if stat == .bootstrap {
          let bounds = samplesByGroup.map { Statistics.bootstrap($0, samples: samples, seed: seed) }
          numeric["\(column.value)_boot_low"] = bounds.map(\.low)
          numeric["\(column.value)_boot_high"] = bounds.map(\.high)
          order += ["\(column.value)_boot_low", "\(column.value)_boot_high"]
        } else {
          let name = "\(column.value)_\(stat.name)"
          numeric[name] = samplesByGroup.map { stat.value($0, ddof: ddof) }
          order.append(name)
        }
      }
    }
    table = Table(origin: table.origin, order: order, text: text, numbers: numeric, rowCount: groups.count)
  }
}
