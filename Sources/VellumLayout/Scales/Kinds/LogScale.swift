import Foundation
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `scale: log`: logarithmic with `base`; values at or below zero are left out. Ticks at whole powers (every n-th
/// when there are many), labelled base^k.
struct LogScale: PositionScale {
  /// The logarithm base, shared with symlog.
  static let baseKey = SpecKey(
    "base", SpecSchema.bounded(above: 1), "the logarithm base, above 1", defaultValue: 10.0)

  static let kind = ScaleKind(
    "log", meaning: "logarithmic; values at or below 0 are left out", keys: [baseKey], limits: SpecSchema.positive
  ) {
    LogScale(base: try base($0))
  }

  /// `base` of a log or symlog axis: above 1 (matplotlib's locator asserts as much; a base below 1 would only
  /// flip the axis, which `reverse` does).
  static func base(_ map: SpecMapping) throws -> Double {
    try map.optional("base") { node in
      let value = try node.positive("a logarithm base")
      guard value > 1 else {
        throw node.error(
          "a logarithm base must be above 1, found \(node.scalarText ?? "\(value)") (reverse: true flips an axis)")
      }
      return value
    } ?? 10
  }

  var base = 10.0

  var reading: ScaleReading { .numbers }
  var transform: AxisMapping.Transform { .log(base: base) }
  var emptyLimits: (Double, Double) { (1, 10) }

  func checkLimits(_ low: Double, _ high: Double, at node: SpecNode) throws {
    if low <= 0 || high <= 0 { throw node.error("limits of a log axis must be positive, found [\(low), \(high)]") }
  }

  func autoTicks(low: Double, high: Double, maxBins: Int, categories: [String]) -> [Double] {
    let decades = TickLocator.powers(of: base, from: low, to: high, maxBins: maxBins)
    return decades.count >= 2 ? decades : TickLocator.maxN(low: low, high: high, bins: maxBins)
  }

  /// 2…9 × each power (for whole bases of 3 or more), as matplotlib's LogLocator(subs='auto').
  func minorTicks(majors: [Double], low: Double, high: Double) -> [Double] {
    let (lo, hi) = (min(low, high), max(low, high))
    guard base >= 3, base == base.rounded(), lo > 0 else { return [] }
    let (firstPower, lastPower) = (
      (Foundation.log(lo) / Foundation.log(base)).rounded(.down),
      (Foundation.log(hi) / Foundation.log(base)).rounded(.up)
    )
    // base − 2 minor ticks a power: past 10,000 in all (a base in the thousands, or one too large for an Int)
    // there would be more than can be drawn apart, so there are none.
    guard lastPower - firstPower < 40, (lastPower - firstPower + 1) * (base - 2) <= 10_000 else { return [] }
    let (first, last) = (Int(firstPower), Int(lastPower))
    var minors: [Double] = []
    for k in first...last {
      for m in 2..<Int(base) {
        let value = TickLocator.clean(Double(m) * pow(base, Double(k)))
        if value >= lo && value <= hi { minors.append(value) }
      }
    }
    let majorSet = Set(majors)
    return minors.filter { !majorSet.contains($0) }
  }

  func labels(_ values: [Double], format: AxisSpec.TickFormat, decimals: Int?, categories: [String])
    -> (labels: [TickText], offset: TickText?)
  {
    TickFormatter.powerLabels(values, base: base, format: format, decimals: decimals)
      ?? TickFormatter.labels(values, format: format, decimals: decimals)
  }

  /// The decades below and above (a power of the base widens to the powers next to it), as matplotlib's
  /// `LogLocator.nonsingular`.
  func widened(_ value: Double) -> (Double, Double) {
    let power = log(value) / log(base)
    var (below, above) = (pow(base, power.rounded(.down)), pow(base, power.rounded(.up)))
    if below >= value { below /= base }
    if above <= value { above *= base }
    guard below.isFinite, above.isFinite, below > 0 else {
      let t = transform.forward(value)
      return (transform.inverse(t - 1), transform.inverse(t + 1))
    }
    return (below, above)
  }

  func check(extent: (Double, Double)?, axis: AxisSpec, hasLayers: Bool, at location: SourceLocation?) throws {
    try requireShownValues(
      extent: extent, axis: axis, hasLayers: hasLayers, at: location,
      none: "logarithmic but no \(axis.name) value is positive")
  }
}
