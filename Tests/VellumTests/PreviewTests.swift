import Foundation
import Hummingbird
import Vellum
import VellumTestSupport
import XCTest

@testable import VellumServe

/// What `vellum serve` builds on: ids that are never paths, the inputs it watches, the data preview, the error's line.
final class PreviewTests: XCTestCase {
  func testIdsAreFileNamesMadeSafeAndUnique() {
    let sources = PreviewSource.naming([
      "a/loss.yaml", "b/loss.yaml", "c/loss.json", "../x/../etc.passwd.yaml", "fig v2.yml", "/tmp/模型.yaml",
    ])
    XCTAssertEqual(sources.map(\.id), ["loss", "loss-2", "loss-3", "etc-passwd", "fig-v2", "--"])
    for source in sources {
      XCTAssertTrue(source.id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }
    XCTAssertEqual(PreviewServer.split("loss-2.svg").id, "loss-2")
    XCTAssertEqual(PreviewServer.split("loss-2.svg").kind, "svg")
    XCTAssertEqual(PreviewServer.split("loss").kind, "")
  }

  func testOnlyThisMachinesNamesReachALoopbackPreview() {
    typealias Check = LoopbackHostMiddleware<BasicRequestContext>
    for host in ["localhost", "localhost:8000", "LOCALHOST", "127.0.0.1", "127.1.2.3:80", "[::1]", "[::1]:8000"] {
      XCTAssertTrue(Check.namesThisMachine(host), host)
    }
    for host in [
      "", "evil.example", "127.0.0.1.evil.example", "localhost.evil.example:8000", "[::2]", "0.0.0.0", "::1",
    ] {
      XCTAssertFalse(Check.namesThisMachine(host), host)
    }
    XCTAssertTrue(Check.isLoopback("127.0.0.1"))
    XCTAssertTrue(Check.isLoopback("::1"))
    XCTAssertFalse(Check.isLoopback("0.0.0.0"))
  }

  /// Shared with `--host`, the preview still answers only names of this machine: the address it listens on, the
  /// machine's name and its interfaces' addresses; another site's name (DNS rebinding) is refused.
  func testASharedPreviewAnswersOnlyThisMachinesNames() {
    let shared = LoopbackHostMiddleware<BasicRequestContext>(boundHost: "0.0.0.0")
    XCTAssertFalse(shared.names.contains("evil.example"))
    XCTAssertTrue(shared.names.contains(ProcessInfo.processInfo.hostName.lowercased()))
    XCTAssertFalse(shared.names.isEmpty)
    XCTAssertTrue(LoopbackHostMiddleware<BasicRequestContext>(boundHost: "192.0.2.7").names.contains("192.0.2.7"))
    XCTAssertTrue(LoopbackHostMiddleware<BasicRequestContext>(boundHost: "127.0.0.1").names.isEmpty)
  }

  /// A figure's page and card are titled by its title (as the gallery captions it), not by its `alt` text.
  func testThePageShowsTheFiguresTitle() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let spec = try fixture.write("fig.yaml", "title: Training loss\nalt: Loss falls\n" + SpecFixture.spec)
    let render = PreviewRender(source: PreviewSource(id: "fig", path: spec), renderer: FigureRenderer())
    XCTAssertEqual(render.title, "Training loss")
  }

  func testTheDataPreviewReadsBackWhatDataWrites() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    var csv = "step,name\n"
    for row in 0..<50 { csv += "\(row),\"a, \"\"quoted\"\" \(row)\"\n" }
    try fixture.write("runs.csv", csv)
    let spec = try fixture.write(
      "loss.yaml", "data: {runs: runs.csv}\naxes: {layers: [{line: {data: runs, x: step, y: step, label: name}}]}\n")
    let render = PreviewRender(source: PreviewSource(id: "loss", path: spec), renderer: FigureRenderer())
    XCTAssertNil(render.error)
    XCTAssertEqual(render.tables.count, 1)
    let table = render.tables[0]
    XCTAssertEqual(table.columns, ["step", "name"])
    XCTAssertEqual(table.rowCount, 50)
    XCTAssertEqual(table.rows.count, PreviewRender.previewRows)
    XCTAssertEqual(table.rows[3], ["3", "a, \"quoted\" 3"])
    XCTAssertEqual(Set(render.inputs), [spec, fixture.directory.appendingPathComponent("runs.csv").path])
  }

  func testAnErrorIsPlacedInTheSpecOnlyWhenItIsThere() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("runs.csv", "step,loss\n0,1\n1,x\n")
    let broken = try fixture.write("broken.yaml", "axes:\n  layers:\n    - lines: {x: 1}\n")
    let spec = PreviewRender(source: PreviewSource(id: "broken", path: broken), renderer: FigureRenderer())
    XCTAssertEqual(spec.error?.line, 3)
    XCTAssertEqual(spec.error?.column, 7)
    XCTAssertEqual(spec.inputs, [broken])
    XCTAssertNil(spec.svg)

    let badData = try fixture.write(
      "data.yaml", "data: {runs: runs.csv}\naxes: {layers: [{line: {data: runs, x: step, y: loss}}]}\n")
    let data = PreviewRender(source: PreviewSource(id: "data", path: badData), renderer: FigureRenderer())
    XCTAssertNotNil(data.error)
    XCTAssertTrue(data.error!.message.contains("runs.csv:3:"), data.error!.message)
    XCTAssertNil(data.error?.line)
  }

  func testInputsListTheSpecItsDataAndItsStyleFiles() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("base.yaml", "description: base\nfont: {size: 8}\n")
    try fixture.write("house.yaml", "description: house\nextend: base.yaml\n")
    try fixture.write("runs.csv", "step,loss\n0,1\n1,0.5\n")
    let spec = try fixture.write(
      "loss.yaml",
      "style: house.yaml\ndata: {runs: runs.csv}\naxes: {layers: [{line: {data: runs, x: step, y: loss}}]}\n")
    let folder = fixture.directory.standardizedFileURL.path
    let result = try runProgram(PackagePaths.binary, ["inputs", spec])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(
      String(decoding: result.stdout, as: UTF8.self),
      ["loss.yaml", "runs.csv", "base.yaml", "house.yaml"].map { "\(folder)/\($0)\n" }.joined())
    // From standard input: only what it reads (relative paths against the current folder).
    let piped = try runProgram(
      PackagePaths.binary, ["inputs", "-"], in: fixture.directory,
      input: try String(contentsOfFile: spec, encoding: .utf8))
    XCTAssertEqual(piped.status, 0, piped.stderr)
    XCTAssertEqual(String(decoding: piped.stdout, as: UTF8.self).split(separator: "\n").count, 3)
    // A file set: the files its pattern matches now, in reading order; its folder is watched for new ones.
    try FileManager.default.createDirectory(
      at: fixture.directory.appendingPathComponent("logs"), withIntermediateDirectories: true)
    try fixture.write("logs/b.csv", "step,loss\n0,1\n")
    try fixture.write("logs/a.csv", "step,loss\n0,2\n")
    let set = try fixture.write(
      "set.yaml", "data: {runs: {csv: 'logs/*.csv'}}\naxes: {layers: [{line: {data: runs, x: step, y: loss}}]}\n")
    let matched = try runProgram(PackagePaths.binary, ["inputs", set])
    XCTAssertEqual(matched.status, 0, matched.stderr)
    XCTAssertEqual(
      String(decoding: matched.stdout, as: UTF8.self),
      ["set.yaml", "logs/a.csv", "logs/b.csv"].map { "\(folder)/\($0)\n" }.joined())
    XCTAssertEqual(try Figure(contentsOf: set).searchedFolders.map(\.path), ["\(folder)/logs"])

    let broken = try fixture.write("broken.yaml", "axes: {layers: [{lines: {}}]}\n")
    let failed = try runProgram(PackagePaths.binary, ["inputs", broken])
    XCTAssertEqual(failed.status, 1)
    XCTAssertTrue(failed.stderr.hasPrefix("\(broken):1:"), failed.stderr)
  }
}
