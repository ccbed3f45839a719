/// Escaping for XML (and HTML) text and attribute values; characters XML 1.0 forbids are dropped.
public enum XMLEscaping {
  public static func text(_ value: String) -> String {
    escape(value, quotes: false)
  }

  public static func attribute(_ value: String) -> String {
    escape(value, quotes: true)
  }

  private static func escape(_ value: String, quotes: Bool) -> String {
    var result = ""
    result.reserveCapacity(value.utf8.count)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"" where quotes: result += "&quot;"
      case "'" where quotes: result += "&apos;"
      case "\t", "\n", "\r": result += quotes ? "&#\(scalar.value);" : String(scalar)
      default:
        if isAllowed(scalar) { result.unicodeScalars.append(scalar) }
      }
    }
    return result
  }

  /// XML 1.0's Char production, less the discouraged C1 controls.
  private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }
}
