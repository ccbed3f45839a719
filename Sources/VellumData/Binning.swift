import Foundation
import VellumDiagnostics
import VellumSpec

/// Histogram bins computed as numpy computes them: `numpy.histogram_bin_edges` for edges (its rules, its
/// linspace) and `numpy.histogram` for counts (each bin half-open, the last one closed).
public enum Binning {
  /// Bin edges for `values` (NaN left out) over `range` (default: the values' extent; an empty extent widens
  /// by 0.5 each way). `what` names the layer in errors.
  public static func edges(
    _ values: [Double], bins: BinSpec, range: (Double, Double)? = nil, weighted: Bool = false,
    location: SourceLocation? = nil
  ) throws -> [Double] {
    try edges(groups: [values], bins: bins, range: range, weighted: weighted, location: location)
  }

  /// ``edges(_:bins:range:weighted:location:)`` of several groups' values taken together, without joining them:
  /// a count or width of bins needs only their extent.
  public static func edges(
    groups: [[Double]], bins: BinSpec, range: (Double, Double)? = nil, weighted: Bool = false,
    location: SourceLocation? = nil
  ) throws -> [Double] {
    if case .edges(let edges) = bins { return edges }
    var low = Double.infinity
    var high = -Double.infinity
    for values in groups {
      // Each part's extent on its own core, joined in order as one pass would find it.
      let parts = values.withUnsafeBufferPointer { values in
        nonisolated(unsafe) let values = values
        return ParallelChunks.map(ParallelChunks.ranges(count: values.count)) { _, rows in
          extent(values[rows], low: .infinity, high: -.infinity)
        }
      }
      for part in parts {
        if part.low < low { low = part.low }
        if part.high >= high { high = part.high }
      }
    }
    // Only NaN (or nothing) leaves the extent inverted.
    let (first, last) = try outerEdges(low <= high ? (low, high) : nil, range: range, location: location)
    let count: Int
    switch bins {
    case .count(let n): count = n
    case .width(let width):
      // Equal bins of `width` from the first edge, enough to reach the last (at least one).
      let exact = ((last - first) / width).rounded(.up)
      guard exact <= Double(Limits.bins) else {
        throw VellumError(
          .invalidData, "a bin width of \(width) over [\(first), \(last)] gives more than \(Limits.bins) bins",
          at: location)
      }
      let n = max(1, Int(exact))
      return (0...n).map { first + Double($0) * width }
    case .rule(let rule):
      guard !weighted else {
        throw VellumError(
          .invalidSpec, "the \(rule.rawValue) bin rule needs unweighted data (as numpy); give a bin count or edges",
          at: location)
      }
      let finite = groups.joined().filter { !$0.isNaN }
      let inRange = range == nil ? finite : finite.filter { $0 >= first && $0 <= last }
      let width = inRange.isEmpty ? 0 : Self.width(rule, inRange)
      guard width > 0, width.isFinite else {
        count = 1
        break
      }
      let exact = ((last - first) / width).rounded(.up)
      guard exact <= Double(Limits.bins) else {
        throw VellumError(
          .invalidData,
          "the \(rule.rawValue) bin rule gives \(exact) bins, more than the limit of \(Limits.bins); give 'bins' or 'range'",
          at: location)
      }
      count = max(1, Int(exact))
    case .edges(let edges): return edges  // returned above, before the data's extent matters
    }
    return linspace(first, last, count: count + 1)
  }

  /// Sums of `weights` (or counts) of the values in each bin: [e₀, e₁), [e₁, e₂), …, [eₙ₋₁, eₙ].
  /// `low` and `high` widened by `values`, NaN skipped: as `Swift.min` and `Swift.max` fold them, the first of
  /// equal lows and the last of equal highs kept (0 and -0 are equal, but print differently).
  @inline(__always)
  private static func extent(_ values: some Sequence<Double>, low: Double, high: Double) -> (low: Double, high: Double)
  {
    var (low, high) = (low, high)
    for value in values {
      if value < low { low = value }
      if value >= high { high = value }
    }
    return (low, high)
  }

  public static func counts(_ values: [Double], weights: [Double]? = nil, edges: [Double]) -> [Double] {
    // Counts of parts of a large unweighted sample add up exactly (whole numbers), so parts count on every core;
    // weighted sums stay in numpy's order.
    guard weights == nil, values.count >= 2 * ParallelChunks.minimumPerChunk else {
      return counts(values[...], weights: weights, edges: edges)
    }
    let parts = ParallelChunks.map(ParallelChunks.ranges(count: values.count)) { _, rows in
      counts(values[rows], weights: nil, edges: edges)
    }
    return parts.dropFirst().reduce(into: parts[0]) { total, part in
      for bin in total.indices { total[bin] += part[bin] }
    }
  }

  private static func counts(_ values: ArraySlice<Double>, weights: [Double]?, edges: [Double]) -> [Double] {
    var sums = [Double](repeating: 0, count: max(0, edges.count - 1))
    guard let low = edges.first, let high = edges.last, !sums.isEmpty else { return sums }
    // Equal bins (every rule and count): numpy's arithmetic guess, corrected by a step when rounding misplaces it.
    let widths = zip(edges, edges.dropFirst()).map { $1 - $0 }
    let uniform = (widths.max()! - widths.min()!) <= 1e-9 * abs(widths[0])
    let scale = Double(sums.count) / (high - low)
    if weights == nil, uniform {
      // Unweighted: whole-number counts in integers (the same totals), no weight looked up per value, and the
      // edges and counts read without bounds checks.
      let counted = unweightedCounts(values, edges: edges, scale: scale)
      return counted.map { Double($0) }
    }
    for index in values.indices {
      let value = values[index]
      guard value >= low && value <= high else { continue }
      let weight = weights?[index] ?? 1
      guard !weight.isNaN else { continue }
      // Edges a few subnormals apart make the arithmetic guess infinite: such bins are found by bisection.
      let guess = (value - low) * scale
      if uniform, guess.isFinite {
        var bin = min(Int(min(max(guess, 0), Double(sums.count - 1))), sums.count - 1)
        if value < edges[bin] { bin -= 1 } else if bin < sums.count - 1 && value >= edges[bin + 1] { bin += 1 }
        sums[bin] += weight
      } else if let bin = bin(of: value, edges: edges) {
        sums[bin] += weight
      }
    }
    return sums
  }

  /// ``counts(_:weights:edges:)`` for equal bins and no weights: the same arithmetic guess and one-step
  /// correction, bisection where the guess is not finite.
  private static func unweightedCounts(_ values: ArraySlice<Double>, edges: [Double], scale: Double) -> [Int] {
    var counts = [Int](repeating: 0, count: edges.count - 1)
    let last = counts.count - 1
    let low = edges[0]
    let high = edges[last + 1]
    values.withUnsafeBufferPointer { values in
      edges.withUnsafeBufferPointer { edges in
        counts.withUnsafeMutableBufferPointer { counts in
          for value in values {
            guard value >= low && value <= high else { continue }
            let guess = (value - low) * scale
            guard guess.isFinite else {
              if let bin = bin(of: value, edges: Array(edges)) { counts[bin] += 1 }
              continue
            }
            var bin = min(Int(min(max(guess, 0), Double(last))), last)
            if value < edges[bin] { bin -= 1 } else if bin < last && value >= edges[bin + 1] { bin += 1 }
            counts[bin] += 1
          }
        }
      }
    }
    return counts
  }

  /// The bin `value` falls in: [eᵢ, eᵢ₊₁), the last bin closed; nil outside the edges or for NaN.
  public static func bin(of value: Double, edges: [Double]) -> Int? {
    guard let low = edges.first, let high = edges.last, value >= low, value <= high else { return nil }
    var lower = 0
    var upper = edges.count
    while lower < upper {
      let middle = (lower + upper) / 2
      if edges[middle] <= value { lower = middle + 1 } else { upper = middle }
    }
    return min(lower - 1, edges.count - 2)
  }

  /// numpy's `linspace(first, last, count)`: `first + i · step`, the last value exactly `last`.
  static func linspace(_ first: Double, _ last: Double, count: Int) -> [Double] {
    guard count > 1 else { return [first] }
    let step = (last - first) / Double(count - 1)
    var values = (0..<count).map { Double($0) * step + first }
    values[count - 1] = last
    return values
  }

  /// numpy's `_get_outer_edges`.
  private static func outerEdges(
    _ extent: (low: Double, high: Double)?, range: (Double, Double)?, location: SourceLocation?
  ) throws -> (Double, Double) {
    var (first, last): (Double, Double)
    if let range {
      (first, last) = range
    } else if let (low, high) = extent {
      guard low.isFinite, high.isFinite else {
        throw VellumError(
          .invalidData, "the values run from \(low) to \(high); give the histogram a finite 'range'", at: location)
      }
      (first, last) = (low, high)
    } else {
      (first, last) = (0, 1)
    }
    if first == last {
      first -= 0.5
      last += 0.5
    }
    // Past Double's range the bins have no finite width and every value would fall outside them (numpy: "Too
    // many bins for data range").
    guard (last - first).isFinite else {
      throw VellumError(
        .invalidData,
        "the bins would run from \(first) to \(last), a span wider than a Double holds; give a narrower 'range'",
        at: location)
    }
    return (first, last)
  }

  /// The bin width a numpy rule estimates for `x` (non-empty, NaN-free).
  static func width(_ rule: BinRule, _ x: [Double]) -> Double {
    let n = Double(x.count)
    let ptp = x.max()! - x.min()!
    func std() -> Double {
      let mean = x.reduce(0, +) / n
      return (x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
    }
    switch rule {
    case .sqrt: return ptp / n.squareRoot()
    case .sturges: return ptp / (log2(n) + 1)
    case .rice: return ptp / (2 * pow(n, 1.0 / 3))
    case .scott: return pow(24 * Double.pi.squareRoot() / n, 1.0 / 3) * std()
    case .doane:
      guard x.count > 2 else { return 0 }
      let sg1 = (6 * (n - 2) / ((n + 1) * (n + 3))).squareRoot()
      let sigma = std()
      guard sigma > 0 else { return 0 }
      let mean = x.reduce(0, +) / n
      let g1 = x.map { pow(($0 - mean) / sigma, 3) }.reduce(0, +) / n
      return ptp / (1 + log2(n) + log2(1 + abs(g1) / sg1))
    case .fd:
      let iqr = Statistics.quantile(x, 0.75) - Statistics.quantile(x, 0.25)
      return 2 * iqr * pow(n, -1.0 / 3)
    case .auto:
      let corrected = max(width(.fd, x), width(.sqrt, x) / 2)
      return min(corrected, width(.sturges, x))
    }
  }
}

extension HistogramStat {
  /// Bar heights from bin `counts` over `edges`. Cumulative heights add up from the left as matplotlib's
  /// `cumulative=True`: a cumulative density ends at 1.
  /// `total` is what heights are relative to (default: these counts' sum; a stack's grand total when stacked).
  public func apply(_ counts: [Double], edges: [Double], cumulative: Bool = false, total: Double? = nil) -> [Double] {
    let total = total ?? counts.reduce(0, +)
    let widths = zip(edges, edges.dropFirst()).map { $1 - $0 }
    var heights: [Double]
    switch self {
    case .count: heights = counts
    case .density: heights = zip(counts, widths).map { total > 0 ? $0 / total / $1 : 0 }
    case .probability: heights = counts.map { total > 0 ? $0 / total : 0 }
    case .percent: heights = counts.map { total > 0 ? $0 / total * 100 : 0 }
    }
    guard cumulative else { return heights }
    // Densities accumulate as areas (height × width), so the last bar reaches 1.
    let parts = self == .density ? zip(heights, widths).map { $0 * $1 } : heights
    var running = 0.0
    return parts.map {
      running += $0
      return running
    }
  }
}
