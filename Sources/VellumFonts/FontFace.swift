import CVellumText
import Foundation
import VellumDiagnostics

/// One font file opened with FreeType and shaped with HarfBuzz. Everything it reports is in font units
/// (y up, as fonts define it) unless a size is given; callers scale by size / `unitsPerEm`.
public final class FontFace: @unchecked Sendable {
  public let key: FontKey
  /// The file fontconfig resolved; the same file is pinned for rendering.
  public let path: String
  /// The face's index within its file (collections hold several).
  public let index: Int
  /// A stable short name for the face, from its file name (e.g. `cmunrm`), used in glyph ids.
  public let id: String
  public let unitsPerEm: Double
  /// The line's ascender and descender in font units (positive down for the descender): the OS/2 typographic
  /// ones, else hhea's, as matplotlib 3.11 sizes every line of text; else the ink of "l" and "p".
  public private(set) var lineAscent: Double = 0
  public private(set) var lineDescent: Double = 0
  /// True when the face carries an OpenType MATH table.
  public let hasMath: Bool

  private let face: FT_Face
  private let font: OpaquePointer
  /// FreeType faces and HarfBuzz fonts are not thread-safe; one lock per face.
  private let lock = NSLock()

  init(key: FontKey, path: String, index: Int, library: FT_Library) throws {
    self.key = key
    self.path = path
    self.index = index
    id = FontFace.faceID(path: path, index: index)
    var opened: FT_Face?
    try FontBoundary.freetype(FT_New_Face(library, path, FT_Long(index), &opened), "cannot open font file '\(path)'")
    let face = try FontBoundary.freetype(opened, "cannot open font file '\(path)'")
    guard cvellum_ft_is_scalable(face) == 1 else {
      FT_Done_Face(face)
      throw VellumError(.font, "font file '\(path)' is not a scalable outline font")
    }
    let units = face.pointee.units_per_EM
    // One pixel per font unit, unhinted: HarfBuzz positions then come back in font units (×64).
    try FontBoundary.freetype(FT_Set_Char_Size(face, 0, FT_F26Dot6(units) * 64, 72, 72), "cannot size '\(path)'")
    self.face = face
    unitsPerEm = Double(units)
    font = hb_ft_font_create_referenced(face)
    hb_ft_font_set_load_flags(font, Int32(FT_LOAD_NO_HINTING))
    hasMath = hb_ot_math_has_data(hb_font_get_face(font)) != 0
    var (ascender, descender) = (0, 0)
    if cvellum_ft_line_metrics(face, &ascender, &descender) == 1, ascender > 0, ascender > descender {
      lineAscent = Double(ascender)
      lineDescent = -Double(descender)
    } else {
      lineAscent = try shape("l").top
      lineDescent = -(try shape("p").bottom)
    }
  }

  deinit {
    hb_font_destroy(font)
    FT_Done_Face(face)
  }

  private static func faceID(path: String, index: Int) -> String {
    let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent.lowercased()
    let slug = String(
      base.unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "-" })
    return index == 0 ? slug : "\(slug)-\(index)"
  }

  private func locked<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  /// Shapes `text` and returns its extents at `size` points.
  public func measure(_ text: String, size: Double) throws -> TextMetrics {
    let shaped = try shape(text)
    let scale = size / unitsPerEm
    return TextMetrics(
      advance: shaped.advance * scale,
      inkAscent: max(0, shaped.top) * scale,
      inkDescent: max(0, -shaped.bottom) * scale,
      lineAscent: lineAscent * scale,
      lineDescent: lineDescent * scale)
  }

  /// Shapes `text` with HarfBuzz (OpenType `features` such as `ssty=1` added); a character the face
  /// lacks is an error, never a silent fallback.
  public func shape(_ text: String, features: [String] = []) throws -> ShapedText {
    try locked {
      let buffer = try FontBoundary.harfbuzz(hb_buffer_create(), "cannot create a shaping buffer")
      defer { hb_buffer_destroy(buffer) }
      hb_buffer_add_utf8(buffer, text, -1, 0, -1)
      hb_buffer_guess_segment_properties(buffer)
      var hbFeatures = features.map { feature -> hb_feature_t in
        var parsed = hb_feature_t()
        _ = hb_feature_from_string(feature, -1, &parsed)
        return parsed
      }
      hb_shape(font, buffer, &hbFeatures, UInt32(hbFeatures.count))
      var count: UInt32 = 0
      guard let infos = hb_buffer_get_glyph_infos(buffer, &count),
        let positions = hb_buffer_get_glyph_positions(buffer, &count)
      else { return ShapedText(glyphs: [], advance: 0, top: 0, bottom: 0) }
      var glyphs: [ShapedGlyph] = []
      var pen = 0.0
      var top = -Double.infinity
      var bottom = Double.infinity
      for i in 0..<Int(count) {
        if infos[i].codepoint == 0 {
          let character = Self.character(in: text, atUTF8Offset: Int(infos[i].cluster))
          throw VellumError(.font, "font '\(key)' (\(path)) has no glyph for '\(character)'")
        }
        let x = pen + Double(positions[i].x_offset) / 64
        let y = Double(positions[i].y_offset) / 64
        if let ink = unlockedExtents(infos[i].codepoint) {
          top = max(top, y + ink.yMax)
          bottom = min(bottom, y + ink.yMin)
        }
        glyphs.append(ShapedGlyph(id: infos[i].codepoint, x: x, y: y))
        pen += Double(positions[i].x_advance) / 64
      }
      if top == -.infinity { (top, bottom) = (0, 0) }
      return ShapedText(glyphs: glyphs, advance: pen, top: top, bottom: bottom)
    }
  }

  /// The glyph the face maps `scalar` to, if any.
  public func glyph(for scalar: Unicode.Scalar) -> UInt32? {
    locked {
      var glyph: hb_codepoint_t = 0
      return hb_font_get_nominal_glyph(font, scalar.value, &glyph) != 0 && glyph != 0 ? glyph : nil
    }
  }

  /// Ink box of a glyph in font units (y up), nil for blank glyphs.
  public func extents(_ glyph: UInt32) -> GlyphExtents? {
    locked { unlockedExtents(glyph) }
  }

  private func unlockedExtents(_ glyph: UInt32) -> GlyphExtents? {
    var extents = hb_glyph_extents_t()
    guard hb_font_get_glyph_extents(font, glyph, &extents) != 0, extents.height != 0 || extents.width != 0 else {
      return nil
    }
    let xMin = Double(extents.x_bearing) / 64
    let yMax = Double(extents.y_bearing) / 64
    return GlyphExtents(
      xMin: xMin, xMax: xMin + Double(extents.width) / 64, yMin: yMax + Double(extents.height) / 64, yMax: yMax)
  }

  /// Horizontal advance of a glyph in font units.
  public func advance(_ glyph: UInt32) -> Double {
    locked { Double(hb_font_get_glyph_h_advance(font, glyph)) / 64 }
  }

  /// An OpenType MATH constant in font units (percentages as plain numbers); 0 without a MATH table.
  public func mathConstant(_ constant: MathConstant) -> Double {
    locked {
      let raw = hb_ot_math_get_constant(font, hb_ot_math_constant_t(rawValue: constant.rawValue))
      return constant.isPercentage ? Double(raw) : Double(raw) / 64
    }
  }

  /// Italic correction of a glyph in font units.
  public func italicCorrection(_ glyph: UInt32) -> Double {
    locked { Double(hb_ot_math_get_glyph_italics_correction(font, glyph)) / 64 }
  }

  /// Where an accent above this glyph should be centred, in font units from its origin.
  public func topAccentAttachment(_ glyph: UInt32) -> Double? {
    locked {
      let value = hb_ot_math_get_glyph_top_accent_attachment(font, glyph)
      return value == 0 ? nil : Double(value) / 64
    }
  }

  /// Taller (vertical) or wider (horizontal) versions of a glyph from the MATH table, smallest first,
  /// with their advance along that direction in font units.
  public func sizeVariants(_ glyph: UInt32, vertical: Bool) -> [(glyph: UInt32, advance: Double)] {
    locked {
      let direction = vertical ? HB_DIRECTION_TTB : HB_DIRECTION_LTR
      var count: UInt32 = 32
      var variants = [hb_ot_math_glyph_variant_t](repeating: hb_ot_math_glyph_variant_t(), count: 32)
      _ = hb_ot_math_get_glyph_variants(font, glyph, direction, 0, &count, &variants)
      return variants.prefix(Int(count)).map { ($0.glyph, Double($0.advance) / 64) }
    }
  }

  /// The glyph's outline in font units (y up).
  public func outline(_ glyph: UInt32) -> [OutlineCommand] {
    locked {
      let collector = OutlineCollector()
      let funcs = OutlineCollector.funcs
      hb_font_get_glyph_shape(font, glyph, funcs, Unmanaged.passUnretained(collector).toOpaque())
      // HarfBuzz draws at the font's scale, which is 64 per font unit here (26.6 fixed point).
      return collector.commands.map { $0.scaled(by: 1.0 / 64) }
    }
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
