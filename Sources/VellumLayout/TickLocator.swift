import Foundation
import VellumSpec

/// Chooses tick values within an axis's limits.
enum TickLocator {
  /// Tick values for `placement`; `maxTicks` bounds the automatic choice (from axis length and label size).
  static func ticks(_ placement: AxisSpec.TickPlacement, low: Double, high: Double, maxBins: Int) -> [Double] {
    let (lo, hi) = (min(low, high), max(low, high))
    let tolerance = (hi - lo) * 1e-9
    switch placement {
    case .values(let values, _):
      return values.filter { $0 >= lo - tolerance && $0 <= hi + tolerance }
    case .step(let step):
      return multiples(of: step, from: lo, to: hi)
    case .auto:
      return multiples(of: niceStep(low: lo, high: hi, maxBins: maxBins), from: lo, to: hi)
    }
  }

  /// Every multiple of `step` within [lo, hi], cleaned of floating-point noise.
  static func multiples(of step: Double, from lo: Double, to hi: Double) -> [Double] {
    guard step > 0, (hi - lo) / step < 10_000 else { return [] }
    let first = (lo / step - 1e-9).rounded(.up)
    let last = (hi / step + 1e-9).rounded(.down)
    guard first <= last else { return [] }
    return stride(from: first, through: last, by: 1).map { clean($0 * step) }
  }

  /// The smallest of matplotlib's MaxNLocator steps (1, 2, 2.5, 5, 10 × 10ⁿ) giving at most `maxBins` intervals.
  static func niceStep(low: Double, high: Double, maxBins: Int) -> Double {
    let bins = Double(max(1, maxBins))
    let raw = (high - low) / bins
    guard raw > 0, raw.isFinite else { return 1 }
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    for factor in [1, 2, 2.5, 5, 10] {
      let step = factor * magnitude
      let intervals = ((high / step) + 1e-9).rounded(.down) - ((low / step) - 1e-9).rounded(.up)
      if intervals <= bins && step >= raw * (1 - 1e-9) { return step }
    }
    return 10 * magnitude
  }

  /// Rounds to 12 significant digits so 3 × 0.1 prints as 0.3.
  static func clean(_ value: Double) -> Double {
    guard value != 0, value.isFinite else { return 0 }
    let digits = 12 - Int((log10(abs(value))).rounded(.up))
    let factor = pow(10, Double(digits))
    let cleaned = (value * factor).rounded() / factor
    return cleaned == 0 ? 0 : cleaned
  }
}
