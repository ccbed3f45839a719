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
    // Values near Double's limits (1e200 apart) square past it: the kernel would be infinitely wide and draw nothing.
    guard variance.isFinite, mean.isFinite else {
      throw VellumError(
        .invalidData,
        "the samples' variance is past a Double's range (values up to \(samples.map(abs).max() ?? 0)); scale the "
          + "column first (calculate: {expr: x / 1e150, as: x})", at: location)
    }
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

  /// Above this many samples, ``density(at:)`` bins the samples first (linear binning onto 8,192 points), so a
  /// 10 M-sample density costs a few million kernel evaluations; below, it sums every sample exactly.
  public static let exactSamples = 20_000

  /// The density at each of `points`: exact sums for up to ``exactSamples`` samples, binned beyond (each sample's
  /// weight split between its two nearest bin centres, spaced a small fraction of the kernel width apart, which
  /// keeps the relative error near 1e-6).
  public func density(at points: [Double]) -> [Double] {
    guard samples.count > Self.exactSamples, let low = samples.min(), let high = samples.max(), high > low else {
      return points.map { self($0) }
    }
    let bins = 8192
    let step = (high - low) / Double(bins - 1)
    var weights = [Double](repeating: 0, count: bins)
    for sample in samples {
      let position = (sample - low) / step
      let index = min(Int(position), bins - 2)
      let fraction = position - Double(index)
      weights[index] += 1 - fraction
      weights[index + 1] += fraction
    }
    let norm = 1 / (Double(samples.count) * sigma * (2 * Double.pi).squareRoot())
    // Bins farther than 8 kernel widths add less than e^-32 of a sample's weight: left out.
    // At most every bin: a kernel wider than the samples' range (a huge bandwidth) reaches them all.
    let reach = Int(min((8 * sigma / step).rounded(.up), Double(bins)))
    return points.map { x in
      let position = ((x - low) / step).rounded()
      // A point beyond every bin's reach gets none of their weight (less than e^-32 of it).
      guard position.isFinite, position >= -Double(reach), position <= Double(bins - 1 + reach) else { return 0 }
      let center = Int(position)
      var sum = 0.0
      for index in max(0, center - reach)...min(bins - 1, max(0, center + reach)) where weights[index] > 0 {
        let z = (x - (low + Double(index) * step)) / sigma
        sum += weights[index] * exp(-0.5 * z * z)
      }
      return sum * norm
    }
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
