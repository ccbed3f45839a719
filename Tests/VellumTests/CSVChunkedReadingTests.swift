import VellumDiagnostics
import VellumSpec
import XCTest

@testable import VellumData

/// Large quote-free files are read in chunks on every core (``CSVFields``); what they read must be what the
/// row-by-row RFC 4180 reader reads from the same text, and errors must name the same line.
final class CSVChunkedReadingTests: XCTestCase {
  private var cores = 0

  // Four chunks on any machine, so chunk boundaries are crossed however many cores run the tests.
  override func setUp() {
    cores = ParallelChunks.cores
    ParallelChunks.cores = 4
  }

  override func tearDown() { ParallelChunks.cores = cores }

  /// A file of several megabytes (several chunks), `columns` wide, with blank lines here and there, integers,
  /// decimals, words and empty cells; rows made from a seeded generator.
  private func file(columns: Int, rows: Int, seed: UInt64) -> String {
    var random = SplitMix64(seed: seed)
    var lines = [(0..<columns).map { "c\($0)" }.joined(separator: ",")]
    for row in 0..<rows {
      if random.next() % 97 == 0 { lines.append("") }
      lines.append(
        (0..<columns).map { column -> String in
          switch (column + row) % 5 {
          case 0: return String(row)
          case 1: return String(Double(Int64(random.next() % 2_000_000)) / 1000 - 1000)
          case 2: return random.next() % 13 == 0 ? "" : "w\(random.next() % 7)"
          case 3: return String(format: "%.6e", Double(Int64(random.next() % 100_000)) - 5e4)
          default: return random.next() % 11 == 0 ? "nan" : String(Double(row) / 7)
          }
        }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The same text through the general reader: a quoted header cell sends it there and reads as the bare name.
  private func general(_ text: String) throws -> Table {
    try CSVTableReader.read("\"c0\"" + text.dropFirst(2), displayPath: "d.csv", delimiter: ",")
  }

  func testChunkedReadingMatchesTheRowByRowReader() throws {
    for columns in [1, 3, 8, 9, 17] {
      let text = file(columns: columns, rows: 4_400_000 / (columns * 8), seed: UInt64(columns))
      XCTAssertGreaterThan(text.utf8.count, 4 << 20, "the file spans several chunks")
      let chunked = try CSVTableReader.read(text, displayPath: "d.csv", delimiter: ",")
      let reference = try general(text)
      XCTAssertEqual(chunked.rowCount, reference.rowCount)
      XCTAssertEqual(chunked.columnNames, reference.columnNames)
      XCTAssertTrue(chunked.rowLines == reference.rowLines, "\(columns) columns: every row's file line")
      for (index, name) in chunked.columnNames.enumerated() {
        let located = Located(name, at: nil)
        XCTAssertEqual(try chunked.strings(located), try reference.strings(located), "column \(name)")
        if index % 5 != 2 && (index % 5 != 0 || columns == 1) {
          // Columns whose rows alternate kinds mix words and numbers; the rest read as numbers.
          let numbers = try? chunked.numbers(located)
          let expected = try? reference.numbers(located)
          XCTAssertEqual(numbers?.map(\.bitPattern), expected?.map(\.bitPattern), "column \(name)")
        }
      }
      // Selected rows keep their cells and lines.
      let rows = Array(stride(from: chunked.rowCount - 1, to: 0, by: -977))
      XCTAssertEqual(
        try chunked.selecting(rows: rows).strings(Located("c0", at: nil)),
        try reference.selecting(rows: rows).strings(Located("c0", at: nil)))
      XCTAssertTrue(chunked.selecting(rows: rows).rowLines == reference.selecting(rows: rows).rowLines)
    }
  }

  /// Runs of equal cells (a log's run names) are found on every core: a run crossing a chunk's edge stays one run,
  /// a name coming back later makes the rows non-contiguous, and groups gather a name's rows in order.
  func testRunsAcrossChunksAreTheRowByRowRuns() throws {
    var random = SplitMix64(seed: 29)
    for shape in ["contiguous", "returning", "one run", "every row"] {
      var lines = ["run,step"]
      var run = 0
      while lines.count < 280_000 {
        let length = shape == "one run" ? 280_000 : shape == "every row" ? 1 : Int(random.next() % 60_000) + 1
        // Names of several lengths, some over eight bytes; "returning" reuses an earlier name.
        let name =
          shape == "returning" && run > 2 && random.next() % 3 == 0
          ? "seed\(run / 2)" : "seed\(run)" + String(repeating: "x", count: run % 11)
        lines += (0..<length).map { "\(name),\($0)" }
        run += 1
      }
      let text = lines.joined(separator: "\n") + "\n"
      let chunked = try CSVTableReader.read(text, displayPath: "d.csv", delimiter: ",")
      // A quoted header cell sends the same text through the row-by-row reader.
      let cells = try CSVTableReader.read("\"run\"" + text.dropFirst(3), displayPath: "d.csv", delimiter: ",")
        .strings(Located("run", at: nil))
      XCTAssertEqual(ParallelChunks.ranges(count: lines.count - 1).count, 4, "the rows split in four")
      var expectedRuns: [Range<Int>] = []
      var start = 0
      for row in cells.indices where row == cells.count - 1 || cells[row] != cells[row + 1] {
        expectedRuns.append(start..<(row + 1))
        start = row + 1
      }
      let contiguous = Set(expectedRuns.map { cells[$0.lowerBound] }).count == expectedRuns.count
      XCTAssertEqual(try chunked.contiguousGroups([Located("run", at: nil)]), contiguous ? expectedRuns : nil, shape)
      var expectedGroups: [String: [Int]] = [:]
      var order: [String] = []
      for (row, cell) in cells.enumerated() {
        if expectedGroups[cell] == nil { order.append(cell) }
        expectedGroups[cell, default: []].append(row)
      }
      XCTAssertEqual(try chunked.rowGroups([Located("run", at: nil)]), order.map { expectedGroups[$0]! }, shape)
    }
  }

  /// `interpolate` reads runs in place when each run's x is present and ascending, checked on every core: a step
  /// back or a NaN anywhere (at a chunk's edge too) is found as a row-by-row check finds it.
  func testAscendingRunsAreCheckedAcrossChunks() {
    let count = 300_000
    let ranges = [0..<1, 1..<75_000, 75_000..<75_000, 75_000..<200_001, 200_001..<count]
    let rising = (0..<count).map { Double($0 < 200_001 ? $0 : $0 - 200_001) }
    XCTAssertTrue(Table.ascending(rising, in: ranges))
    XCTAssertFalse(Table.ascending(rising, in: [0..<count]), "row 200,001 falls back to 0")
    let chunkEdges = ParallelChunks.ranges(count: count).map(\.lowerBound).dropFirst()
    XCTAssertEqual(chunkEdges.count, 3)
    for row in Array(chunkEdges) + [1, 74_999, 200_000, count - 1] {
      var stepBack = rising
      stepBack[row] = stepBack[row - 1] - 0.5
      var gap = rising
      gap[row] = .nan
      let reference = { (xs: [Double]) in
        ranges.allSatisfy { range in
          range.allSatisfy { !xs[$0].isNaN } && zip(range, range.dropFirst()).allSatisfy { xs[$0] <= xs[$1] }
        }
      }
      XCTAssertEqual(Table.ascending(stepBack, in: ranges), reference(stepBack), "a step back at row \(row)")
      XCTAssertFalse(Table.ascending(gap, in: ranges), "NaN at row \(row)")
    }
  }

  /// Several columns parsed in one pass over the rows (``TextColumn/decimals(_:)``) give what each gives alone,
  /// bit for bit and with the same cells left for strtod, whatever order the columns are asked in and however far
  /// apart they lie in the row.
  func testColumnsParsedTogetherAreTheColumnsParsedAlone() throws {
    let text = file(columns: 11, rows: 120_000, seed: 11)
    let bytes = Array(text.utf8)
    let body = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
    let (rows, _) = try CSVFields.index(
      TextColumn.Buffer(bytes), bodyStart: body, firstLine: 2, fields: 11, separator: UInt8(ascii: ","),
      displayPath: "d.csv")
    for fields in [[1, 2], [3, 4, 9], [9, 4, 3], [0, 10], [10, 8, 1, 6, 7]] {
      let columns = fields.map { TextColumn(rows, field: $0) }
      guard let together = TextColumn.decimals(columns) else { return XCTFail("\(fields) were not read together") }
      for (column, parsed) in zip(columns, together) {
        let alone = column.decimals()
        XCTAssertEqual(parsed.values.map(\.bitPattern), alone.values.map(\.bitPattern), "\(fields)")
        XCTAssertEqual(parsed.failed, alone.failed, "\(fields)")
      }
    }
    XCTAssertNil(TextColumn.decimals([TextColumn(rows, field: 2), TextColumn(rows, field: 2)]), "a column twice")
  }

  /// A file's quotes, carriage returns and non-ASCII bytes are looked for on every core: one anywhere (in any part,
  /// at a part's edge, in the bytes past the last whole word) is found.
  func testBytesAreLookedForInEveryPart() {
    let count = 4 * (1 << 20) + 13
    let clean = [UInt8](repeating: UInt8(ascii: "7"), count: count)
    XCTAssertTrue(DataFile.scan(clean).plain)
    XCTAssertTrue(DataFile.scan(clean).ascii)
    let parts = ParallelChunks.ranges(count: count, minimumPerChunk: 1 << 20)
    XCTAssertEqual(parts.count, 4)
    // Each part's own last bytes (past its last whole word) end just before the next part.
    let places =
      [0, count - 1, count - 5, count - 6] + parts.dropFirst().flatMap { [$0.lowerBound - 1, $0.lowerBound] }
    for place in places {
      for byte: UInt8 in [UInt8(ascii: "\""), UInt8(ascii: "\r"), 0xC3] {
        var bytes = clean
        bytes[place] = byte
        XCTAssertEqual(DataFile.scan(bytes).plain, byte == 0xC3, "\(byte) at \(place)")
        XCTAssertEqual(DataFile.scan(bytes).ascii, byte != 0xC3, "\(byte) at \(place)")
      }
    }
  }

  /// The same look, made as a file is read (each megabyte scanned as it arrives, on every core): a quote or
  /// carriage return anywhere makes the text not plain, and a byte that is not UTF-8 anywhere is refused — at the
  /// start, at each megabyte's and each part's edge, and in the last bytes.
  func testReadingAFileLooksAtEveryByte() throws {
    let saved = ParallelChunks.cores
    defer { ParallelChunks.cores = saved }
    ParallelChunks.cores = 2
    let size = 8 << 20 + 13
    let parts = ParallelChunks.ranges(count: size, minimumPerChunk: 4 << 20)
    XCTAssertEqual(parts.count, 2)
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-scan-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    let clean = [UInt8](repeating: UInt8(ascii: "7"), count: size)
    try Data(clean).write(to: url)
    let location = SourceLocation(file: "spec.yaml", line: 1, column: 1)
    let read = try DataFile.utf8Text(url: url, displayPath: "scan.csv", declaredAt: location)
    XCTAssertEqual(read.bytes, clean)
    XCTAssertTrue(read.plain)
    let second = parts[1].lowerBound
    let places = [0, (1 << 20) - 1, 1 << 20, second - 1, second, second + (1 << 20) - 1, size - 5, size - 1]
    for place in places {
      for byte: UInt8 in [UInt8(ascii: "\""), UInt8(ascii: "\r"), 0xC3] {
        var bytes = clean
        bytes[place] = byte
        try Data(bytes).write(to: url)
        if byte == 0xC3 {
          XCTAssertThrowsError(
            try DataFile.utf8Text(url: url, displayPath: "scan.csv", declaredAt: location), "\(place)")
        } else {
          let text = try DataFile.utf8Text(url: url, displayPath: "scan.csv", declaredAt: location)
          XCTAssertFalse(text.plain, "\(byte) at \(place)")
          XCTAssertEqual(text.bytes, bytes)
        }
      }
    }
  }

  func testAFieldCountErrorNamesTheFirstBadLineInAnyChunk() throws {
    let text = file(columns: 3, rows: 300_000, seed: 7)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // A bad row late in the file (another chunk) and one earlier: the earlier is reported.
    for bad in [lines.count - 10, lines.count / 2 + 3, 40] {
      lines[bad - 1] = "1,2"
      let broken = lines.joined(separator: "\n")
      for table in [
        { try CSVTableReader.read(broken, displayPath: "d.csv", delimiter: ",") }, { try self.general(broken) },
      ] {
        XCTAssertThrowsError(try table()) { error in
          XCTAssertEqual(
            (error as? VellumError)?.description,
            "d.csv:\(bad):1: error: expected 3 fields as in the header, found 2")
        }
      }
    }
  }

  func testNumbersAreLocatedToTheirRowAndColumnAfterBlankLines() throws {
    var text = "c0,c1\n"
    for row in 0..<400_000 { text += row % 1000 == 0 ? "\n\(row),\(row / 3)\n" : "\(row),\(Double(row) / 8)\n" }
    text += "\n\n12,oops\n"
    let table = try CSVTableReader.read(text, displayPath: "d.csv", delimiter: ",")
    let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    XCTAssertThrowsError(try table.numbers(Located("c1", at: nil))) { error in
      XCTAssertEqual(
        (error as? VellumError)?.description,
        "d.csv:\(lineCount):2: error: expected a number in column 'c1', found 'oops'")
    }
  }

  /// A big file is read in one part per core (pread at each part's offset): the parts join into the file's bytes.
  func testAFileReadInPartsIsTheFile() throws {
    let text = file(columns: 5, rows: 300_000, seed: 41)
    XCTAssertGreaterThan(text.utf8.count, 12 << 20, "more than three parts of 4 MiB")
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-parts-\(UUID().uuidString).csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let location = SourceLocation(file: "spec.yaml", line: 1, column: 1)
    let bytes = try DataFile.utf8Bytes(url: url, displayPath: "parts.csv", declaredAt: location)
    XCTAssertEqual(bytes.count, text.utf8.count)
    XCTAssertTrue(bytes.elementsEqual(text.utf8))
  }

  func testRowLinesKeepRunsAndSelections() {
    var lines = RowLines()
    for line in [2, 3, 4, 6, 7, 10] { lines.append(line) }
    XCTAssertEqual((0..<6).map { lines[$0] }, [2, 3, 4, 6, 7, 10])
    var joined = RowLines(first: 5, count: 3)
    joined.append(lines, shiftedBy: 100)
    XCTAssertEqual((0..<joined.count).map { joined[$0] }, [5, 6, 7, 102, 103, 104, 106, 107, 110])
    XCTAssertEqual(
      (0..<3).map { joined.selecting([8, 0, 4])[$0] }, [110, 5, 103])
  }
}
