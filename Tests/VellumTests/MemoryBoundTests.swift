import Foundation
import VellumData
import VellumTestSupport
import XCTest

/// The README's peak-memory bound, measured with `/usr/bin/time` on the input shapes that cost the most per byte:
/// one-byte rows, empty cells, quoted CSV, JSON Lines, a compressed .npz, a 2400-dpi PNG, `diff --png`, unpivot and a
/// merged scatter; and the shapes that cost per drawn element: data labels, box categories and many series.
final class MemoryBoundTests: XCTestCase {
  /// What an input brings: data bytes, cells read or made by transforms, rows the layers draw, path segments
  /// drawn, and pixels of the largest raster.
  private struct Load {
    var dataBytes = 0
    var cells = 0
    var rows = 0
    var segments = 0
    var pixels = 0
    var diff = false
    /// SVG elements (paths and texts), and how many of PDF and PNG librsvg draws them for.
    var elements = 0
    var rasterFormats = 0

    /// The README's bound: 120 MB + 2 B per data byte + 16 B per cell + 100 B per drawn row + 200 B per path
    /// segment + 4 B per pixel (10 B for `diff --png`, which holds two images) + 3 KB per SVG element for each of
    /// PDF and PNG.
    var bound: Int {
      120_000_000 + 2 * dataBytes + 16 * cells + 100 * rows + 200 * segments + (diff ? 10 : 4) * pixels
        + 3_000 * elements * rasterFormats
    }
  }

  private func peak(_ arguments: [String], in directory: URL) throws -> Int {
    let time = URL(fileURLWithPath: "/usr/bin/time")
    guard FileManager.default.isExecutableFile(atPath: time.path) else {
      throw XCTSkip("/usr/bin/time is not installed (make demo installs it)")
    }
    let (status, _, stderr) = try runProgram(
      time, ["-f", "peak %M", PackagePaths.binary.path] + arguments, in: directory)
    XCTAssertEqual(status, 0, stderr)
    let line = try XCTUnwrap(stderr.split(separator: "\n").last { $0.hasPrefix("peak ") })
    return try XCTUnwrap(Int(line.dropFirst(5))) * 1024
  }

  private func check(_ name: String, _ arguments: [String], _ load: Load, in fixture: SpecFixture) throws {
    let measured = try peak(arguments, in: fixture.directory)
    XCTAssertLessThanOrEqual(
      measured, load.bound, "\(name): peak \(measured / 1_000_000) MB over the bound \(load.bound / 1_000_000) MB")
  }

  private func write(_ fixture: SpecFixture, _ name: String, _ text: String) throws -> Int {
    try fixture.write(name, text)
    return text.utf8.count
  }

  func testPeakMemoryStaysUnderTheDocumentedBound() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let out = ["--out", "out"]

    // One-byte rows: the per-row costs (line numbers, byte ranges, parsed values) dominate.
    let rows = 1_000_000
    var bytes = try write(fixture, "narrow.csv", "a\n" + String(repeating: "1\n", count: rows))
    try fixture.write("narrow.yaml", "data: {t: narrow.csv}\naxes:\n  layers:\n    - line: {x: a, y: a}\n")
    try check(
      "one-byte rows", ["render", "narrow.yaml", "--format", "svg"] + out,
      Load(dataBytes: bytes, cells: rows, rows: rows), in: fixture)

    // Empty cells in a quoted CSV (the general reader): one byte a cell; 100,000 opaque markers, six segments each.
    let (wideRows, columns) = (100_000, 50)
    let header = (0..<columns).map { "c\($0)" }.joined(separator: ",")
    let emptyRow = "1" + String(repeating: ",", count: columns - 1) + "\n"
    bytes = try write(
      fixture, "quoted.csv",
      header + "\n\"1\"" + String(repeating: ",", count: columns - 1) + "\n"
        + String(repeating: emptyRow, count: wideRows - 1))
    try fixture.write("quoted.yaml", "data: {t: quoted.csv}\naxes:\n  layers:\n    - scatter: {x: c0, y: c0}\n")
    try check(
      "quoted empty cells", ["render", "quoted.yaml", "--format", "svg,pdf"] + out,
      Load(dataBytes: bytes, cells: wideRows * columns, rows: wideRows, segments: 6 * wideRows), in: fixture)

    // JSON Lines: short keys, one-digit values.
    let keys = 20
    let object = "{" + (0..<keys).map { "\"k\($0)\":1" }.joined(separator: ",") + "}\n"
    bytes = try write(fixture, "log.jsonl", String(repeating: object, count: wideRows))
    try fixture.write("jsonl.yaml", "data: {t: log.jsonl}\naxes:\n  layers:\n    - line: {x: k0, y: k1}\n")
    try check(
      "JSON Lines", ["render", "jsonl.yaml", "--format", "svg"] + out,
      Load(dataBytes: bytes, cells: wideRows * keys, rows: wideRows), in: fixture)

    // A compressed .npz: a million booleans and one-character strings unpack to 5 bytes a row from almost nothing
    // on disk, so the data bytes counted are the unpacked ones.
    let flags = NumPyFixture.npy("|b1", shape: "(\(rows),)", [UInt8](repeating: 1, count: rows))
    let letters = NumPyFixture.npy(
      "<U1", shape: "(\(rows),)", NumPyFixture.little([UInt32](repeating: 97, count: rows)))
    _ = try NumPyFixture.archive(
      in: fixture.directory, entries: [("flag.npy", flags), ("letter.npy", letters)], name: "packed.npz",
      compression: .deflate)
    try fixture.write(
      "npz.yaml", "data: {t: packed.npz}\naxes:\n  layers:\n    - line: {x: flag, y: flag, group: letter}\n")
    try check(
      "compressed .npz", ["render", "npz.yaml", "--format", "svg"] + out,
      Load(dataBytes: flags.count + letters.count, cells: 2 * rows, rows: rows), in: fixture)

    // A 2400-dpi PNG of a 3 × 2 in figure: 7200 × 4800 pixels.
    try fixture.write(
      "png.yaml", "size: [3in, 2in]\ndata: {t: narrow.csv}\naxes:\n  layers:\n    - line: {x: a, y: a}\n")
    try check(
      "2400-dpi PNG", ["render", "png.yaml", "--format", "png", "--dpi", "2400"] + out,
      Load(dataBytes: 2 * rows, cells: rows, rows: rows, pixels: 7200 * 4800), in: fixture)

    // diff --png of two 25 in squares at 150 dpi: 3750 × 3750 pixels each.
    for (name, color) in [("old.svg", "#000"), ("new.svg", "#f00")] {
      try fixture.write(
        name,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1800pt\" height=\"1800pt\" viewBox=\"0 0 1800 1800\">"
          + "<rect id=\"r\" x=\"10\" y=\"10\" width=\"1000\" height=\"1000\" fill=\"\(color)\"/></svg>\n")
    }
    try check(
      "diff --png", ["diff", "old.svg", "new.svg", "--png", "out/diff.png"], Load(pixels: 3750 * 3750, diff: true),
      in: fixture)

    // unpivot: 100,000 rows × 20 series become 2,000,000 rows of three columns.
    let series = 20
    bytes = try write(
      fixture, "wide.csv",
      "step," + (0..<series).map { "s\($0)" }.joined(separator: ",") + "\n"
        + (0..<wideRows).map { "\($0)," + Array(repeating: "1.5", count: series).joined(separator: ",") + "\n" }
        .joined())
    try fixture.write(
      "unpivot.yaml",
      """
      data: {t: wide.csv}
      axes:
        layers:
          - line:
              x: step
              y: value
              color: {column: key}
              transform: [{unpivot: {pattern: 's[0-9]+', key: key, value: value}}]

      """)
    try check(
      "unpivot", ["render", "unpivot.yaml", "--format", "svg"] + out,
      Load(
        dataBytes: bytes, cells: wideRows * (series + 1) + wideRows * series * 3, rows: wideRows * series),
      in: fixture)
  }

  /// The elements and path segments of an SVG the figure wrote: what librsvg holds when it draws it.
  private func drawn(_ svg: URL) throws -> (elements: Int, segments: Int) {
    let text = try String(contentsOf: svg, encoding: .utf8)
    let elements = text.components(separatedBy: "<path").count - 1 + text.components(separatedBy: "<text").count - 1
    let segments = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "L") || $1 == UInt8(ascii: "C") ? 1 : 0) }
    return (elements, segments)
  }

  /// Text, categories and series cost per element drawn (librsvg's node and Pango's layout, for PDF and PNG each):
  /// the README's per-element term covers them.
  func testPerElementShapesStayUnderTheDocumentedBound() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let formats = ["--format", "svg,pdf,png", "--out", "out"]
    var random = SplitMix64(seed: 28)

    // 20,000 data labels beside their points.
    let labels = 20_000
    var bytes = try write(
      fixture, "labels.csv", "x,y,name\n" + (0..<labels).map { "\($0),\(($0 * 7919) % 1000),n\($0)\n" }.joined())
    try fixture.write(
      "labels.yaml",
      "data: {t: labels.csv}\naxes:\n  layers:\n    - scatter: {x: x, y: y, size: 1}\n"
        + "    - text: {x: x, y: y, text: {column: name}}\n")
    try checkDrawn("data labels", "labels", bytes: bytes, cells: 3 * labels, rows: 2 * labels, in: fixture, formats)

    // 2,000 box categories of five samples each, every one a tick label.
    let categories = 2_000
    bytes = try write(
      fixture, "boxes.csv",
      "c,v\n" + (0..<categories * 5).map { "c\($0 / 5),\(random.next() % 1000)\n" }.joined())
    try fixture.write(
      "boxes.yaml",
      "data: {t: boxes.csv}\naxes:\n  x: {scale: categorical}\n  legend: false\n  layers:\n    - box: {x: c, y: v}\n")
    try checkDrawn(
      "box categories", "boxes", bytes: bytes, cells: 10 * categories, rows: 5 * categories, in: fixture, formats)

    // 2,000 runs × 50 steps, one line each.
    let runs = 2_000
    bytes = try write(
      fixture, "runs.csv",
      "run,step,loss\n"
        + (0..<runs * 50).map { "r\($0 / 50),\($0 % 50),\(1 + Double(random.next() % 1000) / 1000)\n" }.joined())
    try fixture.write(
      "runs.yaml",
      "data: {t: runs.csv}\naxes:\n  legend: false\n  layers:\n    - line: {x: step, y: loss, group: run}\n")
    try checkDrawn("many series", "runs", bytes: bytes, cells: 150 * runs, rows: 50 * runs, in: fixture, formats)
  }

  /// Renders `name`.yaml to every format and checks its peak against the bound for what its SVG draws.
  private func checkDrawn(
    _ label: String, _ name: String, bytes: Int, cells: Int, rows: Int, in fixture: SpecFixture, _ formats: [String]
  ) throws {
    let measured = try peak(["render", "\(name).yaml"] + formats, in: fixture.directory)
    let (elements, segments) = try drawn(fixture.directory.appendingPathComponent("out/\(name).svg"))
    // A 6.4 × 4.8 in figure at 300 dpi.
    let load = Load(
      dataBytes: bytes, cells: cells, rows: rows, segments: segments, pixels: 1920 * 1440, elements: elements,
      rasterFormats: 2)
    XCTAssertLessThanOrEqual(
      measured, load.bound, "\(label): peak \(measured / 1_000_000) MB over the bound \(load.bound / 1_000_000) MB")
    print("\(label): \(elements) elements, peak \(measured / 1_000_000) MB, bound \(load.bound / 1_000_000) MB")
  }
}
