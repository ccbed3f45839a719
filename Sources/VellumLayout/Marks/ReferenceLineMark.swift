import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `hline` / `vline`: a horizontal or vertical line across the whole plot area at a value written in the spec, at
/// every value of a column (`{data: restarts, x: step}`), or at a statistic of a column per group
/// (`{x: {stat: mean, of: score}, group: response}`), labelled in the legend or beside the line.
struct ReferenceLineMark: Mark {
  /// Where the line's label goes: the legend (matplotlib's `label=`), or written along the line at its end or start.
  enum LabelPosition: String, Sendable, CaseIterable { case legend, end, start }

  /// Where the lines stand.
  enum Position {
    case value(Double)
    /// One line per row, at the column's values.
    case column(SeriesCommon)
    /// One line per series (group), at the statistic of its values.
    case statistic(LineStatistic, SeriesCommon)
  }

  var axis: PositionAxis
  var id: String?
  var position: Position
  var label: Located<String>?
  var labelPosition: LabelPosition
  var color: Color?
  var width: Double
  var dash: DashPattern
  var alpha: Double

  static let horizontal = layerKind(.y)
  static let vertical = layerKind(.x)

  private static func names(_ axis: PositionAxis) -> (key: String, name: String, across: String) {
    axis == .y ? ("y", "hline", "horizontal") : ("x", "vline", "vertical")
  }

  private static func styleKeys(_ axis: PositionAxis) -> [SpecKey] {
    [
      SpecKey(
        "label_position", SpecSchema.enumeration(LabelPosition.allCases.map(\.rawValue)),
        "where the label goes: the legend, or written along the line at its end (\(axis == .y ? "right" : "top")) "
          + "or start", defaultValue: LabelPosition.legend),
      SpecKey("width", SpecSchema.measure, "line width in points", defaultValue: 1.5),
      SpecKey("dash", SpecSchema.dash, "the line's dash style", defaultValue: "solid"),
    ]
  }

  /// The line at one value written in the spec.
  private static func constant(_ axis: PositionAxis) -> SpecObject {
    let (key, name, across) = names(axis)
    return SpecObject(
      name,
      purpose: "A \(across) line across the plot at one \(key) value (matplotlib's ax\(name)): a baseline, a "
        + "target, a threshold; from a column or a statistic of the data, see `\(name) from data`.",
      keys: [
        SpecKey("id", SpecSchema.string, "a stable id for the line's SVG group, so diffs follow it", example: "target"),
        SpecKey(key, SpecSchema.number, "the \(key) value the line marks, in data units", example: "0.5"),
        SpecKey("label", SpecSchema.text, "the line's label (TeX subset)", example: "chance"),
        SpecKey("color", SpecSchema.color, "the line's colour", defaultValue: "black"),
        SpecKey("alpha", SpecSchema.opacity, "the line's opacity, 0 to 1", defaultValue: 1.0),
      ] + styleKeys(axis),
      required: [key], example: "{\(name): {\(key): 0.5, dash: dashed, label: chance}}")
  }

  /// Lines at a column's values or at a statistic of it per group.
  private static func fromData(_ axis: PositionAxis) -> SpecObject {
    let (key, name, _) = names(axis)
    return SpecObject(
      "\(name) from data",
      purpose: "\(name == "vline" ? "Vertical" : "Horizontal") lines at every value of a column (restart steps, "
        + "release dates), or one per group at a statistic of a column (the mean of each response), in the "
        + "group's colour.",
      keys: SeriesCommon.keys(x: "").filter { !["x", "missing"].contains($0.name) } + [
        SpecKey(
          key, .object(["anyOf": .array([SpecSchema.string, LineStatistic.object.schema])]),
          "a column (a line at each of its values) or {stat, of}: a line at the statistic of a column",
          example: "'{stat: mean, of: score}'")
      ] + styleKeys(axis),
      required: [key],
      example: "{\(name): {\(key): {stat: mean, of: score}, group: method, dash: dashed}}")
  }

  private static func layerKind(_ axis: PositionAxis) -> LayerKind {
    let (key, name, _) = names(axis)
    return LayerKind(
      name: name, first: constant(axis), second: fromData(axis),
      // A number is one line; a column name or {stat, of} reads the data.
      isSecond: { map in map[key].map { $0.isMapping || ($0.scalarText.map { Double($0) == nil } ?? false) } ?? false },
      misplaced: { stray, fromData in
        fromData
          ? "'\(stray)' belongs to a \(name) at a number, not to one reading a column"
          : "'\(stray)' belongs to a \(name) reading a column (\(key): COLUMN or {stat, of}), not to one at a number"
      },
      decode: { map, context in try ReferenceLineMark(map: map, axis: axis, context: context) })
  }

  init(map: SpecMapping, axis: PositionAxis, context: LayerContext) throws {
    let key = Self.names(axis).key
    self.axis = axis
    id = try map.optional("id") { try $0.string("an id") }
    label = try map.optional("label") { try $0.located("a label") }
    labelPosition = try map.optional("label_position") { try decodeEnum($0, what: "label position") } ?? .legend
    width = try map.optional("width") { try $0.measure("a line width") } ?? 1.5
    dash = try map.optional("dash") { try decodeDash($0) } ?? .solid
    let node = try map.required(key) { $0 }
    if node.isMapping {
      let statistic = try LineStatistic(node)
      position = .statistic(
        statistic, try SeriesCommon(map: map, context: context, defaultAlpha: 1, position: statistic.column))
    } else if let text = node.scalarText, Double(text) == nil {
      position = .column(
        try SeriesCommon(map: map, context: context, defaultAlpha: 1, position: try node.located("a column name")))
    } else {
      position = .value(try node.double("a \(key) value"))
    }
    switch position {
    case .value:
      color = try map.optional("color") { try decodeColor($0) }
      alpha = try map.optional("alpha") { try decodeAlpha($0) } ?? 1
    case .column(let common), .statistic(_, let common):
      color = nil
      alpha = common.alpha
    }
  }

  var request: DataRequest? {
    switch position {
    case .value: return nil
    case .column(let common), .statistic(_, let common):
      return DataRequest(series: common, channels: [], positionAlongY: axis == .y)
    }
  }

  /// The line's label filled from the data when it is one line (a statistic's series labels are filled per series).
  func fillingTexts(_ fill: (Located<String>) throws -> Located<String>) throws -> any LayerBody {
    guard case .value = position, let label else { return self }
    var filled = self
    filled.label = try fill(label)
    return filled
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    let prefix = axis == .y ? "hline" : "vline"
    switch position {
    case .value(let value):
      let color = self.color ?? .black
      return [
        resolved(
          [value], color: color, label: label, role: prefix + "-" + (id ?? valueSlug(value)))
      ]
    case .column(let common), .statistic(_, let common):
      return try data.series.map { series in
        var values = context.positions(series.x, along: axis)
        if case .statistic(let statistic, _) = position { values = [statistic.value(of: values)].filter(\.isFinite) }
        // Black, as matplotlib's axvline, unless a colour or a group says otherwise.
        let color =
          common.colorEncoding == nil && common.group == nil && common.continuousColor == nil
          ? Color.black : try context.color(common, series: series, cycle: .line)
        let label = context.legendLabel(common, series: series)
        let role = context.role(prefix, common, valueColumn: common.x.value, series: series)
        return resolved(values, color: color, label: label, role: role, alpha: common.alpha)
      }
    }
  }

  private func resolved(
    _ values: [Double], color: Color, label: Located<String>?, role: String, alpha: Double? = nil
  ) -> ResolvedLayer {
    let style = LineStyle(color: color.rgb, alpha: (alpha ?? self.alpha) * color.alpha, width: width, dash: dash)
    let written = labelPosition == .legend ? nil : label
    return ResolvedLayer(
      geometry: Geometry(axis: axis, values: values, style: style, label: written, labelPosition: labelPosition),
      role: role, legendLabel: labelPosition == .legend ? label : nil)
  }

  struct Geometry: MarkGeometry {
    var axis: PositionAxis
    var values: [Double]
    var style: LineStyle
    /// Written along the line (each line of a column the same text), unless the legend shows it.
    var label: Located<String>?
    var labelPosition: LabelPosition

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      axis == self.axis ? VellumLayout.extent(values, transform) : nil
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      let plot = canvas.plot
      var drawing = MarkDrawing()
      let set = try label.map { try canvas.setter.set(label: $0, size: canvas.textSize) }
      // matplotlib's ax.text beside an axvline: turned, just left of the line, in from the plot's edge.
      let pad = 0.3 * canvas.textSize
      for value in values where value.isFinite {
        let position = axis == .y ? canvas.yScale.map(value) : canvas.xScale.map(value)
        guard FarPointClipping.isNear(Point(position, position)) else { continue }
        let points =
          axis == .y
          ? [Point(plot.minX, position), Point(plot.maxX, position)]
          : [Point(position, plot.maxY), Point(position, plot.minY)]
        drawing.nodes.append(.path(PathNode(segments: PathGeometry.polyline(points), stroke: style.stroke)))
        drawing.points += points
        guard let set, position >= (axis == .y ? plot.minY : plot.minX),
          position <= (axis == .y ? plot.maxY : plot.maxX)
        else { continue }
        let placed: PlacedText
        switch (axis, labelPosition) {
        case (.x, .start):
          placed = PlacedText.rotated(set, degrees: 90, x: position - pad, bottom: plot.maxY - pad, alignLeft: false)
        case (.x, _):
          placed = PlacedText.rotated(set, degrees: 90, x: position - pad, top: plot.minY + pad, alignRight: true)
        case (.y, .start):
          placed = .horizontal(set, x: plot.minX + pad, baseline: position - pad - set.descent, anchor: .start)
        case (.y, _):
          placed = .horizontal(set, x: plot.maxX - pad, baseline: position - pad - set.descent, anchor: .end)
        }
        drawing.overlay.append(placed.painted(style.color).node)
        drawing.overlayBounds.append(placed.box)
      }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [handle.line(style)] }
  }
}

/// `{stat: mean, of: score}`: a reference line at a statistic of a column's values (per group).
struct LineStatistic {
  enum Kind: Equatable {
    case mean, median, min, max
    case quantile(Double)
  }

  var kind: Kind
  var column: Located<String>

  static let object = SpecObject(
    "line statistic",
    purpose: "A statistic of a column where a reference line stands: mean, median, min, max or qNN (the NNth "
      + "percentile, numpy's linear interpolation), over each group's rows.",
    keys: [
      SpecKey(
        "stat", SpecSchema.string, "mean, median, min, max, or qNN (e.g. q90)", defaultValue: "mean",
        example: "median"),
      SpecKey("of", SpecSchema.string, "the column whose statistic places the line", example: "score"),
    ],
    required: ["of"], example: "{vline: {x: {stat: median, of: latency}, group: system, dash: dashed}}")

  init(_ node: SpecNode) throws {
    let map = try node.mapping(Self.object)
    column = try map.required("of") { try $0.located("a column name") }
    kind =
      try map.optional("stat") { node -> Kind in
        let name = try node.string("a statistic")
        switch name {
        case "mean": return .mean
        case "median": return .median
        case "min": return .min
        case "max": return .max
        default:
          if name.hasPrefix("q"), let percent = Double(name.dropFirst()), (0...100).contains(percent),
            name.dropFirst().allSatisfy(\.isNumber)
          {
            return .quantile(percent / 100)
          }
          throw node.error(
            unknownNameMessage(name, kind: "statistic", candidates: ["mean", "median", "min", "max", "q25", "q75"]))
        }
      } ?? .mean
  }

  /// The statistic of the present values; NaN when there are none.
  func value(of values: [Double]) -> Double {
    let present = values.filter { !$0.isNaN }
    guard !present.isEmpty else { return .nan }
    switch kind {
    case .mean: return Statistics.mean(present)
    case .median: return Statistics.median(present)
    case .min: return present.min()!
    case .max: return present.max()!
    case .quantile(let q): return Statistics.quantile(present, q)
    }
  }
}

/// An id fragment for a value written in the spec; exponent form for huge values keeps ids short
/// (1e300 would print 301 digits).
func valueSlug(_ value: Double) -> String {
  slug(
    abs(value) < 1e15 ? TickFormatter.fixed(value, TickFormatter.commonDecimals([value])) : String(format: "%g", value))
}
