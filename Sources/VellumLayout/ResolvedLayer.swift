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
}

/// A layer with its values in axis units (categories already turned into 0, 1, 2…) and its paint decided.
struct ResolvedLayer {
  enum Mark {
    case line(x: [Double], y: [Double], style: LineStyle, marker: MarkerStyle?)
    case band(x: [Double], lower: [Double], upper: [Double], color: RGB, alpha: Double, edgeWidth: Double)
    case hline(y: Double, style: LineStyle)
    case vline(x: Double, style: LineStyle)
  }

  var mark: Mark
  /// Group role, e.g. `series-sdpo`; also the SVG id.
  var role: String
  /// The legend entry's label as written in the spec.
  var legendLabel: Located<String>?

  /// Extent of the values each axis can show (finite, and positive on log axes), for automatic limits.
  func xExtent(_ transform: ScaleTransform) -> (Double, Double)? {
    switch mark {
    case .line(let x, _, _, _), .band(let x, _, _, _, _, _): return extent(x, transform)
    case .hline: return nil
    case .vline(let x, _): return extent([x], transform)
    }
  }

  func yExtent(_ transform: ScaleTransform) -> (Double, Double)? {
    switch mark {
    case .line(_, let y, _, _): return extent(y, transform)
    case .band(_, let lower, let upper, _, _, _): return extent(lower + upper, transform)
    case .hline(let y, _): return extent([y], transform)
    case .vline: return nil
    }
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

/// Resolves colors, roles, categories and legend labels for every layer.
struct LayerResolver {
  /// Category labels in order of first appearance across layers.
  private(set) var categories: [String] = []
  private var cycleIndex = 0

  mutating func resolve(_ layers: [LayerSpec], data: [LayerData]) throws -> [ResolvedLayer] {
    var resolved: [ResolvedLayer] = []
    for (layer, values) in zip(layers, data) {
      switch (layer, values) {
      case (.line(let spec), .line(let x, let y)):
        let color = spec.color ?? nextColor()
        let style = LineStyle(color: color.rgb, alpha: spec.alpha * color.alpha, width: spec.width, dash: spec.dash)
        let marker = spec.marker.map { marker in
          let face = marker.face ?? color
          let edge = marker.edge ?? face
          return MarkerStyle(
            shape: marker.shape, size: marker.size, face: face.rgb, faceAlpha: face.alpha * spec.alpha,
            edge: edge.rgb, edgeAlpha: edge.alpha * spec.alpha, edgeWidth: marker.edgeWidth)
        }
        let label = spec.label
        resolved.append(
          ResolvedLayer(
            mark: .line(x: positions(x), y: y, style: style, marker: marker),
            role: "series-" + (spec.id ?? slug(label.map(TeXParser.plainText) ?? spec.y.value)), legendLabel: label))
      case (.band(let spec), .band(let x, let lower, let upper)):
        let color = spec.color ?? nextColor()
        let label = spec.label
        let name: String
        switch spec.bounds {
        case .centerError(let center, _): name = center.value
        case .lowerUpper(let lower, _): name = lower.value
        }
        resolved.append(
          ResolvedLayer(
            mark: .band(
              x: positions(x), lower: lower, upper: upper, color: color.rgb, alpha: spec.alpha * color.alpha,
              edgeWidth: spec.edgeWidth),
            role: "band-" + (spec.id ?? slug(label.map(TeXParser.plainText) ?? name)), legendLabel: label))
      case (.hline(let spec), _), (.vline(let spec), _):
        let style = LineStyle(
          color: spec.color.rgb, alpha: spec.alpha * spec.color.alpha, width: spec.width, dash: spec.dash)
        let label = spec.label
        let isH: Bool
        if case .hline = layer { isH = true } else { isH = false }
        let kind = isH ? "hline" : "vline"
        resolved.append(
          ResolvedLayer(
            mark: isH ? .hline(y: spec.value, style: style) : .vline(x: spec.value, style: style),
            role: kind + "-"
              + (spec.id
                ?? slug(
                  label.map(TeXParser.plainText)
                    ?? TickFormatter.fixed(spec.value, TickFormatter.commonDecimals([spec.value])))),
            legendLabel: label))
      default:
        throw VellumError(.layout, "internal error: layer and data disagree")
      }
    }
    return resolved
  }

  private mutating func nextColor() -> Color {
    defer { cycleIndex += 1 }
    return Color.tab10[cycleIndex % Color.tab10.count]
  }

  private mutating func positions(_ x: XValues) -> [Double] {
    switch x {
    case .numeric(let values): return values
    case .categorical(let labels):
      return labels.map { label in
        if let index = categories.firstIndex(of: label) { return Double(index) }
        categories.append(label)
        return Double(categories.count - 1)
      }
    }
  }
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
