import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// A mark kind: a decoded layer that turns its data into drawable series. Each kind lives in one file
/// (its keys, schema, decoding, channels, geometry, drawing and legend glyph) and one line of ``MarkRegistry``.
protocol Mark: LayerBody {
  /// One resolved layer per series (one per group value, or one), with colours, positions and roles decided.
  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer]
  /// The columns this layer maps through continuous scales (a colormap, a size range) with their values per series:
  /// the figure's scales (``ContinuousDomains``) train on them before any layer resolves.
  func continuousMappings(_ data: LayerData) throws -> [ContinuousMapping]
}

extension Mark {
  /// A series mark trains the figure's colour scale with its `color: {column, map}` column; others map nothing.
  func continuousMappings(_ data: LayerData) throws -> [ContinuousMapping] {
    (self as? any SeriesLayerBody).map { MarkResolution.seriesColors($0.common, data: data) } ?? []
  }
}

/// One of the two position axes of a panel.
enum PositionAxis: Sendable { case x, y }

/// A resolved series' geometry, in axis units, with its paint: what every stage after resolution asks of it.
protocol MarkGeometry {
  /// Extent of the values this series shows along `axis` (finite, and drawable under `transform`), for limits.
  func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)?
  /// Scene nodes in page coordinates, with the points they cover and any text drawn above the plot.
  func draw(on canvas: MarkCanvas) throws -> MarkDrawing
  /// The legend handle drawn in `handle`'s box.
  func legendGlyph(_ handle: LegendHandle) -> [SceneNode]
  /// The continuous colour scale this series wants a colorbar for, with the bar's options.
  var colorbar: (scale: ContinuousColorScale, spec: ColorbarSpec)? { get }
  /// The size scale this series' markers follow, for a size legend, with the marker they are drawn with.
  var sizes: (scale: SizeScale, marker: MarkerStyle)? { get }
  /// Values along `axis` that automatic margins may not cross when the data reach them (matplotlib's sticky
  /// edges: 0 for bars, 0 and 1 for cumulative fractions).
  func stickyEdges(along axis: PositionAxis) -> [Double]
}

extension MarkGeometry {
  var colorbar: (scale: ContinuousColorScale, spec: ColorbarSpec)? { nil }
  var sizes: (scale: SizeScale, marker: MarkerStyle)? { nil }
  func stickyEdges(along axis: PositionAxis) -> [Double] { [] }
}

/// What a series draws: clipped nodes, the page points it covers (for `best` legend placement), and
/// unclipped text above the plot (annotations, value labels).
struct MarkDrawing {
  var nodes: [SceneNode] = []
  var points: [Point] = []
  var overlay: [SceneNode] = []
  /// The page boxes of overlay text placed relative to the plot or data (not the figure), which the layout makes
  /// room for when they reach past the plot's decorations, as matplotlib's tight_layout counts every artist.
  var overlayBounds: [Rect] = []
  /// Suspicious but valid: an annotation placed off the canvas.
  var warnings: [VellumWarning] = []
}

extension LayerSpec {
  /// The mark that decoded this layer; every layer kind in ``MarkRegistry`` decodes to a ``Mark``.
  var mark: any Mark {
    get throws {
      guard let mark = body as? any Mark else {
        throw VellumError(.layout, "internal error: layer kind '\(kind)' has no mark", at: location)
      }
      return mark
    }
  }
}
