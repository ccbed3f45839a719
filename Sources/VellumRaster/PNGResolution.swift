/// Adds the pHYs chunk Cairo leaves out, so viewers and publishers see the intended dpi.
enum PNGResolution {
  /// Inserts `pHYs` (pixels per metre) right after IHDR.
  static func insert(dpi: Double, into png: [UInt8]) -> [UInt8] {
    let ihdrEnd = 8 + 4 + 4 + 13 + 4
    guard png.count > ihdrEnd, Array(png[12..<16]) == Array("IHDR".utf8) else { return png }
    let perMetre = UInt32((dpi / 0.0254).rounded())
    var chunkBody = Array("pHYs".utf8)
    chunkBody += bigEndian(perMetre) + bigEndian(perMetre) + [1]
    let chunk = bigEndian(9) + chunkBody + bigEndian(CRC32.checksum(chunkBody))
    return Array(png[..<ihdrEnd]) + chunk + Array(png[ihdrEnd...])
  }

  private static func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
  }
}

/// The CRC-32 PNG chunks carry (ISO 3309, reflected polynomial 0xEDB88320).
enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    return value
  }

  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}
