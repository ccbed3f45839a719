import VellumDiagnostics
import VellumScene
import VellumSpec

/// One drawable series of a layer: its geometry in axis units with paint decided, its SVG role and legend label.
struct ResolvedLayer {
  var geometry: any MarkGeometry
  /// Group role, e.g. `series-sdpo`; also the SVG id.
  var role: String
  /// The legend entry's label as written in the spec (or the group value).
  var legendLabel: Located<String>?
  /// The panel axes the series is drawn against, by name (the primary x and y, or a secondary one).
  var axes = LayerAxes()
  /// Where the spec declared the layer, for warnings about it.
  var location: SourceLocation?
  /// The series' value of each splitting column (`method: SDPO`).
  var keys: [String: String] = [:]
  /// The value each encoded channel shows for this series (`dash: long`), for legends of one scale.
  var channels: [EncodedChannel: String] = [:]
  /// The colorbar of a series coloured as a whole through a colormap (`color: {column, map}` on a band, a box…).
  var seriesColorbar: (scale: ContinuousColorScale, spec: ColorbarSpec)? = nil
  /// The layer paints through a colormap: a dark theme keeps its colours (``Group/keepsColors``).
  var keepsColors = false

  /// The colorbar this series asks for: its geometry's (a heatmap, colour-mapped points) or its colormap's.
  var colorbar: (scale: ContinuousColorScale, spec: ColorbarSpec)? { geometry.colorbar ?? seriesColorbar }

  /// The mark kind's part of the role (`series`, `band`…): a legend entry joins one handle per kind.
  var roleKind: Substring { role.prefix { $0 != "-" } }
}

func extent(_ values: [Double], _ transform: ScaleTransform = .linear) -> (Double, Double)? {
  // One pass, no copy: a million-point series is measured several times per figure.
  var low = Double.infinity
  var high = -Double.infinity
  let linear: Bool
  if case .linear = transform { linear = true } else { linear = false }
  for value in values where value.isFinite && (linear || transform.forward(value).isFinite) {
    if value < low { low = value }
    if value > high { high = value }
  }
  return low <= high ? (low, high) : nil
}

func merge(_ a: (Double, Double)?, _ b: (Double, Double)?) -> (Double, Double)? {
  guard let a else { return b }
  guard let b else { return a }
  return (min(a.0, b.0), max(a.1, b.1))
}

extension Color {
  var rgb: RGB { RGB(red: red, green: green, blue: blue) }

  /// An opaque colour from scene RGB.
  init(rgb: RGB) { self.init(red: rgb.red, green: rgb.green, blue: rgb.blue) }
}
