import Foundation
import VellumScene
import VellumSpec
import VellumTypesetting

/// `labels` on contour lines, as matplotlib's `clabel` places them: each line long enough for its label gets one,
/// in the straightest stretch of the line not too close to a label already placed, turned along the line (never
/// upside down), the line broken under it with a little space either side (`inline`).
struct ContourLabels: Sendable {
  var format = NumberFormat.auto
  /// Size in points; nil: the tick labels' size (matplotlib's font.size).
  var size: Double?
  /// Break the line under each label.
  var inline = true
  /// Space left on each side of a label in the broken line, in points (matplotlib's inline_spacing 5 px).
  var spacing = 3.6
  /// The labels' colour; nil: each level's line colour.
  var color: Color?

  static let object = SpecObject(
    "contour labels",
    purpose: "Each contour line's level written along it (matplotlib's clabel): true, a number format, or these "
      + "options.",
    keys: [
      SpecKey(
        "format", SpecSchema.numberFormat,
        "how levels are written: auto (as the axis writes ticks at the levels), a printf pattern (%.2f) or a "
          + "Python format spec (.2f)", defaultValue: "auto"),
      SpecKey("size", SpecSchema.fontSize, "text size in points", default: "the tick labels' size"),
      SpecKey("inline", SpecSchema.boolean, "break the line under each label", defaultValue: true),
      SpecKey(
        "spacing", SpecSchema.nonNegative, "space in points between a label and the broken line's ends",
        defaultValue: 3.6),
      SpecKey("color", SpecSchema.color, "the labels' colour", default: "each level's line colour"),
    ],
    example: "{contour: {x: a, y: b, value: loss, labels: {format: '%.1f', size: 7}}}")

  static var schema: JSONValue {
    .object(["anyOf": .array([SpecSchema.boolean, SpecSchema.numberFormat, object.schema])])
  }

  private static let usage =
    "contour labels take true, a printf pattern such as %.1f, a Python format spec such as .1f, or {format, size, "
    + "inline, spacing, color}"

  static func decode(_ node: SpecNode) throws -> ContourLabels? {
    if let text = node.scalarText, ["true", "false", "yes", "no"].contains(text) {
      return try node.bool() ? ContourLabels() : nil
    }
    guard node.isMapping else { return ContourLabels(format: try NumberFormat.decode(node, usage: usage)) }
    let map = try node.mapping(object)
    var labels = ContourLabels()
    labels.format = try map.optional("format") { try NumberFormat.decode($0, usage: usage) } ?? .auto
    labels.size = try map.optional("size") { try $0.fontSize() }
    labels.inline = try map.optional("inline") { try $0.bool() } ?? true
    labels.spacing = try map.optional("spacing") { try $0.nonNegative("a spacing in points") } ?? 3.6
    labels.color = try map.optional("color") { try decodeColor($0) }
    return labels
  }

  /// One label placed on a line: its text, centre and angle on the page.
  struct Placed {
    var text: SetText
    var center: Point
    /// Degrees counter-clockwise.
    var angle: Double

    var node: SceneNode {
      // The text's middle (half its width along the baseline, half its ink height above it) at `center`.
      let radians = angle * .pi / 180
      let (dx, dy) = (text.width / 2, -(text.ascent - text.descent) / 2)
      let origin = Point(
        center.x - (dx * cos(radians) + dy * sin(radians)), center.y - (-dx * sin(radians) + dy * cos(radians)))
      return .text(TextNode(origin: origin, rotation: angle, runs: text.runs, rules: text.rules))
    }
  }

  /// matplotlib measures in pixels at the figure's 100 dpi: block sizes compare a label's width in pixels with a
  /// line's vertex count.
  private static let pixelsPerPoint = 100.0 / 72

  /// Labels the lines (page points) level by level, in order: each line that `print_label` accepts gets its label at
  /// `locate_label`'s spot; with `inline`, the line is cut there. Returns the lines to draw and the labels.
  static func label(
    _ lines: [(paths: [[Point]], text: SetText)], inline: Bool, spacing: Double
  ) -> (paths: [[[Point]]], labels: [(level: Int, label: Placed)]) {
    var placed: [(level: Int, label: Placed)] = []
    var result: [[[Point]]] = []
    for (level, line) in lines.enumerated() {
      var kept: [[Point]] = []
      let width = line.text.width * pixelsPerPoint
      for path in line.paths {
        let screen = path.map { Point($0.x * pixelsPerPoint, -$0.y * pixelsPerPoint) }
        guard path.count >= 2, printsLabel(screen, width: width) else {
          kept.append(path)
          continue
        }
        let index = locate(
          screen, width: width,
          placed: placed.map(\.label.center).map {
            Point($0.x * pixelsPerPoint, -$0.y * pixelsPerPoint)
          })
        let (angle, pieces) = split(path, at: index, width: line.text.width, spacing: spacing)
        placed.append((level, Placed(text: line.text, center: path[index], angle: angle)))
        kept += inline ? pieces : [path]
      }
      result.append(kept)
    }
    return (result, placed)
  }

  /// matplotlib's print_label: a line is labelled when it has ten vertices per pixel of label width, or spans more
  /// than 1.2 label widths across or up.
  private static func printsLabel(_ screen: [Point], width: Double) -> Bool {
    let xs = screen.map(\.x)
    let ys = screen.map(\.y)
    return Double(screen.count) > 10 * width || xs.max()! - xs.min()! > 1.2 * width
      || ys.max()! - ys.min()! > 1.2 * width
  }

  /// matplotlib's locate_label: the line cut into blocks of about a label width's count of vertices (the last block
  /// filled from the start again), the middle vertex of the straightest block that is not within 1.2 label widths
  /// of a placed label (the straightest block if every one is).
  private static func locate(_ screen: [Point], width: Double, placed: [Point]) -> Int {
    let count = screen.count
    let blocks = width > 1 ? Int((Double(count) / width).rounded(.up)) : 1
    let blockSize = blocks == 1 ? count : Int(width)
    func vertex(_ block: Int, _ k: Int) -> Int { (block * blockSize + k) % count }
    var distances: [(Double, Int)] = []
    for block in 0..<blocks {
      let first = screen[vertex(block, 0)]
      let last = screen[vertex(block, blockSize - 1)]
      let length = hypot(last.x - first.x, last.y - first.y)
      var sum = 0.0
      for k in 0..<blockSize {
        let p = screen[vertex(block, k)]
        let s = (first.y - p.y) * (last.x - first.x) - (first.x - p.x) * (last.y - first.y)
        // numpy's abs(s) / 0 is inf (nan for 0 / 0, which sorts last): a block whose ends meet is never straight.
        sum += length > 0 ? abs(s) / length : (s == 0 ? .nan : .infinity)
      }
      distances.append((sum, block))
    }
    // numpy's argsort: a stable sort, NaN last.
    let order = distances.sorted { a, b in
      if a.0.isNaN != b.0.isNaN { return !a.0.isNaN }
      return a.0 < b.0 || (a.0 == b.0 && a.1 < b.1) || (a.0.isNaN && b.0.isNaN && a.1 < b.1)
    }.map(\.1)
    let middle = blockSize / 2
    let threshold = 1.2 * width
    for block in order + [order[0]] {
      let p = screen[vertex(block, middle)]
      if !placed.contains(where: { hypot($0.x - p.x, $0.y - p.y) < threshold }) { return vertex(block, middle) }
    }
    return vertex(order[0], middle)
  }

  /// matplotlib's _split_path_and_get_label_rotation: the label's angle from the points half its width either side
  /// along the line, and the line without the stretch under it (widened by `spacing` each way); a closed line is
  /// opened at the label.
  private static func split(_ path: [Point], at index: Int, width: Double, spacing: Double) -> (Double, [[Point]]) {
    let closed = path.count > 2 && path.first == path.last
    var line = path
    var at = index
    if closed {
      // Start (and end) at the label.
      line = Array(path[index..<(path.count - 1)]) + Array(path[...index])
      at = 0
    }
    var lengths = [0.0]
    for (a, b) in zip(line, line.dropFirst()) { lengths.append(lengths.last! + hypot(b.x - a.x, b.y - a.y)) }
    let origin = lengths[at]
    lengths = lengths.map { $0 - origin }
    var targets = [-width / 2, width / 2]
    if closed { targets[0] += lengths.last! - lengths.first! }
    let ends = targets.map { interpolate($0, lengths, line) }
    // Page y runs down: the angle as seen, counter-clockwise, turned so the text is never upside down.
    var angle = atan2(-(ends[1].y - ends[0].y), ends[1].x - ends[0].x) * 180 / .pi
    angle = (angle + 90).truncatingRemainder(dividingBy: 180)
    if angle < 0 { angle += 180 }
    angle -= 90
    targets = [targets[0] - spacing, targets[1] + spacing]
    let indices = targets.map { target -> Double? in
      guard target >= lengths.first!, target <= lengths.last! else { return nil }
      return interpolateIndex(target, lengths)
    }
    let cut = targets.map { interpolate($0, lengths, line) }
    var pieces: [[Point]] = []
    if closed {
      if let i0 = indices[0].map({ Int($0.rounded(.down)) }), let i1 = indices[1].map({ Int($0.rounded(.up)) }),
        i1 <= i0
      {
        pieces.append([cut[1]] + Array(line[i1...i0]) + [cut[0]])
      }
    } else {
      if let i0 = indices[0].map({ Int($0.rounded(.down)) }) { pieces.append(Array(line[...i0]) + [cut[0]]) }
      if let i1 = indices[1].map({ Int($0.rounded(.up)) }) { pieces.append([cut[1]] + Array(line[i1...])) }
    }
    return (angle, pieces.filter { $0.count >= 2 })
  }

  /// np.interp over the cumulative lengths: the point at length `target`, clamped to the ends.
  private static func interpolate(_ target: Double, _ lengths: [Double], _ points: [Point]) -> Point {
    if target <= lengths.first! { return points.first! }
    if target >= lengths.last! { return points.last! }
    let k = lengths.firstIndex { $0 >= target }!
    let (a, b) = (lengths[k - 1], lengths[k])
    let t = b > a ? (target - a) / (b - a) : 0
    return Point(
      points[k - 1].x + t * (points[k].x - points[k - 1].x), points[k - 1].y + t * (points[k].y - points[k - 1].y))
  }

  /// np.interp of the vertex index at length `target` (within the line).
  private static func interpolateIndex(_ target: Double, _ lengths: [Double]) -> Double {
    if target <= lengths.first! { return 0 }
    let k = lengths.firstIndex { $0 >= target }!
    let (a, b) = (lengths[k - 1], lengths[k])
    return Double(k - 1) + (b > a ? (target - a) / (b - a) : 0)
  }
}
