import CVellumText
import Foundation
import VellumDiagnostics

/// fontconfig configurations that hold exactly the font files layout measured with, so the renderer
/// cannot pick any other file for a family name.
public enum FontPinning {
  private static let lock = NSLock()
  /// Configurations by sorted file list, guarded by `lock`; kept for the life of the process (a handful per run).
  nonisolated(unsafe) private static var configurations: [[String]: OpaquePointer] = [:]

  /// An `FcConfig *` containing only `files`.
  package static func configuration(files: [String]) throws -> OpaquePointer {
    let files = Array(Set(files)).sorted()
    lock.lock()
    defer { lock.unlock() }
    if let config = configurations[files] { return config }
    let config = try FontBoundary.fontconfig(FcConfigCreate(), "cannot create a fontconfig configuration")
    for file in files {
      do {
        try FontBoundary.fontconfig(FcConfigAppFontAddFile(config, file), "fontconfig cannot load font file '\(file)'")
      } catch {
        FcConfigDestroy(config)
        throw error
      }
    }
    configurations[files] = config
    return config
  }
}
