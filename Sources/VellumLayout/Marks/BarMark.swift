import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec
import VellumTypesetting

/// `bar`: bars from zero (or the bar below, when stacked) to each value; grouped side by side by `group`.
struct BarMark: Mark, SeriesLayerBody {
  var common: SeriesCommon
  /// Hatching over the fill (matplotlib's hatch).
  var hatch: Hatch?
  var y: Located<String>
  /// Symmetric error per bar, drawn as a capped whisker.
  var error: Located<String>?
  /// Width of one category's bars together, in x units (categories are 1 apart); with `perBar`, each bar's width.
  var width: Double
  /// `bar_width`: `width` is each bar's own, as matplotlib's `bar(width=…)` in the grouped-bar recipe.
  var perBar = false
  /// Line width of the error whiskers.
  var errorWidth: Double = 1
  var horizontal: Bool
  var stacked: Bool
  var edge: Color?
  var edgeWidth: Double
  /// Show each bar's value; nil hides them.
  var valueLabels: ValueLabels?
  var capSize: Double

  static let layerKind = LayerKind(
    SpecObject(
      "bar",
      purpose: "Bars from zero to each value (matplotlib's bar/barh); groups side by side (dodged) or stacked, with "
        + "optional error bars and value labels.",
      keys: SeriesCommon.keys(x: "the column of bar positions (categories or numbers)") + [
        SpecKey("y", SpecSchema.string, "the column of bar heights (lengths when horizontal)", example: "accuracy"),
        SpecKey("error", SpecSchema.string, "a column of ± error drawn as an error bar on each bar", example: "std"),
        SpecKey(
          "width", SpecSchema.positive, "width of each position's bars together, in x units (categories are 1 apart)",
          defaultValue: 0.8),
        SpecKey(
          "bar_width", SpecSchema.positive, "width of each single bar in x units, instead of width", example: "0.2"),
        SpecKey("horizontal", SpecSchema.boolean, "bars along x from a category axis on y (barh)", defaultValue: false),
        SpecKey(
          "stacked", SpecSchema.boolean, "stack groups on each other instead of side by side", defaultValue: false),
        SpecKey("edge", SpecSchema.color, "outline colour of the bars", default: "no outline"),
        SpecKey(
          "edge_width", SpecSchema.measure, "outline width in points", default: "0.8 with edge, else 0"),
        SpecKey(
          "value_labels", ValueLabels.schema, "write each bar's value at its end: true, a printf format, or options",
          defaultValue: false),
        SpecKey("cap", SpecSchema.measure, "length in points of the error bars' caps", defaultValue: 3.0),
        SpecKey("error_width", SpecSchema.measure, "line width in points of the error bars", defaultValue: 1.0),
      ] + Hatch.keys,
      required: ["x", "y"], exclusive: [["width", "bar_width"]],
      example: "{axes: {x: {scale: categorical}, layers: [{bar: {x: task, y: accuracy, group: model, error: std}}]}}"),
    decode: { try BarMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    let column = { (node: SpecNode) in try node.located("a column name") }
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    hatch = try Hatch.decode(map)
    y = try map.required("y", column)
    error = try map.optional("error", column)
    // In x units, as matplotlib's: on a categorical axis (categories 1 apart) 0.8 leaves a fifth free.
    width = try map.optional("width") { try $0.positive("a bar width in x units") } ?? 0.8
    if let barWidth = try map.optional("bar_width", { try $0.positive("a bar width in x units") }) {
      if map["width"] != nil {
        throw map["bar_width"]!.error(
          "give 'width' (all of a group's bars together) or 'bar_width' (each bar), not both")
      }
      width = barWidth
      perBar = true
    }
    horizontal = try map.optional("horizontal") { try $0.bool() } ?? false
    stacked = try map.optional("stacked") { try $0.bool() } ?? false
    edge = try map.optional("edge") { try decodeColor($0) }
    edgeWidth = try map.optional("edge_width") { try $0.measure("a line width") } ?? (edge == nil ? 0 : 0.8)
    valueLabels = try map.optional("value_labels") { try ValueLabels.decode($0) } ?? nil
    capSize = try map.optional("cap") { try $0.measure("a cap size") } ?? 3
    errorWidth = try map.optional("error_width") { try $0.measure("a line width") } ?? 1
  }

  /// What `value_labels` asks for: `true`, a printf pattern, or `{format, size, pad}`.
  struct ValueLabels {
    /// A printf pattern, or `auto` (as few decimals as the value needs, at most 3).
    var format = "auto"
    /// A Python format spec (`.1f`, `+.1%`) instead of the printf pattern, as text templates write numbers.
    var python: FormatSpec?
    /// Size in points; nil: the tick labels' size.
    var size: Double?
    /// Gap in points between the bar's end (or its error whisker) and the label.
    var pad = 2.0
    /// Each bar's label text from this column (`+3.2%`, `SOTA`), as written, instead of its formatted value.
    var column: Located<String>?

    static let object = SpecObject(
      "value labels",
      purpose: "Numbers written at the end of each bar (matplotlib's bar_label): true, a printf format, or these "
        + "options.",
      keys: [
        SpecKey(
          "format", SpecSchema.numberFormat,
          "how the value is written: auto (as few decimals as it needs), a printf pattern (%.1f) or a Python format "
            + "spec (.1f, +.1%, ,d)", defaultValue: "auto"),
        SpecKey("size", SpecSchema.fontSize, "text size in points", default: "the tick labels' size"),
        SpecKey("pad", SpecSchema.nonNegative, "gap in points between the bar's end and the text", defaultValue: 2.0),
        SpecKey("column", SpecSchema.string, "a column whose text is written instead of the value", example: "delta"),
      ],
      exclusive: [["column", "format"]],
      example:
        "{axes: {x: {scale: categorical}, layers: [{bar: {x: task, y: accuracy, value_labels: {format: '%.1f'}}}]}}")

    static var schema: JSONValue {
      .object(["anyOf": .array([SpecSchema.boolean, SpecSchema.numberFormat, object.schema])])
    }

    static func decode(_ node: SpecNode) throws -> ValueLabels? {
      if let text = node.scalarText, ["true", "false", "yes", "no"].contains(text) {
        return try node.bool() ? ValueLabels() : nil
      }
      if node.isMapping {
        let map = try node.mapping(object)
        var labels = ValueLabels()
        if let format = try map.optional("format", { try pattern($0) }) { (labels.format, labels.python) = format }
        labels.size = try map.optional("size") { try $0.fontSize() }
        if let pad = try map.optional("pad", { try $0.nonNegative("a pad in points") }) { labels.pad = pad }
        labels.column = try map.optional("column") { try $0.located("a column name") }
        if labels.column != nil, let node = map["format"] {
          throw node.error("value labels take their text from 'column' or their 'format', not both")
        }
        return labels
      }
      let (format, python) = try pattern(node)
      return ValueLabels(format: format, python: python)
    }

    /// `auto`, a printf pattern, or a Python format spec for numbers (the second value).
    private static func pattern(_ node: SpecNode) throws -> (String, FormatSpec?) {
      let pattern = try node.string("true, a printf pattern or a format spec")
      if pattern == "auto" || PrintfPattern.isValid(pattern) { return (pattern, nil) }
      if !pattern.contains("%") || pattern.hasSuffix("%"), let spec = try? FormatSpec(pattern), spec.type != "s" {
        return ("auto", spec)
      }
      throw node.error(
        "value_labels takes true, a printf pattern such as %.1f, a Python format spec such as .1f, or {format, size, pad}"
      )
    }
  }

  var request: DataRequest? {
    // Horizontal bars put their categories on the y axis.
    var request = DataRequest(
      series: common, channels: [("y", y)] + (error.map { [("error", $0)] } ?? []), positionAlongY: horizontal)
    if let column = valueLabels?.column { request.textChannels = [("label", column)] }
    return request
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    var stackTops: [Double: (positive: Double, negative: Double)] = [:]
    let count = Double(data.series.count)
    return try data.series.enumerated().map { index, series in
      let color = try context.color(common, series: series, cycle: .fill)
      let fill = FillStyle(
        color: color.rgb, alpha: common.alpha * color.alpha, edge: edge?.rgb, edgeWidth: edgeWidth,
        edgeAlpha: (edge?.alpha ?? 1) * common.alpha
      ).hatched(hatch, alpha: common.alpha)
      let barWidth = stacked || perBar ? width : width / count
      let offset = stacked ? 0 : (Double(index) - (count - 1) / 2) * barWidth
      let errors = series.values["error"]
      let texts = series.texts["label"]
      let bars = zip(context.positions(series.x, along: horizontal ? .y : .x), series["y"]).enumerated().map {
        row, pair -> Bar in
        let (position, value) = pair
        var base = 0.0
        if stacked && value.isFinite {
          let tops = stackTops[position] ?? (0, 0)
          base = value >= 0 ? tops.positive : tops.negative
          stackTops[position] =
            value >= 0 ? (tops.positive + value, tops.negative) : (tops.positive, tops.negative + value)
        }
        return Bar(
          position: position + offset, width: barWidth, base: base, value: base + value, error: errors?[row],
          label: texts?[row])
      }
      return context.series(
        Geometry(
          bars: bars, fill: fill, horizontal: horizontal, valueLabels: valueLabels, capSize: capSize,
          errorWidth: errorWidth), "bars",
        common, valueColumn: y.value, series: series)
    }
  }

  /// One bar, in axis units: `position` on the category axis, from `base` to `value` on the value axis.
  struct Bar {
    var position: Double
    var width: Double
    var base: Double
    var value: Double
    var error: Double?
    /// The value label's text from a column, when the layer names one.
    var label: String? = nil
  }

  struct Geometry: MarkGeometry {
    var bars: [Bar]
    var fill: FillStyle
    var horizontal: Bool
    var valueLabels: ValueLabels?
    var capSize: Double
    var errorWidth: Double

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      let values = bars.flatMap { bar in
        [bar.base, bar.value] + (bar.error.map { [bar.value + $0, bar.value - $0] } ?? [])
      }
      let positions = bars.flatMap { [$0.position - $0.width / 2, $0.position + $0.width / 2] }
      return VellumLayout.extent((axis == .y) != horizontal ? values : positions, transform)
    }

    /// Bars start at zero: like matplotlib's sticky edges, the value axis then gets no margin below zero.
    func stickyEdges(along axis: PositionAxis) -> [Double] {
      axis == (horizontal ? .x : .y) && bars.contains { $0.base == 0 } ? [0] : []
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      var drawing = MarkDrawing()
      for bar in bars where bar.value.isFinite && bar.position.isFinite {
        let (a, b) = (bar.position - bar.width / 2, bar.position + bar.width / 2)
        let outline = canvas.outline(
          x: horizontal ? (bar.base, bar.value) : (a, b), y: horizontal ? (a, b) : (bar.base, bar.value))
        let vertices = outline.compactMap { segment -> Point? in
          if case .move(let p) = segment { return p }
          if case .line(let p) = segment { return p }
          return nil
        }
        if let minX = vertices.map(\.x).min(), let maxX = vertices.map(\.x).max(),
          let minY = vertices.map(\.y).min(), let maxY = vertices.map(\.y).max()
        {
          drawing.points += [Point(minX, minY), Point(maxX, maxY), Point((minX + maxX) / 2, (minY + maxY) / 2)]
        }
        drawing.nodes.append(canvas.patch(outline, fill))
        var tip = horizontal ? canvas.page(bar.value, bar.position) : canvas.page(bar.position, bar.value)
        if let error = bar.error, error.isFinite, error > 0 {
          let ends =
            horizontal
            ? (canvas.page(bar.value - error, bar.position), canvas.page(bar.value + error, bar.position))
            : (canvas.page(bar.position, bar.value - error), canvas.page(bar.position, bar.value + error))
          drawing.nodes.append(
            canvas.whisker(
              from: ends.0, to: ends.1, cap: capSize, across: horizontal, width: errorWidth, color: .black))
          tip = bar.value >= bar.base ? ends.1 : ends.0
        }
        // Labels of bars that end far off the canvas would be invisible, and unprintable.
        if let valueLabels, FarPointClipping.isNear(tip) {
          let label = try valueLabel(bar, pattern: valueLabels, tip: tip, canvas: canvas)
          drawing.overlay.append(label.node)
          if canvas.plot.insetBy(-1).contains(tip) { drawing.overlayBounds.append(label.box) }
        }
      }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [handle.patch(fill)] }

    private func valueLabel(_ bar: Bar, pattern labels: ValueLabels, tip: Point, canvas: MarkCanvas) throws
      -> PlacedText
    {
      let value = bar.value - bar.base
      let formatted =
        try labels.python.map { spec in
          do { return try spec.format(value) } catch let error as FormatSpecError {
            throw VellumError(.invalidData, "value labels: \(error.description)")
          }
        }
        ?? (labels.format == "auto"
          ? TickFormatter.fixed(value, min(TickFormatter.commonDecimals([value]), 3))
          : TickFormatter.minusSign(PrintfPattern.format(labels.format, value)))
      let text = bar.label ?? formatted
      let label = try canvas.setter.set(literal: text, size: labels.size ?? canvas.textSize)
      let gap = labels.pad
      let ahead = value >= 0
      if horizontal {
        let x = ahead ? tip.x + gap : tip.x - gap
        return PlacedText.horizontal(label, x: x, baseline: tip.y + label.ascent / 2, anchor: ahead ? .start : .end)
      }
      let baseline = ahead ? tip.y - gap - label.descent : tip.y + gap + label.ascent
      return PlacedText.horizontal(label, x: tip.x, baseline: baseline, anchor: .middle)
    }
  }
}
