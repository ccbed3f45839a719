import CVellumRsvg
import VellumDiagnostics

/// Pixels of a rendered or decoded image, 8-bit RGB, row-major, for comparing renderings.
public struct RasterImage: Sendable, Equatable {
  public let width: Int
  public let height: Int
  /// `width × height × 3` bytes.
  public let rgb: [UInt8]

  /// Luminance (0…255) of a pixel.
  public func gray(_ x: Int, _ y: Int) -> Int {
    let i = (y * width + x) * 3
    return (Int(rgb[i]) * 299 + Int(rgb[i + 1]) * 587 + Int(rgb[i + 2]) * 114) / 1000
  }

  public init(width: Int, height: Int, rgb: [UInt8]) {
    self.width = width
    self.height = height
    self.rgb = rgb
  }

  /// Decodes a PNG (as Vellum writes them) with Cairo.
  public init(png: [UInt8]) throws {
    final class Source {
      let bytes: [UInt8]
      var offset = 0
      init(_ bytes: [UInt8]) { self.bytes = bytes }
    }
    let source = Source(png)
    let read: cairo_read_func_t = { closure, data, length in
      let source = Unmanaged<Source>.fromOpaque(closure!).takeUnretainedValue()
      let count = Int(length)
      guard let data, source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
      source.bytes.withUnsafeBufferPointer { buffer in
        data.update(from: buffer.baseAddress! + source.offset, count: count)
      }
      source.offset += count
      return CAIRO_STATUS_SUCCESS
    }
    let surface = try CBoundary.cairo(
      withExtendedLifetime(source) {
        cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque())
      }, "cannot decode PNG")
    defer { cairo_surface_destroy(surface) }
    try CBoundary.cairo(cairo_surface_status(surface), "cannot decode PNG")
    try self.init(surface: surface)
  }

  /// Copies an image surface (RGB24 or ARGB32, composited on white) into RGB bytes.
  init(surface: OpaquePointer) throws {
    cairo_surface_flush(surface)
    width = Int(cairo_image_surface_get_width(surface))
    height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    let hasAlpha = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32
    let data = try CBoundary.cairo(cairo_image_surface_get_data(surface), "image has no pixels")
    var rgb = [UInt8](repeating: 0, count: width * height * 3)
    for y in 0..<height {
      for x in 0..<width {
        // Cairo stores native-endian 0xAARRGGBB words with premultiplied alpha.
        let p = data + y * stride + x * 4
        let word = UInt32(p[0]) | UInt32(p[1]) << 8 | UInt32(p[2]) << 16 | UInt32(p[3]) << 24
        let alpha = hasAlpha ? Int(word >> 24) : 255
        let i = (y * width + x) * 3
        for (channel, shift) in [(0, 16), (1, 8), (2, 0)] {
          let premultiplied = Int((word >> UInt32(shift)) & 0xff)
          rgb[i + channel] = UInt8(min(255, premultiplied + (255 - alpha)))
        }
      }
    }
    self.rgb = rgb
  }
}
