import CVellumText
import Foundation
import VellumDiagnostics

/// Resolves faces through fontconfig once and measures text with them; safe to share across threads.
public final class FontLibrary: @unchecked Sendable {
  /// The process-wide library; faces stay open for the life of the process.
  public static let shared = FontLibrary()

  private let lock = NSLock()
  private var library: FT_Library?
  private var resolver: FontResolver?
  private var faces: [FontKey: FontFace] = [:]

  private init() {}

  /// The face fontconfig resolves for `key`, opened once.
  public func face(_ key: FontKey) throws -> FontFace {
    lock.lock()
    defer { lock.unlock() }
    if let face = faces[key] { return face }
    if resolver == nil { resolver = try FontResolver() }
    let (path, index) = try resolver!.resolve(key)
    let face = try FontFace(key: key, path: path, index: index, library: try freetype())
    faces[key] = face
    return face
  }

  /// Families tried, in order, for characters a label's face lacks, before fontconfig's own ranking: CJK
  /// (Debian's fonts-wqy-microhei, Noto CJK), then wide-coverage text and symbol faces with monochrome emoji.
  public static let defaultFallbacks = [
    "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Serif CJK SC", "DejaVu Sans", "Symbola",
  ]

  private var fallbacks: [String: FontFace?] = [:]
  /// Fallback candidates opened so far, by file and face index, whether or not they had the character asked for.
  private var candidateFaces: [String: FontFace?] = [:]

  /// The face that draws `scalar` when the label's face lacks it: the first of `preferred` (then
  /// ``defaultFallbacks``, then fontconfig's ranking) with an outline for it; nil when no installed font has one.
  /// fontconfig ranks every installed font only when none of the named families has the character.
  public func fallbackFace(for scalar: Unicode.Scalar, bold: Bool, italic: Bool, preferred: [String]) throws
    -> FontFace?
  {
    lock.lock()
    defer { lock.unlock() }
    let cacheKey = "\(scalar.value)|\(bold)|\(italic)|\(preferred.joined(separator: ","))"
    if let cached = fallbacks[cacheKey] { return cached }
    if resolver == nil { resolver = try FontResolver() }
    let resolver = resolver!
    func draws(_ candidate: (path: String, index: Int, family: String)) throws -> FontFace? {
      let fileKey = "\(candidate.index)|\(candidate.path)"
      if candidateFaces[fileKey] == nil {
        candidateFaces[fileKey] = try? FontFace(
          key: FontKey(family: candidate.family), path: candidate.path, index: candidate.index,
          library: try freetype())
      }
      // A colour-bitmap font (Noto Color Emoji) maps the character but has no outline to draw.
      guard let face = candidateFaces[fileKey] ?? nil, let glyph = face.glyph(for: scalar),
        !face.outline(glyph).isEmpty || scalar.properties.isWhitespace
      else { return nil }
      return face
    }
    var found: FontFace?
    for family in preferred + Self.defaultFallbacks {
      if let candidate = resolver.installed(family: family, bold: bold, italic: italic),
        let face = try draws(candidate)
      {
        found = face
        break
      }
    }
    if found == nil {
      for candidate in resolver.candidates(for: scalar, bold: bold, italic: italic) {
        if let face = try draws(candidate) {
          found = face
          break
        }
      }
    }
    fallbacks[cacheKey] = found
    return found
  }

  /// Opens the face at `index` of the font file at `path`, bypassing fontconfig (not cached).
  func face(file path: String, index: Int = 0) throws -> FontFace {
    lock.lock()
    defer { lock.unlock() }
    return try FontFace(key: FontKey(family: path), path: path, index: index, library: try freetype())
  }

  /// The FreeType library, initialised on first use; call with `lock` held.
  private func freetype() throws -> FT_Library {
    if let library { return library }
    var created: FT_Library?
    try FontBoundary.freetype(FT_Init_FreeType(&created), "FreeType failed to initialize")
    let library = try FontBoundary.freetype(created, "FreeType failed to initialize")
    self.library = library
    return library
  }

  /// Measures `text` set in `key` at `size` points.
  public func measure(_ text: String, font key: FontKey, size: Double) throws -> TextMetrics {
    try face(key).measure(text, size: size)
  }
}
