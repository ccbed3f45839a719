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
}

/// A filled patch's paint: bands, areas, bars, spans.
struct FillStyle {
  var color: RGB
  var alpha: Double
  var edge: RGB?
  var edgeWidth: Double
}

/// One bar, in axis units: `position` on the category axis, from `base` to `value` on the value axis.
struct Bar {
  var position: Double
  var width: Double
  var base: Double
  var value: Double
  var error: Double?
}

/// A layer with its values in axis units (categories already turned into 0, 1, 2…) and its paint decided.
struct ResolvedLayer {
  enum Mark {
    case line(x: [Double], y: [Double], style: LineStyle, step: LineLayerSpec.Step?, marker: MarkerStyle?)
    case scatter(x: [Double], y: [Double], marker: MarkerStyle)
    case band(x: [Double], lower: [Double], upper: [Double], fill: FillStyle)
    case area(x: [Double], y: [Double], baseline: Double, fill: FillStyle)
    case bars([Bar], fill: FillStyle, horizontal: Bool, valueLabels: String?, capSize: Double)
    case errorbar(
      x: [Double], y: [Double], yError: [Double]?, xError: [Double]?, style: LineStyle, cap: Double,
      marker: MarkerStyle?)
    case hline(y: Double, style: LineStyle)
    case vline(x: Double, style: LineStyle)
    case hspan(from: Double, to: Double, fill: FillStyle)
    case vspan(from: Double, to: Double, fill: FillStyle)
    case text(TextAnnotationSpec)
  }

  var mark: Mark
  /// Group role, e.g. `series-sdpo`; also the SVG id.
  var role: String
  /// The legend entry's label as written in the spec (or the group value).
  var legendLabel: Located<String>?

  /// Extent of the values each axis can show (finite, and positive on log axes), for automatic limits.
  func xExtent(_ transform: ScaleTransform) -> (Double, Double)? {
    switch mark {
    case .line(let x, _, _, _, _), .scatter(let x, _, _), .band(let x, _, _, _), .area(let x, _, _, _):
      return extent(x, transform)
    case .errorbar(let x, _, _, let xError, _, _, _):
      guard let xError else { return extent(x, transform) }
      return extent(zip(x, xError).flatMap { [$0 - $1, $0 + $1] }, transform)
    case .bars(let bars, _, let horizontal, _, _):
      return horizontal ? extent(barValues(bars), transform) : extent(barPositions(bars), transform)
    case .vline(let x, _): return extent([x], transform)
    case .vspan(let a, let b, _): return extent([a, b], transform)
    case .text(let text): return extent([text.x], transform)
    case .hline, .hspan: return nil
    }
  }

  func yExtent(_ transform: ScaleTransform) -> (Double, Double)? {
    switch mark {
    case .line(_, let y, _, _, _), .scatter(_, let y, _): return extent(y, transform)
    case .band(_, let lower, let upper, _): return extent(lower + upper, transform)
    case .area(_, let y, let baseline, _): return extent(y + [baseline], transform)
    case .errorbar(_, let y, let yError, _, _, _, _):
      guard let yError else { return extent(y, transform) }
      return extent(zip(y, yError).flatMap { [$0 - $1, $0 + $1] }, transform)
    case .bars(let bars, _, let horizontal, _, _):
      return horizontal ? extent(barPositions(bars), transform) : extent(barValues(bars), transform)
    case .hline(let y, _): return extent([y], transform)
    case .hspan(let a, let b, _): return extent([a, b], transform)
    case .text(let text): return extent([text.y], transform)
    case .vline, .vspan: return nil
    }
  }

  /// Bars start at zero: like matplotlib's sticky edges, the value axis then gets no margin below zero.
  var barValueAxis: (horizontal: Bool, reachesZero: Bool)? {
    guard case .bars(let bars, _, let horizontal, _, _) = mark else { return nil }
    return (horizontal, bars.contains { $0.base == 0 })
  }

  private func barValues(_ bars: [Bar]) -> [Double] {
    bars.flatMap { bar in [bar.base, bar.value] + (bar.error.map { [bar.value + $0, bar.value - $0] } ?? []) }
  }

  private func barPositions(_ bars: [Bar]) -> [Double] {
    bars.flatMap { [$0.position - $0.width / 2, $0.position + $0.width / 2] }
  }
}

func extent(_ values: [Double], _ transform: ScaleTransform = .linear) -> (Double, Double)? {
  let finite = values.filter { $0.isFinite && transform.forward($0).isFinite }
  guard let low = finite.min(), let high = finite.max() else { return nil }
  return (low, high)
}

func merge(_ a: (Double, Double)?, _ b: (Double, Double)?) -> (Double, Double)? {
  guard let a else { return b }
  guard let b else { return a }
  return (min(a.0, b.0), max(a.1, b.1))
}

extension Color {
  var rgb: RGB { RGB(red: red, green: green, blue: blue) }
}

/// A lowercase id fragment: letters and digits, other runs become `-`.
func slug(_ text: String) -> String {
  var result = ""
  for scalar in text.lowercased().unicodeScalars {
    if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) {
      result.unicodeScalars.append(scalar)
    } else if !result.isEmpty && !result.hasSuffix("-") {
      result += "-"
    }
  }
  while result.hasSuffix("-") { result.removeLast() }
  return result.isEmpty ? "unnamed" : result
}
