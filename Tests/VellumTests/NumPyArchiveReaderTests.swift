import Foundation
import Vellum
import VellumTestSupport
import XCTest
import ZIPFoundation

@testable import VellumData
@testable import VellumDiagnostics
@testable import VellumSpec

/// `.npz` archives written here byte by byte (the .npy layout NumPy documents), so every element type, byte order
/// and damaged form is covered without NumPy; the Python package's tests check the same reader against NumPy's
/// own `np.savez` and `np.savez_compressed`.
final class NumPyArchiveReaderTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("npz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  private func read(_ url: URL) throws -> Table {
    try NumPyArchiveReader.read(
      url: url, displayPath: url.lastPathComponent, declaredAt: SourceLocation(file: "f.yaml", line: 1, column: 1))
  }

  private func error(_ url: URL) -> String { errorText { _ = try read(url) } }

  private func column(_ name: String) -> Located<String> { Located(name, at: nil) }

  func testEveryElementTypeAndByteOrder() throws {
    let floats: [Double] = [1.5, -2.25, .nan]
    let url = try NumPyFixture.archive(
      in: folder,
      entries: [
        ("f8.npy", NumPyFixture.npy("<f8", shape: "(3,)", NumPyFixture.little(floats.map(\.bitPattern)))),
        (
          "big.npy",
          NumPyFixture.npy(
            ">f8", shape: "(3,)", floats.flatMap { withUnsafeBytes(of: $0.bitPattern.bigEndian) { Array($0) } })
        ),
        ("f4.npy", NumPyFixture.npy("<f4", shape: "(3,)", NumPyFixture.little([Float(0.1), 3, -1].map(\.bitPattern)))),
        // float16 (np.float16 as NumPy writes it: 0.1 rounds to 0.0999755859375, 65504 is the largest).
        ("f2.npy", NumPyFixture.npy("<f2", shape: "(3,)", NumPyFixture.little([UInt16(0x2E66), 0xC100, 0x7BFF]))),
        ("i2.npy", NumPyFixture.npy("<i2", shape: "(3,)", NumPyFixture.little([Int16(-7), 0, 32767]))),
        ("u1.npy", NumPyFixture.npy("|u1", shape: "(3,)", [0, 200, 255])),
        ("i8.npy", NumPyFixture.npy("<i8", shape: "(3,)", NumPyFixture.little([Int64(1) << 40, -1, 0]))),
        ("b1.npy", NumPyFixture.npy("|b1", shape: "(3,)", [1, 0, 1])),
        // Three characters per cell, zero-padded: "ab", "é", "日本語".
        (
          "text.npy",
          NumPyFixture.npy(
            "<U3", shape: "(3,)", NumPyFixture.little([UInt32(97), 98, 0, 0xE9, 0, 0, 0x65E5, 0x672C, 0x8A9E]))
        ),
        ("bytes.npy", NumPyFixture.npy("|S2", shape: "(3,)", Array("x\0yzq\0".utf8))),
      ])
    let table = try read(url)
    XCTAssertEqual(table.columnNames, ["f8", "big", "f4", "f2", "i2", "u1", "i8", "b1", "text", "bytes"])
    for name in ["f8", "big"] {
      let values = try table.numbers(column(name))
      XCTAssertEqual(Array(values.prefix(2)), [1.5, -2.25])
      XCTAssertTrue(values[2].isNaN, "NaN is a gap, as an empty CSV cell")
    }
    XCTAssertEqual(try table.numbers(column("f4")), [Double(Float(0.1)), 3, -1])
    XCTAssertEqual(try table.numbers(column("f2")), [0.0999755859375, -2.5, 65504])
    XCTAssertEqual(try table.numbers(column("i2")), [-7, 0, 32767])
    XCTAssertEqual(try table.numbers(column("u1")), [0, 200, 255])
    XCTAssertEqual(try table.numbers(column("i8")), [1_099_511_627_776, -1, 0])
    XCTAssertEqual(try table.numbers(column("b1")), [1, 0, 1])
    XCTAssertEqual(try table.strings(column("text")), ["ab", "é", "日本語"])
    XCTAssertEqual(try table.strings(column("bytes")), ["x", "yz", "q"])
    XCTAssertEqual(table.rowCount, 3)
  }

  /// Python's zipfile sets the UTF-8 flag only for non-ASCII names: an ASCII name with a tab or newline must not be
  /// read as code page 437 (where they are symbols).
  func testUnflaggedNamesWithControlCharactersKeepThem() throws {
    let url = try NumPyFixture.archive(
      in: folder,
      entries: [("a\tb\nc.npy", NumPyFixture.npy("<f8", shape: "(1,)", NumPyFixture.little([(1.5).bitPattern])))])
    // Clear the UTF-8 flag (bit 11) in the local and central headers, as zipfile writes ASCII names.
    var bytes = [UInt8](try Data(contentsOf: url))
    for index in 0..<(bytes.count - 12) {
      let signature = bytes[index..<index + 4]
      if signature.elementsEqual([0x50, 0x4b, 0x03, 0x04]) { bytes[index + 7] &= ~0x08 }
      if signature.elementsEqual([0x50, 0x4b, 0x01, 0x02]) { bytes[index + 9] &= ~0x08 }
    }
    try Data(bytes).write(to: url)
    let table = try NumPyArchiveReader.read(
      url: url, displayPath: "t.npz", declaredAt: SourceLocation(file: "f.yaml", line: 1, column: 1))
    XCTAssertEqual(table.columnNames, ["a\tb\nc"])
  }

  func testCompressedArchivesAndVersionTwoHeaders() throws {
    let values = (0..<1000).map { Double($0) / 8 }
    let url = try NumPyFixture.archive(
      in: folder,
      entries: [
        ("x.npy", NumPyFixture.npy("<f8", shape: "(1000,)", NumPyFixture.little(values.map(\.bitPattern)), version: 2))
      ], compression: .deflate)
    XCTAssertEqual(try read(url).numbers(column("x")), values)
  }

  func testBadCellsAreLocatedAtRowAndColumn() throws {
    let url = try NumPyFixture.archive(
      in: folder,
      entries: [
        ("x.npy", NumPyFixture.npy("<f8", shape: "(3,)", NumPyFixture.little([1.0, 2, 3].map(\.bitPattern)))),
        ("y.npy", NumPyFixture.npy("<f8", shape: "(3,)", NumPyFixture.little([1.0, .infinity, 3].map(\.bitPattern)))),
        ("name.npy", NumPyFixture.npy("<U1", shape: "(3,)", NumPyFixture.little([UInt32(97), 98, 99]))),
      ])
    let table = try read(url)
    // An infinity is refused where the column is used as numbers, as a CSV cell 'inf' is; reading is fine.
    XCTAssertThrowsError(try table.numbers(column("y"))) {
      XCTAssertEqual("\($0)", "t.npz:2:2: error: expected a number in column 'y', found 'inf'")
    }
    XCTAssertThrowsError(try table.numbers(column("name"))) {
      XCTAssertEqual("\($0)", "t.npz:1:3: error: expected a number in column 'name', found 'a'")
    }
  }

  func testDamagedAndUnsupportedArchivesAreLocatedErrors() throws {
    let three = NumPyFixture.little([1.0, 2, 3].map(\.bitPattern))
    let cases: [(String, [(String, Data)], String)] = [
      (
        "shape", [("m.npy", NumPyFixture.npy("<f8", shape: "(3, 1, 1)", three))],
        "t.npz:1:1: error: array 'm' has shape (3, 1, 1); a column must be one-dimensional, as (n,), or a matrix "
          + "(n, m), which becomes long rows"
      ),
      (
        "scalar", [("s.npy", NumPyFixture.npy("<f8", shape: "()", Array(three.prefix(8))))],
        "t.npz:1:1: error: array 's' has shape (); a column must be one-dimensional, as (n,), or a matrix (n, m), "
          + "which becomes long rows"
      ),
      (
        "matrices",
        [
          ("a.npy", NumPyFixture.npy("<f8", shape: "(3, 1)", three)),
          ("b.npy", NumPyFixture.npy("<f8", shape: "(1, 3)", three)),
        ],
        "t.npz:1:2: error: matrix 'b' has shape (1, 3), but 'a' has (3, 1); matrices read together must match"
      ),
      (
        "companion",
        [
          ("a.npy", NumPyFixture.npy("<f8", shape: "(3, 1)", three)),
          ("x.npy", NumPyFixture.npy("<f8", shape: "(2,)", Array(three.prefix(16)))),
        ],
        "t.npz:1:2: error: array 'x' has 2 rows, matching neither the 3 rows nor the 1 columns of matrix 'a'"
      ),
      (
        "object", [("o.npy", NumPyFixture.npy("|O", shape: "(3,)", three))],
        "t.npz:1:1: error: array 'o' has element type '|O', which Vellum does not read; object arrays are pickled Python objects; save strings with .astype(str)"
      ),
      (
        "date", [("d.npy", NumPyFixture.npy("<M8[ns]", shape: "(3,)", three))],
        "t.npz:1:1: error: array 'd' has element type '<M8[ns]', which Vellum does not read; convert dates to numbers or strings first"
      ),
      (
        "short", [("x.npy", NumPyFixture.npy("<f8", shape: "(4,)", three))],
        "t.npz:1:1: error: array 'x' holds fewer bytes than its 4 elements of <f8 need"
      ),
      (
        "lengths",
        [
          ("a.npy", NumPyFixture.npy("<f8", shape: "(3,)", three)),
          ("b.npy", NumPyFixture.npy("<f8", shape: "(2,)", Array(three.prefix(16)))),
        ], "t.npz:1:2: error: array 'b' has 2 rows, but 'a' has 3; columns must be equally long"
      ),
      (
        "other", [("a.npy", NumPyFixture.npy("<f8", shape: "(3,)", three)), ("notes.txt", Data("hi".utf8))],
        "t.npz:1:2: error: the archive holds 'notes.txt', which is not a .npy array"
      ),
      (
        "magic", [("a.npy", Data("not numpy at all".utf8))],
        "t.npz:1:1: error: array 'a' is not a NumPy array (.npy magic string missing)"
      ),
      (
        "huge", [("a.npy", NumPyFixture.npy("<f8", shape: "(9223372036854775807,)", three))],
        "t.npz:1:1: error: array 'a' holds fewer bytes than its 9223372036854775807 elements of <f8 need"
      ),
      (
        "overflow", [("u.npy", NumPyFixture.npy("<U4611686018427387904", shape: "(1,)", []))],
        "t.npz:1:1: error: array 'u' has element type '<U4611686018427387904', which Vellum does not read; use bool, integer, float16/32/64 or str arrays"
      ),
      (
        "edge", [("x.npy", NumPyFixture.npy("<f8", shape: "(1152921504606846975,)", []))],
        "t.npz:1:1: error: array 'x' holds fewer bytes than its 1152921504606846975 elements of <f8 need"
      ),
      ("empty", [], "t.npz:1:1: error: the archive holds no arrays"),
      (
        "codepoint", [("u.npy", NumPyFixture.npy("<U1", shape: "(1,)", NumPyFixture.little([UInt32(0xD800)])))],
        "t.npz:1:1: error: array 'u' holds an invalid code point 55296 in row 1"
      ),
    ]
    for (label, entries, expected) in cases {
      let url = try NumPyFixture.archive(
        in: folder, entries: entries, name: "\(label)/t.npz".replacingOccurrences(of: "/", with: "-"))
      let message = error(url).replacingOccurrences(of: url.lastPathComponent, with: "t.npz")
      XCTAssertEqual(message, expected, label)
    }
    let text = folder.appendingPathComponent("text.npz")
    try Data("x,y\n1,2\n".utf8).write(to: text)
    XCTAssertEqual(error(text), "f.yaml:1:1: error: data file 'text.npz' is not a NumPy .npz archive (not a ZIP file)")
  }

  func testAnEntryThatUnpacksPastItsDeclaredSizeStops() throws {
    // A deflated entry whose headers claim 16 bytes: the bytes beyond are never kept (a ZIP bomb stops there).
    let payload = NumPyFixture.npy("<f8", shape: "(1000,)", NumPyFixture.little([UInt64](repeating: 0, count: 1000)))
    let url = try NumPyFixture.archive(in: folder, entries: [("x.npy", payload)], compression: .deflate)
    var bytes = [UInt8](try Data(contentsOf: url))
    func patch(signature: [UInt8], sizeOffset: Int) {
      var index = 0
      while index + 4 <= bytes.count {
        if Array(bytes[index..<index + 4]) == signature {
          for k in 0..<4 { bytes[index + sizeOffset + k] = k == 0 ? 16 : 0 }
        }
        index += 1
      }
    }
    patch(signature: [0x50, 0x4B, 0x03, 0x04], sizeOffset: 22)
    patch(signature: [0x50, 0x4B, 0x01, 0x02], sizeOffset: 24)
    try Data(bytes).write(to: url)
    XCTAssertEqual(
      error(url),
      "t.npz:1:1: error: array 'x' cannot be unpacked: the archive is damaged or unpacks to more than it says")
  }

  func testSpecsReadArchivesByExtensionOrKey() throws {
    let url = try NumPyFixture.archive(
      in: folder,
      entries: [
        ("step.npy", NumPyFixture.npy("<i8", shape: "(3,)", NumPyFixture.little([Int64(0), 1, 2]))),
        ("loss.npy", NumPyFixture.npy("<f8", shape: "(3,)", NumPyFixture.little([1.0, 0.5, 0.25].map(\.bitPattern)))),
      ])
    for source in ["t.npz", "{npz: t.npz}", "[t.npz, t.npz]"] {
      let spec = folder.appendingPathComponent("f.yaml")
      try "data: {d: \(source)}\naxes: {layers: [{line: {data: d, x: step, y: loss}}]}\n".write(
        to: spec, atomically: true, encoding: .utf8)
      let table = try XCTUnwrap(try DataLoader.finalTables(try Figure(contentsOf: spec.path).spec)[0][0])
      XCTAssertEqual(try table.numbers(column("loss")).prefix(3), [1.0, 0.5, 0.25], source)
    }
    XCTAssertEqual(try read(url).rowCount, 3)
  }

  /// Matrices read long, one row per cell, as a confusion matrix or Stable-Baselines3's `evaluations.npz` needs:
  /// `row`, `col`, each matrix's value, and the 1-D arrays repeated along the rows (or columns) they match.
  func testMatricesReadAsLongRows() throws {
    // SB3: timesteps (3,), results (3, 2), ep_lengths (3, 2) as int64.
    let sb3 = try NumPyFixture.archive(
      in: folder,
      entries: [
        ("timesteps.npy", NumPyFixture.npy("<i8", shape: "(3,)", NumPyFixture.little([Int64(1000), 2000, 3000]))),
        (
          "results.npy",
          NumPyFixture.npy("<f8", shape: "(3, 2)", NumPyFixture.little([1.0, 2, 3, 4, 5, 6].map(\.bitPattern)))
        ),
        (
          "ep_lengths.npy",
          NumPyFixture.npy("<i8", shape: "(3, 2)", NumPyFixture.little([Int64(10), 11, 12, 13, 14, 15]))
        ),
      ], name: "evaluations.npz")
    let table = try read(sb3)
    XCTAssertEqual(table.columnNames, ["row", "col", "timesteps", "results", "ep_lengths"])
    XCTAssertEqual(try table.numbers(column("row")), [0, 0, 1, 1, 2, 2])
    XCTAssertEqual(try table.numbers(column("col")), [0, 1, 0, 1, 0, 1])
    XCTAssertEqual(try table.numbers(column("timesteps")), [1000, 1000, 2000, 2000, 3000, 3000])
    XCTAssertEqual(try table.numbers(column("results")), [1, 2, 3, 4, 5, 6])
    XCTAssertEqual(try table.numbers(column("ep_lengths")), [10, 11, 12, 13, 14, 15])

    // A 2 × 2 confusion matrix stored column by column (Fortran order), with its labels.
    var bytes = [UInt8](
      NumPyFixture.npy("<f8", shape: "(2, 2)", NumPyFixture.little([5.0, 1, 2, 7].map(\.bitPattern))))
    let (from, to) = (Array("'fortran_order': False, ".utf8), Array("'fortran_order': True,  ".utf8))
    let start = try XCTUnwrap((0...(bytes.count - from.count)).first { Array(bytes[$0..<$0 + from.count]) == from })
    bytes.replaceSubrange(start..<start + from.count, with: to)
    let fortran = Data(bytes)
    let labels = NumPyFixture.npy(
      "<U3", shape: "(2,)", NumPyFixture.little([UInt32](arrayLiteral: 99, 97, 116, 100, 111, 103)))
    let confusion = try NumPyFixture.archive(
      in: folder, entries: [("cm.npy", fortran), ("labels.npy", labels)], name: "cm.npz")
    let matrix = try read(confusion)
    XCTAssertEqual(matrix.columnNames, ["row", "col", "cm", "labels", "labels_col"])
    // Stored column by column, [[5, 2], [1, 7]] reads back row by row.
    XCTAssertEqual(try matrix.numbers(column("cm")), [5, 2, 1, 7])
    XCTAssertEqual(try matrix.strings(column("labels")), ["cat", "cat", "dog", "dog"])
    XCTAssertEqual(try matrix.strings(column("labels_col")), ["cat", "dog", "cat", "dog"])
  }
}
