import VellumData
import VellumDiagnostics
import VellumSpec

/// What a layer maps through a continuous scale: the channel (`color`, `size`), the column, and its values per
/// series; `positiveOnly` for a log colour norm, which trains on positive values alone.
struct ContinuousMapping {
  var channel: String
  var column: String
  var positiveOnly = false
  var values: [[Double]]
}

/// The figure's continuous scales: every layer that maps a column through a colormap or a size range, in any panel,
/// trains one domain for that channel and column, so heatmaps and colour-mapped series of several panels share their
/// colours and one colorbar (matplotlib's `fig.colorbar(im, ax=axs)` over images given one `vmin`/`vmax`), and bubbles
/// of one size mean one value everywhere. With `scales: {color: {resolve: independent}}` each layer keeps its own
/// colour domain and bar.
struct ContinuousDomains {
  private struct Domain {
    var low = Double.infinity
    var high = -Double.infinity
    var panels: Set<Int> = []
  }

  private var domains: [String: Domain] = [:]

  private static func key(_ channel: String, _ column: String, positiveOnly: Bool) -> String {
    [channel, column, positiveOnly ? "positive" : ""].joined(separator: "\u{0}")
  }

  /// Trains every mapped column over all panels (and their insets).
  static func train(_ spec: FigureSpec, data: [[LayerData]]) throws -> ContinuousDomains {
    var trained = ContinuousDomains()
    let sharedColors = spec.scales.color.resolve == .shared
    for (panel, (axes, layers)) in zip(spec.axes, data).enumerated() {
      for (layer, layerData) in zip(axes.allLayers, layers) {
        for mapping in try layer.mark.continuousMappings(layerData) where mapping.channel != "color" || sharedColors {
          let key = Self.key(mapping.channel, mapping.column, positiveOnly: mapping.positiveOnly)
          var domain = trained.domains[key] ?? Domain()
          for values in mapping.values {
            for value in values where value.isFinite && (!mapping.positiveOnly || value > 0) {
              domain.low = min(domain.low, value)
              domain.high = max(domain.high, value)
            }
          }
          domain.panels.insert(panel)
          trained.domains[key] = domain
        }
      }
    }
    return trained
  }

  /// The trained extent of `column` on `channel`, and whether several panels share it.
  private func domain(_ channel: String, _ column: String, positiveOnly: Bool = false) -> (
    low: Double, high: Double, shared: Bool
  )? {
    guard let domain = domains[Self.key(channel, column, positiveOnly: positiveOnly)], domain.low <= domain.high
    else { return nil }
    return (domain.low, domain.high, domain.panels.count > 1)
  }

  /// The colour scale of `column` under `spec`: the figure's domain unless the spec gives limits (or colours resolve
  /// per layer, when `values` give it), and whether panels share it (then they share one colorbar too).
  func colorScale(_ column: String, spec: ContinuousColorSpec, values: [Double]) throws -> (
    scale: ContinuousColorScale, shared: Bool
  ) {
    guard spec.limits == nil, let domain = domain("color", column, positiveOnly: spec.norm == .log) else {
      return (try ContinuousColorScale(spec: spec, values: values), false)
    }
    return (try ContinuousColorScale(spec: spec, values: [domain.low, domain.high]), domain.shared)
  }

  /// The size scale of `encoding`: its limits, or the figure's domain of its column.
  func sizeScale(_ encoding: SizeEncoding) -> SizeScale {
    let trained = domain("size", encoding.column.value)
    return SizeScale(
      encoding: encoding, domain: encoding.values.limits ?? trained.map { ($0.low, $0.high) } ?? (0, 1))
  }

  /// Each value's opacity under `encoding`: its place in the encoding's limits or the figure's domain of its column
  /// picks an opacity between the range's ends (NaN for a missing value).
  func opacities(_ encoding: RangeEncoding, values: [Double]) -> [Double] {
    let trained = domain("opacity", encoding.column.value)
    let domain = encoding.limits ?? trained.map { ($0.low, $0.high) } ?? (0, 1)
    let (low, high) = encoding.range
    return values.map { value in
      let t = encoding.position(value, domain: domain)
      return low + t * (high - low)
    }
  }
}
