/// matplotlib's hatch characters: `/` `\` `|` `-` `+` `x` `X` lines, `o` `O` circles, `.` dots, `*` stars.
public let hatchCharacters = "/\\|-+xXoO.*"

/// Reads a hatch pattern (`//`, `x.`); `none` is no hatching (the empty pattern), as matplotlib's `hatch=None`.
public func decodeHatch(_ node: SpecNode) throws -> String {
  let text = try node.string("a hatch pattern such as //")
  if text == "none" { return "" }
  if let stray = text.first(where: { !hatchCharacters.contains($0) }) {
    throw node.error("'\(stray)' is not a hatch character (expected some of \(hatchCharacters), or none)")
  }
  guard text.count <= 12 else { throw node.error("a hatch of at most 12 characters, found \(text.count)") }
  return text
}
