import VellumData
import VellumScene
import VellumSpec

/// `strip`: every sample as a marker at its category, spread sideways by a seeded jitter (the same on every run
/// and machine), groups dodged side by side; drawn over a box or violin layer it shows the raw data.
struct StripMark: Mark, SeriesLayerBody {
  var common: SeriesCommon
  var y: Located<String>
  /// Half the sideways spread, in category units (seaborn's 0.1 by default).
  var jitter: Double
  var seed: UInt64
  var dodge: Bool
  /// Width the dodged groups share, in category units.
  var width: Double
  var horizontal: Bool
  var marker: MarkerSpec

  static let layerKind = LayerKind(
    SpecObject(
      "strip",
      purpose: "Every value as a point over its category, spread sideways by a seeded jitter (seaborn's stripplot).",
      keys: SeriesCommon.keys(x: "the column of categories (values along y when horizontal)") + [
        SpecKey("y", SpecSchema.string, "the column of values", example: "score"),
        SpecKey(
          "jitter", SpecSchema.bounded(minimum: 0, maximum: 0.5), "random sideways spread, in category spacings",
          defaultValue: 0.1),
        SpecKey(
          "seed", SpecSchema.bounded(minimum: 0, integer: true), "seed of the jitter, so reruns are identical",
          defaultValue: 0),
        SpecKey("dodge", SpecSchema.boolean, "place groups side by side within each category", defaultValue: false),
        SpecKey("width", SpecSchema.fraction, "width the dodged groups share, in category spacings", defaultValue: 0.8),
        SpecKey("horizontal", SpecSchema.boolean, "values along x, categories on y", defaultValue: false),
        SpecKey("marker", MarkerSpec.schema, "the points' shape, or their options", defaultValue: "circle"),
        SpecKey("size", SpecSchema.measure, "marker size in points", defaultValue: 4.0),
      ],
      required: ["x", "y"],
      example: "{axes: {x: {scale: categorical}, layers: [{strip: {x: model, y: score, jitter: 0.2}}]}}"),
    decode: { try StripMark(map: $0, context: $1) })

  init(map: SpecMapping, context: LayerContext) throws {
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    y = try map.required("y") { try $0.located("a column name") }
    jitter =
      try map.optional("jitter") { node in
        let value = try node.nonNegative("a jitter in category units")
        guard value <= 0.5 else { throw node.error("jitter is at most 0.5 (half the category spacing)") }
        return value
      } ?? 0.1
    seed = try map.optional("seed") { try $0.seed() } ?? 0
    dodge = try map.optional("dodge") { try $0.bool() } ?? false
    width = try map.optional("width") { try $0.fraction("a width") } ?? 0.8
    horizontal = try map.optional("horizontal") { try $0.bool() } ?? false
    marker =
      try map.optional("marker") { try MarkerSpec(node: $0, defaultSize: 4) } ?? MarkerSpec(shape: .circle, size: 4)
    if let size = try map.optional("size", { try $0.measure("a marker size") }) { marker.size = size }
  }

  var request: DataRequest? {
    DataRequest(
      series: common, channels: [("y", y)], encodings: marker.shapeColumn.map { [(.marker, $0)] } ?? [],
      positionAlongY: horizontal)
  }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    let count = Double(data.series.count)
    return try data.series.enumerated().map { index, series in
      let color = try context.color(common, series: series, cycle: .fill)
      let offset = dodge ? (Double(index) - (count - 1) / 2) * width / count : 0
      // One generator per series, so adding a group never moves another group's points.
      var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
      let spread = dodge ? min(jitter, width / count / 2) : jitter
      let positions = context.positions(series.x, along: horizontal ? .y : .x).map {
        $0 + offset + (random.unit() * 2 - 1) * spread
      }
      let values = series["y"]
      let style = MarkerStyle(context.marker(marker, series: series), color: color, alpha: common.alpha)
      let geometry =
        horizontal
        ? ScatterMark.Geometry(x: values, y: positions, marker: style)
        : ScatterMark.Geometry(x: positions, y: values, marker: style)
      return try context.series(geometry, "strip", common, valueColumn: y.value, series: series)
    }
  }
}
