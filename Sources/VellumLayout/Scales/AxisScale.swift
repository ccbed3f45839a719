import Foundation
import VellumScene
import VellumSpec

/// How an axis turns values into positions before the linear map to the page.
typealias ScaleTransform = AxisMapping.Transform

/// Maps data values on one axis to page coordinates.
typealias AxisScale = AxisMapping

extension AxisMapping {
  /// True when `value` lies within the limits, allowing for rounding.
  func contains(_ value: Double) -> Bool {
    let tolerance = abs(high - low) * 1e-9
    return value >= min(low, high) - tolerance && value <= max(low, high) + tolerance
  }

  /// The page position of `value`, or, where the scale cannot place it (zero or below on a log axis, 0 or 1 on a
  /// logit one), the edge of the axis it tends to, as matplotlib's clipped scales draw fills and boxes to it.
  func mapToEdge(_ value: Double) -> Double {
    let mapped = map(value)
    guard !mapped.isFinite, !value.isNaN else { return mapped }
    return transform.forward(value) == .infinity ? end : start
  }
}

/// Data limits of an axis, chosen from the spec or padded from the data like matplotlib's 5% margins
/// (in transformed space, so a log axis pads by a fraction of its decades).
enum AxisLimits {
  static func resolve(
    explicit: (Double, Double)?, dataExtent: (Double, Double)?, scale: any PositionScale = LinearScale(),
    reverse: Bool = false, margin: Double = 0.05
  ) -> (Double, Double) {
    if let explicit { return reverse ? (explicit.1, explicit.0) : explicit }
    let (low, high) = padded(dataExtent, scale: scale, margin: margin)
    return reverse ? (high, low) : (low, high)
  }

  private static func padded(_ extent: (Double, Double)?, scale: any PositionScale, margin: Double) -> (Double, Double)
  {
    guard var (low, high) = extent else { return scale.emptyLimits }
    let transform = scale.transform
    // One value is widened first and then padded, as matplotlib's autoscale does (nonsingular, then margins).
    if transform.forward(low) == transform.forward(high) { (low, high) = scale.widened(low) }
    let t0 = transform.forward(low)
    let t1 = transform.forward(high)
    guard t0 != t1, t0.isFinite, t1.isFinite else { return (low, high) }
    let pad = (t1 - t0) * margin
    return (transform.inverse(t0 - pad), transform.inverse(t1 + pad))
  }
}
