/// Names from content: a figure inlined in a page beside others shares one document with them, so the ids of its
/// definitions (clip rectangles, hatch patterns) and the scope of its style sheet are named by what they hold. Two
/// figures then give one name only to the same rectangle, pattern or rules, and neither restyles the other.
enum ContentID {
  /// 48 bits of FNV-1a of the text, as 12 hex digits: the same on every machine and run.
  static func hex(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let digits = String(hash & 0xffff_ffff_ffff, radix: 16)
    return String(repeating: "0", count: 12 - digits.count) + digits
  }
}
