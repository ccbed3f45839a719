import VellumData
import VellumScene
import VellumSpec

/// How a line or reference line is stroked.
struct LineStyle {
  var color: RGB
  var alpha: Double
  var width: Double
  var dash: DashPattern

  /// matplotlib's caps: projecting for solid lines, butt for dashed; joins round.
  var stroke: Stroke {
    Stroke(
      Paint(color, opacity: alpha), width: width, dashes: dash.lengths.map { $0 * width },
      dashOffset: dash.offset * width, cap: dash.isSolid ? .square : .butt, join: .round)
  }
}

/// A marker's resolved geometry and paint.
struct MarkerStyle {
  var shape: MarkerSpec.Shape
  var size: Double
  var face: RGB
  var faceAlpha: Double
  var edge: RGB
  var edgeAlpha: Double
  var edgeWidth: Double
  var every: Int

  /// Fully opaque, with an edge of the face's colour or none: overlapping copies show no seams or edges.
  var isOneColorOpaque: Bool {
    let edgeBlends = edgeWidth == 0 || (edge == face && edgeAlpha >= 1)
    return shape.isLineArt ? edgeAlpha >= 1 : faceAlpha >= 1 && edgeBlends
  }
}

/// A filled patch's paint: bands, areas, bars, spans.
struct FillStyle {
  var color: RGB
  var alpha: Double
  var edge: RGB?
  var edgeWidth: Double
  /// The outline's opacity: the edge colour's own (`rgba(…, 0.3)`) times the layer's alpha.
  var edgeAlpha: Double = 1
  /// Hatching over the fill, under the outline.
  var hatch: TilePattern?

  /// The same fill with `hatch` over it, in the edge colour (black without one) at the layer's alpha; a hatch
  /// that follows a column takes the series' value's pattern from the hatch scale.
  func hatched(_ hatch: Hatch?, series: SeriesData, context: MarkResolution, alpha: Double) -> FillStyle {
    var style = self
    guard var hatch else { return style }
    if let column = hatch.pattern.column {
      hatch.pattern = .constant(series.keys[column.value].flatMap { context.scales.hatch($0) } ?? "")
    }
    if hatch.pattern.constant?.isEmpty == false {
      style.hatch = hatch.tile(edge: edgeWidth > 0 ? edge : nil, alpha: alpha)
    }
    return style
  }
}
