import Foundation
import VellumDiagnostics
import VellumSpec

/// The rows of a quote-free CSV file, found in one pass on every core: where each row starts and, in rows wider
/// than eight fields, where every eighth field starts. A cell is found by skipping at most seven separators, so a
/// column costs nothing until it is wanted, and four bytes a row (not eight a cell) are all that is kept.
final class CSVFields: Sendable {
  let buffer: TextColumn.Buffer
  /// Per row, `stride` offsets: the start of field 0, 8, 16…; kept as the chunks found them (joining them would
  /// copy, and touch fresh memory for, four bytes a row).
  private let parts: [[Int32]]
  /// The first row of each part.
  private let firstRows: [Int]
  private let stride: Int
  private let separator: UInt8
  let rowCount: Int

  private init(buffer: TextColumn.Buffer, parts: [[Int32]], stride: Int, separator: UInt8) {
    self.buffer = buffer
    self.parts = parts
    self.stride = stride
    self.separator = separator
    var first = 0
    firstRows = parts.map { part in
      defer { first += part.count / stride }
      return first
    }
    rowCount = first
  }

  /// Checkpoint `index` of `row`: the start of field `8 × index`.
  @inline(__always)
  private func checkpoint(_ row: Int, _ index: Int) -> Int {
    var part = 0
    while part + 1 < firstRows.count && row >= firstRows[part + 1] { part += 1 }
    return Int(parts[part][(row &- firstRows[part]) &* stride &+ index])
  }

  /// The byte range `start..<end` of field `field` in `row`.
  @inline(__always)
  func range(_ row: Int, field: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
    let start = fieldStart(row, field: field, in: bytes)
    var end = start
    while end < bytes.count {
      let byte = bytes[end]
      if byte == separator || byte == UInt8(ascii: "\n") { break }
      end &+= 1
    }
    return (start, end)
  }

  /// Where field `field` of `row` starts: past `field mod 8` separators from the row's checkpoint, found eight
  /// bytes at a time (a mask of the separators in a 64-bit word, the wanted one picked by clearing lower bits).
  @inline(__always)
  private func fieldStart(_ row: Int, field: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var start = checkpoint(row, field &>> 3)
    var skip = field & 7
    guard skip > 0 else { return start }
    let raw = UnsafeRawPointer(bytes.baseAddress!)
    while start + 8 <= bytes.count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
      var found = ByteMask.equal(word, separator)
      let count = found.nonzeroBitCount
      if count >= skip {
        for _ in 1..<skip { found &= found &- 1 }
        return start + found.trailingZeroBitCount / 8 + 1
      }
      skip -= count
      start += 8
    }
    while skip > 0 {
      if bytes[start] == separator { skip &-= 1 }
      start &+= 1
    }
    return start
  }

  /// Field `field` of `row` read as a plain decimal where it starts; nil unless the number fills the cell.
  @inline(__always)
  func decimal(_ row: Int, field: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let start = fieldStart(row, field: field, in: bytes)
    guard let (value, end) = DecimalParser.prefix(bytes, from: start), fills(to: end, in: bytes) else { return nil }
    return value
  }

  /// Whether a number read to `end` fills its cell: the field, the row or the file ends there.
  @inline(__always)
  private func fills(to end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    end == bytes.count || bytes[end] == separator || bytes[end] == UInt8(ascii: "\n")
  }

  /// Fields `fields` (ascending) of `row` read as plain decimals, each passed to `store` with its place in `fields`
  /// (nil unless the number fills the cell); a field right after the one before starts past that one's separator.
  @inline(__always)
  func decimals(
    _ row: Int, fields: [Int], in bytes: UnsafeBufferPointer<UInt8>, _ store: (Int, Double?) -> Void
  ) {
    var next: (field: Int, start: Int)?
    for (column, field) in fields.enumerated() {
      let start = next?.field == field ? next!.start : fieldStart(row, field: field, in: bytes)
      next = nil
      guard let (value, end) = DecimalParser.prefix(bytes, from: start), fills(to: end, in: bytes) else {
        store(column, nil)
        continue
      }
      if end < bytes.count, bytes[end] == separator { next = (field + 1, end + 1) }
      store(column, value)
    }
  }

  /// What one chunk of the file held: its rows' checkpoints and lines (counted from the chunk's first line), how
  /// many lines it spans, and the row that stopped it, if one did.
  private struct Chunk: Sendable {
    var checkpoints: [Int32] = []
    var lines = RowLines()
    var lineCount = 0
    /// A row whose field count differs from the header's: its index in the chunk, line and count.
    var badRow: (row: Int, line: Int, found: Int)?
  }

  /// The rows of `buffer` from `bodyStart` (the line after the header, file line `firstLine`), each checked to have
  /// `fields` fields, with every row's file line; a row with another count, or one past the row or cell limit, is
  /// an error at its line, exactly as a row-by-row reader would report the first of them.
  static func index(
    _ buffer: TextColumn.Buffer, bodyStart: Int, firstLine: Int, fields: Int, separator: UInt8,
    displayPath: String
  ) throws -> (rows: CSVFields, lines: RowLines) {
    let stride = (fields + 7) / 8
    // The first row past either limit is an error; rows are counted to it, no further.
    let maximumRows = min(Limits.rows, Limits.cells / max(1, fields))
    let chunks = buffer.bytes.withUnsafeBufferPointer { bytes in
      let bounds = chunkBounds(bytes, from: bodyStart)
      nonisolated(unsafe) let bytes = bytes
      return ParallelChunks.map(bounds) { _, range in
        stride == 1
          ? scanNarrow(bytes, range, fields: fields, separator: separator, maximumRows: maximumRows)
          : scan(bytes, range, fields: fields, stride: stride, separator: separator, maximumRows: maximumRows)
      }
    }
    var lines = RowLines()
    var rowsBefore = 0
    var linesBefore = firstLine
    for chunk in chunks {
      let rows = chunk.checkpoints.count / stride
      let allowed = maximumRows - rowsBefore
      if let bad = chunk.badRow, bad.row <= allowed {
        throw VellumError(
          .invalidData, "expected \(fields) fields as in the header, found \(bad.found)",
          at: SourceLocation(file: displayPath, line: linesBefore + bad.line, column: 1))
      }
      if rows > allowed {
        try CSVTableReader.checkSize(
          rows: maximumRows + 1, columns: fields, displayPath: displayPath, line: linesBefore + chunk.lines[allowed])
      }
      lines.append(chunk.lines, shiftedBy: linesBefore)
      rowsBefore += rows
      linesBefore += chunk.lineCount
    }
    return (
      CSVFields(buffer: buffer, parts: chunks.map(\.checkpoints), stride: stride, separator: separator), lines
    )
  }

  /// The body split into one range per core, each starting at a line's start.
  private static func chunkBounds(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [Range<Int>] {
    let ranges = ParallelChunks.ranges(count: bytes.count - start, minimumPerChunk: 1 << 20)
    var bounds: [Int] = [start]
    for range in ranges.dropFirst() {
      var bound = max(start + range.lowerBound, bounds.last!)
      if bound > start, bytes[bound - 1] != UInt8(ascii: "\n") {
        let rest = bytes.count - bound
        if let found = memchr(bytes.baseAddress! + bound, Int32(UInt8(ascii: "\n")), rest) {
          bound = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        } else {
          bound = bytes.count
        }
      }
      bounds.append(bound)
    }
    bounds.append(bytes.count)
    return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
  }

  /// One chunk's rows of at most eight fields (a checkpoint per row: its start), eight bytes looked at per step:
  /// masks mark the newlines and separators in a 64-bit word, and a row's separators are counted by popcount.
  /// Stops, as ``scan(_:_:fields:stride:separator:maximumRows:)`` does, at a bad row or past `maximumRows`.
  private static func scanNarrow(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fields: Int, separator: UInt8, maximumRows: Int
  ) -> Chunk {
    var rows = NarrowRows(start: range.lowerBound, fields: fields, maximumRows: maximumRows)
    rows.chunk.checkpoints.reserveCapacity(min(range.count / (2 * fields) + 1, maximumRows + 1))
    let end = range.upperBound
    var position = range.lowerBound
    var stopped = false
    let raw = UnsafeRawPointer(bytes.baseAddress!)
    words: while position + 8 <= end {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
      var newlines = ByteMask.equal(word, UInt8(ascii: "\n"))
      var found = ByteMask.equal(word, separator)
      // Counting bits is a dozen instructions on the baseline x86-64 this is built for (no POPCNT): skipped for the
      // words without separators, which in a one-column file are all of them.
      while newlines != 0 {
        let bit = newlines.trailingZeroBitCount
        if found != 0 {
          let below = (UInt64(1) << UInt64(bit)) &- 1
          rows.separators += (found & below).nonzeroBitCount
          found &= ~below
        }
        guard rows.end(at: position + bit / 8) else {
          stopped = true
          break words
        }
        newlines &= newlines &- 1
      }
      if found != 0 { rows.separators += found.nonzeroBitCount }
      position += 8
    }
    if !stopped {
      while position < end {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\n") {
          guard rows.end(at: position) else {
            stopped = true
            break
          }
        } else if byte == separator {
          rows.separators += 1
        }
        position += 1
      }
      // The file's last line, without a newline.
      if !stopped, rows.lineStart < end { _ = rows.end(at: end) }
    }
    return rows.finished()
  }

  /// The rows ``scanNarrow(_:_:fields:separator:maximumRows:)`` has found so far: a struct, so its state stays in
  /// registers (captured variables of a local function would be checked for exclusive access at run time).
  private struct NarrowRows {
    var chunk = Chunk()
    var lineStart: Int
    var separators = 0
    var line = 0
    var rows = 0
    /// The first row and line of the current run of rows on consecutive lines.
    var run = (row: 0, line: 0)
    let fields: Int
    let maximumRows: Int

    init(start: Int, fields: Int, maximumRows: Int) {
      lineStart = start
      self.fields = fields
      self.maximumRows = maximumRows
    }

    /// A line ends at `newline`: blank, a bad row, or one more row. False once the chunk must stop.
    @inline(__always)
    mutating func end(at newline: Int) -> Bool {
      defer {
        line += 1
        lineStart = newline + 1
        separators = 0
      }
      if newline == lineStart {
        chunk.lines.append(first: run.line, count: rows - run.row)
        run = (rows, line + 1)
        return true
      }
      guard separators + 1 == fields else {
        chunk.badRow = (rows, line, separators + 1)
        return false
      }
      chunk.checkpoints.append(Int32(truncatingIfNeeded: lineStart))
      rows += 1
      return rows <= maximumRows
    }

    mutating func finished() -> Chunk {
      chunk.lines.append(first: run.line, count: rows - run.row)
      chunk.lineCount = line
      return chunk
    }
  }

  /// One chunk's rows, stopping at the first row with the wrong field count or past `maximumRows`.
  private static func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fields: Int, stride: Int, separator: UInt8,
    maximumRows: Int
  ) -> Chunk {
    var chunk = Chunk()
    // At most one row per two bytes of a row's fields: reserved address space, touched only as rows are found.
    chunk.checkpoints.reserveCapacity(min(range.count / (2 * fields) + 1, maximumRows + 1) * stride)
    let newline = UInt8(ascii: "\n")
    var position = range.lowerBound
    let end = range.upperBound
    var line = 0
    var rows = 0
    // Rows on consecutive lines are one run of `lines`, added when a blank line (or the end) breaks it.
    var run = (row: 0, line: 0)
    while position < end {
      let lineStart = position
      var separators = 0
      chunk.checkpoints.append(Int32(truncatingIfNeeded: lineStart))
      while position < end {
        let byte = bytes[position]
        if byte == newline { break }
        if byte == separator {
          separators &+= 1
          if separators & 7 == 0 { chunk.checkpoints.append(Int32(truncatingIfNeeded: position + 1)) }
        }
        position &+= 1
      }
      if position == lineStart {
        chunk.checkpoints.removeLast()  // a blank line between rows
        chunk.lines.append(first: run.line, count: rows - run.row)
        run = (rows, line + 1)
      } else {
        guard separators + 1 == fields else {
          chunk.badRow = (rows, line, separators + 1)
          chunk.checkpoints.removeSubrange((rows * stride)...)
          break
        }
        rows += 1
        if rows > maximumRows { break }
      }
      line += 1
      position += 1
    }
    chunk.lines.append(first: run.line, count: rows - run.row)
    chunk.lineCount = line
    return chunk
  }
}
