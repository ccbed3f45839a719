import Foundation

/// JSON writes a character beyond U+FFFF as two escaped UTF-16 halves (`"\ud83d\ude00"`, as Python's `json.dumps`
/// does by default), which the YAML reader refuses one half at a time; a JSON spec has each pair joined into its
/// character before it is read. Text that is not JSON is left as it is: YAML's own quoting rules differ.
enum SurrogatePairs {
  static func joined(inJSON text: String) -> String {
    guard text.contains("\\u"), text.contains("\\uD") || text.contains("\\ud"),
      (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil
    else { return text }
    let scalars = Array(text.unicodeScalars)
    func hex(at start: Int) -> UInt32? {
      guard start + 4 <= scalars.count else { return nil }
      return UInt32(String(String.UnicodeScalarView(scalars[start..<start + 4])), radix: 16)
    }
    var out = String.UnicodeScalarView()
    var index = 0
    var inString = false
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\"" {
        inString.toggle()
      } else if inString, scalar == "\\", index + 1 < scalars.count {
        // `\uD83D\uDE00`: a high half then a low half make one character.
        if scalars[index + 1] == "u", let high = hex(at: index + 2), (0xD800...0xDBFF).contains(high),
          index + 12 <= scalars.count, scalars[index + 6] == "\\", scalars[index + 7] == "u",
          let low = hex(at: index + 8), (0xDC00...0xDFFF).contains(low),
          let joined = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        {
          out.append(joined)
          index += 12
          continue
        }
        // Any other escape (`\"`, `\\`, `\n`) passes through whole, so its second character is not read alone.
        out.append(scalar)
        out.append(scalars[index + 1])
        index += 2
        continue
      }
      out.append(scalar)
      index += 1
    }
    return String(out)
  }
}
