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
