import VellumScene
import VellumSpec

/// Text against the fill under it: the WCAG 2 contrast ratio of its colour over what is drawn beneath its centre
/// (the background, a heatmap cell, a bar), below `min_contrast` (4.5, WCAG AA for text).
struct ContrastCheck: LintCheck {
  let check = LintSpec.Check.contrast

  func findings(in figure: DrawnFigure, context: LintContext) -> [LintFinding] {
    // One finding per group (a heatmap's annotations share their cause), counting its texts and naming the worst.
    var low: [String: [(text: DrawnFigure.Text, ratio: Double, below: RGB)]] = [:]
    var order: [String] = []
    for text in figure.texts {
      let center = Point(text.box.x + text.box.width / 2, text.box.y + text.box.height / 2)
      // What lies under the text: the rectangles drawn before it that hold its centre, composited in order on white.
      var below = RGB(red: 1, green: 1, blue: 1)
      // A shape counts when it covers the text's centre and, unless a rectangle, its box's corners: a cell, a bar,
      // a text box, an area; not a marker beside a label.
      let corners = [
        Point(text.box.x, text.box.y), Point(text.box.x + text.box.width, text.box.y),
        Point(text.box.x, text.box.y + text.box.height),
        Point(text.box.x + text.box.width, text.box.y + text.box.height),
      ]
      for fill in figure.fills
      where fill.order < text.order && fill.covers(center) && (fill.isRectangle || corners.allSatisfy(fill.covers)) {
        below = ColorScience.over(fill.color, opacity: fill.opacity, below)
      }
      let color = ColorScience.over(text.node.paint.color, opacity: text.node.paint.opacity, below)
      let ratio = ColorScience.contrast(color, below)
      guard ratio < context.spec.minContrast else { continue }
      let key = text.role + "|" + (text.source?.description ?? "")
      if low[key] == nil { order.append(key) }
      low[key, default: []].append((text, ratio, below))
    }
    return order.compactMap { key in
      guard let texts = low[key], let worst = texts.min(by: { $0.ratio < $1.ratio }) else { return nil }
      let minimum = Format.points(context.spec.minContrast)
      let what =
        texts.count == 1
        ? "text '\(worst.text.node.plainText)' of '\(worst.text.role)' has a contrast ratio of "
        : "\(texts.count) texts of '\(worst.text.role)' have a contrast ratio under \(minimum), the lowest "
          + "'\(worst.text.node.plainText)' at "
      return LintFinding(
        check: check,
        message: what + "\(Format.points(worst.ratio)) against \(worst.below.hex) under it (at least \(minimum)); "
          + "darken or lighten the text or its fill", location: worst.text.source ?? context.figureLocation)
    }
  }
}
