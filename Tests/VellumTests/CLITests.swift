import Foundation
import VellumTestSupport
import XCTest

/// The `vellum` executable: file naming, exit codes, and no output on failure.
final class CLITests: XCTestCase {
  private var binary: URL { PackagePaths.binary }

  private func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) { try runVellum(arguments) }

  override func setUpWithError() throws {
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary.path), "vellum binary not built")
  }

  func testRenderWritesEveryFormatNamedAfterTheSpec() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let spec = try fixture.write("loss.yaml", SpecFixture.spec)
    let out = fixture.directory.appendingPathComponent("out")
    let result = try run(["render", spec, "--out", out.path])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(), ["loss.pdf", "loss.png", "loss.svg"])
  }

  func testFailedRenderLeavesNoFilesAndExitsNonZero() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let spec = try fixture.write("loss.yaml", SpecFixture.spec.replacingOccurrences(of: "y: loss", with: "y: nope"))
    let result = try run(["render", spec])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
    XCTAssertTrue(result.stderr.contains("loss.yaml:8:"), result.stderr)
    XCTAssertEqual(try fixture.files(), ["data.csv", "loss.yaml"])
  }

  func testFailedRenderKeepsEarlierOutputs() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let spec = try fixture.write("loss.yaml", SpecFixture.spec)
    XCTAssertEqual(try run(["render", spec, "--format", "svg"]).status, 0)
    let svgPath = fixture.directory.appendingPathComponent("loss.svg").path
    let before = FileManager.default.contents(atPath: svgPath)
    try fixture.write("data.csv", "step,loss\n0,x\n")
    XCTAssertEqual(try run(["render", spec, "--format", "svg"]).status, 1)
    XCTAssertEqual(FileManager.default.contents(atPath: svgPath), before)
    XCTAssertEqual(try fixture.files(), ["data.csv", "loss.svg", "loss.yaml"])
  }

  func testDataWritesEachLayerAndFailsCleanly() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let spec = try fixture.write("loss.yaml", SpecFixture.spec)
    XCTAssertEqual(try run(["data", spec]).status, 0)
    let csv = try String(contentsOf: fixture.directory.appendingPathComponent("loss.layer-1.csv"), encoding: .utf8)
    // Every column of the final table, names quoted, numbers as read.
    XCTAssertEqual(csv, "\"step\",\"loss\"\n0,1.0\n1,0.5\n2,0.25\n")
    try FileManager.default.removeItem(at: fixture.directory.appendingPathComponent("loss.layer-1.csv"))
    try fixture.write(
      "loss.yaml",
      SpecFixture.spec.replacingOccurrences(of: "y: loss,", with: "y: loss, transform: [{filter: {step: '7'}}],"))
    let failed = try run(["data", spec])
    XCTAssertEqual(failed.status, 1)
    XCTAssertTrue(failed.stderr.contains("no rows left after filter"), failed.stderr)
    XCTAssertEqual(try fixture.files(), ["data.csv", "loss.yaml"])
  }

  /// An unknown `--style` or `new` template is a wrong argument: exit 2 (usage), as the README says, not 1.
  func testUnknownStylesAndTemplatesAreUsageErrors() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let spec = try fixture.write("fig.yaml", SpecFixture.spec)
    let style = try run(["render", spec, "--style", "nuerips"])
    XCTAssertEqual(style.status, 2)
    XCTAssertTrue(style.stderr.contains("unknown style 'nuerips' (did you mean 'neurips'?)"), style.stderr)
    let template = try run(["new", "lin", "x", "--out", fixture.directory.path])
    XCTAssertEqual(template.status, 2)
    XCTAssertTrue(template.stderr.contains("unknown template 'lin'"), template.stderr)
    XCTAssertEqual(try fixture.files(), ["data.csv", "fig.yaml"])
  }

  func testOutputsNeverReplaceInputsAndTwoSpecsNeverShareOutputs() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    // A CSV named like the figure's PNG: rendering would write over the data.
    try fixture.write("fig.png", SpecFixture.csv)
    let spec = try fixture.write("fig.yaml", SpecFixture.spec.replacingOccurrences(of: "data.csv", with: "fig.png"))
    let clash = try run(["render", spec])
    XCTAssertEqual(clash.status, 2)
    XCTAssertTrue(clash.stderr.contains("would overwrite its own input"), clash.stderr)
    XCTAssertEqual(
      try String(contentsOf: fixture.directory.appendingPathComponent("fig.png"), encoding: .utf8), SpecFixture.csv)
    XCTAssertEqual(try fixture.files(), ["fig.png", "fig.yaml"])
    // Two specs of the same name in one batch, one output folder: refused before anything is written.
    let (first, second) = try fixture.writeSpecsNamedAlike("a.yaml")
    let out = fixture.directory.appendingPathComponent("out").path
    let both = try run(["render", first, second, "--out", out])
    XCTAssertEqual(both.status, 2)
    XCTAssertTrue(both.stderr.contains("would both write"), both.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    // The same spec twice (issue 28: exit 3 from two renders racing for one temporary file).
    let twice = try run(["render", first, first, "--jobs", "4", "--out", out])
    XCTAssertEqual(twice.status, 2)
    XCTAssertTrue(twice.stderr.contains("is named twice"), twice.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out))
  }

  func testDiffExitCodeSaysWhetherSomethingChanged() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let old = PackagePaths.root.appendingPathComponent("Golden/panels.svg")
    let text = try String(contentsOf: old, encoding: .utf8)
    let changed = try fixture.write("new.svg", text.replacingOccurrences(of: ">AIME<", with: ">AIME 2<"))
    XCTAssertEqual(try run(["diff", old.path, old.path, "--exit-code"]).status, 0)
    XCTAssertEqual(try run(["diff", old.path, changed, "--exit-code"]).status, 1)
    XCTAssertEqual(try run(["diff", old.path, changed]).status, 0)
  }

  func testATargetThatIsAFolderFailsWithNothingReplaced() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let spec = try fixture.write("loss.yaml", SpecFixture.spec)
    XCTAssertEqual(try run(["render", spec]).status, 0)
    let svg = fixture.directory.appendingPathComponent("loss.svg")
    let before = try Data(contentsOf: svg)
    // The PNG's name taken by a folder: the SVG (renamed first) must not change either.
    try FileManager.default.removeItem(at: fixture.directory.appendingPathComponent("loss.png"))
    try FileManager.default.createDirectory(
      at: fixture.directory.appendingPathComponent("loss.png"), withIntermediateDirectories: false)
    try fixture.write("data.csv", "step,loss\n0,9\n1,8\n")
    let failed = try run(["render", spec])
    XCTAssertEqual(failed.status, 3)
    XCTAssertTrue(failed.stderr.contains("a folder has that name"), failed.stderr)
    XCTAssertEqual(try Data(contentsOf: svg), before)
    XCTAssertEqual(
      try fixture.files().filter { $0.hasSuffix(".tmp") }, [], "no temporaries left behind")
  }
}
