import Foundation
import VellumDiagnostics
import VellumSpec

/// A one-dimensional Gaussian kernel density estimate computed as `scipy.stats.gaussian_kde` computes it: the
/// kernel's variance is the data's unbiased variance times the bandwidth factor squared.
public struct KernelDensity: Sendable {
  /// The samples, NaN left out.
  public let samples: [Double]
  /// The bandwidth factor (scipy's `kde.factor`).
  public let factor: Double
  /// The kernel's standard deviation, in data units (seaborn's `bw`).
  public let sigma: Double

  /// Fails on fewer than two distinct samples, where scipy's covariance is singular too.
  public init(_ values: [Double], bandwidth: Bandwidth, location: SourceLocation? = nil) throws {
    samples = values.filter { !$0.isNaN }
    let n = Double(samples.count)
    guard samples.count >= 2, samples.allSatisfy(\.isFinite) else {
      throw VellumError(
        .invalidData, "a density needs at least two finite samples, found \(samples.count)", at: location)
    }
    let mean = samples.reduce(0, +) / n
    let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
    guard variance > 0 else {
      throw VellumError(.invalidData, "a density needs samples that differ; all are \(samples[0])", at: location)
    }
    switch bandwidth {
    case .scott: factor = pow(n, -1.0 / 5)
    case .silverman: factor = pow(n * 3 / 4, -1.0 / 5)
    case .factor(let value): factor = value
    }
    sigma = variance.squareRoot() * factor
  }

  /// The density at `x`.
  public func callAsFunction(_ x: Double) -> Double {
    let norm = 1 / (Double(samples.count) * sigma * (2 * Double.pi).squareRoot())
    var sum = 0.0
    for sample in samples {
      let z = (x - sample) / sigma
      sum += exp(-0.5 * z * z)
    }
    return sum * norm
  }

  /// `count` evenly spaced points from `cut` kernel widths below the smallest sample to `cut` above the largest
  /// (seaborn's support), kept inside `clip`.
  public func grid(cut: Double, count: Int, clip: (Double, Double)? = nil) -> [Double] {
    var low = samples.min()! - cut * sigma
    var high = samples.max()! + cut * sigma
    if let clip {
      low = max(low, clip.0)
      high = min(high, clip.1)
    }
    guard count > 1, high > low else { return [low] }
    return Binning.linspace(low, high, count: count)
  }
}
