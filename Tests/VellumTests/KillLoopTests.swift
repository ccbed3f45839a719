import Foundation
import VellumTestSupport
import XCTest

@testable import VellumData

/// SIGKILL at random moments during `vellum render` never leaves a truncated or mixed-up output:
/// every output file present afterwards is byte-identical to a complete render.
final class KillLoopTests: XCTestCase {
  private var binary: URL { PackagePaths.binary }

  func testKilledRendersNeverLeaveTruncatedOutputs() throws {
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary.path), "vellum binary not built")
    let spec = PackagePaths.root.appendingPathComponent("Templates/examples/selfdistill-train.yaml").path
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let reference = fixture.directory.appendingPathComponent("reference")
    let out = fixture.directory.appendingPathComponent("out")

    // Timed on a second, warm run so the kill delays span a typical render, not a cold start.
    XCTAssertEqual(try render(spec, into: reference, killAfter: nil), 0)
    let start = Date()
    XCTAssertEqual(try render(spec, into: reference, killAfter: nil), 0)
    let duration = Date().timeIntervalSince(start)
    let expected = try contents(of: reference)
    XCTAssertEqual(expected.keys.sorted(), ["selfdistill-train.pdf", "selfdistill-train.png", "selfdistill-train.svg"])

    var random = SplitMix64(seed: 20_261_125)
    var killed = 0
    var finished = 0
    let iterations = 40
    for iteration in 0..<iterations {
      // Every fourth run starts from an empty folder, the rest overwrite earlier outputs.
      if iteration % 4 == 0 { try? FileManager.default.removeItem(at: out) }
      let delay = Double(random.next() % 1000) / 1000 * duration * 1.3
      let status = try render(spec, into: out, killAfter: delay)
      if status == 0 { finished += 1 } else { killed += 1 }
      for (name, bytes) in try contents(of: out) {
        if name.hasSuffix(".tmp") { continue }
        XCTAssertEqual(bytes, expected[name], "iteration \(iteration): \(name) differs from a complete render")
      }
    }
    print(
      "kill loop: \(iterations) runs, \(killed) killed, \(finished) finished (render takes \(Int(duration * 1000)) ms)")
    XCTAssertGreaterThan(killed, iterations / 4)

    // The next complete render replaces everything and clears temporaries the killed runs left.
    XCTAssertEqual(try render(spec, into: out, killAfter: nil), 0)
    XCTAssertEqual(try contents(of: out), expected)
  }

  /// Runs `vellum render`; with `killAfter`, sends SIGKILL after that many seconds. Returns the exit status.
  private func render(_ spec: String, into out: URL, killAfter delay: Double?) throws -> Int32 {
    let process = Process()
    process.executableURL = binary
    process.arguments = ["render", spec, "--out", out.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    if let delay {
      usleep(UInt32(delay * 1_000_000))
      kill(process.processIdentifier, SIGKILL)
    }
    process.waitUntilExit()
    return process.terminationReason == .uncaughtSignal ? -1 : process.terminationStatus
  }

  private func contents(of folder: URL) throws -> [String: Data] {
    guard FileManager.default.fileExists(atPath: folder.path) else { return [:] }
    var result: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      result[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
    }
    return result
  }
}
