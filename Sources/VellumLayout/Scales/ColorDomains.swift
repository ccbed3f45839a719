import VellumData
import VellumDiagnostics
import VellumSpec

/// The figure's continuous colour scales: every layer that maps a column through a colormap, in any panel, trains
/// one domain for that column, so heatmaps and colour-mapped series of several panels share their colours and one
/// colorbar (matplotlib's `fig.colorbar(im, ax=axs)` over images given one `vmin`/`vmax`). With
/// `scales: {color: {resolve: independent}}` each layer keeps its own domain and bar.
struct ColorDomains {
  private struct Domain {
    var low: Double
    var high: Double
    var panels: Set<Int>
  }

  private var domains: [String: Domain] = [:]

  /// A log norm trains on positive values only, so it keeps a domain of its own.
  private static func key(_ column: String, _ spec: ContinuousColorSpec) -> String {
    spec.norm == .log ? column + "\u{0}log" : column
  }

  /// Trains every colour-mapped column over all panels (and their insets); empty when colours resolve per layer.
  static func train(_ spec: FigureSpec, data: [[LayerData]]) throws -> ColorDomains {
    var trained = ColorDomains()
    guard spec.scales.color.resolve == .shared else { return trained }
    for (panel, (axes, layers)) in zip(spec.axes, data).enumerated() {
      for (layer, layerData) in zip(axes.allLayers, layers) {
        guard let mapped = try layer.mark.continuousColor(layerData) else { continue }
        let key = Self.key(mapped.column, mapped.spec)
        var domain = trained.domains[key] ?? Domain(low: .infinity, high: -.infinity, panels: [])
        for values in mapped.values {
          for value in values where value.isFinite && (mapped.spec.norm != .log || value > 0) {
            domain.low = min(domain.low, value)
            domain.high = max(domain.high, value)
          }
        }
        domain.panels.insert(panel)
        trained.domains[key] = domain
      }
    }
    return trained
  }

  /// The colour scale of `column` under `spec`: the figure's domain unless the spec gives limits (or colours resolve
  /// per layer, when `values` give it), and whether panels share it (then they share one colorbar too).
  func scale(_ column: String, spec: ContinuousColorSpec, values: [Double]) throws -> (
    scale: ContinuousColorScale, shared: Bool
  ) {
    guard spec.limits == nil, let domain = domains[Self.key(column, spec)], domain.low <= domain.high else {
      return (try ContinuousColorScale(spec: spec, values: values), false)
    }
    return (try ContinuousColorScale(spec: spec, values: [domain.low, domain.high]), domain.panels.count > 1)
  }
}
