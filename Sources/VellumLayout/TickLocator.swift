import Foundation
import VellumSpec

/// Chooses major and minor tick values within an axis's limits.
enum TickLocator {
  /// Major ticks for `placement`; `maxBins` bounds the automatic choice (from axis length and label size).
  static func ticks(
    _ placement: AxisSpec.TickPlacement, low: Double, high: Double, maxBins: Int, transform: ScaleTransform = .linear
  ) -> [Double] {
    let (lo, hi) = (min(low, high), max(low, high))
    let tolerance = (hi - lo) * 1e-9
    switch placement {
    case .values(let values, _):
      return values.filter { $0 >= lo - tolerance && $0 <= hi + tolerance }
    case .step(let step):
      return multiples(of: step, from: lo, to: hi)
    case .auto:
      switch transform {
      case .linear:
        return multiples(of: niceStep(low: lo, high: hi, maxBins: maxBins), from: lo, to: hi)
      case .log(let base):
        let decades = powers(of: base, from: lo, to: hi, maxBins: maxBins)
        return decades.count >= 2
          ? decades : multiples(of: niceStep(low: lo, high: hi, maxBins: maxBins), from: lo, to: hi)
      case .symlog(let base, let threshold, _):
        return symlogTicks(base: base, threshold: threshold, low: lo, high: hi, maxBins: maxBins)
      }
    }
  }

  /// Minor ticks: matplotlib's AutoMinorLocator (4 or 5 per interval) on linear axes, 2…9 × base^k on log axes.
  static func minorTicks(majors: [Double], low: Double, high: Double, transform: ScaleTransform) -> [Double] {
    let (lo, hi) = (min(low, high), max(low, high))
    switch transform {
    case .log(let base):
      guard base >= 3, base == base.rounded() else { return [] }
      let first = Int((Foundation.log(lo) / Foundation.log(base)).rounded(.down))
      let last = Int((Foundation.log(hi) / Foundation.log(base)).rounded(.up))
      guard last - first < 40 else { return [] }
      var minors: [Double] = []
      for k in first...last {
        for m in 2..<Int(base) {
          let value = clean(Double(m) * pow(base, Double(k)))
          if value >= lo && value <= hi { minors.append(value) }
        }
      }
      let majorSet = Set(majors)
      return minors.filter { !majorSet.contains($0) }
    case .linear, .symlog:
      guard majors.count >= 2 else { return [] }
      let step = majors[1] - majors[0]
      let mantissa = step / pow(10, (log10(step)).rounded(.down))
      let divisions = [1.0, 2.5, 5.0, 10.0].contains { abs($0 - mantissa) < 1e-9 } ? 5.0 : 4.0
      let majorSet = Set(majors)
      return multiples(of: step / divisions, from: lo, to: hi).filter { !majorSet.contains($0) }
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

  /// Whole powers of `base` inside [lo, hi], every n-th one when there are more than `maxBins`.
  static func powers(of base: Double, from lo: Double, to hi: Double, maxBins: Int) -> [Double] {
    guard lo > 0 else { return [] }
    let first = Int((Foundation.log(lo) / Foundation.log(base) - 1e-9).rounded(.up))
    let last = Int((Foundation.log(hi) / Foundation.log(base) + 1e-9).rounded(.down))
    guard first <= last, last - first < 1000 else { return [] }
    let stride = max(1, Int((Double(last - first + 1) / Double(max(1, maxBins))).rounded(.up)))
    // Keep 10⁰ (or the decade nearest it) on the grid, as matplotlib does.
    let anchor = ((first % stride) + stride) % stride
    return (first...last).filter { (($0 % stride) + stride) % stride == anchor }.map { clean(pow(base, Double($0))) }
  }

  private static func symlogTicks(base: Double, threshold: Double, low: Double, high: Double, maxBins: Int) -> [Double]
  {
    var values: [Double] = []
    if low <= 0 && high >= 0 { values.append(0) }
    let positive = high >= threshold ? powers(of: base, from: max(threshold, low), to: high, maxBins: maxBins) : []
    let negative = low <= -threshold ? powers(of: base, from: max(threshold, -high), to: -low, maxBins: maxBins) : []
    values += positive + negative.map { -$0 }
    return values.sorted()
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
