/// Data values used as labels are shown literally: escape what TeX would read as commands.
public func escapeTeX(_ text: String) -> String {
  var escaped = ""
  for character in text {
    switch character {
    case "\\": escaped += "\\textbackslash{}"
    case "$", "%", "&", "_", "#", "{", "}": escaped += "\\\(character)"
    case "~": escaped += "\\textasciitilde{}"
    case "^": escaped += "\\textasciicircum{}"
    default: escaped.append(character)
    }
  }
  return escaped
}
