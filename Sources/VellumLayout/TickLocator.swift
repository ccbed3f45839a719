import Foundation
import VellumSpec

/// Chooses major and minor tick values within an axis's limits.
enum TickLocator {
  /// matplotlib's AutoMinorLocator: 4 or 5 intervals between majors, by the step's mantissa.
  static func autoMinor(majors: [Double], low lo: Double, high hi: Double) -> [Double] {
    guard majors.count >= 2 else { return [] }
    let step = majors[1] - majors[0]
    guard step > 0 else { return [] }
    let mantissa = step / pow(10, (log10(step)).rounded(.down))
    let divisions = [1.0, 2.5, 5.0, 10.0].contains { abs($0 - mantissa) < 1e-9 } ? 5.0 : 4.0
    let majorSet = Set(majors)
    return multiples(of: step / divisions, from: lo, to: hi).filter { !majorSet.contains($0) }
  }

  /// Every multiple of `step` within [lo, hi], cleaned of floating-point noise.
  static func multiples(of step: Double, from lo: Double, to hi: Double) -> [Double] {
    guard step > 0, (hi - lo) / step < 10_000 else { return [] }
    let first = (lo / step - 1e-9).rounded(.up)
    let last = (hi / step + 1e-9).rounded(.down)
    guard first <= last else { return [] }
    return stride(from: first, through: last, by: 1).map { clean($0 * step) }
  }

  /// matplotlib's MaxNLocator (steps 1, 2, 2.5, 5, 10, at least two ticks) as its `_raw_ticks` computes it,
  /// floating-point comparisons included, so an axis gets the same ticks as in matplotlib: e.g. 0.88…0.93 in 5
  /// bins steps by 0.02 because 0.93 − 0.88 is a hair above 0.05. Only ticks within [lo, hi] are kept.
  static func maxN(low lo: Double, high hi: Double, bins: Int, steps base: [Double] = [1, 2, 2.5, 5, 10]) -> [Double] {
    guard hi > lo, (hi - lo).isFinite else { return lo.isFinite ? [clean(lo)] : [] }
    // matplotlib draws the ticks inside the view interval, compared with a relative tolerance.
    let tolerance = (hi - lo) * 1e-10
    let ticks = rawMaxN(low: lo, high: hi, bins: max(1, min(9, bins)), minimumInside: 2, steps: base)
      .filter { $0 >= lo - tolerance && $0 <= hi + tolerance }
    let step = ticks.count > 1 ? (ticks[1] - ticks[0]) : 0
    return ticks.map { clean($0, step: step) }
  }

  /// ``clean(_:)`` keeping a thousandth of `step` too (up to 15 significant digits), so ticks close together far
  /// from zero (1e9 + 0.0002) stay apart.
  static func clean(_ value: Double, step: Double) -> Double {
    guard value != 0, value.isFinite, step > 0, step.isFinite else { return clean(value) }
    let magnitude = Int((log10(abs(value))).rounded(.up))
    let digits = min(15 - magnitude, max(12 - magnitude, Int((-log10(step)).rounded(.up)) + 3))
    let factor = pow(10, Double(digits))
    let cleaned = (value * factor).rounded() / factor
    return cleaned == 0 ? 0 : cleaned
  }

  /// MaxNLocator's `tick_values`: every tick of the chosen step, one past each end included, the step the smallest
  /// that puts at least `minimumInside` ticks within [lo, hi] (contour levels ask for one).
  static func rawMaxN(
    low lo: Double, high hi: Double, bins: Int, minimumInside: Int, steps base: [Double] = [1, 2, 2.5, 5, 10]
  ) -> [Double] {
    let nbins = Double(max(1, bins))
    guard hi > lo, (hi - lo).isFinite else { return lo.isFinite ? [lo] : [] }
    // scale_range: an offset for data far from zero, and the power of ten of a bin.
    let span = hi - lo
    let mean = (hi + lo) / 2
    let offset = abs(mean) / span < 100 ? 0 : copysign(pow(10, floorDivision(log10(abs(mean)), 1)), mean)
    let scale = pow(10, floorDivision(log10(span / nbins), 1))
    let (vmin, vmax) = (lo - offset, hi - offset)
    // matplotlib's staircase: the steps a tenth as large and the next one ten times as large around them.
    let steps = (base.dropLast().map { $0 / 10 } + base + [base[1] * 10]).map { $0 * scale }
    let rawStep = (vmax - vmin) / nbins
    let firstLarge = steps.firstIndex { $0 >= rawStep } ?? steps.count - 1
    var ticks: [Double] = []
    for step in steps[...firstLarge].reversed() {
      let best = floorDivision(vmin, step) * step
      let edge = EdgeInteger(step: step, offset: offset)
      let low = edge.le(vmin - best)
      let high = edge.ge(vmax - best)
      guard high - low < 10_000 else { continue }
      ticks = stride(from: low, through: high, by: 1).map { $0 * step + best }
      if ticks.filter({ $0 <= vmax && $0 >= vmin }).count >= minimumInside { break }
    }
    return ticks.map { $0 + offset }
  }

  /// Python's `//` on floats.
  private static func floorDivision(_ a: Double, _ b: Double) -> Double { pythonDivmod(a, b).quotient }

  /// CPython's float `divmod`: the remainder from `fmod` moved to the divisor's sign, the quotient rounded from
  /// the exact difference, so `//` and `%` agree with matplotlib's arithmetic to the last bit.
  static func pythonDivmod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
    var remainder = fmod(x, y)
    if remainder != 0 {
      if (y < 0) != (remainder < 0) { remainder += y }
    } else {
      remainder = copysign(0, y)
    }
    let division = (x - remainder) / y
    guard division != 0 else { return (copysign(0, x / y), remainder) }
    var quotient = division.rounded(.down)
    if division - quotient > 0.5 { quotient += 1 }
    return (quotient, remainder)
  }

  /// matplotlib's `_Edge_integer`: tick indices at the ends of the range, forgiving rounding near whole steps.
  private struct EdgeInteger {
    let step: Double
    let offset: Double

    private func close(_ ms: Double, _ edge: Double) -> Bool {
      var tolerance = 1e-10
      if offset != 0 {
        let digits = log10(abs(offset) / step)
        tolerance = min(0.4999, max(1e-10, pow(10, digits - 12)))
      }
      return abs(ms - edge) < tolerance
    }

    /// The largest n with n × step ≤ x.
    func le(_ x: Double) -> Double {
      let (d, m) = divmod(x)
      return close(m / step, 1) ? d + 1 : d
    }

    /// The smallest n with n × step ≥ x.
    func ge(_ x: Double) -> Double {
      let (d, m) = divmod(x)
      return close(m / step, 0) ? d : d + 1
    }

    private func divmod(_ x: Double) -> (Double, Double) {
      let result = TickLocator.pythonDivmod(x, step)
      return (result.quotient, result.remainder)
    }
  }

  /// Whole powers of `base` inside [lo, hi], every n-th one when there are more than `maxBins`.
  static func powers(of base: Double, from lo: Double, to hi: Double, maxBins: Int) -> [Double] {
    guard lo > 0 else { return [] }
    let first = Int((Foundation.log(lo) / Foundation.log(base) - 1e-9).rounded(.up))
    let last = Int((Foundation.log(hi) / Foundation.log(base) + 1e-9).rounded(.down))
    guard first <= last, last - first < 1000 else { return [] }
    let stride = max(1, Int((Double(last - first + 1) / Double(max(1, maxBins))).rounded(.up)))
    // Strided decades at multiples of the stride, so 10⁰ is on the grid, as matplotlib's LogLocator puts them
    // since 3.10; a range the multiples would leave with one tick keeps its first decade's phase instead.
    let anchor = (first...last).filter { $0 % stride == 0 }.count >= 2 ? 0 : ((first % stride) + stride) % stride
    return (first...last).filter { (($0 % stride) + stride) % stride == anchor }.map { clean(pow(base, Double($0))) }
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
