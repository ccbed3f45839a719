import Foundation
import VellumScene
import VellumSpec

/// `scale: symlog`: linear within ±`linthresh`, logarithmic beyond (matplotlib's symlog), so data crossing zero
/// and spanning decades both show.
struct SymlogScale: PositionScale {
  static let kind = ScaleKind(
    "symlog", meaning: "linear near zero, logarithmic beyond",
    keys: [
      LogScale.baseKey,
      SpecKey(
        "linthresh", SpecSchema.positive, "the range (−linthresh, linthresh) drawn linearly (matplotlib's default)",
        defaultValue: 2.0),
      SpecKey("linscale", SpecSchema.positive, "the width of that linear range, in decades", defaultValue: 1.0),
    ]
  ) { map in
    SymlogScale(
      base: try LogScale.base(map),
      linthresh: try map.optional("linthresh") { try $0.positive("a linear threshold") } ?? 2,
      linscale: try map.optional("linscale") { try $0.positive("a linear scale in decades") } ?? 1)
  }

  var base = 10.0
  var linthresh = 2.0
  var linscale = 1.0

  var reading: ScaleReading { .numbers }
  var transform: AxisMapping.Transform { .symlog(base: base, linthresh: linthresh, linscale: linscale) }

  /// matplotlib's SymmetricalLogLocator (15 ticks at most): a range inside ±linthresh ticks at its ends and 0;
  /// otherwise 0 when the linear part shows, and whole powers of the base from the threshold's decade outwards on
  /// each side, every stride-th when there are many.
  func autoTicks(low: Double, high: Double, maxBins: Int, categories: [String]) -> [Double] {
    let (vmin, vmax) = (min(low, high), max(low, high))
    guard vmin.isFinite, vmax.isFinite, vmin < vmax else { return [] }
    let t = linthresh
    if -t <= vmin && vmax <= t { return Array(Set([vmin, 0, vmax])).sorted() }
    let (hasNegative, hasPositive) = (vmin < -t, vmax > t)
    let hasLinear = (hasNegative && vmax > -t) || (hasPositive && vmin < t)
    func decades(_ lo: Double, _ hi: Double) -> (Double, Double) {
      ((log(lo) / log(base)).rounded(.down), (log(hi) / log(base)).rounded(.up))
    }
    let negative = hasNegative ? decades(abs(min(-t, vmax)), abs(vmin) + 1) : (0, 0)
    let positive = hasPositive ? decades(max(t, vmin), vmax + 1) : (0, 0)
    let total = (negative.1 - negative.0) + (positive.1 - positive.0) + (hasLinear ? 1 : 0)
    let every = max((total / 14).rounded(.down), 1)
    guard total.isFinite, total < 100_000 else { return [] }
    var ticks: [Double] = []
    if hasNegative {
      ticks += Swift.stride(from: negative.0, to: negative.1, by: every).map { -pow(base, $0) }.reversed()
    }
    if hasLinear { ticks.append(0) }
    if hasPositive { ticks += Swift.stride(from: positive.0, to: positive.1, by: every).map { pow(base, $0) } }
    return ticks.filter { $0 >= vmin && $0 <= vmax }
  }

  func labels(_ values: [Double], format: AxisSpec.TickFormat, decimals: Int?, categories: [String])
    -> (labels: [TickText], offset: TickText?)
  {
    TickFormatter.powerLabels(values, base: base, format: format, decimals: decimals)
      ?? TickFormatter.labels(values, format: format, decimals: decimals)
  }
}
