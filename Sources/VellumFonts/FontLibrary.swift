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
    if library == nil {
      var library: FT_Library?
      guard FT_Init_FreeType(&library) == 0 else { throw VellumError(.font, "FreeType failed to initialize") }
      self.library = library
      resolver = try FontResolver()
    }
    let (path, index) = try resolver!.resolve(key)
    let face = try FontFace(key: key, path: path, index: index, library: library!)
    faces[key] = face
    return face
  }

  /// Measures `text` set in `key` at `size` points.
  public func measure(_ text: String, font key: FontKey, size: Double) throws -> TextMetrics {
    try face(key).measure(text, size: size)
  }
}
