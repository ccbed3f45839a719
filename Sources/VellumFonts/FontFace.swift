import CVellumText
import VellumDiagnostics

/// One font file opened with FreeType and shaped with HarfBuzz; sizes are applied by scaling font units.
public final class FontFace: @unchecked Sendable {
  public let key: FontKey
  /// The file fontconfig resolved; the same file is pinned for rendering.
  public let path: String
  private let face: FT_Face
  private let font: OpaquePointer
  private let unitsPerEm: Double
  /// Ascender of "l" and descender of "p" in font units.
  private(set) var lineAscentUnits: Double = 0
  private(set) var lineDescentUnits: Double = 0

  init(key: FontKey, path: String, index: Int, library: FT_Library) throws {
    self.key = key
    self.path = path
    var face: FT_Face?
    guard FT_New_Face(library, path, FT_Long(index), &face) == 0, let face else {
      throw VellumError(.font, "FreeType cannot open font file '\(path)'")
    }
    guard cvellum_ft_is_scalable(face) == 1 else {
      FT_Done_Face(face)
      throw VellumError(.font, "font file '\(path)' is not a scalable outline font")
    }
    let units = face.pointee.units_per_EM
    // One pixel per font unit, unhinted: HarfBuzz positions then come back in font units (×64).
    FT_Set_Char_Size(face, 0, FT_F26Dot6(units) * 64, 72, 72)
    self.face = face
    unitsPerEm = Double(units)
    font = hb_ft_font_create_referenced(face)
    hb_ft_font_set_load_flags(font, Int32(FT_LOAD_NO_HINTING))
    let l = try shapeUnits("l")
    let p = try shapeUnits("p")
    lineAscentUnits = l.top
    lineDescentUnits = -p.bottom
  }

  deinit {
    hb_font_destroy(font)
    FT_Done_Face(face)
  }

  /// Shapes `text` and returns its extents at `size` points.
  public func measure(_ text: String, size: Double) throws -> TextMetrics {
    let units = try shapeUnits(text)
    let scale = size / unitsPerEm
    return TextMetrics(
      advance: units.advance * scale,
      inkAscent: max(0, units.top) * scale,
      inkDescent: max(0, -units.bottom) * scale,
      lineAscent: lineAscentUnits * scale,
      lineDescent: lineDescentUnits * scale)
  }

  private func shapeUnits(_ text: String) throws -> (advance: Double, top: Double, bottom: Double) {
    guard let buffer = hb_buffer_create() else { throw VellumError(.font, "HarfBuzz is out of memory") }
    defer { hb_buffer_destroy(buffer) }
    hb_buffer_add_utf8(buffer, text, -1, 0, -1)
    hb_buffer_guess_segment_properties(buffer)
    hb_shape(font, buffer, nil, 0)
    var count: UInt32 = 0
    guard let infos = hb_buffer_get_glyph_infos(buffer, &count),
      let positions = hb_buffer_get_glyph_positions(buffer, &count)
    else { return (0, 0, 0) }
    var pen = 0.0
    var top = -Double.infinity
    var bottom = Double.infinity
    for i in 0..<Int(count) {
      if infos[i].codepoint == 0 {
        let character = Self.character(in: text, atUTF8Offset: Int(infos[i].cluster))
        throw VellumError(.font, "font '\(key)' (\(path)) has no glyph for '\(character)'")
      }
      var extents = hb_glyph_extents_t()
      if hb_font_get_glyph_extents(font, infos[i].codepoint, &extents) != 0, extents.height != 0 {
        let glyphTop = Double(positions[i].y_offset + extents.y_bearing) / 64
        top = max(top, glyphTop)
        bottom = min(bottom, glyphTop + Double(extents.height) / 64)
      }
      pen += Double(positions[i].x_advance) / 64
    }
    if top == -.infinity { (top, bottom) = (0, 0) }
    return (pen, top, bottom)
  }

  private static func character(in text: String, atUTF8Offset offset: Int) -> String {
    let utf8 = text.utf8
    guard let index = utf8.index(utf8.startIndex, offsetBy: offset, limitedBy: utf8.endIndex),
      let scalarIndex = index.samePosition(in: text.unicodeScalars), scalarIndex < text.unicodeScalars.endIndex
    else { return "?" }
    let scalar = text.unicodeScalars[scalarIndex]
    return "\(scalar) (U+\(String(scalar.value, radix: 16, uppercase: true)))"
  }
}
