import VellumScene
import VellumSpec

/// `scale: symlog`: linear within ±`linthresh`, logarithmic beyond (matplotlib's symlog), so data crossing zero
/// and spanning decades both show.
struct SymlogScale: PositionScale {
  static let kind = ScaleKind(
    "symlog", meaning: "linear near zero, logarithmic beyond",
    keys: [
      LogScale.baseKey,
      SpecKey("linthresh", SpecSchema.positive, "the range (−linthresh, linthresh) drawn linearly", defaultValue: 1.0),
      SpecKey("linscale", SpecSchema.positive, "the width of that linear range, in decades", defaultValue: 1.0),
    ]
  ) { map in
    SymlogScale(
      base: try LogScale.base(map),
      linthresh: try map.optional("linthresh") { try $0.positive("a linear threshold") } ?? 1,
      linscale: try map.optional("linscale") { try $0.positive("a linear scale in decades") } ?? 1)
  }

  var base = 10.0
  var linthresh = 1.0
  var linscale = 1.0

  var reading: ScaleReading { .numbers }
  var transform: AxisMapping.Transform { .symlog(base: base, linthresh: linthresh, linscale: linscale) }

  /// 0 when the range holds it, and whole powers at or beyond the threshold on each side.
  func autoTicks(low: Double, high: Double, maxBins: Int, categories: [String]) -> [Double] {
    var values: [Double] = []
    if low <= 0 && high >= 0 { values.append(0) }
    let positive =
      high >= linthresh ? TickLocator.powers(of: base, from: max(linthresh, low), to: high, maxBins: maxBins) : []
    let negative =
      low <= -linthresh ? TickLocator.powers(of: base, from: max(linthresh, -high), to: -low, maxBins: maxBins) : []
    values += positive + negative.map { -$0 }
    return values.sorted()
  }

  func labels(_ values: [Double], format: AxisSpec.TickFormat, decimals: Int?, categories: [String])
    -> (labels: [TickText], offset: TickText?)
  {
    TickFormatter.powerLabels(values, base: base, format: format, decimals: decimals)
      ?? TickFormatter.labels(values, format: format, decimals: decimals)
  }
}
