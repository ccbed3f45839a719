import Foundation

/// Paths of the package, found from this file's location.
public enum PackagePaths {
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  public static let examples = root.appendingPathComponent("Templates/examples")
  public static let golden = root.appendingPathComponent("Golden")
  /// The `vellum` executable SwiftPM built next to the test bundle.
  public static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("vellum")

  /// Every example spec, sorted.
  public static func exampleSpecs() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: examples, includingPropertiesForKeys: nil)
      .filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }
}
