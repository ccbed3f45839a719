import VellumScene
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

  /// Places text turned 90° counter-clockwise, centred on `centerY`, its descent side touching `right`.
  static func vertical(_ text: SetText, right: Double, centerY: Double) -> PlacedText {
    let baselineX = right - text.descent
    return PlacedText(
      node: .text(
        TextNode(origin: Point(baselineX, centerY + text.width / 2), rotation: 90, runs: text.runs, rules: text.rules)),
      box: Rect(x: right - text.height, y: centerY - text.width / 2, width: text.height, height: text.width))
  }
}
