import Foundation

/// A column of cells as read: Swift strings, or byte ranges into the file's bytes, which the fast CSV path
/// stores so a million-row file costs no string per cell until a cell is wanted as text. Numbers parse straight
/// from the bytes.
struct TextColumn {
  /// The file's bytes, shared by every column read from it.
  final class Buffer {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
  }

  private enum Storage {
    case strings([String])
    case bytes(Buffer, starts: [Int32], ends: [Int32])
  }

  private var storage: Storage

  init(_ cells: [String]) { storage = .strings(cells) }

  init(buffer: Buffer, starts: [Int32], ends: [Int32]) { storage = .bytes(buffer, starts: starts, ends: ends) }

  var count: Int {
    switch storage {
    case .strings(let cells): return cells.count
    case .bytes(_, let starts, _): return starts.count
    }
  }

  /// Every cell as a string.
  var strings: [String] {
    switch storage {
    case .strings(let cells): return cells
    case .bytes(let buffer, let starts, let ends):
      return buffer.bytes.withUnsafeBufferPointer { bytes in
        zip(starts, ends).map { start, end in
          String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)]), as: UTF8.self)
        }
      }
    }
  }

  /// One cell as a string.
  subscript(row: Int) -> String {
    switch storage {
    case .strings(let cells): return cells[row]
    case .bytes(let buffer, let starts, let ends):
      return String(decoding: buffer.bytes[Int(starts[row])..<Int(ends[row])], as: UTF8.self)
    }
  }

  /// Each cell parsed by `parse` (which sees the cell's UTF-8 bytes), NaN where it returns nil, and the rows
  /// where it did, for the slower path to look at.
  func parsed(_ parse: (UnsafeBufferPointer<UInt8>) -> Double?) -> (values: [Double], failed: [Int]) {
    var values = [Double](repeating: .nan, count: count)
    var failed: [Int] = []
    switch storage {
    case .strings(let cells):
      for (row, cell) in cells.enumerated() {
        var cell = cell
        if let value = cell.withUTF8(parse) { values[row] = value } else { failed.append(row) }
      }
    case .bytes(let buffer, let starts, let ends):
      buffer.bytes.withUnsafeBufferPointer { bytes in
        for row in 0..<starts.count {
          if let value = parse(UnsafeBufferPointer(rebasing: bytes[Int(starts[row])..<Int(ends[row])])) {
            values[row] = value
          } else {
            failed.append(row)
          }
        }
      }
    }
    return (values, failed)
  }

  /// The cells at `rows`, in that order.
  func selecting(_ rows: [Int]) -> TextColumn {
    switch storage {
    case .strings(let cells): return TextColumn(rows.map { cells[$0] })
    case .bytes(let buffer, let starts, let ends):
      return TextColumn(buffer: buffer, starts: rows.map { starts[$0] }, ends: rows.map { ends[$0] })
    }
  }

  /// Rows whose cell is (or, `negated`, is not) one of `values`; over file bytes, by comparing bytes.
  func rows(in values: Set<String>, negated: Bool) -> [Int] {
    switch storage {
    case .strings(let cells):
      return cells.indices.filter { values.contains(cells[$0]) != negated }
    case .bytes(let buffer, let starts, let ends):
      let wanted = values.map { Array($0.utf8) }
      return buffer.bytes.withUnsafeBufferPointer { bytes in
        var result: [Int] = []
        for row in 0..<starts.count {
          let cell = UnsafeBufferPointer(rebasing: bytes[Int(starts[row])..<Int(ends[row])])
          let found = wanted.contains { $0.count == cell.count && $0.elementsEqual(cell) }
          if found != negated { result.append(row) }
        }
        return result
      }
    }
  }

  /// Rows grouped by equal cells, groups in order of first appearance. Over file bytes a row is compared with the
  /// row before it first (logs keep a run's rows together), so a string is made only when the key changes.
  func groups() -> [[Int]] {
    var index: [String: Int] = [:]
    var groups: [[Int]] = []
    switch storage {
    case .strings(let cells):
      for (row, cell) in cells.enumerated() {
        if let group = index[cell] {
          groups[group].append(row)
        } else {
          index[cell] = groups.count
          groups.append([row])
        }
      }
    case .bytes(let buffer, let starts, let ends):
      buffer.bytes.withUnsafeBufferPointer { bytes in
        var previous = -1
        for row in 0..<starts.count {
          let (start, end) = (Int(starts[row]), Int(ends[row]))
          if previous >= 0, row > 0 {
            let (lastStart, lastEnd) = (Int(starts[row - 1]), Int(ends[row - 1]))
            if end - start == lastEnd - lastStart
              && memcmp(bytes.baseAddress! + start, bytes.baseAddress! + lastStart, end - start) == 0
            {
              groups[previous].append(row)
              continue
            }
          }
          let cell = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
          if let group = index[cell] {
            groups[group].append(row)
            previous = group
          } else {
            index[cell] = groups.count
            previous = groups.count
            groups.append([row])
          }
        }
      }
    }
    return groups
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
