import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec
import VellumTypesetting

/// `text`: text placed at a point, optionally offset and with an arrow pointing at the point. The point is in data
/// coordinates, or in fractions of the axes or of the figure (matplotlib's `transAxes`, `transFigure`). As in
/// matplotlib, text does not widen the axis limits and is drawn where asked, over the plot's edge if need be.
struct TextMark: Mark {
  enum Anchor: String, Sendable, CaseIterable { case start, middle, end }
  /// Which line of the text stands at its point: its baseline (matplotlib's default `va`), the middle of its ink,
  /// its top or its bottom.
  enum VerticalAnchor: String, Sendable, CaseIterable {
    case baseline, middle, top, bottom

    /// The baseline of `set` standing this way at page height `y`.
    func baseline(_ set: SetText, at y: Double) -> Double {
      switch self {
      case .baseline: return y
      case .middle: return y + (set.ascent - set.descent) / 2
      case .top: return y + set.ascent
      case .bottom: return y - set.descent
      }
    }
  }

  /// The key of ``VerticalAnchor``, for both forms of text.
  static let verticalAnchorKey = SpecKey(
    "vertical_anchor", SpecSchema.enumeration(VerticalAnchor.allCases.map(\.rawValue)),
    "which line of the text stands at the point (matplotlib's va): baseline, middle, top or bottom",
    defaultValue: VerticalAnchor.baseline)

  /// `vertical_anchor`, for both forms of text.
  static func verticalAnchor(_ map: SpecMapping) throws -> VerticalAnchor {
    try map.optional("vertical_anchor") { try decodeEnum($0, what: "vertical anchor") } ?? .baseline
  }
  enum Coordinates: String, Sendable, CaseIterable { case data, axes, figure }
  /// Where `text_at` is measured: as the point's coordinates, or in points from the point (offset points).
  enum TextCoordinates: String, Sendable, CaseIterable { case data, axes, figure, points }

  var id: String?
  var text: Located<String>
  var x: Double
  var y: Double
  /// Text position relative to the point, in points (x right, y up).
  var offset: (x: Double, y: Double)
  /// Where the text stands, in `textCoordinates` (matplotlib's xytext and textcoords), instead of `offset`.
  var textAt: (x: Double, y: Double)?
  var textCoordinates: TextCoordinates?
  var anchor: Anchor
  var verticalAnchor: VerticalAnchor
  var size: Double?
  var color: Color
  var arrow: AnnotationArrow?
  var arrowWidth: Double
  var coordinates: Coordinates
  /// A box behind the text (matplotlib's `bbox`).
  var box: TextBox?
  var location: SourceLocation

  static let layerKind = LayerKind(
    name: "text", first: annotation, second: Labels.object,
    // `text: {column: …}` labels every row of a table; a plain text is one annotation.
    isSecond: { map in map["text"]?.isMapping == true },
    misplaced: { stray, labels in
      labels
        ? "'\(stray)' belongs to one annotation, not to text labelling rows"
        : "'\(stray)' belongs to text labelling rows (text: {column: …}), not to one annotation"
    },
    decode: { map, context in
      if map["text"]?.isMapping == true { return try Labels(map: map, context: context) }
      return try TextMark(map: map, context: context)
    })

  /// One text at a point.
  static let annotation = SpecObject(
    "text",
    purpose: "Text at a point (matplotlib's text and annotate): one annotation in data, axes or figure coordinates, "
      + "with an optional arrow; `text: {column: NAME}` labels rows instead (see `text labels`).",
    keys: [
      SpecKey("id", SpecSchema.string, "a stable id for the text's SVG group, so diffs follow it", example: "note"),
      SpecKey("text", SpecSchema.text, "the text (TeX subset)", example: "'best run'"),
      SpecKey("x", SpecSchema.number, "the point's x, in the coordinates' units", example: "1000"),
      SpecKey("y", SpecSchema.number, "the point's y, in the coordinates' units", example: "0.5"),
      SpecKey(
        "offset", SpecSchema.pair, "[dx, dy] in points from the point to the text (y up)", defaultValue: "[0, 0]"),
      SpecKey(
        "text_at", SpecSchema.pair,
        "[x, y] where the text stands, in text_coordinates (matplotlib's xytext), instead of offset",
        example: "[0.6, 0.2]"),
      SpecKey(
        "text_coordinates", SpecSchema.enumeration(TextCoordinates.allCases.map(\.rawValue)),
        "units of text_at: data, axes or figure fractions, or points from the point (textcoords)",
        default: "the point's coordinates"),
      SpecKey(
        "anchor", SpecSchema.enumeration(Anchor.allCases.map(\.rawValue)),
        "which end of the text sits at the point: start (left), middle or end (right)", defaultValue: Anchor.start),
      verticalAnchorKey,
      SpecKey("size", SpecSchema.fontSize, "text size in points", default: "the base font size"),
      SpecKey("color", SpecSchema.color, "the text's colour", defaultValue: "black"),
      SpecKey(
        "arrow", AnnotationArrow.schema,
        "an arrow from the text to the point (annotate's arrowprops): true (-|>), a style (->, -|>, <->, -, fancy, "
          + "wedge) or {style, connection, shrink, width, color}", defaultValue: false),
      SpecKey("arrow_width", SpecSchema.measure, "the arrow's line width in points", defaultValue: 0.8),
      SpecKey(
        "coordinates", SpecSchema.enumeration(Coordinates.allCases.map(\.rawValue)),
        "units of x and y: data, fractions of the axes, or fractions of the figure", defaultValue: Coordinates.data),
      SpecKey(
        "box", TextBox.schema, "a box behind the text: true, or {style, pad, fill, edge, width, alpha} (bbox)",
        defaultValue: false),
    ],
    required: ["text", "x", "y"], exclusive: [["offset", "text_at"]],
    example: "{text: {text: 'best', x: 300, y: 1.5, offset: [5, 5], arrow: true}}")

  init(map: SpecMapping, context: LayerContext) throws {
    location = context.node.location
    coordinates = try map.optional("coordinates") { try decodeEnum($0, what: "text coordinates") } ?? .data
    id = try map.optional("id") { try $0.string("an id") }
    text = try map.required("text") { try $0.located("the annotation text") }
    x = try map.required("x") { try $0.double("an x value") }
    y = try map.required("y") { try $0.double("a y value") }
    offset = try Self.offset(map) ?? (0, 0)
    textAt = try map.optional("text_at") { node in
      let items = try node.list("a position [x, y]")
      guard items.count == 2 else { throw node.error("expected a position [x, y], found \(items.count) values") }
      return (try items[0].double(), try items[1].double())
    }
    textCoordinates = try map.optional("text_coordinates") { try decodeEnum($0, what: "text coordinates") }
    if textAt != nil, let node = map["offset"] {
      throw node.error("the text stands at text_at or at an offset from the point, not both")
    }
    anchor = try map.optional("anchor") { try decodeEnum($0, what: "text anchor") } ?? .start
    verticalAnchor = try Self.verticalAnchor(map)
    size = try map.optional("size") { try $0.fontSize() }
    color = try map.optional("color") { try decodeColor($0) } ?? .black
    arrow = try map.optional("arrow") { try AnnotationArrow.decode($0) } ?? nil
    arrowWidth = try map.optional("arrow_width") { try $0.measure("a line width") } ?? 0.8
    box = try map.optional("box") { try TextBox.decode($0) } ?? nil
  }

  var request: DataRequest? { nil }

  /// The text's fields filled from the data (the panel's source, or `{source.column}`).
  func fillingTexts(_ fill: (Located<String>) throws -> Located<String>) throws -> any LayerBody {
    var filled = self
    filled.text = try fill(text)
    return filled
  }

  /// `offset: [dx, dy]` in points, x right and y up.
  static func offset(_ map: SpecMapping) throws -> (x: Double, y: Double)? {
    try map.optional("offset") { node in
      let items = try node.list("an offset [dx, dy] in points")
      guard items.count == 2 else { throw node.error("expected an offset [dx, dy], found \(items.count) values") }
      return (try items[0].double(), try items[1].double())
    }
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    [ResolvedLayer(geometry: self, role: "text-" + (id ?? slug(TeXParser.plainText(text))), legendLabel: nil)]
  }
}

extension TextMark: MarkGeometry {
  /// Text leaves the limits to the data, as matplotlib's `text` and `annotate` do.
  func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? { nil }

  func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
    let target = Self.point(x, y, in: TextCoordinates(rawValue: coordinates.rawValue)!, canvas)
    guard FarPointClipping.isNear(target) else {
      return MarkDrawing(warnings: [offCanvas])
    }
    let origin: Point
    if let textAt {
      let units = textCoordinates ?? TextCoordinates(rawValue: coordinates.rawValue)!
      origin =
        units == .points
        ? Point(target.x + textAt.x, target.y - textAt.y) : Self.point(textAt.x, textAt.y, in: units, canvas)
    } else {
      origin = Point(target.x + offset.x, target.y - offset.y)
    }
    guard FarPointClipping.isNear(origin) else { return MarkDrawing(warnings: [offCanvas]) }
    let (placed, boxed, arrowNodes) = try annotation(target: target, origin: origin, canvas: canvas)
    let outside = (boxed?.box ?? placed.box).reachesOutside(canvas.canvas)
    // Drawn over the plot's edge like the text, not clipped with the data; the box under the text. Text placed in
    // figure fractions stays where it is asked whatever the layout does, so the layout leaves it out.
    let textUnits =
      textAt == nil ? TextCoordinates.points : textCoordinates ?? TextCoordinates(rawValue: coordinates.rawValue)!
    let placedInFigure = textUnits == .figure || (textUnits == .points && coordinates == .figure)
    // Only text pointing into the plot counts: one at a point far off it would squeeze the plot to nothing.
    let counted = !placedInFigure && canvas.plot.insetBy(-1).contains(target)
    return MarkDrawing(
      points: [target], overlay: (arrowNodes ?? []) + [boxed?.node, placed.node].compactMap { $0 },
      overlayBounds: counted ? [boxed?.box ?? placed.box] : [],
      warnings: outside ? [offCanvas] : [])
  }

  /// A point given in data units or fractions of the axes or figure, on the page.
  private static func point(_ x: Double, _ y: Double, in units: TextCoordinates, _ canvas: MarkCanvas) -> Point {
    switch units {
    case .data: return canvas.page(x, y)
    case .axes: return Point(canvas.plot.minX + x * canvas.plot.width, canvas.plot.maxY - y * canvas.plot.height)
    case .figure:
      return Point(canvas.canvas.minX + x * canvas.canvas.width, canvas.canvas.maxY - y * canvas.canvas.height)
    case .points: return Point(canvas.plot.minX + x, canvas.plot.maxY - y)
    }
  }

  private var offCanvas: VellumWarning {
    VellumWarning(
      "the text '\(TeXParser.plainText(text))' at (\(x), \(y)) in \(coordinates.rawValue) coordinates reaches past the "
        + "canvas and will be cut off", at: location)
  }

  func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [] }

  /// The text at `origin`, its box, and an arrow from the text (or its box) to the target.
  private func annotation(target: Point, origin: Point, canvas: MarkCanvas) throws -> (
    PlacedText, (node: SceneNode, box: Rect)?, [SceneNode]?
  ) {
    let size = self.size ?? canvas.textSize
    let label = try canvas.setter.set(label: text, size: size)
    let anchor: PlacedText.Anchor = self.anchor == .start ? .start : self.anchor == .middle ? .middle : .end
    var placed = PlacedText.horizontal(
      label, x: origin.x, baseline: verticalAnchor.baseline(label, at: origin.y), anchor: anchor)
    if case .text(var node) = placed.node {
      node.paint = Paint(color.rgb, opacity: color.alpha)
      placed.node = .text(node)
    }
    let boxed = self.box.map { $0.node(around: placed.box, size: size) }
    guard let arrow, origin != target else { return (placed, boxed, nil) }
    let arrowColor = arrow.color ?? color
    let nodes = arrow.nodes(
      from: boxed?.box ?? placed.box, to: target, size: size, lineWidth: arrow.width ?? arrowWidth,
      paint: Paint(arrowColor.rgb, opacity: arrowColor.alpha))
    return (placed, boxed, nodes)
  }
}

extension TextMark {
  /// `text: {column: name}`: a label at every row's (x, y), from a table like any data layer (labels beside a
  /// scatter's points); `nudge: true` moves labels that would overlap each other or the points to the first
  /// free spot around their point.
  struct Labels: Mark, SeriesLayerBody {
    /// `text: {column: NAME}`: a label per row.
    static let object = SpecObject(
      "text labels",
      purpose: "A label at every row's point, its text from a column (beside a scatter's points); `nudge` moves "
        + "labels that would overlap each other or the points.",
      keys: SeriesCommon.keys(x: "the column of the labels' x positions").filter {
        !["label", "legend"].contains($0.name)
      } + [
        SpecKey(
          "text", textColumn.schema, "{column: NAME, format}: the column whose cells are the labels",
          example: "{column: name}"),
        SpecKey("y", SpecSchema.string, "the column of the labels' y positions", example: "accuracy"),
        SpecKey(
          "offset", SpecSchema.pair, "[dx, dy] in points from each point to its label (y up)",
          defaultValue: "[3, 3]"),
        SpecKey(
          "anchor", SpecSchema.enumeration(Anchor.allCases.map(\.rawValue)),
          "which end of each label sits at its point", defaultValue: Anchor.start),
        TextMark.verticalAnchorKey,
        SpecKey("size", SpecSchema.fontSize, "label size in points", default: "the base font size"),
        SpecKey(
          "nudge", SpecSchema.boolean, "move labels apart so they overlap no point or other label",
          defaultValue: false),
      ],
      required: ["text", "x", "y"], example: "{text: {text: {column: name}, x: step, y: loss, nudge: true}}")

    /// `text: {column, format}`: which column labels the rows, and how its numbers are written.
    static let textColumn = SpecObject(
      "text column",
      purpose: "The column whose cells label the rows; numbers in it written by a Python format spec, or in their "
        + "plain form (at most 12 significant digits, no float noise).",
      keys: [
        SpecKey("column", SpecSchema.string, "the column whose cells are the labels", example: "name"),
        SpecKey(
          "format", SpecSchema.string,
          "a Python format spec for its numbers: .3f, +.1f, .2%, ,d, .2e, g (Python's format(value, spec))",
          default: "plain: at most 12 significant digits", example: "'+.1f'"),
      ],
      required: ["column"], example: "{text: {text: {column: delta, format: '+.1f'}, x: step, y: loss}}")

    var common: SeriesCommon
    var y: Located<String>
    var text: Located<String>
    var format: FormatSpec?
    var offset: (x: Double, y: Double)
    var anchor: Anchor
    var verticalAnchor: VerticalAnchor
    var size: Double?
    var nudge: Bool

    init(map: SpecMapping, context: LayerContext) throws {
      common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
      y = try map.required("y") { try $0.located("a column name") }
      let textMap = try map["text"]!.mapping(Self.textColumn)
      text = try textMap.required("column") { try $0.located("a column name") }
      format = try textMap.optional("format") { try $0.formatSpec() }
      offset = try TextMark.offset(map) ?? (3, 3)
      anchor = try map.optional("anchor") { try decodeEnum($0, what: "text anchor") } ?? .start
      verticalAnchor = try TextMark.verticalAnchor(map)
      size = try map.optional("size") { try $0.fontSize() }
      nudge = try map.optional("nudge") { try $0.bool() } ?? false
    }

    var request: DataRequest? {
      var request = DataRequest(series: common, channels: [("y", y)])
      request.textChannels = [("text", text)]
      request.textFormats["text"] = format
      return request
    }

    func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
      try data.series.map { series in
        // Black, as matplotlib's text, unless a colour or a group says otherwise.
        let color =
          common.colorEncoding == nil && common.group == nil
          ? Color.black : try context.color(common, series: series, cycle: .line)
        var layer = try context.series(
          LabelsGeometry(
            x: context.positions(series.x), y: series["y"], labels: series.texts["text"] ?? [], offset: offset,
            anchor: anchor, verticalAnchor: verticalAnchor, size: size,
            paint: Paint(color.rgb, opacity: common.alpha * color.alpha), nudge: nudge),
          "labels", common, valueColumn: text.value, series: series)
        layer.legendLabel = nil
        return layer
      }
    }
  }

  struct LabelsGeometry: MarkGeometry {
    var x: [Double]
    var y: [Double]
    var labels: [String]
    var offset: (x: Double, y: Double)
    var anchor: Anchor
    var verticalAnchor: VerticalAnchor
    var size: Double?
    var paint: Paint
    var nudge: Bool

    /// Labels leave the limits to the points they label, as matplotlib's annotations.
    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? { nil }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [] }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      var drawing = MarkDrawing()
      let points = canvas.pages(x, y)
      // What nudged labels avoid: every point (this layer's and the layers' below) and the labels placed so far.
      var taken = PageGrid()
      if nudge {
        for point in points + canvas.occupied where FarPointClipping.isNear(point) { taken.insert(point) }
      }
      for (index, point) in points.enumerated() where point.x.isFinite && point.y.isFinite {
        guard index < labels.count, !labels[index].isEmpty, FarPointClipping.isNear(point) else { continue }
        // Data values are set literally: a model name with `_` or `$` is not TeX.
        let set = try canvas.setter.set(literal: labels[index], size: size ?? canvas.textSize)
        var choice = place(set, at: point, offset: offset, anchor: anchor, vertical: verticalAnchor)
        if nudge {
          // Around the point at growing distances: the asked side first, then the others (text below its point
          // hangs from its top, text above stands on its bottom).
          let (dx, dy) = (abs(offset.x) + 1, abs(offset.y) + 1)
          var candidates: [((Double, Double), Anchor, VerticalAnchor)] = []
          for scale in [1.0, 2, 3, 4] {
            candidates += [
              ((offset.x * scale, offset.y * scale), anchor, verticalAnchor),
              ((dx * scale, -dy * scale), .start, .top), ((-dx * scale, dy * scale), .end, .bottom),
              ((-dx * scale, -dy * scale), .end, .top), ((0, dy * scale), .middle, .bottom),
              ((0, -dy * scale), .middle, .top),
            ]
          }
          // Free of the other labels, of every other point, and inside the plot.
          let plot = canvas.plot
          if let free = candidates.lazy.map({
            self.place(set, at: point, offset: $0.0, anchor: $0.1, vertical: $0.2)
          }).first(where: {
            candidate in
            let box = candidate.box
            return box.minX >= plot.minX && box.maxX <= plot.maxX && box.minY >= plot.minY && box.maxY <= plot.maxY
              && !taken.holdsBox(crossing: box) && !taken.holdsPoint(in: box, other: point)
          }) {
            choice = free
          }
          // Only the part inside the plot matters: candidates outside it are refused before the grid is asked.
          let box = choice.box
          let (left, top) = (max(box.minX, plot.minX), max(box.minY, plot.minY))
          let (right, bottom) = (min(box.maxX, plot.maxX), min(box.maxY, plot.maxY))
          if left <= right, top <= bottom {
            taken.insert(Rect(x: left, y: top, width: right - left, height: bottom - top))
          }
        }
        drawing.overlay.append(choice.painted(paint.color).node)
        if canvas.plot.insetBy(-1).contains(point) { drawing.overlayBounds.append(choice.box) }
      }
      drawing.points = points
      return drawing
    }

    private func place(
      _ set: SetText, at point: Point, offset: (x: Double, y: Double), anchor: Anchor, vertical: VerticalAnchor
    ) -> PlacedText {
      let textAnchor: PlacedText.Anchor = anchor == .start ? .start : anchor == .middle ? .middle : .end
      return PlacedText.horizontal(
        set, x: point.x + offset.x, baseline: vertical.baseline(set, at: point.y - offset.y), anchor: textAnchor)
    }
  }
}
