import Foundation
import VellumDiagnostics
import VellumScene
import VellumSpec
import VellumTypesetting

/// Builds the legend box from measured entries, matplotlib's way: spacings in multiples of the legend font size.
struct LegendLayout {
  struct Entry {
    /// Layers sharing this label (a band and its line); their handles are drawn over each other.
    var layers: [ResolvedLayer]
    var label: SetText
    /// For a legend of one scale: the channel whose look the handle keeps (the others are neutralised).
    var keeping: EncodedChannel?
    /// A hand-made entry's look, drawn without a series.
    var made: MadeHandle?
    /// A marker drawn alone at its own size (a size legend's entry).
    var marker: MarkerStyle?

    /// The entry's SVG group id.
    var role: String { layers.first.map { "legend-" + $0.role } ?? "legend-entry-" + slug(label.plainText) }
  }

  /// A handle made from a colour, a marker and a dash, as matplotlib's proxy `Line2D([], [], …)`: a line unless
  /// only a marker is given, and the marker at the centre.
  struct MadeHandle {
    var color: Color
    var marker: MarkerSpec.Shape?
    var dash: DashPattern?

    func glyph(_ handle: LegendHandle) -> [SceneNode] {
      var nodes: [SceneNode] = []
      if dash != nil || marker == nil {
        nodes.append(handle.line(LineStyle(color: color.rgb, alpha: color.alpha, width: 1.5, dash: dash ?? .solid)))
      }
      if let marker {
        nodes +=
          handle.marker(MarkerStyle(MarkerSpec(shape: marker, size: 6), color: color, alpha: 1)).map { [$0] } ?? []
      }
      return nodes
    }
  }

  let spec: LegendSpec
  private(set) var entries: [Entry]
  /// The heading over the entries.
  let title: SetText?
  /// The title line's ascent and descent: at least those of "lp", as matplotlib sizes a line of text.
  private let titleLine: (ascent: Double, descent: Double)

  /// Entries per ``LegendSpec/Selection``. For all series: one entry per distinct label, in order of first
  /// appearance, layers repeating a label joining its entry (a band and its line draw one combined handle), and
  /// no panel's copy of a series repeated in a figure legend.
  init(spec: LegendSpec, layers: [ResolvedLayer], setter: TextSetter) throws {
    self.spec = spec
    title = try spec.title.map { try setter.set(label: $0, size: spec.titleSize) }
    let probe = try setter.set(literal: "lp", size: spec.titleSize)
    titleLine = (max(title?.ascent ?? 0, probe.ascent), max(title?.descent ?? 0, probe.descent))
    switch spec.selection {
    case .all, .entries:
      var order: [String] = []
      var grouped: [String: (label: Located<String>, layers: [ResolvedLayer], kinds: Set<String>)] = [:]
      for layer in layers {
        guard let label = layer.legendLabel else { continue }
        let kind = String(layer.roleKind)
        if var entry = grouped[label.value] {
          // Another panel's copy of the same series adds nothing; a different mark joins the handle.
          if entry.kinds.insert(kind).inserted { entry.layers.append(layer) }
          grouped[label.value] = entry
        } else {
          order.append(label.value)
          grouped[label.value] = (label, [layer], [kind])
        }
      }
      guard case .entries(let wanted) = spec.selection else {
        entries = try order.compactMap { key in
          let entry = grouped[key]!
          let set = try setter.set(label: entry.label, size: spec.fontSize)
          return set.isEmpty ? nil : Entry(layers: entry.layers, label: set)
        }
        break
      }
      entries = try wanted.compactMap { choice in
        switch choice {
        case .series(let label):
          guard let entry = grouped[label.value] else {
            throw VellumError(
              .invalidSpec,
              unknownNameMessage(label.value, kind: "legend entry", candidates: order)
                + " (entries name series labels)", at: label.location)
          }
          let set = try setter.set(label: entry.label, size: spec.fontSize)
          return set.isEmpty ? nil : Entry(layers: entry.layers, label: set)
        case .made(let label, let color, let marker, let dash):
          return Entry(
            layers: [], label: try setter.set(label: label, size: spec.fontSize),
            made: MadeHandle(color: color, marker: marker, dash: dash))
        }
      }
    case .sizes(let wanted):
      // The first series on a size scale sets the look; several series (colours by group) show in grey.
      let sized = layers.compactMap(\.geometry.sizes)
      guard let (scale, style) = sized.first else {
        throw VellumError(
          .invalidSpec,
          "this legend lists the size scale, but no series here sizes its markers by a column; write "
            + "'size: {column: …}' on a scatter", at: spec.declaredAt)
      }
      var look = style
      if Set(sized.map { "\($0.marker.face)" }).count > 1 {
        // matplotlib's tab:gray.
        let gray = RGB(red: 127 / 255.0, green: 127 / 255.0, blue: 127 / 255.0)
        (look.face, look.edge) = (gray, gray)
      }
      entries = try (wanted ?? scale.legendValues).compactMap { value in
        var marker = look
        marker.size = scale(value)
        guard marker.size.isFinite else { return nil }
        return Entry(
          layers: [], label: try setter.set(label: Located(Self.compact(value), at: nil), size: spec.fontSize),
          marker: marker)
      }
    case .scale(let channel):
      // One entry per value the channel shows, each drawn by the first series showing it (one per mark kind).
      var order: [String] = []
      var grouped: [String: [ResolvedLayer]] = [:]
      for layer in layers {
        guard let value = layer.channels[channel] else { continue }
        if grouped[value] == nil { order.append(value) }
        if !(grouped[value] ?? []).contains(where: { $0.roleKind == layer.roleKind }) {
          grouped[value, default: []].append(layer)
        }
      }
      if order.isEmpty {
        throw VellumError(
          .invalidSpec,
          "this legend lists the \(channel.rawValue) scale, but no series here takes its \(channel.rawValue) "
            + "from a column; write '\(channel.rawValue): {column: …}' on a layer", at: spec.declaredAt)
      }
      entries = try order.map { value in
        Entry(
          layers: grouped[value]!, label: try setter.set(literal: value, size: spec.fontSize), keeping: channel)
      }
    }
    if spec.reverse { entries.reverse() }
  }

  private var fs: Double { spec.fontSize }

  /// A size legend's value: as written up to four significant digits, 10ⁿ multiples in TeX past 10⁴ (5×10¹¹).
  static func compact(_ value: Double) -> String {
    guard value != 0, abs(value) >= 1e4 || abs(value) < 1e-3 else {
      return TickFormatter.minusSign(String(format: "%.4g", value))
    }
    let exponent = Int(log10(abs(value)).rounded(.down))
    let mantissa = TickLocator.clean(value / pow(10, Double(exponent)))
    let digits = TickFormatter.fixed(mantissa, TickFormatter.commonDecimals([mantissa]))
    return mantissa == 1 ? "$10^{\(exponent)}$" : "$\(digits)\\times 10^{\(exponent)}$"
  }

  /// The handle box's height for `entry`: the legend's, or a size legend's marker where it is taller.
  private func handleHeight(_ entry: Entry) -> Double {
    max(spec.handleHeight * fs, (entry.marker?.size ?? 0) * spec.markerScale)
  }

  /// Columns of entries, filled top to bottom as matplotlib does.
  private var columns: [[Entry]] {
    guard !entries.isEmpty else { return [] }
    let defaultCount = spec.location == .outsideTop || spec.location == .outsideBottom ? entries.count : 1
    let count = min(spec.columns ?? defaultCount, entries.count)
    let perColumn = (entries.count + count - 1) / count
    return stride(from: 0, to: entries.count, by: perColumn).map {
      Array(entries[$0..<min($0 + perColumn, entries.count)])
    }
  }

  private func columnWidth(_ column: [Entry]) -> Double {
    spec.handleLength * fs + spec.handleTextPad * fs + (column.map(\.label.width).max() ?? 0)
  }

  private func columnHeight(_ column: [Entry]) -> Double {
    column.map(rowHeight).reduce(0, +) + Double(max(0, column.count - 1)) * spec.labelSpacing * fs
  }

  /// Width and height of the legend box.
  var size: (width: Double, height: Double) {
    let columns = self.columns
    let width =
      2 * spec.borderPad * fs + columns.map(columnWidth).reduce(0, +)
      + Double(max(0, columns.count - 1)) * spec.columnSpacing * fs
    var height = 2 * spec.borderPad * fs + (columns.map(columnHeight).max() ?? 0)
    // matplotlib stacks the title over the entries, a label spacing apart, and widens the box to fit it.
    if title != nil { height += titleLine.ascent + titleLine.descent + spec.labelSpacing * fs }
    return (max(width, (title?.width ?? 0) + 2 * spec.borderPad * fs), height)
  }

  var isEmpty: Bool { entries.isEmpty }

  /// A row spans the handle box (above the baseline) and the label's ascent and descent.
  private func rowHeight(_ entry: Entry) -> Double {
    entry.marker == nil
      ? max(entry.label.ascent, handleHeight(entry)) + entry.label.descent
      : max(entry.label.ascent + entry.label.descent, handleHeight(entry))
  }

  /// The legend group placed inside `plot` at its location (or the spot covering least data for `best`).
  func compile(plot: Rect, covered: [Point]) -> SceneNode? {
    guard !entries.isEmpty else { return nil }
    return compile(in: placement(plot: plot, covered: covered))
  }

  /// The legend group drawn in `box`; entries are placed relative to the box's corner, which the group
  /// carries as a translation, so moving the legend rewrites one line of SVG.
  func compile(in placement: Rect) -> SceneNode? {
    guard !entries.isEmpty else { return nil }
    let box = Rect(x: 0, y: 0, width: placement.width, height: placement.height)
    var children: [SceneNode] = []
    if spec.frame {
      children.append(
        .path(
          PathNode(
            segments: spec.fancybox ? PathGeometry.roundedRect(box, radius: 0.2 * fs) : PathGeometry.rect(box),
            fill: Paint(.white, opacity: spec.frameAlpha),
            stroke: spec.frameWidth > 0
              ? Stroke(
                Paint(spec.frameColor.rgb, opacity: spec.frameAlpha * spec.frameColor.alpha), width: spec.frameWidth)
              : nil)))
    }
    let handleLength = spec.handleLength * fs
    var left = box.minX + spec.borderPad * fs
    var entriesTop = box.minY + spec.borderPad * fs
    if let title {
      let placed = PlacedText.horizontal(
        title, x: box.midX, baseline: entriesTop + titleLine.ascent, anchor: .middle)
      children.append(.group(Group(role: "legend-title", children: [placed.node])))
      entriesTop += titleLine.ascent + titleLine.descent + spec.labelSpacing * fs
    }
    for column in columns {
      var top = entriesTop
      for entry in column {
        let entryHandle = self.handleHeight(entry)
        var baseline = top + max(entry.label.ascent, entryHandle)
        var handle = LegendHandle(
          x: left, length: handleLength, baseline: baseline, height: entryHandle, showing: entry.keeping,
          markerScale: spec.markerScale)
        if entry.marker != nil {
          // A size legend's marker and label share a middle, however tall the marker.
          let middle = top + rowHeight(entry) / 2
          handle.baseline = middle + entryHandle / 2
          baseline = middle + (entry.label.ascent - entry.label.descent) / 2
        }
        var parts =
          entry.made?.glyph(handle) ?? entry.marker.flatMap { handle.marker($0) }.map { [$0] }
          ?? entry.layers.flatMap { $0.geometry.legendGlyph(handle) }
        if let keeping = entry.keeping { parts = parts.map { Self.neutral($0, keeping: keeping) } }
        let text = PlacedText.horizontal(
          entry.label, x: left + handleLength + spec.handleTextPad * fs, baseline: baseline, anchor: .start)
        parts.append(text.node)
        children.append(.group(Group(role: entry.role, children: parts)))
        top += rowHeight(entry) + spec.labelSpacing * fs
      }
      left += columnWidth(column) + spec.columnSpacing * fs
    }
    return .group(
      Group(
        role: "legend", children: children, translation: Point(placement.minX, placement.minY),
        source: spec.declaredAt))
  }

  /// A handle of a one-scale legend shows only that channel: a colour legend draws solid, unhatched patches and
  /// lines, a dash or marker legend draws in black, a hatch legend black hatching on white, so the other channels'
  /// values do not seem to belong to the entry.
  static func neutral(_ node: SceneNode, keeping channel: EncodedChannel) -> SceneNode {
    switch node {
    case .group(var group):
      group.children = group.children.map { neutral($0, keeping: channel) }
      return .group(group)
    case .path(var path):
      if channel != .dash { path.stroke?.dashes = [] }
      if channel != .hatch { path.pattern = nil }
      if channel == .hatch {
        // matplotlib's hatch proxy: Patch(facecolor='white', edgecolor='black', hatch=…).
        guard path.fill != nil else { return .path(path) }
        path.fill = Paint(.white)
        path.stroke = Stroke(Paint(.black), width: path.stroke?.width ?? 0.8)
        path.pattern?.paint = Paint(.black)
      } else if channel != .color {
        path.stroke?.paint.color = .black
        if path.fill != nil { path.fill?.color = .black }
      }
      return .path(path)
    default:
      return node
    }
  }

  /// matplotlib's order of candidate spots for `best`.
  private static let bestOrder: [LegendSpec.Location] = [
    .upperRight, .upperLeft, .lowerLeft, .lowerRight, .right, .centerLeft, .centerRight, .lowerCenter,
    .upperCenter, .center,
  ]

  func placement(plot: Rect, covered: [Point]) -> Rect {
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
    case .center, .outsideRight, .outsideTop, .outsideBottom, .outsideLeft: (x, y) = (centerX, centerY)
    }
    return Rect(x: x, y: y, width: width, height: height)
  }
}
