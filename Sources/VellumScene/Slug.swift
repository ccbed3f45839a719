/// A lowercase id fragment for roles and class names: ASCII letters and digits, other runs become one `-`;
/// `empty` when nothing is left. The one slug function, so ids in roles and in CSS classes agree.
public func slug(_ text: String, empty: String = "unnamed") -> String {
  var result = ""
  for scalar in text.lowercased().unicodeScalars {
    if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
      result.unicodeScalars.append(scalar)
    } else if !result.isEmpty && !result.hasSuffix("-") {
      result += "-"
    }
  }
  while result.hasSuffix("-") { result.removeLast() }
  return result.isEmpty ? empty : result
}
