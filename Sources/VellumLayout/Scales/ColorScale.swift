import VellumData
import VellumSpec

/// A discrete colour scale: each value of a grouping column gets one colour, the same in every layer,
/// panel and legend entry that shows it (ggplot2's and Vega-Lite's shared scale).
struct ColorScale {
  /// Values in palette order.
  private(set) var domain: [String]
  private var colors: [String: Color]

  /// `values` are the data's values in order of first appearance; the spec's domain comes first.
  init(spec: ColorScaleSpec, palette: [Color], values: [String]) {
    var domain = spec.domain ?? []
    var seen = Set(domain)
    for value in values where seen.insert(value).inserted { domain.append(value) }
    self.domain = domain
    var colors: [String: Color] = [:]
    for pin in spec.pinned { colors[pin.value] = pin.color }
    // Unpinned values take the palette colours no pin took, so two values never share a colour needlessly.
    let pinned = Set(spec.pinned.map(\.color))
    var free = palette.filter { !pinned.contains($0) }
    if free.isEmpty { free = palette }
    var next = 0
    for value in domain where colors[value] == nil {
      colors[value] = free[next % free.count]
      next += 1
    }
    self.colors = colors
  }

  /// The value's colour; a value outside the domain (which resolution never asks for) takes the first colour.
  func color(for value: String) -> Color {
    colors[value] ?? colors[domain.first ?? ""] ?? Color.tab10[0]
  }

  /// Colours some value of the domain takes; series that belong to no value avoid them.
  var usedColors: Set<Color> { Set(domain.compactMap { colors[$0] }) }

  /// Values of `group` columns of layers that take their colour from the scale, in order of first appearance.
  static func values(layers: [LayerSpec], data: [LayerData]) -> [String] {
    var values: [String] = []
    var seen = Set<String>()
    for (layer, layerData) in zip(layers, data) {
      guard let series = layer.series, series.group != nil, series.color == nil else { continue }
      for item in layerData.series {
        if let name = item.name, seen.insert(name).inserted { values.append(name) }
      }
    }
    return values
  }
}
