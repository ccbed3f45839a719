import VellumScene

/// Names the CSS class of each distinct text style from its content (`t11`, `t13b`, `t10_5i`),
/// so a class name never depends on where a style first appears.
struct TextClassNames {
  /// The family most text uses; its classes carry no family suffix.
  let primaryFamily: String
  private(set) var styles: [String: FontStyle] = [:]

  init(primaryFamily: String) {
    self.primaryFamily = primaryFamily
  }

  mutating func name(for style: FontStyle) -> String {
    var name = "t" + String(NumberFormat.format(style.size).map { $0 == "." ? "_" : $0 })
    if style.bold { name += "b" }
    if style.italic { name += "i" }
    if style.family != primaryFamily { name += "-" + slug(style.family, empty: "font") }
    styles[name] = style
    return name
  }

  /// The `<style>` rules for every class handed out, sorted by name.
  func css() -> [String] {
    var rules = ["text{font-family:\(Self.cssString(primaryFamily))}"]
    for (name, style) in styles.sorted(by: { $0.key < $1.key }) {
      var declarations = ["font-size:\(NumberFormat.format(style.size))px"]
      if style.family != primaryFamily { declarations.insert("font-family:\(Self.cssString(style.family))", at: 0) }
      if style.bold { declarations.append("font-weight:bold") }
      if style.italic { declarations.append("font-style:italic") }
      rules.append(".\(name){\(declarations.joined(separator: ";"))}")
    }
    return rules
  }

  static func cssString(_ family: String) -> String {
    var escaped = ""
    for character in family {
      switch character {
      case "\\", "'": escaped += "\\\(character)"
      case "\n", "\r", "<", ">", "&", "{", "}", ";": continue
      default: escaped.append(character)
      }
    }
    return "'\(escaped)'"
  }
}
