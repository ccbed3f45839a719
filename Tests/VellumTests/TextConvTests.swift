import Foundation
import VellumTestSupport
import XCTest

/// `vellum textconv` as git's textconv driver: a one-point data edit shows as that point, a rerun as nothing.
final class TextConvTests: XCTestCase {
  private let spec = """
    title: Loss
    data: {runs: runs.csv}
    axes:
      layers:
        - line: {data: runs, x: step, y: loss, label: train}
    """

  private func git(_ arguments: [String], in folder: URL) throws -> String {
    let result = try runProgram(URL(fileURLWithPath: "/usr/bin/git"), arguments, in: folder)
    XCTAssertEqual(result.status, 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
    return String(decoding: result.stdout, as: UTF8.self)
  }

  func testGitDiffSpeaksInChartTerms() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else { throw XCTSkip("git is not installed") }
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let folder = fixture.directory
    let specPath = try fixture.write("loss.yaml", spec)
    try fixture.write("runs.csv", "step,loss\n0,1.0\n1,0.5\n2,0.25\n3,0.2\n")
    try fixture.write(".gitattributes", "*.svg diff=vellum\n")
    _ = try git(["init", "-q"], in: folder)
    _ = try git(["config", "user.email", "test@example.org"], in: folder)
    _ = try git(["config", "user.name", "Test"], in: folder)
    _ = try git(["config", "diff.vellum.textconv", "\(PackagePaths.binary.path) textconv"], in: folder)
    XCTAssertEqual(try runVellum(["render", specPath, "--format", "svg"]).status, 0)
    _ = try git(["add", "-A"], in: folder)
    _ = try git(["commit", "-q", "-m", "figure"], in: folder)

    // A rerun writes the same figure: git sees nothing.
    XCTAssertEqual(try runVellum(["render", specPath, "--format", "svg"]).status, 0)
    XCTAssertEqual(try git(["diff", "--", "loss.svg"], in: folder), "")

    // One point moves: the diff names it in data units, and no path data.
    try fixture.write("runs.csv", "step,loss\n0,1.0\n1,0.45\n2,0.25\n3,0.2\n")
    XCTAssertEqual(try runVellum(["render", specPath, "--format", "svg"]).status, 0)
    let diff = try git(["diff", "--", "loss.svg"], in: folder)
    let changed = diff.split(separator: "\n").filter {
      ($0.hasPrefix("-") || $0.hasPrefix("+")) && !$0.hasPrefix("---") && !$0.hasPrefix("+++")
    }
    XCTAssertTrue(changed.contains { $0.hasPrefix("-") && $0.hasSuffix("(1, 0.5)") }, diff)
    XCTAssertTrue(changed.contains { $0.hasPrefix("+") && $0.hasSuffix("(1, 0.45)") }, diff)
    XCTAssertFalse(diff.contains(" d=\""), diff)
    // The y limits follow the data: every other changed line is an axis fact, not a point that did not move.
    for line in changed where !line.hasSuffix("(1, 0.5)") && !line.hasSuffix("(1, 0.45)") {
      XCTAssertFalse(line.contains("(0, 1)") || line.contains("(2, 0.25)") || line.contains("(3, 0.2)"), diff)
    }
  }

  func testItDescribesAxesTextsAndPointsStably() throws {
    let svg = PackagePaths.golden.appendingPathComponent("bubble.svg").path
    let first = try runProgram(PackagePaths.binary, ["textconv", svg])
    let second = try runProgram(PackagePaths.binary, ["textconv", svg])
    XCTAssertEqual(first.status, 0)
    XCTAssertEqual(first.stdout, second.stdout)
    let lines = String(decoding: first.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.first, "figure 374.4pt × 273.6pt")
    XCTAssertTrue(lines.contains("axes-0: y linear 22.59 … 60.21"), lines.joined(separator: "\n"))
    XCTAssertTrue(lines.contains("title: text \"Score by model size and training tokens\""))
    XCTAssertTrue(lines.contains { $0.hasPrefix("scatter-score-pythia: marker at (125000000, 24.3) size ") })
    XCTAssertTrue(lines.contains("legend-scatter-score-opt: text \"OPT\""))
    // Raised runs read as powers, as a reader says them.
    XCTAssertTrue(lines.contains("axis-x: text \"10^8\""), lines.joined(separator: "\n"))
    XCTAssertTrue(lines.contains("legend-entry-5-1011: text \"5×10^{11}\""))
  }

  /// Bytes that are not UTF-8 in a name trap Foundation's XML parser: textconv passes the file through and diff
  /// refuses it, neither crashes (found by mutating the goldens).
  func testAFileThatIsNotUTF8NeitherCrashesTextconvNorDiff() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    var bytes = Array(try Data(contentsOf: PackagePaths.golden.appendingPathComponent("bubble.svg")))
    let role = Array(" role=".utf8)
    let at = try XCTUnwrap((0..<(bytes.count - role.count)).first { Array(bytes[$0..<($0 + role.count)]) == role })
    bytes[at + 1] = 0xE7  // `role` becomes `\u{E7}ole`: a lone lead byte in an attribute name
    let path = fixture.directory.appendingPathComponent("broken.svg")
    try Data(bytes).write(to: path)
    let textconv = try runProgram(PackagePaths.binary, ["textconv", path.path])
    XCTAssertEqual(textconv.status, 0, textconv.stderr)
    XCTAssertEqual(Array(textconv.stdout), bytes)
    let diff = try runProgram(PackagePaths.binary, ["diff", path.path, path.path])
    XCTAssertEqual(diff.status, 1, diff.stderr)
    XCTAssertTrue(diff.stderr.contains("is not UTF-8"), diff.stderr)
  }

  func testAnSVGVellumDidNotWritePassesThrough() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let other = #"<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0L1 1"/></svg>"#
    let path = try fixture.write("logo.svg", other)
    let result = try runProgram(PackagePaths.binary, ["textconv", path])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(String(decoding: result.stdout, as: UTF8.self), other)
  }
}
