/// Masks of a 64-bit word of text, eight bytes looked at at once: the high bit set in each byte that answers. Exact
/// per byte (no carry or borrow crosses from one byte into the next), so a mask may be counted or searched.
enum ByteMask {
  /// The bytes of `word` equal to `byte`.
  @inline(__always)
  static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
    return ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
  }

  /// The bytes of `word` that are not an ASCII digit.
  @inline(__always)
  static func nonDigits(_ word: UInt64) -> UInt64 {
    let x = word ^ 0x3030_3030_3030_3030
    return (((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | x) & 0x8080_8080_8080_8080
  }
}
