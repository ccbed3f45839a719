import CVellumRsvg
import VellumDiagnostics
import VellumImage

/// Cairo surfaces and diff images through the one PNG writer.
enum RasterPNG {
  /// A Cairo RGB24 image surface as PNG.
  static func encode(surface: OpaquePointer, dpi: Double) throws -> [UInt8] {
    cairo_surface_flush(surface)
    let width = Int(cairo_image_surface_get_width(surface))
    let height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    // Rows are read from several threads at once; the surface is not drawn on meanwhile.
    nonisolated(unsafe) let data = try CBoundary.cairo(cairo_image_surface_get_data(surface), "image has no pixels")
    return try PNGEncoder.encodeInBands(width: width, height: height, dpi: dpi) { y, out in
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
      try PNGEncoder.encode(width: image.width, height: image.height, dpi: dpi) { y, out in
        let start = y * image.width * 3
        for i in 0..<(image.width * 3) { out[i] = rgb[start + i] }
      }
    }
  }
}
