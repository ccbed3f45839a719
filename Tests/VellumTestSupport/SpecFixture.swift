import Foundation
import Vellum

/// A throwaway folder holding a spec and its data, for error and CLI tests.
public struct SpecFixture {
  public let directory: URL

  public init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  @discardableResult
  public func write(_ name: String, _ text: String) throws -> String {
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// `data.csv`, the spec `name` reading it, and a second spec of the same name in folder `b` reading the same
  /// data: two specs whose outputs would collide.
  public func writeSpecsNamedAlike(_ name: String) throws -> (first: String, second: String) {
    try write("data.csv", Self.csv)
    let first = try write(name, Self.spec)
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("b"), withIntermediateDirectories: true)
    let second = try write("b/" + name, Self.spec.replacingOccurrences(of: "data.csv", with: "../data.csv"))
    return (first, second)
  }

  public func files() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
  }

  public func remove() {
    try? FileManager.default.removeItem(at: directory)
  }

  /// A small valid spec over `data.csv`; tests break one thing in it.
  public static let spec = """
    size: [4in, 3in]
    data:
      runs: data.csv
    axes:
      x: {label: Step}
      y: {label: Loss}
      layers:
        - line: {x: step, y: loss, label: run}

    """

  public static let csv = "step,loss\n0,1.0\n1,0.5\n2,0.25\n"
}
