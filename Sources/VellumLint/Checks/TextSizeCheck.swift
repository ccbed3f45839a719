import Foundation
import VellumSpec

/// Text smaller than `min_text_size` once the figure is scaled to its printed width (venues ask for 6–8 pt).
struct TextSizeCheck: LintCheck {
  let check = LintSpec.Check.textSize

  func findings(in figure: DrawnFigure, context: LintContext) -> [LintFinding] {
    // One finding per drawing group (a panel's tick labels, a legend): its smallest text and how many are small.
    var small: [String: (count: Int, smallest: DrawnFigure.Text)] = [:]
    var order: [String] = []
    for text in figure.texts where text.size * context.scale < context.spec.minTextSize - 1e-9 {
      let key = text.role + "|" + (text.source?.description ?? "")
      if let seen = small[key] {
        small[key] = (seen.count + 1, text.size < seen.smallest.size ? text : seen.smallest)
      } else {
        small[key] = (1, text)
        order.append(key)
      }
    }
    return order.map { key in
      let (count, text) = small[key]!
      let printed = text.size * context.scale
      let many = count > 1 ? "\(count) texts of '\(text.role)', the smallest" : "text of '\(text.role)'"
      return LintFinding(
        check: check,
        message: "\(many) '\(text.node.plainText)' is \(Format.points(printed)) pt at the printed width"
          + " (at least \(Format.points(context.spec.minTextSize)) pt); enlarge font.size or the text's own size",
        location: text.source ?? context.figureLocation)
    }
  }
}

/// Numbers in messages: two decimals at most.
enum Format {
  static func points(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
  }
}
