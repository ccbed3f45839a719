/// Maps data values on one axis to page coordinates.
struct AxisScale {
  /// Data limits as shown; `low` maps to `start`.
  var low: Double
  var high: Double
  /// Page coordinates of `low` and `high` (for y, start is the bottom).
  var start: Double
  var end: Double

  func map(_ value: Double) -> Double {
    start + (value - low) / (high - low) * (end - start)
  }

  /// True when `value` lies within the limits, allowing for rounding.
  func contains(_ value: Double) -> Bool {
    let tolerance = abs(high - low) * 1e-9
    return value >= min(low, high) - tolerance && value <= max(low, high) + tolerance
  }
}

/// Data limits of an axis, chosen from the spec or padded from the data like matplotlib's 5% margins.
enum AxisLimits {
  static func resolve(explicit: (Double, Double)?, dataExtent: (Double, Double)?, margin: Double = 0.05) -> (
    Double, Double
  ) {
    if let explicit { return explicit }
    guard let (low, high) = dataExtent else { return (0, 1) }
    if low == high {
      let delta = low == 0 ? 1 : abs(low) * 0.05
      return (low - delta, high + delta)
    }
    let pad = (high - low) * margin
    return (low - pad, high + pad)
  }
}
