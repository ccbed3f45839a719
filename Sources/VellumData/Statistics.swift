import Foundation

/// Summary statistics that leave NaN out, as pandas does.
public enum Statistics {
  public static func finite(_ values: [Double]) -> [Double] { values.filter { !$0.isNaN } }

  public static func mean(_ values: [Double]) -> Double {
    let v = finite(values)
    return v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count)
  }

  /// Sum of the present values; 0 when there are none (pandas' `sum` with min_count=0).
  static func sum(_ values: [Double]) -> Double {
    // Compensated, so long columns keep the digits pandas' pairwise sum keeps.
    var total = 0.0
    var compensation = 0.0
    for value in values where !value.isNaN {
      let y = value - compensation
      let t = total + y
      compensation = (t - total) - y
      total = t
    }
    return total
  }

  /// Standard deviation dividing by n − `ddof` (pandas' default ddof 1); NaN when n ≤ ddof.
  static func std(_ values: [Double], ddof: Int = 1) -> Double {
    let v = finite(values)
    guard v.count > ddof else { return .nan }
    let m = v.reduce(0, +) / Double(v.count)
    return (v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(v.count - ddof)).squareRoot()
  }

  /// Standard error of the mean: std(ddof) / √n, as pandas' `sem`.
  static func sem(_ values: [Double], ddof: Int = 1) -> Double {
    let n = finite(values).count
    return n > ddof ? std(values, ddof: ddof) / Double(n).squareRoot() : .nan
  }

  public static func median(_ values: [Double]) -> Double { quantile(values, 0.5) }

  /// Linear-interpolated quantile (numpy's default).
  public static func quantile(_ values: [Double], _ q: Double) -> Double {
    let v = finite(values).sorted()
    guard !v.isEmpty else { return .nan }
    let position = q * Double(v.count - 1)
    let low = Int(position.rounded(.down))
    let high = min(low + 1, v.count - 1)
    return v[low] + (v[high] - v[low]) * (position - Double(low))
  }

  /// Half-width of the 95% Student-t confidence interval of the mean.
  static func ci95(_ values: [Double]) -> Double {
    let n = finite(values).count
    guard n > 1 else { return .nan }
    return StudentT.quantile(0.975, degreesOfFreedom: Double(n - 1)) * sem(values)
  }

  /// 2.5th and 97.5th percentiles of `samples` bootstrap means, drawn with a seeded generator.
  static func bootstrap(_ values: [Double], samples: Int, seed: UInt64) -> (low: Double, high: Double) {
    let v = finite(values)
    guard !v.isEmpty else { return (.nan, .nan) }
    var generator = SplitMix64(seed: seed)
    let means = (0..<samples).map { _ in
      (0..<v.count).map { _ in v[Int(generator.next() % UInt64(v.count))] }.reduce(0, +) / Double(v.count)
    }
    return (quantile(means, 0.025), quantile(means, 0.975))
  }
}

/// Student's t distribution: CDF through the regularized incomplete beta function, quantile by bisection.
enum StudentT {
  static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    let x = nu / (nu + t * t)
    let tail = 0.5 * incompleteBeta(x, a: nu / 2, b: 0.5)
    return t >= 0 ? 1 - tail : tail
  }

  static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
    var low = -1000.0
    var high = 1000.0
    for _ in 0..<200 {
      let middle = (low + high) / 2
      if cdf(middle, degreesOfFreedom: nu) < p { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }

  /// Regularized incomplete beta I_x(a, b) by its continued fraction (Numerical Recipes, betacf).
  static func incompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let gammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
    let powers: Double = a * log(x) + b * log(1 - x)
    let logFront = gammas + powers
    if x < (a + 1) / (a + b + 2) { return exp(logFront) * continuedFraction(x, a: a, b: b) / a }
    return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
  }

  private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...300 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1 + 2 * m))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-15 { break }
    }
    return h
  }
}
