import Foundation

/// A column of cells as read: Swift strings, byte ranges into the file's bytes, or one field of a quote-free CSV
/// file's rows found on demand (``CSVFields``), so a ten-million-row file costs no string, and no range, per cell
/// until a cell is wanted. Numbers parse straight from the bytes, on every core for a large column.
struct TextColumn {
  /// The file's bytes, shared by every column read from it.
  final class Buffer: Sendable {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
  }

  private enum Storage {
    case strings([String])
    case bytes(Buffer, starts: [Int32], ends: [Int32])
    case field(CSVFields, index: Int)
  }

  private var storage: Storage

  init(_ cells: [String]) { storage = .strings(cells) }

  init(buffer: Buffer, starts: [Int32], ends: [Int32]) { storage = .bytes(buffer, starts: starts, ends: ends) }

  /// Field `index` of each row of `rows`.
  init(_ rows: CSVFields, field index: Int) { storage = .field(rows, index: index) }

  var count: Int {
    switch storage {
    case .strings(let cells): return cells.count
    case .bytes(_, let starts, _): return starts.count
    case .field(let rows, _): return rows.rowCount
    }
  }

  /// Every cell as a string.
  var strings: [String] {
    switch storage {
    case .strings(let cells): return cells
    case .bytes(let buffer, let starts, let ends):
      return Self.strings(buffer, ExplicitRanges(starts: starts, ends: ends))
    case .field(let rows, let index): return Self.strings(rows.buffer, FieldRanges(rows: rows, field: index))
    }
  }

  private static func strings(_ buffer: Buffer, _ ranges: some CellRanges) -> [String] {
    buffer.bytes.withUnsafeBufferPointer { bytes in
      (0..<ranges.count).map { row in
        let (start, end) = ranges.range(row, in: bytes)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      }
    }
  }

  /// One cell as a string.
  subscript(row: Int) -> String {
    switch storage {
    case .strings(let cells): return cells[row]
    case .bytes(let buffer, let starts, let ends):
      return String(decoding: buffer.bytes[Int(starts[row])..<Int(ends[row])], as: UTF8.self)
    case .field(let rows, let index):
      return rows.buffer.bytes.withUnsafeBufferPointer { bytes in
        let (start, end) = FieldRanges(rows: rows, field: index).range(row, in: bytes)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      }
    }
  }

  /// Each cell parsed by `parse` (which sees the cell's UTF-8 bytes), NaN where it returns nil, and the rows
  /// where it did, for the slower path to look at. A large column parses on every core.
  func parsed(_ parse: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Double?) -> (
    values: [Double], failed: [Int]
  ) {
    switch storage {
    case .strings(let cells):
      var values = [Double](repeating: .nan, count: cells.count)
      var failed: [Int] = []
      for (row, cell) in cells.enumerated() {
        var cell = cell
        if let value = cell.withUTF8(parse) { values[row] = value } else { failed.append(row) }
      }
      return (values, failed)
    case .bytes(let buffer, let starts, let ends):
      return Self.parsed(
        buffer, count: starts.count, RangeParser(ranges: ExplicitRanges(starts: starts, ends: ends), parse: parse))
    case .field(let rows, let index):
      return Self.parsed(
        rows.buffer, count: rows.rowCount, RangeParser(ranges: FieldRanges(rows: rows, field: index), parse: parse))
    }
  }

  /// ``parsed(_:)`` with ``DecimalParser``: over a CSV file's fields each number is read in place, where it
  /// starts, with no scan for the cell's end first.
  func decimals() -> (values: [Double], failed: [Int]) {
    guard case .field(let rows, let index) = storage else { return parsed(DecimalParser.parse) }
    return Self.parsed(rows.buffer, count: rows.rowCount, FieldDecimalParser(rows: rows, field: index))
  }

  /// ``decimals()`` of several columns read from one CSV file's rows, in one pass: a field right after another is
  /// found from where that one's number ended, and each row's bytes are read once. nil unless every column is a
  /// field of the same file, each once.
  static func decimals(_ columns: [TextColumn]) -> [(values: [Double], failed: [Int])]? {
    var fields: [Int] = []
    var source: CSVFields?
    for column in columns {
      guard case .field(let rows, let index) = column.storage, source == nil || source === rows else { return nil }
      source = rows
      fields.append(index)
    }
    guard let rows = source, fields.count > 1, Set(fields).count == fields.count else { return nil }
    // Read in the row's order, handed back in the columns' order.
    let order = fields.indices.sorted { fields[$0] < fields[$1] }
    guard order == Array(fields.indices) else {
      guard let sorted = decimals(order.map { columns[$0] }) else { return nil }
      var result = sorted
      for (position, column) in order.enumerated() { result[column] = sorted[position] }
      return result
    }
    let count = rows.rowCount
    let wanted = fields
    var failed: [[Int]] = []
    // Every element is written below, by exactly one chunk: no pass filling the arrays first.
    let values = uninitializedColumns(fields.count, count: count) { outputs in
      nonisolated(unsafe) let outputs = outputs
      let failures = ParallelChunks.map(ParallelChunks.ranges(count: count)) { _, range in
        rows.buffer.bytes.withUnsafeBufferPointer { bytes in
          var failed = [[Int]](repeating: [], count: wanted.count)
          for row in range {
            rows.decimals(row, fields: wanted, in: bytes) { column, value in
              if let value {
                outputs[column][row] = value
              } else {
                outputs[column][row] = .nan
                failed[column].append(row)
              }
            }
          }
          return failed
        }
      }
      failed = fields.indices.map { column in failures.flatMap { $0[column] } }
    }
    return Array(zip(values, failed))
  }

  /// `columns` arrays of `count` Doubles, each element written by `fill`, which sees them as buffers.
  private static func uninitializedColumns(
    _ columns: Int, count: Int, _ fill: ([UnsafeMutableBufferPointer<Double>]) -> Void,
    _ outer: [UnsafeMutableBufferPointer<Double>] = []
  ) -> [[Double]] {
    guard outer.count < columns else {
      fill(outer)
      return []
    }
    var rest: [[Double]] = []
    let first = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
      rest = uninitializedColumns(columns, count: count, fill, outer + [buffer])
      initialized = count
    }
    return [first] + rest
  }

  private static func parsed(_ buffer: Buffer, count: Int, _ parser: some RowParser) -> (
    values: [Double], failed: [Int]
  ) {
    var failed: [Int] = []
    // Every element is written below, by exactly one chunk: no pass filling the array first.
    let values = [Double](unsafeUninitializedCapacity: count) { output, initialized in
      nonisolated(unsafe) let output = output
      let failures = ParallelChunks.map(ParallelChunks.ranges(count: count)) { _, rows in
        buffer.bytes.withUnsafeBufferPointer { bytes in
          var failed: [Int] = []
          for row in rows {
            if let value = parser.value(row, in: bytes) {
              output[row] = value
            } else {
              output[row] = .nan
              failed.append(row)
            }
          }
          return failed
        }
      }
      failed = failures.flatMap { $0 }
      initialized = count
    }
    return (values, failed)
  }

  /// The cells at `rows`, in that order.
  func selecting(_ rows: [Int]) -> TextColumn {
    switch storage {
    case .strings(let cells): return TextColumn(rows.map { cells[$0] })
    case .bytes(let buffer, let starts, let ends):
      return TextColumn(buffer: buffer, starts: rows.map { starts[$0] }, ends: rows.map { ends[$0] })
    case .field(let fields, let index):
      // The kept cells' ranges, found once: eight bytes a kept cell.
      let ranges = FieldRanges(rows: fields, field: index)
      var starts: [Int32] = []
      var ends: [Int32] = []
      starts.reserveCapacity(rows.count)
      ends.reserveCapacity(rows.count)
      fields.buffer.bytes.withUnsafeBufferPointer { bytes in
        for row in rows {
          let (start, end) = ranges.range(row, in: bytes)
          starts.append(Int32(truncatingIfNeeded: start))
          ends.append(Int32(truncatingIfNeeded: end))
        }
      }
      return TextColumn(buffer: fields.buffer, starts: starts, ends: ends)
    }
  }

  /// Rows whose cell is (or, `negated`, is not) one of `values`; over file bytes, by comparing bytes.
  func rows(in values: Set<String>, negated: Bool) -> [Int] {
    switch storage {
    case .strings(let cells):
      return cells.indices.filter { values.contains(cells[$0]) != negated }
    case .bytes(let buffer, let starts, let ends):
      return Self.rows(buffer, ExplicitRanges(starts: starts, ends: ends), in: values, negated: negated)
    case .field(let fields, let index):
      return Self.rows(fields.buffer, FieldRanges(rows: fields, field: index), in: values, negated: negated)
    }
  }

  private static func rows(_ buffer: Buffer, _ ranges: some CellRanges, in values: Set<String>, negated: Bool)
    -> [Int]
  {
    let wanted = values.map { Array($0.utf8) }
    return buffer.bytes.withUnsafeBufferPointer { bytes in
      var result: [Int] = []
      for row in 0..<ranges.count {
        let (start, end) = ranges.range(row, in: bytes)
        let cell = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let found = wanted.contains { $0.count == cell.count && $0.elementsEqual(cell) }
        if found != negated { result.append(row) }
      }
      return result
    }
  }

  /// Rows grouped by equal cells, groups in order of first appearance. A row continuing the run of the one
  /// before joins its group without a lookup (logs keep a run's rows together).
  func groups() -> [[Int]] {
    var index: [String: Int] = [:]
    var groups: [[Int]] = []
    forEachRun { rows, cell in
      if let group = index[cell] {
        groups[group] += rows
      } else {
        index[cell] = groups.count
        groups.append(Array(rows))
      }
      return true
    }
    return groups
  }

  /// The ranges of rows with equal cells, in order, when equal cells always lie together; nil when a value comes
  /// back after another.
  func contiguousRuns() -> [Range<Int>]? {
    var seen: Set<String> = []
    var runs: [Range<Int>] = []
    let complete = forEachRun { rows, cell in
      runs.append(rows)
      return seen.insert(cell).inserted
    }
    return complete ? runs : nil
  }

  /// Calls `body` with each run of consecutive rows holding equal cells and that cell, in order, until it returns
  /// false; returns whether every run was seen. Over file bytes each row is compared with the one before, so a
  /// string is made per run, not per row.
  private func forEachRun(_ body: (Range<Int>, String) -> Bool) -> Bool {
    switch storage {
    case .strings(let cells):
      var start = 0
      for row in cells.indices where row == cells.count - 1 || cells[row] != cells[row + 1] {
        guard body(start..<(row + 1), cells[row]) else { return false }
        start = row + 1
      }
      return true
    case .bytes(let buffer, let starts, let ends):
      return Self.forEachRun(buffer, ExplicitRanges(starts: starts, ends: ends), body)
    case .field(let fields, let index):
      return Self.forEachRun(fields.buffer, FieldRanges(rows: fields, field: index), body)
    }
  }

  private static func forEachRun(
    _ buffer: Buffer, _ ranges: some CellRanges & Sendable, _ body: (Range<Int>, String) -> Bool
  ) -> Bool {
    buffer.bytes.withUnsafeBufferPointer { bytes in
      nonisolated(unsafe) let bytes = bytes
      // The rows that start a run (a cell unlike the row before's), found on every core; each chunk compares its
      // first row with the row before it, so the runs are the same however the rows are split. Four bytes a run
      // (rows are fewer than 2³¹: Limits.rows).
      let starts = ParallelChunks.map(ParallelChunks.ranges(count: ranges.count)) { _, rows in
        var starts: [Int32] = []
        guard let first = rows.first else { return starts }
        var last = first == 0 ? (0, 0) : ranges.range(first - 1, in: bytes)
        for row in rows {
          let cell = ranges.range(row, in: bytes)
          if row == 0 || !sameBytes(bytes, cell, last) { starts.append(Int32(truncatingIfNeeded: row)) }
          last = cell
        }
        return starts
      }.flatMap { $0 }
      for (index, start) in starts.lazy.map(Int.init).enumerated() {
        let end = index + 1 < starts.count ? Int(starts[index + 1]) : ranges.count
        let (low, high) = ranges.range(start, in: bytes)
        let cell = String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self)
        guard body(start..<end, cell) else { return false }
      }
      return true
    }
  }

  /// Whether two byte ranges of `bytes` hold the same bytes; short cells (a run's name) compared in one 64-bit
  /// load each, not through a call.
  @inline(__always)
  private static func sameBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ a: (Int, Int), _ b: (Int, Int)) -> Bool {
    let count = a.1 - a.0
    guard count == b.1 - b.0 else { return false }
    guard count > 0 else { return true }
    if count <= 8, a.0 + 8 <= bytes.count, b.0 + 8 <= bytes.count {
      let raw = UnsafeRawPointer(bytes.baseAddress!)
      let mask: UInt64 = count == 8 ? ~0 : (1 << UInt64(count * 8)) &- 1
      let left = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: a.0, as: UInt64.self))
      let right = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: b.0, as: UInt64.self))
      return (left ^ right) & mask == 0
    }
    return memcmp(bytes.baseAddress! + a.0, bytes.baseAddress! + b.0, count) == 0
  }
}

/// Reads one row's cell of a byte-backed column as a number, or nil for the slower path.
private protocol RowParser: Sendable {
  func value(_ row: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Double?
}

/// A parser of a cell's bytes, applied to each row's range.
private struct RangeParser<Ranges: CellRanges & Sendable>: RowParser {
  let ranges: Ranges
  let parse: @Sendable (UnsafeBufferPointer<UInt8>) -> Double?
  @inline(__always)
  func value(_ row: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let (start, end) = ranges.range(row, in: bytes)
    return parse(UnsafeBufferPointer(rebasing: bytes[start..<end]))
  }
}

/// Plain decimals read in place from a CSV file's field.
private struct FieldDecimalParser: RowParser {
  let rows: CSVFields
  let field: Int
  @inline(__always)
  func value(_ row: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Double? { rows.decimal(row, field: field, in: bytes) }
}

/// Where each cell of a byte-backed column lies in its buffer.
private protocol CellRanges {
  var count: Int { get }
  /// The byte range `start..<end` of the cell in `row`.
  func range(_ row: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)
}

/// Ranges kept per cell (the general reader's, a selection's).
private struct ExplicitRanges: CellRanges, Sendable {
  let starts: [Int32]
  let ends: [Int32]
  var count: Int { starts.count }
  @inline(__always)
  func range(_ row: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) { (Int(starts[row]), Int(ends[row])) }
}

/// One field of each row of a quote-free CSV file, found from the row's nearest checkpoint.
private struct FieldRanges: CellRanges, Sendable {
  let rows: CSVFields
  let field: Int
  var count: Int { rows.rowCount }
  @inline(__always)
  func range(_ row: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
    rows.range(row, field: field, in: bytes)
  }
}

/// Builds text columns of few distinct values (a log's run and tag names) as byte ranges into one small buffer:
/// eight bytes a row instead of a string a row.
struct DistinctTextColumns {
  private var bytes: [UInt8] = []
  private var ranges: [String: (Int32, Int32)] = [:]
  private var starts: [[Int32]]
  private var ends: [[Int32]]

  init(columns: Int, reserve: Int = 0) {
    // One reserve per column: copies of a reserved empty array share it, and the first append drops the reserve.
    func reserved() -> [Int32] {
      var column: [Int32] = []
      column.reserveCapacity(reserve)
      return column
    }
    starts = (0..<columns).map { _ in reserved() }
    ends = (0..<columns).map { _ in reserved() }
  }

  /// The byte range of `text`, stored once.
  mutating func range(of text: String) -> (Int32, Int32) {
    if let range = ranges[text] { return range }
    let start = Int32(bytes.count)
    bytes += Array(text.utf8)
    let range = (start, Int32(bytes.count))
    ranges[text] = range
    return range
  }

  mutating func append(_ range: (Int32, Int32), to column: Int) {
    starts[column].append(range.0)
    ends[column].append(range.1)
  }

  mutating func reserve(_ count: Int) {
    for column in starts.indices {
      starts[column].reserveCapacity(count)
      ends[column].reserveCapacity(count)
    }
  }

  func columns() -> [TextColumn] {
    let buffer = TextColumn.Buffer(bytes)
    return zip(starts, ends).map { TextColumn(buffer: buffer, starts: $0, ends: $1) }
  }
}
