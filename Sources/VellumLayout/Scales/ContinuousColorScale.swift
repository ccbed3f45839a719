import Foundation
import VellumDiagnostics
import VellumScene
import VellumSpec

/// Maps numbers to colours as matplotlib's ScalarMappable does: a norm to [0, 1], then the colormap, with the
/// under, over and bad colours for values outside the limits or missing.
struct ContinuousColorScale {
  let colormap: Colormap
  let norm: ContinuousColorSpec.Norm
  /// vmin and vmax.
  let limits: (Double, Double)
  let under: RGB
  let over: RGB
  /// nil: missing values are not drawn.
  let bad: RGB?
  /// The boundaries of discrete bands (a contourf's levels): a colorbar ticks at them, as matplotlib's does.
  var boundaries: [Double]?

  /// `values` give the limits when the spec has none (their finite extent, positive ones on a log norm).
  init(spec: ContinuousColorSpec, values: [Double]) throws {
    var map: Colormap
    switch spec.map {
    case .named(let name):
      guard let named = Colormap.named(name.value) else {
        throw VellumError(
          .invalidSpec,
          unknownNameMessage(name.value, kind: "colormap", candidates: ContinuousColorSpec.colormapNames),
          at: name.location)
      }
      map = named
    case .list(let colors): map = Colormap(blending: colors.map(\.rgb))
    }
    if let levels = spec.levels { map = map.resampled(levels) }
    colormap = map
    norm = spec.norm
    let usable = values.filter { $0.isFinite && (spec.norm != .log || $0 > 0) }
    var limits = spec.limits ?? (usable.min() ?? 0, usable.max() ?? 1)
    if spec.limits == nil, case .centered(let center) = spec.norm {
      // TwoSlopeNorm needs the centre strictly inside; widen a side the data do not reach.
      limits = (
        min(limits.0, center - 1e-12 * max(1, abs(center))), max(limits.1, center + 1e-12 * max(1, abs(center)))
      )
    }
    if spec.norm == .log && limits.0 <= 0 {
      throw VellumError(.invalidData, "a log colour norm needs positive values; give the colour 'limits'")
    }
    // Normalizing divides by the span: one past a Double (values near ±1e308) would colour every value alike.
    guard (limits.1 - limits.0).isFinite else {
      throw VellumError(
        .invalidData,
        "the colour values run from \(limits.0) to \(limits.1), a span too wide to normalize at double precision; "
          + "give the colour 'limits' or rescale the data")
    }
    self.limits = limits
    under = spec.under?.rgb ?? map.colors.first!
    over = spec.over?.rgb ?? map.colors.last!
    bad = spec.bad?.rgb
  }

  /// The colormap's middle colour: what a colour-mapped series shows where one colour must stand for all
  /// (its legend handle).
  var middle: Color { Color(rgb: colormap.colors[colormap.colors.count / 2]) }

  /// The norm's value in [0, 1] for `value` (outside for values beyond the limits; NaN for missing ones).
  func normalized(_ value: Double) -> Double {
    let (low, high) = limits
    switch norm {
    case .linear: return low == high ? 0 : (value - low) / (high - low)
    case .log:
      guard value > 0 else { return .nan }
      // vmin == vmax: every value at the colormap's start, as matplotlib's LogNorm gives.
      return low == high ? 0 : (log10(value) - log10(low)) / (log10(high) - log10(low))
    case .symlog(let linthresh):
      if low == high { return value.isNaN ? .nan : 0 }
      // matplotlib's SymLogNorm (base 10, linscale 1): the axis transform's own formula.
      let transform = AxisMapping.Transform.symlog(base: 10, linthresh: linthresh)
      return (transform.forward(value) - transform.forward(low)) / (transform.forward(high) - transform.forward(low))
    case .centered(let center):
      // matplotlib's TwoSlopeNorm: [vmin, center] → [0, 0.5], [center, vmax] → [0.5, 1].
      return value < center ? 0.5 * (value - low) / (center - low) : 0.5 + 0.5 * (value - center) / (high - center)
    }
  }

  /// The colour of `value`; nil for a missing value with no bad colour.
  func callAsFunction(_ value: Double) -> RGB? {
    let t = normalized(value)
    if t.isNaN { return bad }
    if t < 0 { return under }
    return colormap(t) ?? over
  }
}
