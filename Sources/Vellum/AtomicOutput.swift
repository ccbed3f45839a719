import Foundation
import VellumDiagnostics

/// Writes a set of files so that either all appear complete or none changes.
public enum AtomicOutput {
  /// Writes every file to a temporary name beside its target, then renames them into place.
  /// On any failure the temporaries are removed and existing files stay as they were.
  ///
  /// Every target is checked and every temporary written before the first rename, so a target that is a folder
  /// or a folder that cannot be written fails with nothing replaced. The one window left: another process
  /// turning a target into a folder between the checks and the renames.
  public static func write(_ files: [(url: URL, bytes: [UInt8])]) throws {
    for file in files {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: file.url.path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw VellumError(.io, "cannot write '\(file.url.path)': a folder has that name")
      }
    }
    var temporaries: [(temporary: URL, target: URL)] = []
    for file in files { removeAbandonedTemporaries(of: file.url) }
    do {
      for file in files {
        let directory = file.url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(file.url.lastPathComponent).\(getpid()).tmp")
        temporaries.append((temporary, file.url))
        try writeTemporary(file.bytes, to: temporary, target: file.url)
      }
      for (temporary, target) in temporaries where rename(temporary.path, target.path) != 0 {
        throw VellumError(
          .io, "cannot move output into place at '\(target.path)'", cause: .lastSystemError)
      }
    } catch {
      for (temporary, _) in temporaries { try? FileManager.default.removeItem(at: temporary) }
      throw error
    }
  }

  /// Writes `bytes` to a new file of our own name. FileManager.createFile would write through a temporary
  /// of its own (`.dat.nosync…`) that a killed render leaves behind and no later render recognises.
  private static func writeTemporary(_ bytes: [UInt8], to temporary: URL, target: URL) throws {
    unlink(temporary.path)  // only ever one of this process's own names
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw VellumError(.io, "cannot write '\(target.path)'", cause: .lastSystemError)
    }
    defer { close(descriptor) }
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes { buffer in
        Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
      }
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else {
        throw VellumError(.io, "cannot write '\(target.path)'", cause: .lastSystemError)
      }
      written += result
    }
    guard fsync(descriptor) == 0 else {
      throw VellumError(.io, "cannot write '\(target.path)'", cause: .lastSystemError)
    }
  }

  /// A render killed mid-write leaves `.NAME.PID.tmp` behind; the next write of NAME removes those whose
  /// process is gone (a live PID may be a concurrent render of the same figure, so it is left alone).
  static func removeAbandonedTemporaries(of target: URL) {
    let directory = target.deletingLastPathComponent()
    let prefix = ".\(target.lastPathComponent)."
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
    for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
      guard let pid = Int32(name.dropFirst(prefix.count).dropLast(4)), pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
      }
    }
  }
}
