import Foundation
import VellumSpec

/// Text smaller than `min_text_size` once the figure is scaled to its printed width (venues ask for 6–8 pt).
struct TextSizeCheck: LintCheck {
  let check = LintSpec.Check.textSize

  func findings(in figure: DrawnFigure, context: LintContext) -> [LintFinding] {
    // One finding per spec location (an axes' tick labels and annotations, a legend): how many texts are small,
    // which parts draw them, and the smallest.
    var small: [String: (texts: [DrawnFigure.Text], smallest: DrawnFigure.Text)] = [:]
    var order: [String] = []
    for text in figure.texts where text.size * context.scale < context.spec.minTextSize - 1e-9 {
      let key = text.source?.description ?? ""
      if let seen = small[key] {
        small[key] = (seen.texts + [text], text.size < seen.smallest.size ? text : seen.smallest)
      } else {
        small[key] = ([text], text)
        order.append(key)
      }
    }
    return order.map { key in
      let (texts, smallest) = small[key]!
      var roles: [String] = []
      for text in texts where !roles.contains(Self.part(text.role)) { roles.append(Self.part(text.role)) }
      let printed = smallest.size * context.scale
      let parts = roles.prefix(3).joined(separator: ", ") + (roles.count > 3 ? "…" : "")
      let many = texts.count > 1 ? "\(texts.count) texts (\(parts)), the smallest" : "text (\(parts))"
      return LintFinding(
        check: check,
        message: "\(many) '\(smallest.node.plainText)' is \(Format.points(printed)) pt at the printed width"
          + " (at least \(Format.points(context.spec.minTextSize)) pt); enlarge font.size or the text's own size",
        location: smallest.source ?? context.figureLocation)
    }
  }

  /// The part of the figure a role names: `legend` for every legend entry, `axis-x`, `annotations`, a layer's role.
  static func part(_ role: String) -> String { role.hasPrefix("legend-") ? "legend" : role }
}

/// Numbers in messages: two decimals at most.
enum Format {
  static func points(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
  }
}
