import Foundation
import Vellum
import VellumScene

extension SpecFixture {
  /// Lays out `spec` with `csv` as its `data.csv` in a throwaway folder: the scene and the warnings layout found.
  public static func scene(_ spec: String, csv: String = SpecFixture.csv) throws -> (
    scene: Scene, warnings: [VellumWarning]
  ) {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", csv)
    return try Figure(contentsOf: try fixture.write("figure.yaml", spec)).sceneReporting()
  }

  /// The error laying out `spec` throws, or nil when it lays out.
  public static func error(_ spec: String, csv: String = SpecFixture.csv) -> VellumError? {
    do {
      _ = try scene(spec, csv: csv)
      return nil
    } catch {
      return error as? VellumError ?? VellumError(.io, "\(error)")
    }
  }
}

/// Runs the built `vellum` executable: its exit status and what it wrote to stderr.
public func runVellum(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
  let result = try runProgram(PackagePaths.binary, arguments)
  return (result.status, result.stderr)
}

/// Runs `executable` (in `directory`, with `input` on stdin, if given): its exit status, stdout and stderr.
public func runProgram(_ executable: URL, _ arguments: [String], in directory: URL? = nil, input: String? = nil)
  throws -> (status: Int32, stdout: Data, stderr: String)
{
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  // stderr goes to a file, so only stdout is read from a pipe and neither can fill up and block the child.
  let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-stderr-\(UUID().uuidString)")
  _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
  defer { try? FileManager.default.removeItem(at: errorFile) }
  let (stdin, stdout) = (Pipe(), Pipe())
  process.standardInput = input == nil ? FileHandle.nullDevice : stdin
  process.standardOutput = stdout
  process.standardError = try FileHandle(forWritingTo: errorFile)
  try process.run()
  if let input {
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
  }
  let output = stdout.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, output, try String(contentsOf: errorFile, encoding: .utf8))
}

extension Scene {
  /// Every group with `role`, depth first (inside clips too).
  public func groups(role: String) -> [Group] { nodes.groups { $0.role == role } }

  /// Every group whose role starts with `prefix`, depth first.
  public func groups(prefix: String) -> [Group] { nodes.groups { $0.role.hasPrefix(prefix) } }
}

extension Group {
  /// Groups below this one with `role`, depth first.
  public func groups(role: String) -> [Group] { children.groups { $0.role == role } }

  /// Groups below this one whose role starts with `prefix`, depth first.
  public func groups(prefix: String) -> [Group] { children.groups { $0.role.hasPrefix(prefix) } }

  /// The text nodes directly in this group.
  public var texts: [TextNode] { children.compactMap { if case .text(let text) = $0 { text } else { nil } } }

  /// The paths directly in this group.
  public var paths: [PathNode] { children.compactMap { if case .path(let path) = $0 { path } else { nil } } }

  /// The rectangle of the first clip in this group: an axes group's plot area.
  public var clipRect: Rect? {
    children.lazy.compactMap { if case .clip(let clip) = $0 { clip.rect } else { nil } }.first
  }
}

extension PathNode {
  /// The points the path moves and draws lines to, in order.
  public var points: [Point] {
    segments.compactMap {
      switch $0 {
      case .move(let point), .line(let point): return point
      default: return nil
      }
    }
  }
}

extension [SceneNode] {
  fileprivate func groups(where matches: (Group) -> Bool) -> [Group] {
    flatMap { node -> [Group] in
      switch node {
      case .group(let group): return (matches(group) ? [group] : []) + group.children.groups(where: matches)
      case .clip(let clip): return clip.children.groups(where: matches)
      default: return []
      }
    }
  }
}
