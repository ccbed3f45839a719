import Foundation
import VellumTestSupport
import XCTest

/// The README's peak-memory bound, measured with `/usr/bin/time` on the input shapes that cost the most per byte:
/// one-byte rows, empty cells, quoted CSV, JSON Lines, a compressed .npz, a 2400-dpi PNG, `diff --png`, unpivot and a merged scatter.
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

    /// The README's bound: 120 MB + 2 B per data byte + 16 B per cell + 100 B per drawn row + 200 B per path
    /// segment + 4 B per pixel (10 B for `diff --png`, which holds two images).
    var bound: Int {
      120_000_000 + 2 * dataBytes + 16 * cells + 100 * rows + 200 * segments + (diff ? 10 : 4) * pixels
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
}
