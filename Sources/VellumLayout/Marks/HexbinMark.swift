import Foundation
import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `hexbin`: points counted in a grid of hexagons, or a value column reduced per hexagon, each hexagon coloured by
/// its count or value through a colormap (matplotlib's `hexbin`, with its grid, its defaults and its colorbar).
struct HexbinMark: Mark, SeriesLayerBody {
  /// How a hexagon's count or value becomes a colour besides the norm: log-spaced colours, or this many steps.
  enum Bins: Sendable {
    case log
    case count(Int)
  }

  var common: SeriesCommon
  var y: Located<String>
  var value: Located<String>?
  var reduction: HexagonalBinning.Reduction
  var columns: Int
  var rows: Int?
  var extent: (Double, Double, Double, Double)?
  var minimumCount: Int?
  var bins: Bins?
  var logX: Bool
  var logY: Bool
  var color: ContinuousColorSpec
  /// The hexagons' outline; nil: each in its own fill colour (matplotlib's edgecolors='face').
  var edge: Color?
  var edgeWidth: Double
  var colorbar: ColorbarSpec?
  var location: SourceLocation

  /// Largest `gridsize` along either axis.
  static let gridLimit = 1000

  static let layerKind = LayerKind(
    SpecObject(
      "hexbin",
      purpose: "Points counted in a grid of hexagons, or a value column reduced in each, every hexagon coloured by "
        + "its count or value (matplotlib's hexbin), with a colorbar.",
      keys: SeriesCommon.valueColoredKeys(x: "the column of the points' x positions (numbers)") + [
        SpecKey("y", SpecSchema.string, "the column of the points' y positions (numbers)", example: "loss"),
        SpecKey(
          "value", SpecSchema.string, "a column reduced in each hexagon (matplotlib's C) instead of counting points",
          default: "none: hexagons show their point counts", example: "lr"),
        SpecKey(
          "reduce", SpecSchema.enumeration(HexagonalBinning.Reduction.allCases.map(\.rawValue)),
          "how the values in a hexagon become its colour (matplotlib's reduce_C_function)",
          defaultValue: HexagonalBinning.Reduction.mean, example: "sum"),
        SpecKey(
          "gridsize",
          .object([
            "anyOf": .array([
              SpecSchema.bounded(minimum: 1, maximum: Double(gridLimit), integer: true),
              SpecSchema.array(SpecSchema.bounded(minimum: 1, maximum: Double(gridLimit), integer: true)),
            ])
          ]),
          "hexagons across x (the rows up y follow as gridsize / √3, for regular hexagons), or [across, up]",
          defaultValue: 100, example: "[30, 15]"),
        SpecKey(
          "extent", SpecSchema.array(SpecSchema.number),
          "[xmin, xmax, ymin, ymax] the grid covers (exponents on a log scale); points outside are left out",
          default: "the points' extent", example: "[0, 10, -1, 1]"),
        SpecKey(
          "mincnt", SpecSchema.bounded(minimum: 0, maximum: 1e9, integer: true),
          "hexagons with fewer points are not drawn",
          default: "none: every hexagon of a count, 0 included; "
            + "hexagons holding a value", example: "1"),
        SpecKey(
          "bins",
          .object([
            "anyOf": .array([
              SpecSchema.enumeration(["log"]), SpecSchema.bounded(minimum: 2, maximum: 256, integer: true),
            ])
          ]),
          "log: colours on a log norm of the counts; a number: the counts cut into that many equal steps, the "
            + "colour showing the step", default: "none: the counts as they are", example: "log"),
        SpecKey(
          "xscale", SpecSchema.enumeration(["linear", "log"]),
          "bin log10 of x, so hexagons are regular on a log x axis (give the axis a log scale too)",
          defaultValue: "linear", example: "log"),
        SpecKey(
          "yscale", SpecSchema.enumeration(["linear", "log"]),
          "bin log10 of y, so hexagons are regular on a log y axis", defaultValue: "linear", example: "log"),
      ] + ContinuousColorSpec.declaredKeys + [
        SpecKey(
          "edge", .object(["anyOf": .array([SpecSchema.enumeration(["face"]), SpecSchema.colorOrNone])]),
          "the hexagons' outline: face (each in its own colour, matplotlib's default), a colour, or none",
          defaultValue: "face", example: "white"),
        SpecKey("edge_width", SpecSchema.measure, "width in points of the hexagons' outline", defaultValue: 1.0),
        SpecKey("colorbar", ColorbarSpec.schema, "the colorbar: true, false or its options", defaultValue: true),
      ],
      required: ["x", "y"], rules: ContinuousColorSpec.rules,
      example: "{hexbin: {x: step, y: loss, gridsize: 20, map: inferno}}"),
    decode: { try HexbinMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    location = context.node.location
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    y = try map.required("y") { try $0.located("a column name") }
    value = try map.optional("value") { try $0.located("a column name") }
    reduction = try map.optional("reduce") { try decodeEnum($0, what: "reduction") } ?? .mean
    func gridSize(_ node: SpecNode) throws -> Int {
      let size = try node.int("a number of hexagons")
      guard (1...Self.gridLimit).contains(size) else {
        throw node.error("a gridsize must be between 1 and \(Self.gridLimit), found \(size)")
      }
      return size
    }
    (columns, rows) =
      try map.optional("gridsize") { node -> (Int, Int?) in
        guard node.isSequence else { return (try gridSize(node), nil) }
        let sizes = try node.list("[hexagons across, hexagons up]")
        guard sizes.count == 2 else { throw node.error("gridsize takes one number or [across, up]") }
        return (try gridSize(sizes[0]), try gridSize(sizes[1]))
      } ?? (100, nil)
    extent = try map.optional("extent") { node in
      let numbers = try node.list("[xmin, xmax, ymin, ymax]").map { try $0.double("a limit") }
      guard numbers.count == 4, numbers.allSatisfy(\.isFinite) else {
        throw node.error("extent takes four finite numbers [xmin, xmax, ymin, ymax]")
      }
      guard numbers[0] < numbers[1], numbers[2] < numbers[3] else {
        throw node.error("extent needs xmin < xmax and ymin < ymax, found \(numbers)")
      }
      return (numbers[0], numbers[1], numbers[2], numbers[3])
    }
    minimumCount = try map.optional("mincnt") { node in
      let count = try node.int("a count")
      guard count >= 0 else { throw node.error("mincnt must be 0 or more, found \(count)") }
      return count
    }
    bins = try map.optional("bins") { node -> Bins in
      if node.scalarText == "log" { return .log }
      let count = try node.int("log or a number of steps")
      guard (2...256).contains(count) else { throw node.error("bins must be log or 2 to 256 steps, found \(count)") }
      return .count(count)
    }
    func isLog(_ key: String) throws -> Bool {
      try map.optional(key) { node in
        switch try node.string("linear or log") {
        case "linear": return false
        case "log": return true
        case let other: throw node.error(unknownNameMessage(other, kind: "scale", candidates: ["linear", "log"]))
        }
      } ?? false
    }
    logX = try isLog("xscale")
    logY = try isLog("yscale")
    color = try ContinuousColorSpec(map: map)
    if case .log = bins {
      guard color.norm == .linear || color.norm == .log, map["norm"] == nil || color.norm == .log else {
        throw (map["bins"] ?? map.owner).error("bins: log is a log norm; give one of bins and norm")
      }
      color.norm = .log
    }
    edge =
      try map.optional("edge") { node -> Color? in
        node.scalarText == "face" ? nil : try decodeColorOrNone(node)
      } ?? nil
    edgeWidth = try map.optional("edge_width") { try $0.measure("a line width") } ?? 1
    colorbar = try map.optional("colorbar") { try ColorbarSpec.decode($0) } ?? ColorbarSpec()
  }

  var request: DataRequest? {
    DataRequest(series: common, channels: [("y", y)] + (value.map { [("value", $0)] } ?? []))
  }

  /// The colour domain's key: hexagons of one column and reduction (or of counts) share it across panels.
  private var scaleColumn: String {
    "\u{1}hexbin " + (value.map { $0.value + " " + reduction.rawValue } ?? "count")
  }

  func continuousMappings(_ data: LayerData) throws -> [ContinuousMapping] {
    let values = try data.series.map { try colorValues(grid(for: $0)) }
    return [ContinuousMapping(channel: "color", column: scaleColumn, positiveOnly: color.norm == .log, values: values)]
  }

  /// The series' hexagons, binned in log10 space along a log-scaled axis.
  private func grid(for series: SeriesData) throws -> HexagonalBinning.Grid {
    guard case .numeric(let xs) = series.x else {
      throw VellumError(.invalidData, "hexbin needs numbers for x, found text", at: common.x.location)
    }
    // On a categorical y axis the y column arrives as labels: hexagons need numbers along both axes.
    if case .categorical? = series.y {
      throw VellumError(
        .invalidData, "hexbin needs numbers for y, found text (or a categorical y axis)", at: y.location)
    }
    func logged(_ values: [Double], _ log: Bool, _ column: Located<String>) throws -> [Double] {
      guard log else { return values }
      if let bad = values.first(where: { $0.isFinite && $0 <= 0 }) {
        throw VellumError(
          .invalidData, "hexbin's log scale needs positive values; '\(column.value)' holds \(bad)",
          at: column.location)
      }
      return values.map { log10($0) }
    }
    let binning = HexagonalBinning(
      columns: columns, rows: rows, extent: extent, minimumCount: minimumCount,
      reduction: value == nil ? .count : reduction)
    return try binning.bin(
      x: logged(xs, logX, common.x), y: logged(series["y"], logY, y), values: value.map { _ in series["value"] },
      location: location)
  }

  /// What colours each hexagon: its count or value, or with `bins: N` the step it falls in.
  private func colorValues(_ grid: HexagonalBinning.Grid) -> [Double] {
    let values = grid.hexagons.map(\.value)
    guard case .count(let count) = bins else { return values }
    return Self.steps(values, count: count)
  }

  /// matplotlib's `bins=N`: each value's index among N − 1 equal edges from the smallest value to the largest
  /// (numpy's searchsorted, left side).
  static func steps(_ values: [Double], count: Int) -> [Double] {
    guard let low = values.min(), let high = values.max() else { return values }
    let edges = (0..<(count - 1)).map { low + (high - low) * Double($0) / Double(count - 1) }
    return values.map { value in Double(edges.firstIndex { $0 >= value } ?? edges.count) }
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    try data.series.map { series in
      let grid = try grid(for: series)
      let values = colorValues(grid)
      let (scale, shared) = try located(at: (value ?? y).location) {
        try context.continuousDomains.colorScale(scaleColumn, spec: color, values: values)
      }
      var fills: [RGB: [Int]] = [:]
      var order: [RGB] = []
      for (index, value) in values.enumerated() {
        guard let paint = scale(value) else { continue }
        if fills[paint] == nil { order.append(paint) }
        fills[paint, default: []].append(index)
      }
      let power = { (log: Bool, v: Double) in log ? pow(10, v) : v }
      let polygons = order.map { paint in
        Geometry.Polygons(
          color: paint,
          corners: fills[paint]!.map { index in
            grid.corners(grid.hexagons[index]).map { (power(logX, $0.0), power(logY, $0.1)) }
          })
      }
      let geometry = Geometry(
        polygons: polygons, alpha: common.alpha, edge: edge, edgeWidth: edgeWidth,
        xRange: (power(logX, grid.xRange.0), power(logX, grid.xRange.1)),
        yRange: (power(logY, grid.yRange.0), power(logY, grid.yRange.1)),
        colorbar: colorbar.map { bar in
          var bar = bar
          bar.shared = bar.shared || shared
          return (scale, bar)
        })
      return ResolvedLayer(
        geometry: geometry, role: "hexbin-" + (common.id ?? slug(value?.value ?? y.value)), legendLabel: nil)
    }
  }

  struct Geometry: MarkGeometry {
    /// Hexagons of one colour, drawn as one path.
    struct Polygons {
      var color: RGB
      var corners: [[(Double, Double)]]
    }

    var polygons: [Polygons]
    var alpha: Double
    var edge: Color?
    var edgeWidth: Double
    var xRange: (Double, Double)
    var yRange: (Double, Double)
    var colorbar: (scale: ContinuousColorScale, spec: ColorbarSpec)?

    /// matplotlib's hexbin sets the data limits to the grid's extent, then pads by the axes' margins.
    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      let range = axis == .x ? xRange : yRange
      return VellumLayout.extent([range.0, range.1], transform)
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      // Counted before any path is built: seven segments per hexagon.
      let hexagons = polygons.reduce(0) { $0 + $1.corners.count }
      guard hexagons <= Limits.sceneSegments / 7 else {
        throw VellumError(
          .render,
          "the hexbin would draw \(hexagons) hexagons, over the limit of \(Limits.sceneSegments / 7); "
            + "give a smaller gridsize or mincnt: 1")
      }
      var drawing = MarkDrawing()
      for group in polygons {
        let segments = group.corners.flatMap { corners in
          PathGeometry.polygon(corners.map { FarPointClipping.clamped(canvas.page($0.0, $0.1)) })
        }
        let outline = edge ?? Color(rgb: group.color)
        let fill = FillStyle(
          color: group.color, alpha: alpha, edge: edgeWidth > 0 && outline.alpha > 0 ? outline.rgb : nil,
          edgeWidth: edgeWidth, edgeAlpha: outline.alpha)
        drawing.nodes.append(canvas.patch(segments, fill, join: .miter))
      }
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { [] }
  }
}
