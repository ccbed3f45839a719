import CVellumPango
import CVellumRsvg
import Foundation
import VellumDiagnostics
import VellumFonts

/// Converts Vellum's SVG to PDF and PNG in-process with librsvg and Cairo.
public enum Rasterizer {
  /// Most pixels in one raster (a PNG, or each image `vellum diff --png` compares): 100 million, a 7 × 5 in
  /// figure at 1,600 dpi. Cairo holds four bytes a pixel, so this caps a raster's memory at about 400 MB.
  public static let pixelBudget = 100_000_000

  /// A vector PDF whose page is the figure size; fonts embed as subsets, the date is fixed.
  public static func pdf(svg: String, width: Double, height: Double, fontFiles: [String]) throws -> [UInt8] {
    try withHandle(svg: svg, fontFiles: fontFiles) { handle in
      let sink = ByteSink()
      let closure = Unmanaged.passUnretained(sink).toOpaque()
      let surface = try CBoundary.cairo(
        cairo_pdf_surface_create_for_stream(ByteSink.write, closure, width, height), "cannot create PDF surface")
      defer { cairo_surface_destroy(surface) }
      try CBoundary.cairo(cairo_surface_status(surface), "cannot create PDF surface")
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Vellum")
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, creationDate())
      try draw(handle, on: surface, width: width, height: height, background: false)
      cairo_surface_finish(surface)
      try CBoundary.cairo(cairo_surface_status(surface), "cannot write PDF")
      return sink.bytes
    }
  }

  /// The pixels of the PNG ``png(svg:width:height:dpi:fontFiles:)`` would encode.
  public static func image(svg: String, width: Double, height: Double, dpi: Double, fontFiles: [String]?) throws
    -> RasterImage
  {
    try rasterize(svg: svg, width: width, height: height, dpi: dpi, fontFiles: fontFiles) {
      try RasterImage(surface: $0)
    }
  }

  /// A PNG of width × dpi/72 pixels on white, with a pHYs chunk for `dpi`.
  public static func png(svg: String, width: Double, height: Double, dpi: Double, fontFiles: [String]) throws -> [UInt8]
  {
    try rasterize(svg: svg, width: width, height: height, dpi: dpi, fontFiles: fontFiles) { surface in
      try RasterPNG.encode(surface: surface, dpi: dpi)
    }
  }

  private static func rasterize<T>(
    svg: String, width: Double, height: Double, dpi: Double, fontFiles: [String]?, _ finish: (OpaquePointer) throws -> T
  ) throws -> T {
    // Checked in Double first: converting an out-of-range size to Int32 would trap.
    let exactWidth = (width / 72 * dpi).rounded()
    let exactHeight = (height / 72 * dpi).rounded()
    guard exactWidth >= 1, exactHeight >= 1, exactWidth <= 32767, exactHeight <= 32767 else {
      throw VellumError(
        .render, String(format: "a %.0f×%.0f px PNG is out of range; lower --dpi", exactWidth, exactHeight))
    }
    guard exactWidth * exactHeight <= Double(pixelBudget) else {
      // The highest resolution that fits, rounded down to a whole dpi.
      let fitting = (dpi * (Double(pixelBudget) / (exactWidth * exactHeight)).squareRoot()).rounded(.down)
      throw VellumError(
        .render,
        String(
          format: "a %.0f×%.0f px image is over the budget of %d million pixels; at this size use --dpi %.0f or less",
          exactWidth, exactHeight, pixelBudget / 1_000_000, max(1, fitting)))
    }
    let pixelWidth = Int32(exactWidth)
    let pixelHeight = Int32(exactHeight)
    return try withHandle(svg: svg, fontFiles: fontFiles) { handle in
      let surface = try CBoundary.cairo(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixelWidth, pixelHeight), "cannot create image surface")
      defer { cairo_surface_destroy(surface) }
      try CBoundary.cairo(cairo_surface_status(surface), "cannot create a \(pixelWidth)×\(pixelHeight) image")
      try draw(handle, on: surface, width: Double(pixelWidth), height: Double(pixelHeight), background: true)
      return try finish(surface)
    }
  }

  private static func withHandle<T>(
    svg: String, fontFiles: [String]?, _ body: (UnsafeMutablePointer<RsvgHandle>) throws -> T
  ) throws -> T {
    // No lock: each thread draws with its own Pango font map, handle and surface, so renders run in parallel.
    // nil leaves fontconfig's own configuration (for SVGs Vellum did not lay out in this process).
    if let fontFiles { try pinFonts(fontFiles) }
    let bytes = Array(svg.utf8)
    // Our own SVG, so lift libxml2's size limits: a million-point path is one 10 MB attribute.
    let handle = try CBoundary.librsvg(rsvg_handle_new_with_flags(RSVG_HANDLE_FLAG_UNLIMITED), "cannot create a handle")
    var error: UnsafeMutablePointer<GError>?
    bytes.withUnsafeBufferPointer { buffer in
      let stream = g_memory_input_stream_new_from_data(buffer.baseAddress, gssize(buffer.count), nil)
      rsvg_handle_read_stream_sync(handle, stream, nil, &error)
      g_object_unref(UnsafeMutableRawPointer(stream))
    }
    if error != nil { g_object_unref(UnsafeMutableRawPointer(handle)) }
    try CBoundary.librsvg(error, "librsvg cannot read the SVG")
    defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
    return try body(handle)
  }

  private static func draw(
    _ handle: UnsafeMutablePointer<RsvgHandle>, on surface: OpaquePointer, width: Double, height: Double,
    background: Bool
  ) throws {
    let cr = try CBoundary.cairo(cairo_create(surface), "cannot create a Cairo context")
    defer { cairo_destroy(cr) }
    if background {
      cairo_set_source_rgb(cr, 1, 1, 1)
      cairo_paint(cr)
    }
    var viewport = RsvgRectangle(x: 0, y: 0, width: width, height: height)
    var error: UnsafeMutablePointer<GError>?
    rsvg_handle_render_document(handle, cr, &viewport, &error)
    try CBoundary.librsvg(error, "librsvg failed to render the SVG")
    try CBoundary.cairo(cairo_status(cr), "Cairo failed while drawing")
  }

  /// Points Pango's font map for this thread (the one librsvg draws text with) at a fontconfig
  /// configuration holding only `files`; Pango clears its caches when the configuration changes.
  private static func pinFonts(_ files: [String]) throws {
    let config = try FontPinning.configuration(files: files)
    guard let fontMap = pango_cairo_font_map_get_default(),
      g_type_check_instance_is_a(
        UnsafeMutableRawPointer(fontMap).assumingMemoryBound(to: GTypeInstance.self), pango_fc_font_map_get_type()) != 0
    else { throw VellumError(.font, "Pango's font map is not fontconfig-based; cannot pin fonts") }
    let fcFontMap = OpaquePointer(fontMap)
    if pango_fc_font_map_get_config(fcFontMap) != config {
      pango_fc_font_map_set_config(fcFontMap, config)
    }
  }

  /// Encodes pixels (e.g. a diff image) as PNG with a pHYs chunk for `dpi`, with the same writer as figures.
  public static func png(_ image: RasterImage, dpi: Double) throws -> [UInt8] {
    try RasterPNG.encode(image, dpi: dpi)
  }

  /// SOURCE_DATE_EPOCH when set (reproducible-builds convention), else the Unix epoch, as ISO 8601 UTC.
  /// Formatted by hand: a date formatter would load ICU's data for one string.
  static func creationDate() -> String {
    var seconds = time_t(ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) } ?? 0)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }
}
