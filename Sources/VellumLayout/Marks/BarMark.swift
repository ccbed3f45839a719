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
  /// `bar_width: {column}`: each bar's own width from a column (matplotlib's `bar(width=array)`).
  var widthColumn: Located<String>?
  /// Line width of the error whiskers.
  var errorWidth: Double = 1
  var horizontal: Bool
  var stacked: Bool
  /// A column whose values stand side by side at each position, each bar a stack of the layer's groups.
  var dodge: Located<String>?
  /// The outline's colour: one for every bar, or a column's value's colour on the figure's colour scale (each
  /// series its own, as matplotlib's `edgecolor` per artist).
  var edge: Encoding<Color>?
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
          "bar_width", .object(["anyOf": .array([SpecSchema.positive, Encoding<Double>.columnObject.schema])]),
          "width of each single bar in x units, instead of width; or {column: NAME}, each bar's own",
          example: "0.2"),
        SpecKey("horizontal", SpecSchema.boolean, "bars along x from a category axis on y (barh)", defaultValue: false),
        SpecKey(
          "stacked", SpecSchema.boolean, "stack groups on each other instead of side by side",
          default: "false; true with dodge"),
        SpecKey(
          "dodge", SpecSchema.string,
          "a column whose values stand side by side at each position, the groups stacked in each (grouped and "
            + "stacked bars)", example: "family"),
        SpecKey(
          "edge", Encoding<Color>.schema(SpecSchema.color),
          "outline colour of the bars, or {column} for each series the colour of its value", default: "no outline",
          example: "{column: method}"),
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
    if let node = map["bar_width"] {
      if map["width"] != nil {
        throw node.error("give 'width' (all of a group's bars together) or 'bar_width' (each bar), not both")
      }
      switch try Encoding.decode(node, constant: { try $0.positive("a bar width in x units") }) {
      case .constant(let barWidth): width = barWidth
      case .column(let column): widthColumn = column
      }
      perBar = true
    }
    horizontal = try map.optional("horizontal") { try $0.bool() } ?? false
    dodge = try map.optional("dodge", column)
    stacked = try map.optional("stacked") { try $0.bool() } ?? (dodge != nil)
    if dodge != nil, !stacked {
      throw map["stacked"]!.error(
        "'dodge' sets each value's bar beside the others and stacks the groups in it; drop stacked: false")
    }
    edge = try map.optional("edge") { try Encoding.decode($0, constant: decodeColor) }
    edgeWidth = try map.optional("edge_width") { try $0.measure("a line width") } ?? (edge == nil ? 0 : 0.8)
    valueLabels = try map.optional("value_labels") { try ValueLabels.decode($0) } ?? nil
    capSize = try map.optional("cap") { try $0.measure("a cap size") } ?? 3
    errorWidth = try map.optional("error_width") { try $0.measure("a line width") } ?? 1
  }

  /// What `value_labels` asks for: `true`, a printf pattern, or `{format, size, pad, place, totals}`.
  struct ValueLabels {
    /// Where a bar's label sits (matplotlib's bar_label `label_type`).
    enum Place: String, CaseIterable {
      /// Past the bar's end (`edge`).
      case end
      /// In the middle of the bar (a stacked segment's share).
      case center
      /// No label on each bar; only the stacks' totals.
      case none
    }

    /// `auto` (as few decimals as the value needs, at most 3), a printf pattern or a Python format spec.
    var format = NumberFormat.auto
    /// Size in points; nil: the tick labels' size.
    var size: Double?
    /// Gap in points between the bar's end (or its error whisker) and the label.
    var pad = 2.0
    /// Each bar's label text from this column (`+3.2%`, `SOTA`), as written, instead of its formatted value.
    var column: Located<String>?
    var place = Place.end
    /// Write each stack's sum past its end.
    var totals = false
    var color: Color?

    static let object = SpecObject(
      "value labels",
      purpose: "Numbers written at the end of each bar (matplotlib's bar_label): true, a printf format, or these "
        + "options.",
      keys: [
        SpecKey(
          "format", SpecSchema.numberFormat,
          "how the value is written: auto (as few decimals as it needs, up to 3; %g form below 0.0005), a printf "
            + "pattern (%.1f) or a Python format spec (.1f, +.1%, ,d)", defaultValue: "auto"),
        SpecKey("size", SpecSchema.fontSize, "text size in points", default: "the tick labels' size"),
        SpecKey("pad", SpecSchema.nonNegative, "gap in points between the bar's end and the text", defaultValue: 2.0),
        SpecKey("column", SpecSchema.string, "a column whose text is written instead of the value", example: "delta"),
        SpecKey(
          "place", SpecSchema.enumeration(Place.allCases.map(\.rawValue)),
          "each bar's label past its end, in its middle (a stacked segment's share; left out where it does not fit), "
            + "or none (totals only)",
          defaultValue: "end"),
        SpecKey(
          "totals", SpecSchema.boolean, "write each stack's sum past its end (stacked or dodged bars)",
          defaultValue: false),
        SpecKey("color", SpecSchema.color, "the labels' colour", default: "the text colour, black"),
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
        if let format = try map.optional("format", { try NumberFormat.decode($0, usage: usage) }) {
          labels.format = format
        }
        labels.size = try map.optional("size") { try $0.fontSize() }
        if let pad = try map.optional("pad", { try $0.nonNegative("a pad in points") }) { labels.pad = pad }
        labels.column = try map.optional("column") { try $0.located("a column name") }
        labels.place = try map.optional("place") { try decodeEnum($0, what: "label place") } ?? .end
        labels.totals = try map.optional("totals") { try $0.bool() } ?? false
        labels.color = try map.optional("color") { try decodeColor($0) }
        if labels.column != nil, let node = map["format"] {
          throw node.error("value labels take their text from 'column' or their 'format', not both")
        }
        return labels
      }
      return ValueLabels(format: try NumberFormat.decode(node, usage: usage))
    }

    private static let usage =
      "value_labels takes true, a printf pattern such as %.1f, a Python format spec such as .1f, or {format, size, pad, "
      + "place, totals}"
  }

  var request: DataRequest? {
    // Horizontal bars put their categories on the y axis.
    var request = DataRequest(
      series: common,
      channels: [("y", y)] + (error.map { [("error", $0)] } ?? [])
        + (common.continuousColor.map { [("color", $0.column)] } ?? []) + (widthColumn.map { [("width", $0)] } ?? []),
      encodings: (hatch?.encodings ?? []) + (edge?.column.map { [(EncodedChannel.color, $0)] } ?? []),
      positionAlongY: horizontal)
    if let column = valueLabels?.column { request.textChannels.append(("label", column)) }
    if let dodge { request.textChannels.append(("dodge", dodge)) }
    return request
  }

  func continuousMappings(_ data: LayerData) -> [ContinuousMapping] { MarkResolution.seriesColors(common, data: data) }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    // A colormap colours each bar by its value (matplotlib's bar(color=cmap(norm(values)))), one scale for the layer.
    let colormap = try context.colormap(common, data: data)
    // A stack is one slot at one position: the only one when stacked, one per dodge value when dodged.
    var stacks: [StackKey: (positive: Double, negative: Double)] = [:]
    var stackOrder: [StackKey] = []
    var slots: [String] = []
    for series in data.series {
      for value in series.texts["dodge"] ?? [] where !slots.contains(value) { slots.append(value) }
    }
    let count = Double(dodge == nil ? data.series.count : slots.count)
    let barWidth = perBar || (stacked && dodge == nil) ? width : width / max(count, 1)
    var layers = try data.series.enumerated().map { index, series in
      let color = try colormap.map { $0.1.middle } ?? context.color(common, series: series, cycle: .fill)
      let barColors = colormap.map { map in series["color"].map { map.1($0) } }
      let edge = self.edge.flatMap { encoding -> Color? in
        switch encoding {
        case .constant(let color): return color
        case .column(let column): return series.keys[column.value].flatMap { context.scales.color($0) }
        }
      }
      let fill = FillStyle(
        color: color.rgb, alpha: common.alpha * color.alpha, edge: edge?.rgb, edgeWidth: edgeWidth,
        edgeAlpha: (edge?.alpha ?? 1) * common.alpha
      ).hatched(hatch, series: series, context: context, alpha: common.alpha)
      let errors = try series.values["error"].map { values in
        try error.map { try ErrorBarMark.Extent.distances(values, $0) } ?? values
      }
      let texts = series.texts["label"]
      let dodged = series.texts["dodge"]
      let widths = series.values["width"]
      let bars = zip(context.positions(series.x, along: horizontal ? .y : .x), series["y"]).enumerated().map {
        row, pair -> Bar in
        let (position, value) = pair
        let slot = dodged.flatMap { slots.firstIndex(of: $0[row]) } ?? (stacked ? 0 : index)
        // A width from a column: a bar with none (or not above 0) is left out.
        let barWidth = widths.map { $0[row].isFinite && $0[row] > 0 ? $0[row] : .nan } ?? barWidth
        let offset = stacked && dodge == nil ? 0 : (Double(slot) - (count - 1) / 2) * barWidth
        var base = 0.0
        if stacked && value.isFinite {
          let key = StackKey(position: position, slot: slot)
          let tops = stacks[key] ?? (0, 0)
          if stacks[key] == nil { stackOrder.append(key) }
          base = value >= 0 ? tops.positive : tops.negative
          stacks[key] = value >= 0 ? (tops.positive + value, tops.negative) : (tops.positive, tops.negative + value)
        }
        var bar = Bar(
          position: position + offset, width: barWidth, base: base, value: base + value, error: errors?[row],
          label: texts?[row])
        if let barColors {
          // A missing colour value leaves the bar out, as matplotlib's bad colour is transparent.
          guard let paint = barColors[row] else {
            bar.value = .nan
            return bar
          }
          bar.color = paint
        }
        return bar
      }
      var geometry = Geometry(
        bars: bars, fill: fill, horizontal: horizontal, valueLabels: valueLabels, capSize: capSize,
        errorWidth: errorWidth)
      geometry.colorbar = colormap.flatMap { continuous, scale in continuous.colorbar.map { (scale, $0) } }
      return geometry
    }
    if valueLabels?.totals == true, !layers.isEmpty {
      guard stacked else {
        throw VellumError(
          .invalidSpec, "value label totals sum stacks: add stacked: true or dodge",
          at: common.location)
      }
      // Drawn with the last series, so each total sits over every segment of its stack.
      layers[layers.count - 1].totals = stackOrder.map { key in
        let (positive, negative) = stacks[key]!
        let offset = dodge == nil ? 0 : (Double(key.slot) - (count - 1) / 2) * barWidth
        let end = positive > 0 || negative == 0 ? positive : negative
        return Bar(position: key.position + offset, width: barWidth, base: 0, value: end, total: positive + negative)
      }
    }
    return try zip(data.series, layers).map { series, geometry in
      try context.series(geometry, "bars", common, valueColumn: y.value, series: series)
    }
  }

  /// One stack: a position, and the dodge slot at it.
  private struct StackKey: Hashable {
    var position: Double
    var slot: Int
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
    /// A stack's total, written past `value` (the stack's end): the sum of its segments.
    var total: Double? = nil
    /// The bar's own fill from a colormap, instead of its series' colour.
    var color: RGB? = nil
  }

  struct Geometry: MarkGeometry {
    var bars: [Bar]
    var fill: FillStyle
    var horizontal: Bool
    var valueLabels: ValueLabels?
    var capSize: Double
    var errorWidth: Double
    /// The stacks' totals (on the last series of stacked bars with `value_labels: {totals: true}`).
    var totals: [Bar] = []
    var colorbar: (scale: ContinuousColorScale, spec: ColorbarSpec)?

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
      for bar in bars where bar.value.isFinite && bar.position.isFinite && bar.width.isFinite {
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
        var paint = fill
        if let color = bar.color { paint.color = color }
        drawing.nodes.append(canvas.patch(outline, paint))
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
        if let valueLabels, valueLabels.place != .none, FarPointClipping.isNear(tip) {
          let label = try valueLabel(bar, pattern: valueLabels, tip: tip, canvas: canvas)
          // A centred label wider (or taller) than its segment would cross into the next one: left out.
          if valueLabels.place == .center {
            let (start, end) =
              horizontal
              ? (canvas.page(bar.base, bar.position).x, canvas.page(bar.value, bar.position).x)
              : (canvas.page(bar.position, bar.base).y, canvas.page(bar.position, bar.value).y)
            if (horizontal ? label.box.width : label.box.height) > abs(end - start) - 2 { continue }
          }
          drawing.overlay.append(label.node)
          if canvas.plot.insetBy(-1).contains(tip) { drawing.overlayBounds.append(label.box) }
        }
      }
      for total in totals where total.value.isFinite && total.position.isFinite {
        let tip = horizontal ? canvas.page(total.value, total.position) : canvas.page(total.position, total.value)
        guard let valueLabels, FarPointClipping.isNear(tip) else { continue }
        var end = valueLabels
        end.place = .end
        let label = try valueLabel(total, pattern: end, tip: tip, canvas: canvas)
        drawing.overlay.append(label.node)
        if canvas.plot.insetBy(-1).contains(tip) { drawing.overlayBounds.append(label.box) }
      }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [handle.patch(fill)] }

    private func valueLabel(_ bar: Bar, pattern labels: ValueLabels, tip: Point, canvas: MarkCanvas) throws
      -> PlacedText
    {
      let value = bar.total ?? bar.value - bar.base
      let formatted = try labels.format.text(value) { value in
        // Up to three decimals; a value they would write as 0 in %g's form (as matplotlib's bar_label), 1.2e-06.
        value != 0 && abs(value) < 0.0005
          ? TickFormatter.minusSign(String(format: "%g", value))
          : TickFormatter.fixed(value, min(TickFormatter.commonDecimals([value]), 3))
      }
      let text = bar.total == nil ? bar.label ?? formatted : formatted
      let label = try canvas.setter.set(literal: text, size: labels.size ?? canvas.textSize)
      let placed = place(label, bar, labels: labels, tip: tip, canvas: canvas)
      return placed.painted(labels.color)
    }

    /// Past the bar's end (beyond zero's side it grows to), or centred in it.
    private func place(_ label: SetText, _ bar: Bar, labels: ValueLabels, tip: Point, canvas: MarkCanvas)
      -> PlacedText
    {
      if labels.place == .center {
        let middle =
          horizontal
          ? canvas.page((bar.base + bar.value) / 2, bar.position)
          : canvas.page(bar.position, (bar.base + bar.value) / 2)
        return PlacedText.horizontal(
          label, x: middle.x, baseline: middle.y + (label.ascent - label.descent) / 2, anchor: .middle)
      }
      let gap = labels.pad
      let ahead = bar.value >= bar.base
      if horizontal {
        let x = ahead ? tip.x + gap : tip.x - gap
        return PlacedText.horizontal(label, x: x, baseline: tip.y + label.ascent / 2, anchor: ahead ? .start : .end)
      }
      let baseline = ahead ? tip.y - gap - label.descent : tip.y + gap + label.ascent
      return PlacedText.horizontal(label, x: tip.x, baseline: baseline, anchor: .middle)
    }
  }
}
