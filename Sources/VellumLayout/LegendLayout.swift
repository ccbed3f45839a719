import VellumScene
import VellumSpec

/// Builds the legend box from measured entries, matplotlib's way: spacings in multiples of the legend font size.
struct LegendLayout {
  struct Entry {
    var layer: ResolvedLayer
    var label: SetText
  }

  let spec: LegendSpec
  let entries: [Entry]

  init(spec: LegendSpec, layers: [ResolvedLayer], setter: TextSetter) throws {
    self.spec = spec
    entries = try layers.compactMap { layer in
      guard let label = layer.legendLabel else { return nil }
      let set = try setter.set(label: label, size: spec.fontSize)
      return set.isEmpty ? nil : Entry(layer: layer, label: set)
    }
  }

  private var fs: Double { spec.fontSize }

  /// Width and height of the legend box.
  var size: (width: Double, height: Double) {
    let textWidth = entries.map(\.label.width).max() ?? 0
    let width = 2 * spec.borderPad * fs + spec.handleLength * fs + spec.handleTextPad * fs + textWidth
    let rows = entries.map { rowHeight($0) }.reduce(0, +)
    let height = 2 * spec.borderPad * fs + rows + Double(max(0, entries.count - 1)) * spec.labelSpacing * fs
    return (width, height)
  }

  /// A row spans the handle box (above the baseline) and the label's ascent and descent.
  private func rowHeight(_ entry: Entry) -> Double {
    max(entry.label.ascent, spec.handleHeight * fs) + entry.label.descent
  }

  /// The legend group placed inside `plot`, or nil when nothing is labelled.
  func compile(plot: Rect, covered: [Point]) -> SceneNode? {
    guard !entries.isEmpty else { return nil }
    let box = placement(plot: plot, covered: covered)
    var children: [SceneNode] = []
    if spec.frame {
      children.append(
        .path(
          PathNode(
            segments: PathGeometry.roundedRect(box, radius: 0.2 * fs), fill: Paint(.white, opacity: 0.8),
            stroke: Stroke(Paint(RGB(red: 0.8, green: 0.8, blue: 0.8), opacity: 0.8), width: 1))))
    }
    var top = box.minY + spec.borderPad * fs
    let handleX = box.minX + spec.borderPad * fs
    let handleLength = spec.handleLength * fs
    let handleHeight = spec.handleHeight * fs
    for entry in entries {
      let baseline = top + max(entry.label.ascent, handleHeight)
      var parts = handle(entry.layer, x: handleX, length: handleLength, baseline: baseline, height: handleHeight)
      let text = PlacedText.horizontal(
        entry.label, x: handleX + handleLength + spec.handleTextPad * fs, baseline: baseline, anchor: .start)
      parts.append(text.node)
      children.append(.group(Group(role: "legend-" + entry.layer.role, children: parts)))
      top += rowHeight(entry) + spec.labelSpacing * fs
    }
    return .group(Group(role: "legend", children: children))
  }

  /// The handle sits in a box `height` tall resting on the baseline; lines run through its middle.
  private func handle(_ layer: ResolvedLayer, x: Double, length: Double, baseline: Double, height: Double)
    -> [SceneNode]
  {
    let middle = baseline - height / 2
    func line(_ style: LineStyle) -> SceneNode {
      .path(PathNode(segments: [.move(Point(x, middle)), .line(Point(x + length, middle))], stroke: style.stroke))
    }
    switch layer.mark {
    case .line(_, _, let style, let marker):
      var nodes: [SceneNode] = style.width > 0 ? [line(style)] : []
      if let marker, marker.size > 0 { nodes.append(marker.node(at: Point(x + length / 2, middle))) }
      return nodes
    case .band(_, _, _, let color, let alpha, let edgeWidth):
      let paint = Paint(color, opacity: alpha)
      return [
        .path(
          PathNode(
            segments: PathGeometry.rect(Rect(x: x, y: baseline - height, width: length, height: height)), fill: paint,
            stroke: edgeWidth > 0 ? Stroke(paint, width: edgeWidth) : nil))
      ]
    case .hline(_, let style), .vline(_, let style):
      return [line(style)]
    }
  }

  /// matplotlib's order of candidate spots for `best`.
  private static let bestOrder: [LegendSpec.Location] = [
    .upperRight, .upperLeft, .lowerLeft, .lowerRight, .right, .centerLeft, .centerRight, .lowerCenter,
    .upperCenter, .center,
  ]

  private func placement(plot: Rect, covered: [Point]) -> Rect {
    guard spec.location == .best else { return box(at: spec.location, plot: plot) }
    var best = box(at: .upperRight, plot: plot)
    var fewest = Int.max
    for location in Self.bestOrder {
      let candidate = box(at: location, plot: plot)
      let count = covered.filter { candidate.contains($0) }.count
      if count < fewest {
        fewest = count
        best = candidate
      }
    }
    return best
  }

  /// The box for `location`, inset by the border-axes pad from the plot or from the anchor point.
  private func box(at location: LegendSpec.Location, plot: Rect) -> Rect {
    let (width, height) = size
    let pad = spec.borderAxesPad * fs
    var container = plot
    if let anchor = spec.anchor {
      container = Rect(x: plot.minX + anchor.x * plot.width, y: plot.maxY - anchor.y * plot.height, width: 0, height: 0)
    }
    let left = container.minX + pad
    let right = container.maxX - pad - width
    let centerX = container.midX - width / 2
    let top = container.minY + pad
    let bottom = container.maxY - pad - height
    let centerY = container.midY - height / 2
    let (x, y): (Double, Double)
    switch location {
    case .upperRight, .best: (x, y) = (right, top)
    case .upperLeft: (x, y) = (left, top)
    case .lowerLeft: (x, y) = (left, bottom)
    case .lowerRight: (x, y) = (right, bottom)
    case .right, .centerRight: (x, y) = (right, centerY)
    case .centerLeft: (x, y) = (left, centerY)
    case .lowerCenter: (x, y) = (centerX, bottom)
    case .upperCenter: (x, y) = (centerX, top)
    case .center: (x, y) = (centerX, centerY)
    }
    return Rect(x: x, y: y, width: width, height: height)
  }
}
