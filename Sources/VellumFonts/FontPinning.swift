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
  public static func configuration(files: [String]) throws -> OpaquePointer {
    let files = Array(Set(files)).sorted()
    lock.lock()
    defer { lock.unlock() }
    if let config = configurations[files] { return config }
    guard let config = FcConfigCreate() else { throw VellumError(.font, "fontconfig is out of memory") }
    for file in files where FcConfigAppFontAddFile(config, file) == 0 {
      FcConfigDestroy(config)
      throw VellumError(.font, "fontconfig cannot load font file '\(file)'")
    }
    configurations[files] = config
    return config
  }
}
