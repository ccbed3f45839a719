import CVellumText
import VellumDiagnostics

/// Cuts a font down to the characters a figure shows, for embedding in SVG as @font-face.
public enum FontSubsetter {
  /// A subset of `face` holding `characters`, with the `head` table's timestamps zeroed so the
  /// bytes depend only on the font file and the characters.
  public static func subset(_ face: FontFace, characters: Set<Unicode.Scalar>) throws -> [UInt8] {
    let blob = try FontBoundary.harfbuzz(
      hb_blob_create_from_file_or_fail(face.path), "cannot read font file '\(face.path)'")
    defer { hb_blob_destroy(blob) }
    let source = try FontBoundary.harfbuzz(hb_face_create(blob, UInt32(face.index)), "cannot open '\(face.path)'")
    defer { hb_face_destroy(source) }
    let input = try FontBoundary.harfbuzz(hb_subset_input_create_or_fail(), "cannot start a subset")
    defer { hb_subset_input_destroy(input) }
    let unicodes = hb_subset_input_unicode_set(input)
    for scalar in characters { hb_set_add(unicodes, scalar.value) }
    let subset = try FontBoundary.harfbuzz(hb_subset_or_fail(source, input), "cannot subset '\(face.path)'")
    defer { hb_face_destroy(subset) }
    let result = try FontBoundary.harfbuzz(hb_face_reference_blob(subset), "cannot read the subset")
    defer { hb_blob_destroy(result) }
    var length: UInt32 = 0
    guard let data = hb_blob_get_data(result, &length) else { return [] }
    let bytes = UnsafeRawBufferPointer(start: data, count: Int(length)).map { $0 }
    return SFNTTimestamps.zeroed(bytes)
  }
}

/// Edits an OpenType file's `head` table: timestamps to zero, checksums recomputed.
enum SFNTTimestamps {
  static func zeroed(_ font: [UInt8]) -> [UInt8] {
    var font = font
    guard font.count >= 12 else { return font }
    let tableCount = Int(read16(font, 4))
    for table in 0..<tableCount {
      let record = 12 + table * 16
      guard record + 16 <= font.count, String(decoding: font[record..<record + 4], as: UTF8.self) == "head" else {
        continue
      }
      let offset = Int(read32(font, record + 8))
      let length = Int(read32(font, record + 12))
      guard offset + 36 <= font.count, length >= 36 else { return font }
      for i in 0..<16 { font[offset + 20 + i] = 0 }  // created and modified
      write32(&font, offset + 8, 0)  // checkSumAdjustment is computed with itself zero
      write32(&font, record + 4, checksum(font, offset, length))
      write32(&font, offset + 8, 0xB1B0_AFBA &- checksum(font, 0, font.count))
      return font
    }
    return font
  }

  private static func read16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
    UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])
  }

  private static func read32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
  }

  private static func write32(_ bytes: inout [UInt8], _ at: Int, _ value: UInt32) {
    bytes[at] = UInt8(value >> 24)
    bytes[at + 1] = UInt8((value >> 16) & 0xff)
    bytes[at + 2] = UInt8((value >> 8) & 0xff)
    bytes[at + 3] = UInt8(value & 0xff)
  }

  /// The sfnt checksum: the sum of big-endian 32-bit words, the last one zero-padded.
  static func checksum(_ bytes: [UInt8], _ offset: Int, _ length: Int) -> UInt32 {
    var sum: UInt32 = 0
    var i = offset
    while i < offset + length {
      var word: UInt32 = 0
      for k in 0..<4 { word = word << 8 | UInt32(i + k < offset + length && i + k < bytes.count ? bytes[i + k] : 0) }
      sum = sum &+ word
      i += 4
    }
    return sum
  }
}
