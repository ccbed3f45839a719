import Foundation
import VellumScene
import VellumSpec
import VellumTypesetting

/// Where a set text ends up: its scene node and the box it occupies on the page.
struct PlacedText {
  enum Anchor { case start, middle, end }

  var node: SceneNode
  var box: Rect

  /// Places horizontal text with its baseline at `baseline`, aligned on `x` per `anchor`.
  static func horizontal(_ text: SetText, x: Double, baseline: Double, anchor: Anchor) -> PlacedText {
    let left: Double
    switch anchor {
    case .start: left = x
    case .middle: left = x - text.width / 2
    case .end: left = x - text.width
    }
    return PlacedText(
      node: .text(TextNode(origin: Point(left, baseline), runs: text.runs, rules: text.rules)),
      box: Rect(x: left, y: baseline - text.ascent, width: text.width, height: text.height))
  }

  /// Places text turned `degrees` counter-clockwise so its turned bounding box hangs from `top`, its right edge
  /// at `x` (or its left edge, `alignRight` false): matplotlib's rotated tick labels with `ha='right'`, `va='top'`.
  static func rotated(_ text: SetText, degrees: Double, x: Double, top: Double, alignRight: Bool) -> PlacedText {
    let angle = degrees * Double.pi / 180
    let (c, s) = (cos(angle), sin(angle))
    // Corners relative to the baseline's start (y down), turned counter-clockwise on the page.
    let corners = [(0.0, -text.ascent), (text.width, -text.ascent), (0, text.descent), (text.width, text.descent)]
      .map { x, y in (x * c + y * s, -x * s + y * c) }
    let (minX, maxX) = (corners.map(\.0).min()!, corners.map(\.0).max()!)
    let (minY, maxY) = (corners.map(\.1).min()!, corners.map(\.1).max()!)
    let origin = Point(alignRight ? x - maxX : x - minX, top - minY)
    return PlacedText(
      node: .text(TextNode(origin: origin, rotation: degrees, runs: text.runs, rules: text.rules)),
      box: Rect(x: origin.x + minX, y: origin.y + minY, width: maxX - minX, height: maxY - minY))
  }

  /// Places text turned `degrees` counter-clockwise so its turned bounding box stands on `bottom`, its left edge at
  /// `x` (or its right edge, `alignLeft` false): rotated labels of a top axis, anchored at their start.
  static func rotated(_ text: SetText, degrees: Double, x: Double, bottom: Double, alignLeft: Bool) -> PlacedText {
    let hanging = rotated(text, degrees: degrees, x: x, top: 0, alignRight: !alignLeft)
    let shift = bottom - hanging.box.maxY
    guard case .text(var node) = hanging.node else { return hanging }
    node.origin.y += shift
    var box = hanging.box
    box.y += shift
    return PlacedText(node: .text(node), box: box)
  }

  /// The same text painted in a spec's colour, or as it is without one.
  func painted(_ color: Color?) -> PlacedText { color.map { painted($0.rgb, opacity: $0.alpha) } ?? self }

  /// The same text painted in `color`.
  func painted(_ color: RGB, opacity: Double = 1) -> PlacedText {
    guard case .text(var text) = node else { return self }
    text.paint = Paint(color, opacity: opacity)
    return PlacedText(node: .text(text), box: box)
  }

  /// Places text turned 90° clockwise (read top to bottom), centred on `centerY`, its descent side touching `left`.
  static func downward(_ text: SetText, left: Double, centerY: Double) -> PlacedText {
    let baselineX = left + text.descent
    return PlacedText(
      node: .text(
        TextNode(origin: Point(baselineX, centerY - text.width / 2), rotation: -90, runs: text.runs, rules: text.rules)),
      box: Rect(x: left, y: centerY - text.width / 2, width: text.height, height: text.width))
  }

  /// Places text turned 90° counter-clockwise, centred on `centerY`, its descent side touching `right`.
  static func vertical(_ text: SetText, right: Double, centerY: Double) -> PlacedText {
    let baselineX = right - text.descent
    return PlacedText(
      node: .text(
        TextNode(origin: Point(baselineX, centerY + text.width / 2), rotation: 90, runs: text.runs, rules: text.rules)),
      box: Rect(x: right - text.height, y: centerY - text.width / 2, width: text.height, height: text.width))
  }
}
