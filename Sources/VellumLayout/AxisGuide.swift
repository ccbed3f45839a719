import Foundation
import VellumScene
import VellumSpec
import VellumTypesetting

/// A side of the plot area an axis stands on.
enum AxisSide {
  case bottom, top, left, right

  /// Bottom and top axes run along x.
  var runsAlongX: Bool { self == .bottom || self == .top }

  /// The side across the plot area, where mirrored ticks go.
  var opposite: AxisSide {
    switch self {
    case .bottom: return .top
    case .top: return .bottom
    case .left: return .right
    case .right: return .left
    }
  }

  /// The page point `distance` outward from this side's spine at `position` along the axis.
  func point(_ position: Double, outward distance: Double, plot p: Rect) -> Point {
    switch self {
    case .bottom: return Point(position, p.maxY + distance)
    case .top: return Point(position, p.minY - distance)
    case .left: return Point(p.minX - distance, position)
    case .right: return Point(p.maxX + distance, position)
    }
  }

  /// How far `box` reaches outward beyond this side's spine.
  func reach(of box: Rect, plot p: Rect) -> Double {
    switch self {
    case .bottom: return box.maxY - p.maxY
    case .top: return p.minY - box.minY
    case .left: return p.minX - box.minX
    case .right: return box.maxX - p.maxX
    }
  }
}

/// One axis, built from its position scale for any side: tick marks (mirrored on the opposite side when asked),
/// tick labels, the offset text (×10ⁿ) and the axis label. Bottom, top, left and right are one piece of code.
struct AxisGuide {
  let side: AxisSide
  let scale: AxisScale
  let ticks: AxisTicks
  let style: TickStyleSpec
  /// Tick marks on the opposite spine too.
  var mirrored = false
  var showTickLabels = true
  /// The axis label and its gap from the tick labels; nil draws none.
  var label: (text: SetText, pad: Double)?
  /// Tick labels turned this many degrees counter-clockwise (bottom and top axes).
  var rotation = 0.0
  /// Paints ticks, tick labels, offset text and label in one colour (a twin axis in its line's colour).
  var color: RGB?
  /// For an axis computed from another (a secondary axis by function): the primary value at a value of this
  /// axis, which `scale` then maps to the page.
  var primaryValue: ((Double) -> Double)?

  /// Show every n-th tick label (ticks stay): how `rotation: auto` thins labels that cannot fit.
  var labelStride = 1

  /// Neighbouring tick labels (their texts) that would overlap at `rotation`: side by side along a horizontal
  /// axis they overlap when closer than half their widths; turned labels are parallel strips one text height
  /// thick, overlapping when the tick spacing across them is less than that; on a vertical axis, closer than half
  /// their heights.
  func collisions(at rotation: Double, stride: Int = 1) -> [(String, String)] {
    guard showTickLabels else { return [] }
    let shown = zip(ticks.values, ticks.labels).enumerated().filter { $0.offset % stride == 0 && !$0.element.1.isEmpty }
      .map { (position: position($0.element.0), text: $0.element.1) }
      .sorted { $0.position < $1.position }
    var found: [(String, String)] = []
    for (a, b) in zip(shown, shown.dropFirst()) {
      let gap = abs(b.position - a.position)
      let overlaps: Bool
      if !side.runsAlongX {
        overlaps = gap < (a.text.height + b.text.height) / 2
      } else if rotation == 0 {
        overlaps = gap < (a.text.width + b.text.width) / 2
      } else {
        overlaps = gap * sin(abs(rotation) * .pi / 180) < max(a.text.height, b.text.height)
      }
      if overlaps { found.append((a.text.plainText, b.text.plainText)) }
    }
    return found
  }

  /// For `rotation: auto`: the first of level, 45° and 90° at which no labels collide, else 90° with every n-th
  /// label shown (the smallest n that fits).
  mutating func fitLabels() {
    for angle in [0.0, 45, 90] where collisions(at: angle).isEmpty {
      rotation = angle
      return
    }
    rotation = 90
    labelStride =
      (2...max(2, ticks.values.count)).first { collisions(at: 90, stride: $0).isEmpty } ?? ticks.values.count
  }

  /// The page position of a value of this axis.
  func position(_ value: Double) -> Double { scale.map(primaryValue?(value) ?? value) }

  /// How far ticks reach outside and inside the spine.
  var tickReach: (outward: Double, inward: Double) {
    let length = style.length
    switch style.direction {
    case .in: return (0, length)
    case .out: return (length, 0)
    case .inOut: return (length / 2, length / 2)
    }
  }

  /// The axis group (role `axis-x` or `axis-y`) and the boxes its text occupies. For a vertical axis, the
  /// offset text stands above `top` at the axis's end; its box joins `offsets` (a title that meets it moves up). The
  /// axis label's box counts no length along the axis (matplotlib's layout leaves it out, `for_layout_only`): its
  /// whole box joins `overhangs`, which are checked against the canvas instead.
  func build(plot p: Rect, top: Double, offsets: inout [Rect], overhangs: inout [Rect]) -> (
    node: SceneNode, boxes: [Rect]
  ) {
    let (outward, inward) = tickReach
    // matplotlib's minor ticks: 2 pt long and 0.6 pt wide beside 3.5 and 0.8.
    let (minorOutward, minorInward) = (outward * 0.57, inward * 0.57)
    func marks(_ values: [Double], outward: Double, inward: Double) -> [PathSegment] {
      values.map(position).flatMap { position -> [PathSegment] in
        let sides = mirrored ? [side, side.opposite] : [side]
        return sides.flatMap { side -> [PathSegment] in
          [
            .move(side.point(position, outward: outward, plot: p)),
            .line(side.point(position, outward: -inward, plot: p)),
          ]
        }
      }
    }
    var nodes: [SceneNode] = []
    var boxes: [Rect] = []
    func place(_ placed: PlacedText) {
      nodes.append(color.map { placed.painted($0).node } ?? placed.node)
      boxes.append(placed.box)
    }
    if style.width > 0 && style.length > 0 {
      let major = marks(ticks.values, outward: outward, inward: inward)
      let minor = marks(ticks.minors, outward: minorOutward, inward: minorInward)
      if !major.isEmpty {
        nodes.append(
          .path(PathNode(segments: major, stroke: Stroke(Paint(color ?? style.color.rgb), width: style.width))))
      }
      if !minor.isEmpty {
        nodes.append(
          .path(PathNode(segments: minor, stroke: Stroke(Paint(color ?? style.color.rgb), width: style.width * 0.75))))
      }
    }
    // The tick marks take room beyond the spine even where their labels are hidden (an inner panel of a shared
    // grid), as matplotlib's tight layout counts them.
    let tickPositions = ticks.values.map(position).filter(\.isFinite)
    if style.width > 0, outward > 0, let low = tickPositions.min(), let high = tickPositions.max() {
      let (a, b) = (side.point(low, outward: outward, plot: p), side.point(high, outward: 0, plot: p))
      boxes.append(Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y)))
    }
    // How far the tick labels reach beyond the spine; the axis label goes past them.
    var reach = outward
    let labelOffset = style.pad + outward
    for (index, (value, text)) in zip(ticks.values, ticks.labels).enumerated()
    where showTickLabels && !text.isEmpty && index % labelStride == 0 {
      let placed = tickLabel(text, at: position(value), offset: labelOffset, plot: p)
      place(placed)
      reach = max(reach, side.reach(of: placed.box, plot: p))
    }
    if showTickLabels, let offset = ticks.offset {
      let placed: PlacedText
      switch side {
      case .bottom:
        // matplotlib: 3 pt below the tick labels, right-aligned at the axis end, on the axis label's row.
        placed = .horizontal(offset, x: p.maxX, baseline: p.maxY + reach + 3 + offset.ascent, anchor: .end)
      case .top:
        placed = .horizontal(offset, x: p.maxX, baseline: p.minY - reach - 3 - offset.descent, anchor: .end)
      // A y axis's offset text sits on a baseline 3 pt above the axes (matplotlib's OFFSETTEXTPAD, va='baseline').
      case .left:
        placed = .horizontal(offset, x: p.minX, baseline: top - 3, anchor: .start)
      case .right:
        placed = .horizontal(offset, x: p.maxX, baseline: top - 3, anchor: .end)
      }
      place(placed)
      // The axis label keeps its row beside a bottom axis's offset text (matplotlib places it from the tick
      // labels alone); a top axis's offset text is pushed past by its label.
      if side == .top {
        reach = side.reach(of: placed.box, plot: p)
      } else if !side.runsAlongX {
        offsets.append(placed.box)
      }
    }
    if let label {
      let text = label.text
      defer {
        if let box = boxes.popLast() {
          overhangs.append(box)
          boxes.append(box.lengthLeftOut(alongX: side.runsAlongX))
        }
      }
      switch side {
      case .bottom:
        place(.horizontal(text, x: p.midX, baseline: p.maxY + reach + label.pad + text.ascent, anchor: .middle))
      case .top:
        // matplotlib aligns a top axis's label on its baseline, `pad` above the tick labels.
        place(.horizontal(text, x: p.midX, baseline: p.minY - reach - label.pad, anchor: .middle))
      case .left:
        place(.vertical(text, right: p.minX - reach - label.pad, centerY: p.midY))
      case .right:
        place(.vertical(text, right: p.maxX + reach + label.pad + text.height, centerY: p.midY))
      }
    }
    return (.group(Group(role: side.runsAlongX ? "axis-x" : "axis-y", children: nodes)), boxes)
  }

  /// A tick label beside its tick: centred under (or over) it on horizontal axes; on vertical axes aligned to
  /// the spine, with the tick pointing at the middle of the part above the baseline (matplotlib's
  /// 'center_baseline').
  private func tickLabel(_ text: SetText, at position: Double, offset: Double, plot p: Rect) -> PlacedText {
    if rotation != 0 && side == .bottom {
      return .rotated(text, degrees: rotation, x: position, top: p.maxY + offset, alignRight: rotation > 0)
    }
    if rotation != 0 && side == .top {
      return .rotated(text, degrees: rotation, x: position, bottom: p.minY - offset, alignLeft: rotation > 0)
    }
    switch side {
    case .bottom: return .horizontal(text, x: position, baseline: p.maxY + offset + text.ascent, anchor: .middle)
    // matplotlib stands a top axis's tick labels on their box's bottom (va='bottom', the box including a "p"'s
    // descent), `offset` above the spine.
    case .top: return .horizontal(text, x: position, baseline: p.minY - offset - text.descent, anchor: .middle)
    case .left: return .horizontal(text, x: p.minX - offset, baseline: position + text.ascent / 2, anchor: .end)
    case .right: return .horizontal(text, x: p.maxX + offset, baseline: position + text.ascent / 2, anchor: .start)
    }
  }
}

extension Rect {
  /// The box with its length along x (or y) left out, about its middle: what a title or an axis label counts for in
  /// a layout that lays them out by their height alone (matplotlib's `for_layout_only`).
  func lengthLeftOut(alongX: Bool) -> Rect {
    alongX ? Rect(x: midX, y: minY, width: 0, height: height) : Rect(x: minX, y: midY, width: width, height: 0)
  }
}
