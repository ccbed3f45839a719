import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `ecdf`: the empirical cumulative distribution of a column's samples as a step line, like matplotlib's
/// `Axes.ecdf`: y rises by 1/n at each sorted sample (or falls from 1, `complementary: true`).
struct EcdfMark: Mark, SeriesLayerBody {
  var common: SeriesCommon
  var complementary: Bool
  var width: Double
  var dash: Encoding<DashPattern>
  /// Values along y, the fraction along x (seaborn's ecdfplot(y=…)).
  var horizontal: Bool

  static let layerKind = LayerKind(
    SpecObject(
      "ecdf",
      purpose: "The empirical cumulative distribution of a column as a step line (seaborn's ecdfplot), one per group.",
      keys: SeriesCommon.keys(x: "the column whose distribution is drawn") + [
        SpecKey("complementary", SpecSchema.boolean, "draw 1 − ECDF (the survival function)", defaultValue: false),
        SpecKey("width", SpecSchema.measure, "line width in points", defaultValue: 1.5),
        SpecKey(
          "dash", Encoding<DashPattern>.schema(SpecSchema.dash), "dash style, or {column: NAME}",
          defaultValue: "solid"),
        SpecKey(
          "horizontal", SpecSchema.boolean, "values along the y axis and the fraction along x", defaultValue: false),
      ],
      required: ["x"], example: "{ecdf: {x: latency, group: system}}"),
    decode: { try EcdfMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    complementary = try map.optional("complementary") { try $0.bool() } ?? false
    width = try map.optional("width") { try $0.measure("a line width") } ?? 1.5
    dash = try map.optional("dash") { try DashPattern.encoding($0) } ?? .constant(.solid)
    horizontal = try map.optional("horizontal") { try $0.bool() } ?? false
  }

  var request: DataRequest? {
    DataRequest(
      series: common, channels: [], encodings: dash.column.map { [(.dash, $0)] } ?? [], positionAlongY: horizontal)
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    try data.series.map { series in
      guard case .numeric(let values) = series.x else {
        throw VellumError(
          .invalidSpec, "ecdf needs numbers in '\(common.x.value)', on a numeric \(horizontal ? "y" : "x") axis",
          at: common.x.location)
      }
      let (x, y) = Self.steps(values, complementary: complementary)
      let color = try context.color(common, series: series, cycle: .line)
      let style = LineStyle(
        color: color.rgb, alpha: common.alpha * color.alpha, width: width, dash: context.dash(dash, series: series))
      let line: LineMark.Geometry
      if horizontal {
        // The staircase made in data space, then turned: page-space steps would run the wrong way once turned.
        let (values, fractions) = Self.staircase(x, y, holdingFirst: !complementary)
        line = LineMark.Geometry(x: fractions, y: values, style: style, step: nil)
      } else {
        line = LineMark.Geometry(x: x, y: y, style: style, step: complementary ? .pre : .post)
      }
      return try context.series(
        Geometry(line: line, horizontal: horizontal), "ecdf", common, valueColumn: common.x.value, series: series)
    }
  }

  /// The step vertices matplotlib draws: sorted samples (missing values left out) with cumulative fractions
  /// (i + 1) / n, from (x₀, 0) with steps after each point, or from (x₀, 1) down to 0 with steps before.
  static func steps(_ values: [Double], complementary: Bool) -> (x: [Double], y: [Double]) {
    let sorted = values.filter { !$0.isNaN }.sorted()
    guard let first = sorted.first, let last = sorted.last else { return ([], []) }
    let count = Double(sorted.count)
    let fractions = sorted.indices.map { Double($0 + 1) / count }
    return complementary
      ? (sorted + [last], [1] + fractions.map { 1 - $0 })
      : ([first] + sorted, [0] + fractions)
  }

  /// A step line whose y axis sticks to 0 and 1, as matplotlib's ecdf sets its sticky edges.
  /// The corners of a step line through the points: each value held until the next x (`holdingFirst`, matplotlib's
  /// post) or taken at once (pre).
  static func staircase(_ x: [Double], _ y: [Double], holdingFirst: Bool) -> (x: [Double], y: [Double]) {
    guard var (xs, ys) = x.first.map({ ([$0], [y[0]]) }) else { return ([], []) }
    for index in x.indices.dropFirst() {
      if holdingFirst {
        xs += [x[index], x[index]]
        ys += [y[index - 1], y[index]]
      } else {
        xs += [x[index - 1], x[index]]
        ys += [y[index], y[index]]
      }
    }
    return (xs, ys)
  }

  struct Geometry: MarkGeometry {
    var line: LineMark.Geometry
    var horizontal = false

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      line.extent(along: axis, transform)
    }

    func stickyEdges(along axis: PositionAxis) -> [Double] { axis == (horizontal ? .x : .y) ? [0, 1] : [] }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing { try line.draw(on: canvas) }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] { line.legendGlyph(handle) }
  }
}
