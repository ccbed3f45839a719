import VellumData
import VellumSpec

/// A discrete scale: each value of a column gets one channel value (a colour, dash or marker shape), the
/// same in every layer, panel and legend entry that shows it (ggplot2's and Vega-Lite's shared scale).
struct DiscreteScale<Value: Hashable & Sendable> {
  /// Values in range order.
  private(set) var domain: [String]
  private var mapping: [String: Value]

  /// `values` are the data's values in order of first appearance; the spec's domain comes first. Unpinned
  /// values take the range values no pin took, so two values never share a look needlessly.
  init(spec: DiscreteScaleSpec<Value>, range: [Value], values: [String]) {
    self.init(spec: spec, range: { _ in range }, values: values)
  }

  /// `range` gives the range for a domain of that many values (a colormap spread over them).
  init(spec: DiscreteScaleSpec<Value>, range: (Int) -> [Value], values: [String]) {
    var domain = spec.domain ?? []
    var seen = Set(domain)
    for value in values where seen.insert(value).inserted { domain.append(value) }
    self.domain = domain
    let range = range(domain.count)
    var mapping: [String: Value] = [:]
    for pin in spec.pinned { mapping[pin.value] = pin.pin }
    let pinned = Set(spec.pinned.map(\.pin))
    var free = range.filter { !pinned.contains($0) }
    if free.isEmpty { free = range }
    var next = 0
    for value in domain where mapping[value] == nil {
      mapping[value] = free[next % free.count]
      next += 1
    }
    self.mapping = mapping
  }

  /// The value's channel value (every value resolution asks for is in the domain).
  func callAsFunction(_ value: String) -> Value? { mapping[value] }

  /// Channel values some domain value takes; series that belong to no value avoid them.
  var usedValues: Set<Value> { Set(domain.compactMap { mapping[$0] }) }
}

/// The discrete scales one panel resolves its layers with (the same for every panel unless resolved
/// independently).
struct PanelScales {
  var color: DiscreteScale<Color>
  var dash: DiscreteScale<DashPattern>
  var marker: DiscreteScale<MarkerSpec.Shape>
  var hatch: DiscreteScale<String>

  /// Dashes a dash scale cycles through: solid, then matplotlib's named styles, then longer patterns.
  static let dashRange: [DashPattern] = [
    .solid, DashPattern(lengths: [3.7, 1.6]), DashPattern(lengths: [1, 1.65]),
    DashPattern(lengths: [6.4, 1.6, 1, 1.6]),
    DashPattern(lengths: [7.4, 3.2]), DashPattern(lengths: [6.4, 1.6, 1, 1.6, 1, 1.6]),
  ]
  /// Marker shapes a marker scale cycles through, in the order matplotlib users reach for them.
  static let markerRange: [MarkerSpec.Shape] = [
    .circle, .square, .triangleUp, .diamond, .triangleDown, .star, .pentagon, .hexagon, .triangleLeft,
    .triangleRight, .plus, .cross,
  ]
  /// Hatches a hatch scale cycles through: none first (the plain patch), then single lines, crossings and shapes,
  /// each twice as dense as matplotlib's single character so they read at bar widths.
  static let hatchRange = ["", "//", "\\\\", "xx", "..", "++", "--", "||", "oo", "**"]

  /// One set of scales per panel: shared ones see every panel's values in order of first appearance,
  /// independent ones only their own panel's.
  static func resolve(_ spec: FigureSpec, data: [[LayerData]]) -> [PanelScales] {
    let perPanel = zip(spec.axes, data).map { values(layers: $0.allLayers, data: $1) }
    func scales<Value>(_ channel: EncodedChannel, _ scale: DiscreteScaleSpec<Value>, range: (Int) -> [Value])
      -> [DiscreteScale<Value>]
    {
      switch scale.resolve {
      case .shared:
        let shared = DiscreteScale(spec: scale, range: range, values: perPanel.flatMap { $0[channel] ?? [] })
        return Array(repeating: shared, count: perPanel.count)
      case .independent:
        return perPanel.map { DiscreteScale(spec: scale, range: range, values: $0[channel] ?? []) }
      }
    }
    var colors = scales(.color, spec.scales.color, range: colorRange(spec))
    // A panel pinning colours of its own resolves them alone: its pins first, then the figure's for other values.
    for (index, axes) in spec.axes.enumerated() where !axes.colors.isEmpty {
      var own = spec.scales.color
      let pinned = Set(axes.colors.map(\.value))
      own.pinned = axes.colors + own.pinned.filter { !pinned.contains($0.value) }
      colors[index] = DiscreteScale(spec: own, range: colorRange(spec), values: perPanel[index][.color] ?? [])
    }
    let dashes = scales(.dash, spec.scales.dash) { _ in dashRange }
    let markers = scales(.marker, spec.scales.marker) { _ in markerRange }
    let hatches = scales(.hatch, spec.scales.hatch) { _ in hatchRange }
    return perPanel.indices.map {
      PanelScales(color: colors[$0], dash: dashes[$0], marker: markers[$0], hatch: hatches[$0])
    }
  }

  /// The colours a colour scale of n values takes: a qualitative map's (or the palette's) in order, or a sequential
  /// colormap sampled evenly from end to end, as matplotlib's `cmap(np.linspace(0, 1, n))`.
  static func colorRange(_ spec: FigureSpec) -> (Int) -> [Color] {
    let palette = spec.palette.isEmpty ? Color.tab10 : spec.palette
    guard let name = spec.scales.color.map?.value else { return { _ in palette } }
    if let listed = Color.palettes[name] { return { _ in listed } }
    guard let colormap = Colormap.named(name) else { return { _ in palette } }
    return { count in
      (0..<max(count, 1)).compactMap { index in
        colormap(count > 1 ? Double(index) / Double(count - 1) : 0).map {
          Color(red: $0.red, green: $0.green, blue: $0.blue)
        }
      }
    }
  }

  /// Each encoded channel's values over a panel's layers, in order of first appearance.
  static func values(layers: [LayerSpec], data: [LayerData]) -> [EncodedChannel: [String]] {
    var values: [EncodedChannel: [String]] = [:]
    var seen: [EncodedChannel: Set<String>] = [:]
    for (layer, layerData) in zip(layers, data) {
      guard let request = layer.body.request else { continue }
      for item in layerData.series {
        for encoding in request.encodings {
          guard let value = item.keys[encoding.column.value] else { continue }
          if seen[encoding.channel, default: []].insert(value).inserted {
            values[encoding.channel, default: []].append(value)
          }
        }
      }
    }
    return values
  }
}
