/// JSON string escapes, as the JSON Lines and JSON readers both decode them.
enum JSONEscapes {
  /// The byte a one-character escape stands for (`\n`, `\"`, `\/`…); nil for `\u` and unknown escapes.
  static func simple(_ escaped: UInt8) -> UInt8? {
    switch escaped {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return escaped
    case UInt8(ascii: "b"): return 0x08
    case UInt8(ascii: "f"): return 0x0C
    case UInt8(ascii: "n"): return 0x0A
    case UInt8(ascii: "r"): return 0x0D
    case UInt8(ascii: "t"): return 0x09
    default: return nil
    }
  }

  /// The UTF-8 bytes of a `\uXXXX` escape whose hex digits start at `index` (a high surrogate joined with the
  /// `\uXXXX` low one after it), `index` moved past them; a lone surrogate becomes U+FFFD, as JSON decoders
  /// commonly do. Nil when four hex digits do not follow.
  static func unicode<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: inout Int, end: Int)
    -> [UInt8]? where Bytes.Index == Int
  {
    guard var scalar = hex(bytes, at: &index, end: end) else { return nil }
    if (0xD800..<0xDC00).contains(scalar), index + 1 < end, bytes[index] == UInt8(ascii: "\\"),
      bytes[index + 1] == UInt8(ascii: "u")
    {
      var after = index + 2
      if let low = hex(bytes, at: &after, end: end), (0xDC00..<0xE000).contains(low) {
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        index = after
      }
    }
    return Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
  }

  private static func hex<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: inout Int, end: Int)
    -> UInt32? where Bytes.Index == Int
  {
    var value: UInt32 = 0
    for offset in 0..<4 {
      guard index + offset < end, let digit = Character(Unicode.Scalar(bytes[index + offset])).hexDigitValue else {
        return nil
      }
      value = value << 4 | UInt32(digit)
    }
    index += 4
    return value
  }
}
