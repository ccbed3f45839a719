import Foundation
import Vellum
import VellumTestSupport
import XCTest

/// The malformed-input corpus (Tests/Corpus, made by scripts/make_corpus.py): every case fails with its
/// expected error class, a located one-line message, a non-zero exit, and no files left behind.
final class CorpusTests: XCTestCase {
  private let corpus = PackagePaths.root.appendingPathComponent("Tests/Corpus")

  private var cases: [(file: String, expected: String)] {
    get throws {
      try String(contentsOf: corpus.appendingPathComponent("expected.tsv"), encoding: .utf8)
        .split(separator: "\n").map { line in
          let parts = line.split(separator: "\t")
          return (String(parts[0]), String(parts[1]))
        }
    }
  }

  func testEveryCaseFailsWithItsErrorClass() throws {
    let all = try cases
    XCTAssertGreaterThanOrEqual(all.count, 150)
    var counts: [String: Int] = [:]
    for (file, expected) in all {
      let path = corpus.appendingPathComponent(file).path
      do {
        _ = try FigureRenderer().render(specPath: path, formats: [.svg])
        XCTFail("\(file): rendered, expected a \(expected) error")
      } catch let error as VellumError {
        XCTAssertEqual(error.code.rawValue, expected, "\(file): \(error)")
        XCTAssertFalse(error.message.isEmpty)
        counts[expected, default: 0] += 1
      }
    }
    print(
      "corpus: \(all.count) cases, \(counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))"
    )
  }

  func testCLIExitsNonZeroWithOneLocatedLineAndWritesNothing() throws {
    let binary = PackagePaths.binary
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary.path), "vellum binary not built")
    let before = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
    for (file, expected) in try cases {
      // A fresh folder per case, so one case that writes cannot mask the next.
      let out = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-corpus-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: out) }
      let process = Process()
      process.executableURL = binary
      process.arguments = ["render", corpus.appendingPathComponent(file).path, "--out", out.path]
      let pipe = Pipe()
      process.standardError = pipe
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      let stderr = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      let code = process.terminationStatus
      XCTAssertEqual(code, ["font", "render", "io"].contains(expected) ? 3 : 1, "\(file): \(stderr)")
      XCTAssertEqual(stderr.split(separator: "\n").count, 1, "\(file): \(stderr)")
      XCTAssertTrue(stderr.contains("error: "), "\(file): \(stderr)")
      XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(file) left output behind")
    }
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted(), before)
  }

  func testTenMegabyteSingleLineIsRefusedQuickly() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let path = try fixture.write(
      "huge.yaml", "axes: {title: '" + String(repeating: "x", count: 10 << 20) + "', layers: []}\n")
    let start = Date()
    XCTAssertThrowsError(try FigureRenderer().render(specPath: path, formats: [.svg])) { error in
      XCTAssertTrue("\(error)".contains("limited to 1 MiB"), "\(error)")
    }
    XCTAssertLessThan(Date().timeIntervalSince(start), 2)
  }
}
