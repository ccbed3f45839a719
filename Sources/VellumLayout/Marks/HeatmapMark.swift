import Foundation
import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec
import VellumTypesetting

/// `heatmap`: one cell per (x, y) with its value's colour from a colormap (matplotlib's `imshow`/`pcolormesh`,
/// seaborn's `heatmap`): categorical or evenly spaced numeric rows and columns, missing cells left blank (or in
/// the `bad` colour), optional values written in each cell in black or white, whichever reads on the cell.
struct HeatmapMark: Mark, SeriesLayerBody {
  var common: SeriesCommon
  var y: Located<String>
  var value: Located<String>
  var color: ContinuousColorSpec
  /// A printf pattern for the value written in each cell; nil writes none.
  var annotate: String?
  var annotationSize: Double?
  /// The written values' colour; nil: black or white, whichever reads on the cell.
  var annotationColor: Color?
  var edge: Color
  var edgeWidth: Double
  var colorbar: ColorbarSpec?
  /// Categories in sorted order (numbers by value, text alphabetically) instead of order of first appearance.
  var sorted: Bool
  /// The triangle of the (row, column) matrix left blank, as seaborn's `mask=np.triu(…)`.
  var mask: Triangle?
  /// The diagonal left blank too (numpy's triu with k=0 rather than 1).
  var maskDiagonal: Bool

  /// A triangle of the matrix whose rows are the y values and columns the x values, in axis order.
  enum Triangle: String, Sendable, CaseIterable { case none, upper, lower }

  static let layerKind = LayerKind(
    SpecObject(
      "heatmap",
      purpose: "One cell per (x, y) coloured by its value through a colormap (matplotlib's imshow, seaborn's "
        + "heatmap), with a colorbar and optional values written in the cells.",
      // A heatmap's colours come from its value, so it takes none of a series' group, label, colour or missing rule.
      keys: SeriesCommon.valueColoredKeys(
        x: "the column of the cells' columns: evenly spaced numbers, or labels on an axis given scale: categorical")
        + [
          SpecKey(
            "y", SpecSchema.string,
            "the column of the cells' rows: evenly spaced numbers, or labels on an axis given scale: categorical",
            example: "query"),
          SpecKey("value", SpecSchema.string, "the column whose values colour the cells", example: "weight"),
          SpecKey(
            "annotate", .object(["anyOf": .array([SpecSchema.boolean, SpecSchema.printf])]),
            "write each cell's value in it: true (%.2g) or a printf format", defaultValue: false),
          SpecKey(
            "annotation_size", SpecSchema.fontSize, "size in points of the written values",
            default: "the tick labels' size"),
          SpecKey(
            "annotation_color", SpecSchema.color, "one colour for every written value",
            default: "black or white, whichever contrasts more with the cell (WCAG)"),
          SpecKey("edge", SpecSchema.color, "colour of the lines between cells", defaultValue: "white"),
          SpecKey("edge_width", SpecSchema.measure, "width in points of the lines between cells", defaultValue: 0.0),
          SpecKey("colorbar", ColorbarSpec.schema, "the colorbar: true, false or its options", defaultValue: true),
          SpecKey(
            "sort", SpecSchema.boolean,
            "order categories by value (numbers) or alphabetically, not by first appearance",
            defaultValue: false),
          SpecKey(
            "mask", SpecSchema.enumeration(Triangle.allCases.map(\.rawValue)),
            "leave blank the cells above (upper: column after row) or below the diagonal, in axis order",
            defaultValue: Triangle.none, example: "upper"),
          SpecKey("mask_diagonal", SpecSchema.boolean, "leave the diagonal's cells blank too", defaultValue: false),
        ] + ContinuousColorSpec.declaredKeys,
      required: ["x", "y", "value"], rules: ContinuousColorSpec.rules,
      example: "{heatmap: {x: key, y: query, value: weight, map: magma}}"),
    decode: { try HeatmapMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    y = try map.required("y") { try $0.located("a column name") }
    value = try map.required("value") { try $0.located("a column name") }
    color = try ContinuousColorSpec(map: map)
    // A cell whose value is missing (empty or NaN) is drawn in the `bad` colour when there is one.
    if color.bad != nil { common.missing = .gap }
    annotate =
      try map.optional("annotate") { node -> String? in
        if let text = node.scalarText, ["true", "false", "yes", "no"].contains(text) {
          return try node.bool() ? "%.2g" : nil
        }
        let pattern = try node.string("true or a printf pattern")
        guard PrintfPattern.isValid(pattern) else {
          throw node.error("annotate takes true or a printf pattern such as %.2f")
        }
        return pattern
      } ?? nil
    annotationSize = try map.optional("annotation_size") { try $0.fontSize() }
    annotationColor = try map.optional("annotation_color") { try decodeColor($0) }
    edge = try map.optional("edge") { try decodeColor($0) } ?? .white
    edgeWidth = try map.optional("edge_width") { try $0.measure("a line width") } ?? 0
    sorted = try map.optional("sort") { try $0.bool() } ?? false
    mask = try map.optional("mask") { try decodeEnum($0, what: "mask triangle") as Triangle }.flatMap {
      $0 == .none ? nil : $0
    }
    maskDiagonal = try map.optional("mask_diagonal") { try $0.bool() } ?? false
    // seaborn's heatmap shows its colorbar unless told not to.
    colorbar = try map.optional("colorbar") { try ColorbarSpec.decode($0) } ?? ColorbarSpec()
  }

  var request: DataRequest? { DataRequest(series: common, channels: [("value", value)], yPosition: y) }

  func continuousMappings(_ data: LayerData) -> [ContinuousMapping] {
    [
      ContinuousMapping(
        channel: "color", column: value.value, positiveOnly: color.norm == .log, values: data.series.map { $0["value"] }
      )
    ]
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    try data.series.map { series in
      if sorted {
        // Registering the categories sorted first fixes their positions before the cells ask for them.
        for (values, axis) in [(series.x, PositionAxis.x), (series.y ?? .numeric([]), .y)] {
          guard case .categorical(let labels) = values else { continue }
          _ = context.positions(.categorical(Self.naturalOrder(Set(labels))), along: axis)
        }
      }
      let xs = context.positions(series.x, along: .x)
      let ys = context.positions(series.y ?? .numeric([]), along: .y)
      let values = series["value"]
      // Each position's place in its axis's order: the matrix's column and row numbers.
      let (columns, rows) = (HeatmapLattice(xs), HeatmapLattice(ys))
      try Self.checkDistinct(xs, ys, columns: columns, rows: rows) { row in
        VellumError(
          .invalidData,
          "heatmap cell (\(Self.label(series.x, row)), \(Self.label(series.y!, row))) appears twice; "
            + "aggregate the table first (transform: aggregate)", at: value.location)
      }
      let (scale, shared) = try located(at: value.location) {
        try context.continuousDomains.colorScale(value.value, spec: color, values: values)
      }
      let (width, height) = (columns.spacing, rows.spacing)
      let cells = zip(zip(xs, ys), values).compactMap { position, number -> Cell? in
        guard position.0.isFinite, position.1.isFinite, let paint = scale(number) else { return nil }
        if let column = columns.index(of: position.0), let row = rows.index(of: position.1) {
          if maskDiagonal, column == row { return nil }
          if mask == .upper, column > row { return nil }
          if mask == .lower, column < row { return nil }
        }
        return Cell(x: position.0, y: position.1, value: number, color: paint)
      }
      let geometry = Geometry(
        cells: cells, width: width, height: height, alpha: common.alpha, edge: edge.rgb, edgeWidth: edgeWidth,
        annotate: annotate, annotationSize: annotationSize, annotationColor: annotationColor,
        positions: (xs.filter(\.isFinite), ys.filter(\.isFinite)),
        colorbar: colorbar.map { bar in
          var bar = bar
          bar.shared = bar.shared || shared
          return (scale, bar)
        })
      return ResolvedLayer(
        geometry: geometry, role: "heatmap-" + (common.id ?? slug(value.value)), legendLabel: nil)
    }
  }

  /// Numbers by value, then text alphabetically.
  static func naturalOrder(_ labels: Set<String>) -> [String] {
    labels.sorted { a, b in
      switch (Double(a), Double(b)) {
      case (let x?, let y?): return x < y
      case (_?, nil): return true
      case (nil, _?): return false
      case (nil, nil): return a < b
      }
    }
  }

  /// Refuses two rows at one cell, naming the second (`duplicate` makes the error from its row). Cells of a
  /// lattice of at most 64 M places are marked in a bitmap; others are hashed.
  private static func checkDistinct(
    _ xs: [Double], _ ys: [Double], columns: HeatmapLattice, rows: HeatmapLattice, duplicate: (Int) -> VellumError
  ) throws {
    let places = columns.count.multipliedReportingOverflow(by: rows.count)
    if !places.overflow, places.partialValue <= 1 << 26 {
      var marked = [UInt64](repeating: 0, count: places.partialValue / 64 + 1)
      for row in xs.indices {
        guard let column = columns.index(of: xs[row]), let line = rows.index(of: ys[row]) else { continue }
        let place = line * columns.count + column
        let bit: UInt64 = 1 << UInt64(place & 63)
        if marked[place >> 6] & bit != 0 { throw duplicate(row) }
        marked[place >> 6] |= bit
      }
      return
    }
    var seen = Set<CellKey>(minimumCapacity: xs.count)
    for row in xs.indices where xs[row].isFinite && ys[row].isFinite {
      if !seen.insert(CellKey(x: xs[row], y: ys[row])).inserted { throw duplicate(row) }
    }
  }

  private static func label(_ values: XValues, _ row: Int) -> String {
    switch values {
    case .numeric(let numbers): return "\(numbers[row])"
    case .categorical(let labels): return labels[row]
    }
  }

  /// A cell's place, for finding repeated cells.
  private struct CellKey: Hashable {
    var x: Double
    var y: Double
  }

  struct Cell {
    var x: Double
    var y: Double
    var value: Double
    var color: RGB
  }

  struct Geometry: MarkGeometry {
    var cells: [Cell]
    var width: Double
    var height: Double
    var alpha: Double
    var edge: RGB
    var edgeWidth: Double
    var annotate: String?
    var annotationSize: Double?
    var annotationColor: Color?
    /// Every cell's position, masked ones too: the grid the axes span.
    var positions: (x: [Double], y: [Double])
    var colorbar: (scale: ContinuousColorScale, spec: ColorbarSpec)?

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      VellumLayout.extent(stickyEdges(along: axis), transform)
    }

    /// Like imshow, the axes end at the outer cells' edges, masked cells included (seaborn keeps their room).
    func stickyEdges(along axis: PositionAxis) -> [Double] {
      let half = axis == .x ? width / 2 : height / 2
      let positions = axis == .x ? self.positions.x : self.positions.y
      guard let low = positions.min(), let high = positions.max() else { return [] }
      return [low - half, high + half]
    }

    /// Above this many cells the matrix is drawn as one image (cell rectangles would make a huge SVG).
    static let denseCells = 4096

    /// Cells off one lattice are one rectangle each (and a text each when annotated): refused by their count
    /// before any is built, as the scene's element limit would refuse them after.
    static func checkElements(cells: Int, annotated: Bool) throws {
      let elements = cells * (annotated ? 2 : 1)
      guard elements <= Limits.sceneElements else {
        throw VellumError(
          .render,
          "the heatmap would draw \(elements) elements (its \(cells) cells lie on no lattice of at most "
            + "16 million cells that one image could hold), over the limit of \(Limits.sceneElements); "
            + "bin the values first (bin2d) or keep fewer cells")
      }
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      if cells.count > Self.denseCells, let image = image(on: canvas) { return MarkDrawing(nodes: [.image(image)]) }
      try Self.checkElements(cells: cells.count, annotated: annotate != nil)
      var drawing = MarkDrawing()
      for cell in cells {
        let a = FarPointClipping.clamped(canvas.page(cell.x - width / 2, cell.y - height / 2))
        let b = FarPointClipping.clamped(canvas.page(cell.x + width / 2, cell.y + height / 2))
        let rect = Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))
        // Opaque cells without borders reach 0.75 pt (a pixel at 96 dpi) into their neighbours: anti-aliased edges of
        // abutting rectangles would otherwise show the background as faint grid lines.
        let overlap = alpha >= 1 && edgeWidth == 0 ? 0.75 : 0
        let drawn = Rect(x: rect.x, y: rect.y, width: rect.width + overlap, height: rect.height + overlap)
        let fill = FillStyle(
          color: cell.color, alpha: alpha, edge: edgeWidth > 0 ? edge : nil, edgeWidth: edgeWidth)
        drawing.nodes.append(canvas.patch(PathGeometry.rect(drawn), fill))
        guard let annotate else { continue }
        let text = TickFormatter.minusSign(PrintfPattern.format(annotate, cell.value))
        let set = try canvas.setter.set(literal: text, size: annotationSize ?? canvas.textSize)
        var placed = PlacedText.horizontal(
          set, x: rect.midX, baseline: rect.midY + set.ascent / 2 - set.descent / 2, anchor: .middle)
        if case .text(var node) = placed.node {
          node.paint = annotationColor.map { Paint($0.rgb, opacity: $0.alpha) } ?? Paint(Self.contrasting(cell.color))
          placed.node = .text(node)
        }
        drawing.nodes.append(placed.node)
      }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [] }

    /// The cells as one raster on their lattice (columns and rows `width` and `height` apart), each cell repeated
    /// so a pixel spans at most one device pixel at 300 dpi: print resolution, and sharp cell edges where librsvg
    /// smooths a scaled image. Values go unwritten in this form. nil when the cells do not fit a lattice of at most 16 M cells.
    private func image(on canvas: MarkCanvas) -> ImageNode? {
      let xs = cells.map(\.x)
      let ys = cells.map(\.y)
      guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
      // Counted as Doubles first: cells far apart relative to their spacing would overflow Int.
      let (spanColumns, spanRows) = (((x1 - x0) / width).rounded() + 1, ((y1 - y0) / height).rounded() + 1)
      guard spanColumns.isFinite, spanRows.isFinite, spanColumns >= 1, spanRows >= 1,
        spanColumns * spanRows <= 16_000_000
      else { return nil }
      let (columns, rows) = (Int(spanColumns), Int(spanRows))
      let a = canvas.page(x0 - width / 2, y0 - height / 2)
      let b = canvas.page(x1 + width / 2, y1 + height / 2)
      let rect = Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))
      guard rect.width > 0, rect.height > 0, rect.width.isFinite, rect.height.isFinite else { return nil }
      let devicePixels = 300.0 / 72
      func repeats(_ cellPoints: Double, _ count: Int) -> Int {
        max(1, min(Int(min((cellPoints * devicePixels).rounded(.up), 4096)), 4096 / count))
      }
      let (kx, ky) = (repeats(rect.width / Double(columns), columns), repeats(rect.height / Double(rows), rows))
      // Lattice index → pixel block, following the page: reversed axes flip the image.
      let flipX = a.x > b.x
      let flipY = a.y < b.y  // data y grows up the page unless the axis is reversed
      var rgba = [UInt8](repeating: 0, count: columns * kx * rows * ky * 4)
      let stride = columns * kx * 4
      let opacity = UInt8((min(max(alpha, 0), 1) * 255).rounded())
      for cell in cells {
        var column = Int(((cell.x - x0) / width).rounded())
        var row = Int(((cell.y - y0) / height).rounded())
        if flipX { column = columns - 1 - column }
        if !flipY { row = rows - 1 - row }
        let (r, g, b) = (
          UInt8((cell.color.red * 255).rounded()), UInt8((cell.color.green * 255).rounded()),
          UInt8((cell.color.blue * 255).rounded())
        )
        for dy in 0..<ky {
          var offset = (row * ky + dy) * stride + column * kx * 4
          for _ in 0..<kx {
            rgba[offset] = r
            rgba[offset + 1] = g
            rgba[offset + 2] = b
            rgba[offset + 3] = opacity
            offset += 4
          }
        }
      }
      return ImageNode(rect: rect, width: columns * kx, height: rows * ky, rgba: rgba)
    }

    /// The annotation colour that reads on the cell: black or white, whichever has the higher WCAG 2 contrast ratio
    /// against it — at least 4.58:1 on any cell (seaborn's 0.15 grey by a luminance cut at 0.408 leaves mid-tone
    /// cells near 4:1).
    static func contrasting(_ color: RGB) -> RGB {
      func linear(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
      let cell = 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
      return (cell + 0.05) / 0.05 >= 1.05 / (cell + 0.05) ? RGB(red: 0, green: 0, blue: 0) : .white
    }
  }
}
