import VellumData
import VellumScene
import VellumSpec

/// Resolves colors, roles, categories, groups and legend labels for every layer; one resolved layer per series.
struct LayerResolver {
  let palette: [Color]
  /// Category labels in order of first appearance across layers.
  private(set) var categories: [String] = []
  private var cycleIndex = 0
  /// Colors given to group values, so a group keeps its color across layers (band and line alike).
  private var groupColors: [String: Color] = [:]

  init(palette: [Color]) {
    self.palette = palette.isEmpty ? Color.tab10 : palette
  }

  mutating func resolve(_ layers: [LayerSpec], data: [LayerData]) throws -> [ResolvedLayer] {
    var resolved: [ResolvedLayer] = []
    for (layer, values) in zip(layers, data) {
      if let common = layer.series {
        resolved += try series(layer, common: common, data: values.series)
      } else {
        resolved.append(try annotation(layer))
      }
    }
    return resolved
  }

  private mutating func series(_ layer: LayerSpec, common: SeriesCommon, data: [SeriesData]) throws -> [ResolvedLayer] {
    let grouped = common.group != nil
    let prefix: String
    let valueColumn: String
    switch layer {
    case .line(let l): (prefix, valueColumn) = ("series", l.y.value)
    case .scatter(let l): (prefix, valueColumn) = ("scatter", l.y.value)
    case .band(let l):
      prefix = "band"
      switch l.bounds {
      case .centerError(let center, _): valueColumn = center.value
      case .lowerUpper(let lower, _): valueColumn = lower.value
      }
    case .area(let l): (prefix, valueColumn) = ("area", l.y.value)
    case .bar(let l): (prefix, valueColumn) = ("bars", l.y.value)
    case .errorbar(let l): (prefix, valueColumn) = ("errorbar", l.y.value)
    default: (prefix, valueColumn) = ("layer", "layer")
    }
    var stackTops: [Double: (positive: Double, negative: Double)] = [:]
    return try data.enumerated().map { index, series in
      let color = try common.color ?? groupColor(grouped ? series.name : nil)
      let alpha = common.alpha * color.alpha
      let label: Located<String>? =
        grouped ? series.name.map { Located(escapeTeX($0), at: common.group?.location) } : common.label
      // Ids come from data, not labels, so editing a legend label leaves ids (and their SVG lines) alone.
      let base = common.id ?? slug(([valueColumn] + Self.filterValues(common.source)).joined(separator: "-"))
      let role = "\(prefix)-\(base)" + (grouped ? "-" + slug(series.name ?? "") : "")
      let x = positions(series.x)
      let fill = FillStyle(color: color.rgb, alpha: alpha, edge: nil, edgeWidth: 0)
      let mark: ResolvedLayer.Mark
      switch layer {
      case .line(let line):
        mark = .line(
          x: x, y: series["y"], style: LineStyle(color: color.rgb, alpha: alpha, width: line.width, dash: line.dash),
          step: line.step, marker: line.marker.map { markerStyle($0, color: color, alpha: common.alpha) })
      case .scatter(let scatter):
        mark = .scatter(x: x, y: series["y"], marker: markerStyle(scatter.marker, color: color, alpha: common.alpha))
      case .band(let band):
        // The outline takes the fill's color and opacity, as fill_between's does.
        var style = fill
        style.edgeWidth = band.edgeWidth
        mark = .band(x: x, lower: series["lower"], upper: series["upper"], fill: style)
      case .area(let area):
        var style = fill
        style.edgeWidth = area.edgeWidth
        mark = .area(x: x, y: series["y"], baseline: area.baseline, fill: style)
      case .bar(let bar):
        var style = fill
        style.edge = bar.edge?.rgb
        style.edgeWidth = bar.edgeWidth
        let count = Double(data.count)
        let width = bar.stacked ? bar.width : bar.width / count
        let offset = bar.stacked ? 0 : (Double(index) - (count - 1) / 2) * width
        let errors = series.values["error"]
        let bars = zip(x, series["y"]).enumerated().map { row, pair -> Bar in
          let (position, value) = pair
          var baseValue = 0.0
          if bar.stacked && value.isFinite {
            let tops = stackTops[position] ?? (0, 0)
            baseValue = value >= 0 ? tops.positive : tops.negative
            stackTops[position] =
              value >= 0 ? (tops.positive + value, tops.negative) : (tops.positive, tops.negative + value)
          }
          return Bar(
            position: position + offset, width: width, base: baseValue, value: baseValue + value, error: errors?[row])
        }
        mark = .bars(bars, fill: style, horizontal: bar.horizontal, valueLabels: bar.valueLabels, capSize: bar.capSize)
      case .errorbar(let errorbar):
        mark = .errorbar(
          x: x, y: series["y"], yError: series.values["yerr"], xError: series.values["xerr"],
          style: LineStyle(color: color.rgb, alpha: alpha, width: errorbar.width, dash: .solid), cap: errorbar.capSize,
          marker: errorbar.marker.map { markerStyle($0, color: color, alpha: common.alpha) })
      default:
        throw VellumError(.layout, "internal error: layer and data disagree")
      }
      return ResolvedLayer(mark: mark, role: role, legendLabel: label)
    }
  }

  private func annotation(_ layer: LayerSpec) throws -> ResolvedLayer {
    func line(_ spec: ReferenceLineSpec) -> LineStyle {
      LineStyle(color: spec.color.rgb, alpha: spec.alpha * spec.color.alpha, width: spec.width, dash: spec.dash)
    }
    func name(_ id: String?, _ label: Located<String>?, _ value: Double) -> String {
      // Exponent form for huge values keeps ids short (1e300 would print 301 digits).
      id
        ?? slug(
          abs(value) < 1e15
            ? TickFormatter.fixed(value, TickFormatter.commonDecimals([value])) : String(format: "%g", value))
    }
    switch layer {
    case .hline(let spec):
      return ResolvedLayer(
        mark: .hline(y: spec.value, style: line(spec)), role: "hline-" + name(spec.id, spec.label, spec.value),
        legendLabel: spec.label)
    case .vline(let spec):
      return ResolvedLayer(
        mark: .vline(x: spec.value, style: line(spec)), role: "vline-" + name(spec.id, spec.label, spec.value),
        legendLabel: spec.label)
    case .hspan(let spec), .vspan(let spec):
      let fill = FillStyle(color: spec.color.rgb, alpha: spec.alpha * spec.color.alpha, edge: nil, edgeWidth: 0)
      let isH: Bool
      if case .hspan = layer { isH = true } else { isH = false }
      return ResolvedLayer(
        mark: isH ? .hspan(from: spec.from, to: spec.to, fill: fill) : .vspan(from: spec.from, to: spec.to, fill: fill),
        role: (isH ? "hspan-" : "vspan-") + name(spec.id, spec.label, spec.from), legendLabel: spec.label)
    case .text(let spec):
      return ResolvedLayer(
        mark: .text(spec), role: "text-" + (spec.id ?? slug(TeXParser.plainText(spec.text))), legendLabel: nil)
    default:
      throw VellumError(.layout, "internal error: expected an annotation layer")
    }
  }

  /// Values a layer filters on (`filter: {method: SDPO}` → `SDPO`), which tell apart layers sharing a column.
  private static func filterValues(_ source: LayerSource) -> [String] {
    source.transforms.flatMap { transform -> [String] in
      guard case .filter(let conditions) = transform else { return [] }
      return conditions.compactMap { condition in
        if case .equals(let value) = condition.condition { return value }
        return nil
      }
    }
  }

  private func markerStyle(_ marker: MarkerSpec, color: Color, alpha: Double) -> MarkerStyle {
    let face = marker.face ?? color
    let edge = marker.edge ?? (marker.shape.isLineArt ? color : face)
    return MarkerStyle(
      shape: marker.shape, size: marker.size, face: face.rgb, faceAlpha: face.alpha * alpha, edge: edge.rgb,
      edgeAlpha: edge.alpha * alpha, edgeWidth: marker.edgeWidth, every: marker.every)
  }

  private mutating func groupColor(_ group: String?) throws -> Color {
    guard let group else { return nextColor() }
    if let color = groupColors[group] { return color }
    let color = nextColor()
    groupColors[group] = color
    return color
  }

  private mutating func nextColor() -> Color {
    defer { cycleIndex += 1 }
    return palette[cycleIndex % palette.count]
  }

  private mutating func positions(_ x: XValues) -> [Double] {
    switch x {
    case .numeric(let values): return values
    case .categorical(let labels):
      return labels.map { label in
        if let index = categories.firstIndex(of: label) { return Double(index) }
        categories.append(label)
        return Double(categories.count - 1)
      }
    }
  }
}

/// Data values used as labels are shown literally: escape what TeX would read as commands.
func escapeTeX(_ text: String) -> String {
  var escaped = ""
  for character in text {
    switch character {
    case "\\": escaped += "\\textbackslash{}"
    case "$", "%", "&", "_", "#", "{", "}": escaped += "\\\(character)"
    case "~": escaped += "\\textasciitilde{}"
    case "^": escaped += "\\textasciicircum{}"
    default: escaped.append(character)
    }
  }
  return escaped
}
