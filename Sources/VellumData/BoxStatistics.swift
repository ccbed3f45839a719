import Foundation

/// Where box-plot whiskers end: at a multiple of the IQR beyond the quartiles, or at two percentiles.
public enum WhiskerRule: Sendable, Equatable {
  case iqr(Double)
  case percentiles(Double, Double)
}

/// The numbers a box plot draws, computed as `matplotlib.cbook.boxplot_stats`: numpy's linear quartiles,
/// whiskers at the most extreme samples within the rule's reach (never inside the box), fliers beyond them,
/// the mean, and the notch (median ± 1.57 · IQR / √n).
public struct BoxStatistics: Sendable, Equatable {
  public var q1, median, q3, mean: Double
  public var whiskerLow, whiskerHigh: Double
  public var notchLow, notchHigh: Double
  /// Samples beyond the whiskers, low ones first, in data order.
  public var fliers: [Double]

  public var iqr: Double { q3 - q1 }

  /// nil when no sample is a number.
  public init?(_ values: [Double], whiskers: WhiskerRule = .iqr(1.5)) {
    let x = values.filter { !$0.isNaN }
    guard !x.isEmpty else { return nil }
    mean = x.reduce(0, +) / Double(x.count)
    q1 = Statistics.quantile(x, 0.25)
    median = Statistics.quantile(x, 0.5)
    q3 = Statistics.quantile(x, 0.75)
    let iqr = q3 - q1
    notchLow = median - 1.57 * iqr / Double(x.count).squareRoot()
    notchHigh = median + 1.57 * iqr / Double(x.count).squareRoot()
    let (low, high): (Double, Double)
    switch whiskers {
    case .iqr(let factor): (low, high) = (q1 - factor * iqr, q3 + factor * iqr)
    case .percentiles(let a, let b): (low, high) = (Statistics.quantile(x, a / 100), Statistics.quantile(x, b / 100))
    }
    let (lower, upper) = (q1, q3)
    let highest = x.filter { $0 <= high }.max().map { $0 < upper ? upper : $0 } ?? upper
    let lowest = x.filter { $0 >= low }.min().map { $0 > lower ? lower : $0 } ?? lower
    (whiskerLow, whiskerHigh) = (lowest, highest)
    fliers = x.filter { $0 < lowest } + x.filter { $0 > highest }
  }
}
