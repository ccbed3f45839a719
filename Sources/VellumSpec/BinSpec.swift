/// numpy's automatic bin-width rules (`numpy.histogram_bin_edges(bins=NAME)`).
public enum BinRule: String, Sendable, CaseIterable {
  case auto, fd, sturges, scott, sqrt, rice, doane
}

/// How a histogram's bins are chosen: a count of equal bins, a width, explicit edges, or a numpy rule.
public enum BinSpec: Sendable, Equatable {
  case count(Int)
  /// Equal bins of this width, from the smallest value (seaborn's `binwidth`).
  case width(Double)
  /// Increasing edges; values outside them are left out.
  case edges([Double])
  case rule(BinRule)

  /// `bins`: a count, a numpy rule, a list of increasing edges or `{width: W}`.
  public static let schema = JSONValue.object([
    "anyOf": .array([
      SpecSchema.bounded(minimum: 1, maximum: Double(Limits.bins), integer: true),
      SpecSchema.enumeration(BinRule.allCases.map(\.rawValue)), SpecSchema.array(SpecSchema.number),
      widthObject.schema,
    ])
  ])

  static let widthObject = SpecObject(
    "bin width",
    purpose: "Equal bins of one width, starting at the smallest value (seaborn's binwidth).",
    keys: [SpecKey("width", SpecSchema.positive, "the width of every bin, in data units", example: "0.05")],
    required: ["width"], example: "{axes: {layers: [{histogram: {x: latency, bins: {width: 0.05}}}]}}")

  /// matplotlib's default, `rcParams["hist.bins"]`.
  public static let matplotlibDefault = BinSpec.count(10)

  /// `10`, `auto` (or another rule), `{width: 0.05}`, or a list of edges.
  public static func decode(_ node: SpecNode) throws -> BinSpec {
    if node.isSequence {
      let edges = try node.list("a list of bin edges").map { try $0.double("a bin edge") }
      guard edges.count >= 2, edges.count <= Limits.bins + 1 else {
        throw node.error("bin edges need between 2 and \(Limits.bins + 1) values, found \(edges.count)")
      }
      guard zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }) else {
        throw node.error("bin edges must increase")
      }
      return .edges(edges)
    }
    if node.isMapping {
      let map = try node.mapping(widthObject)
      return .width(try map.required("width") { try $0.positive("a bin width") })
    }
    if let text = node.scalarText, Int(text) == nil {
      guard let rule = BinRule(rawValue: text) else {
        throw node.error(
          unknownNameMessage(text, kind: "bin rule", candidates: BinRule.allCases.map(\.rawValue))
            + "; or give a bin count, {width: W} or a list of edges")
      }
      return .rule(rule)
    }
    let count = try node.int("a bin count")
    guard (1...Limits.bins).contains(count) else {
      throw node.error("a bin count must be between 1 and \(Limits.bins), found \(count)")
    }
    return .count(count)
  }
}

/// What a histogram bar's height is.
public enum HistogramStat: String, Sendable, CaseIterable {
  /// Count (or sum of weights) per bin.
  case count
  /// Count / (total · bin width): the bars' area is 1 (numpy's and matplotlib's `density=True`).
  case density
  /// Count / total: the heights add up to 1.
  case probability
  /// Count / total × 100.
  case percent
}

/// How a Gaussian KDE's bandwidth is chosen, as `scipy.stats.gaussian_kde(bw_method=…)`.
public enum Bandwidth: Sendable, Equatable {
  /// n^(−1/5).
  case scott
  /// (3n/4)^(−1/5).
  case silverman
  /// The factor itself: the kernel's standard deviation is this times the data's.
  case factor(Double)

  /// `scott`, `silverman` or a positive number.
  public static func decode(_ node: SpecNode) throws -> Bandwidth {
    switch node.scalarText {
    case "scott": return .scott
    case "silverman": return .silverman
    default:
      guard let text = node.scalarText, Double(text) != nil else {
        throw node.error("expected a bandwidth: scott, silverman or a positive factor such as 0.3")
      }
      return .factor(try node.positive("a bandwidth factor"))
    }
  }
}
