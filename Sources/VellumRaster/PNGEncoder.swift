import CVellumRsvg
import VellumDiagnostics

/// Writes RGB PNGs itself: filter None and zlib level 1 encode a 300-dpi figure in about a tenth of the
/// time Cairo's writer takes, and smaller (the flat colors of a chart compress well unfiltered).
/// No timestamp or text chunks, so the bytes depend only on the pixels and the dpi.
enum PNGEncoder {
  /// A Cairo RGB24 image surface as PNG.
  static func encode(surface: OpaquePointer, dpi: Double) throws -> [UInt8] {
    cairo_surface_flush(surface)
    let width = Int(cairo_image_surface_get_width(surface))
    let height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    let data = try CBoundary.cairo(cairo_image_surface_get_data(surface), "image has no pixels")
    return try encode(width: width, height: height, dpi: dpi) { y, out in
      let source = data + y * stride
      for x in 0..<width {
        // Cairo's RGB24 is a native-endian 0x00RRGGBB word: on little-endian machines B, G, R, X.
        let p = source + x * 4
        out[3 * x] = p[2]
        out[3 * x + 1] = p[1]
        out[3 * x + 2] = p[0]
      }
    }
  }

  /// Packed RGB pixels (a diff image) as PNG.
  static func encode(_ image: RasterImage, dpi: Double) throws -> [UInt8] {
    try image.rgb.withUnsafeBufferPointer { rgb in
      try encode(width: image.width, height: image.height, dpi: dpi) { y, out in
        let start = y * image.width * 3
        for i in 0..<(image.width * 3) { out[i] = rgb[start + i] }
      }
    }
  }

  /// Writes a PNG whose row `y` the `row` closure fills with `width × 3` RGB bytes.
  private static func encode(
    width: Int, height: Int, dpi: Double, row fill: (Int, UnsafeMutableBufferPointer<UInt8>) -> Void
  ) throws -> [UInt8] {
    // Deflate streams row by row, so memory stays at one row plus the compressed output.
    var stream = z_stream()
    try CBoundary.zlib(
      deflateInit_(&stream, 1, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)), "cannot start PNG compression")
    defer { deflateEnd(&stream) }
    var compressed: [UInt8] = []
    compressed.reserveCapacity(width * height / 8)
    var row = [UInt8](repeating: 0, count: width * 3 + 1)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    func pump(_ flush: Int32) throws {
      repeat {
        let status = buffer.withUnsafeMutableBufferPointer { out -> Int32 in
          stream.next_out = out.baseAddress
          stream.avail_out = uInt(out.count)
          return deflate(&stream, flush)
        }
        try CBoundary.zlib(status, "PNG compression failed", accepted: [Z_OK, Z_STREAM_END, Z_BUF_ERROR])
        compressed += buffer[0..<(buffer.count - Int(stream.avail_out))]
      } while stream.avail_out == 0
    }
    for y in 0..<height {
      row.withUnsafeMutableBufferPointer { out in
        out[0] = 0  // filter: None
        fill(y, UnsafeMutableBufferPointer(rebasing: out[1...]))
      }
      try row.withUnsafeMutableBufferPointer { input in
        stream.next_in = input.baseAddress
        stream.avail_in = uInt(input.count)
        try pump(Z_NO_FLUSH)
      }
    }
    stream.next_in = nil
    stream.avail_in = 0
    try pump(Z_FINISH)

    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    func chunk(_ type: String, _ body: [UInt8]) {
      let typed = Array(type.utf8) + body
      png += bigEndian(UInt32(body.count)) + typed + bigEndian(checksum(typed))
    }
    // IHDR: 8-bit RGB, deflate, no interlace.
    chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0])
    let perMetre = UInt32((dpi / 0.0254).rounded())
    chunk("pHYs", bigEndian(perMetre) + bigEndian(perMetre) + [1])
    chunk("IDAT", compressed)
    chunk("IEND", [])
    return png
  }

  /// The CRC-32 PNG chunks carry, from zlib.
  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
  }

  static func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
  }
}
