import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// What resolving a panel's layers consults and updates: the figure's discrete scales, the panel's colour
/// cycles and the category positions met so far.
struct MarkResolution {
  /// The colour cycle an ungrouped series without a colour draws from. matplotlib keeps one for lines and one
  /// for filled patches, so a band and its line get the same colour without naming one.
  enum Cycle { case line, fill }

  let scales: PanelScales
  /// The figure's continuous colour domains, by column.
  let continuousDomains: ContinuousDomains
  /// Palette colours of ungrouped series, without the colours that stand for group values when any are left.
  private let cyclePalette: [Color]
  private var cycleIndex: [Cycle: Int] = [:]
  /// Category labels of each axis in order of first appearance across the panel's layers.
  private(set) var categories: [PositionAxis: [String]] = [:]
  /// The panel's y axis is reversed: higher values lie lower on the page (a ridgeline rises toward lower values).
  var yRunsDown = false

  init(palette: [Color], scales: PanelScales, continuousDomains: ContinuousDomains = ContinuousDomains()) {
    let palette = palette.isEmpty ? Color.tab10 : palette
    self.scales = scales
    self.continuousDomains = continuousDomains
    let used = scales.color.usedValues
    let free = palette.filter { !used.contains($0) }
    cyclePalette = free.isEmpty ? palette : free
  }

  /// The series' colour: the one the spec names, its value's colour on the colour scale, or the next of `cycle`.
  /// A series mark under `color: {column, map}` takes the colormap's colour at the series' mean value (ggplot2's
  /// fill by a continuous variable per group); a series with no value takes the next colour of `cycle`.
  mutating func color(_ common: SeriesCommon, series: SeriesData, cycle: Cycle) throws -> Color {
    if let continuous = common.continuousColor, let color = try colormapColor(continuous, values: series["color"]) {
      return color
    }
    if let color = common.color { return color }
    if let column = common.colorColumn, let value = series.keys[column.value], let color = scales.color(value) {
      return color
    }
    let index = cycleIndex[cycle, default: 0]
    cycleIndex[cycle] = index + 1
    return cyclePalette[index % cyclePalette.count]
  }

  /// The layer's colormap scale when `color` maps a numeric column through one: the figure's for that column, or
  /// over every series' values, so all its groups share the colours (and one colorbar, the figure's when panels
  /// share the scale).
  func colormap(_ common: SeriesCommon, data: LayerData) throws -> (ContinuousColor, ContinuousColorScale)? {
    try common.continuousColor.map { continuous in
      var continuous = continuous
      let (scale, shared) = try located(at: continuous.column.location) {
        try continuousDomains.colorScale(
          continuous.column.value, spec: continuous.spec, values: data.series.flatMap { $0["color"] })
      }
      if shared { continuous.colorbar?.shared = true }
      return (continuous, scale)
    }
  }

  /// The colour of `values`' mean on the colour scale of `continuous` (the figure's domain of its column); nil when
  /// none is a number or the mean takes no colour (missing, with no `bad` colour).
  func colormapColor(_ continuous: ContinuousColor, values: [Double]) throws -> Color? {
    let present = values.filter(\.isFinite)
    guard !present.isEmpty else { return nil }
    let (scale, _) = try located(at: continuous.column.location) {
      try continuousDomains.colorScale(continuous.column.value, spec: continuous.spec, values: values)
    }
    return scale(Statistics.mean(present)).map { Color(rgb: $0) }
  }

  /// The colorbar of a series coloured through `color: {column, map}`, when it asks for one.
  func colorbar(_ common: SeriesCommon, series: SeriesData) throws -> (
    scale: ContinuousColorScale, spec: ColorbarSpec
  )? {
    guard let continuous = common.continuousColor, var bar = continuous.colorbar else { return nil }
    let (scale, shared) = try located(at: continuous.column.location) {
      try continuousDomains.colorScale(continuous.column.value, spec: continuous.spec, values: series["color"])
    }
    bar.shared = bar.shared || shared
    return (scale, bar)
  }

  /// What a series mark colouring by `color: {column, map}` trains the figure's colour scale with.
  static func seriesColors(_ common: SeriesCommon, data: LayerData) -> [ContinuousMapping] {
    common.continuousColor.map {
      [
        ContinuousMapping(
          channel: "color", column: $0.column.value, positiveOnly: $0.spec.norm == .log,
          values: data.series.map { $0["color"] })
      ]
    } ?? []
  }

  /// The series' dash: the constant, or its value's dash on the dash scale.
  func dash(_ encoding: Encoding<DashPattern>, series: SeriesData) -> DashPattern {
    switch encoding {
    case .constant(let dash): return dash
    case .column(let column): return series.keys[column.value].flatMap { scales.dash($0) } ?? .solid
    }
  }

  /// The series' marker, its shape taken from the marker scale when a column drives it.
  func marker(_ marker: MarkerSpec, series: SeriesData) -> MarkerSpec {
    guard let column = marker.shapeColumn, let value = series.keys[column.value], let shape = scales.marker(value)
    else { return marker }
    var resolved = marker
    resolved.shape = shape
    return resolved
  }

  /// The legend label: a split series' values (shown literally), or the layer's label.
  func legendLabel(_ common: SeriesCommon, series: SeriesData) -> Located<String>? {
    guard common.inLegend else { return nil }
    if let filled = series.label { return filled }
    guard let name = series.name else { return common.label }
    return Located(escapeTeX(name), at: (common.group ?? common.colorColumn)?.location ?? common.location)
  }

  /// `prefix-base[-group]`. Ids come from data, not labels, so editing a legend label leaves ids (and their SVG
  /// lines) alone; `valueColumn` and the layer's filter values tell apart layers that share a prefix.
  func role(_ prefix: String, _ common: SeriesCommon, valueColumn: String, series: SeriesData) -> String {
    let base = common.id ?? slug(([valueColumn] + Self.filterValues(common.source)).joined(separator: "-"))
    return "\(prefix)-\(base)" + (series.name.map { "-" + slug($0) } ?? "")
  }

  /// A resolved series of a data-reading mark: its geometry, its role `prefix-…` and its legend label.
  func series(
    _ geometry: any MarkGeometry, _ prefix: String, _ common: SeriesCommon, valueColumn: String, series: SeriesData
  ) throws -> ResolvedLayer {
    var layer = ResolvedLayer(
      geometry: geometry, role: role(prefix, common, valueColumn: valueColumn, series: series),
      legendLabel: legendLabel(common, series: series), keys: series.keys)
    // Marks that colour whole series through a colormap show its colorbar (those colouring each bar or point
    // build their own).
    if geometry.colorbar == nil { layer.seriesColorbar = try colorbar(common, series: series) }
    return layer
  }

  /// Positions along `axis`: numbers as they are, categories as 0, 1, 2… in order of first appearance on that axis.
  mutating func positions(_ values: XValues, along axis: PositionAxis = .x) -> [Double] {
    switch values {
    case .numeric(let numbers): return numbers
    case .categorical(let labels):
      var known = categories[axis] ?? []
      defer { categories[axis] = known }
      return labels.map { label in
        if let index = known.firstIndex(of: label) { return Double(index) }
        known.append(label)
        return Double(known.count - 1)
      }
    }
  }

  /// The layer's data with a `y` column of labels (on a categorical y axis) placed in slots along y like x's
  /// categories, so every mark reading `y` draws against a categorical y axis as against a numeric one.
  mutating func placingY(_ data: LayerData, of layer: LayerSpec) -> LayerData {
    guard let request = layer.body.request, request.yPosition == nil, !request.positionAlongY,
      request.channels.contains(where: { $0.name == "y" }), case .series(var series) = data
    else { return data }
    for index in series.indices {
      guard let labels = series[index].y, case .categorical = labels else { continue }
      series[index].values["y"] = positions(labels, along: .y)
      series[index].y = nil
    }
    return .series(series)
  }

  /// Values a layer filters on (`filter: {method: SDPO}` → `SDPO`), which tell apart layers sharing a column.
  private static func filterValues(_ source: LayerSource) -> [String] {
    source.transforms.flatMap(\.selectedValues)
  }
}

extension MarkerStyle {
  /// The marker's paint: face and edge default to the series colour (the edge to the face for filled shapes; to the
  /// series colour again when the face is `none`, as matplotlib draws hollow markers).
  init(_ marker: MarkerSpec, color: Color, alpha: Double) {
    let face = marker.face ?? color
    let edge = marker.edge ?? (marker.shape.isLineArt || face.alpha == 0 ? color : face)
    self.init(
      shape: marker.shape, size: marker.size, face: face.rgb, faceAlpha: face.alpha * alpha, edge: edge.rgb,
      edgeAlpha: edge.alpha * alpha, edgeWidth: marker.edgeWidth, every: marker.every)
  }
}
