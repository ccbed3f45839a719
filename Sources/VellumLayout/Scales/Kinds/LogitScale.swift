import Foundation
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `scale: logit`: log10(p / (1 − p)) for probabilities 0 < p < 1 (matplotlib's logit scale), spreading out
/// values near 0 and 1; ticks at 10⁻ᵏ, ½ and 1 − 10⁻ᵏ as matplotlib's LogitLocator and LogitFormatter place and
/// write them, linear steps when the range holds fewer than two of those.
struct LogitScale: PositionScale {
  static let kind = ScaleKind(
    "logit", meaning: "log(p / (1 − p)) for probabilities between 0 and 1",
    limits: .object(["type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1])
  ) { _ in
    LogitScale()
  }

  var reading: ScaleReading { .numbers }
  var transform: AxisMapping.Transform { .logit }
  var emptyLimits: (Double, Double) { (0.1, 0.9) }

  func checkLimits(_ low: Double, _ high: Double, at node: SpecNode) throws {
    guard low > 0, low < 1, high > 0, high < 1 else {
      throw node.error("limits of a logit axis must lie between 0 and 1, found [\(low), \(high)]")
    }
  }

  /// The tick of index b: 10^b below ½, ½ at 0, 1 − 10^−b above.
  private func ideal(_ b: Int) -> Double { b < 0 ? pow(10, Double(b)) : b > 0 ? 1 - pow(10, Double(-b)) : 0.5 }

  func autoTicks(low: Double, high: Double, maxBins: Int, categories: [String]) -> [Double] {
    guard low > 0, high < 1, low < high else { return [] }
    let lowest = low < 0.5 ? Int(log10(low).rounded(.down)) : low < 0.9 ? 0 : -Int(log10(1 - low).rounded(.up))
    let highest = high <= 0.5 ? Int(log10(high).rounded(.up)) : high <= 0.9 ? 1 : -Int(log10(1 - high).rounded(.down))
    let count = highest - lowest - 1
    guard count >= 2 else {
      // Zoomed in: the linear steps of matplotlib's MaxNLocator(steps=[1, 2, 5, 10]).
      return TickLocator.maxN(low: low, high: high, bins: maxBins, steps: [1, 2, 5, 10])
    }
    let every = count > maxBins ? Int((Double(count) / Double(max(1, maxBins))).rounded(.up)) : 1
    return (lowest...highest).filter { ((($0 % every) + every) % every) == 0 }.map(ideal).filter {
      $0 >= low * (1 - 1e-9) && $0 <= high + (1 - high) * 1e-9
    }
  }

  func minorTicks(majors: [Double], low: Double, high: Double) -> [Double] { [] }

  /// 10^{−k}, ½ and 1 − 10^{−k} in TeX; other ticks (linear steps) as decimals, ½ still as a fraction.
  func labels(_ values: [Double], format: AxisSpec.TickFormat, decimals: Int?, categories: [String])
    -> (labels: [TickText], offset: TickText?)
  {
    guard format == .auto else { return TickFormatter.labels(values, format: format, decimals: decimals) }
    let plain = TickFormatter.labels(values, format: .plain, decimals: decimals).labels
    return (
      zip(values, plain).map { value, text in
        if value == 0.5 { return .tex("$\\frac{1}{2}$") }
        let below = value < 0.5 ? value : 1 - value
        let k = log10(below)
        guard abs(k - k.rounded()) < 1e-9, k.rounded() <= -1 else { return text }
        return .tex(value < 0.5 ? "$10^{\(Int(k.rounded()))}$" : "$1-10^{\(Int(k.rounded()))}$")
      }, nil
    )
  }

  /// Half a decade of odds each way, kept inside (0, 1).
  func widened(_ value: Double) -> (Double, Double) {
    let t = transform.forward(value)
    return (transform.inverse(t - 0.5), transform.inverse(t + 0.5))
  }

  func check(extent: (Double, Double)?, axis: AxisSpec, hasLayers: Bool, at location: SourceLocation?) throws {
    try requireShownValues(
      extent: extent, axis: axis, hasLayers: hasLayers, at: location,
      none: "logit but no \(axis.name) value lies between 0 and 1")
  }
}
