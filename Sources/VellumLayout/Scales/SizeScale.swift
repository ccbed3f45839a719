import Foundation
import VellumSpec

/// Maps values to marker sizes as seaborn's size mapping does: the value's place in the domain picks an area
/// between the range's ends (points², matplotlib's `s`), or a diameter with `scale: diameter`; values beyond the
/// domain keep the end sizes, missing ones draw no marker.
struct SizeScale {
  let encoding: SizeEncoding
  /// The values at the range's low and high ends.
  let domain: (Double, Double)

  /// The marker's size in points (a circle's diameter, matplotlib's `ms` = √s), NaN for a missing value.
  func callAsFunction(_ value: Double) -> Double {
    let t = encoding.values.position(value, domain: domain)
    guard t.isFinite else { return .nan }
    let (small, large) = encoding.values.range
    switch encoding.proportion {
    case .area: return (small + t * (large - small)).squareRoot()
    case .diameter: return small.squareRoot() + t * (large.squareRoot() - small.squareRoot())
    }
  }

  /// Round values over the domain for a size legend: matplotlib's MaxNLocator ticks inside it (at most five), 0
  /// among them unless its marker has no size.
  var legendValues: [Double] {
    let (low, high) = (min(domain.0, domain.1), max(domain.0, domain.1))
    guard low < high else { return [low] }
    return TickLocator.maxN(low: low, high: high, bins: 4).filter {
      $0 >= low && $0 <= high && ($0 != 0 || self($0) > 0)
    }
  }
}
