/// The file line of each row of a table, for error messages, held as runs of consecutive lines: a file without
/// blank lines is one run (a few bytes for ten million rows, where an array of lines took 80 MB).
struct RowLines: Equatable {
  /// The first row of each run, ascending from 0.
  private var runRows: [Int32] = []
  /// The file line of each run's first row.
  private var runLines: [UInt32] = []
  /// How many rows.
  private(set) var count = 0

  init() {}

  /// Rows on the given lines, in order.
  init<Lines: Sequence<Int>>(_ lines: Lines) {
    for line in lines { append(line) }
  }

  /// `count` rows on consecutive lines from `first`.
  init(first: Int, count: Int) {
    if count > 0 { append(first) }
    self.count = count
  }

  /// Adds a row on `line` after the others.
  mutating func append(_ line: Int) {
    // Lines of files under the 2 GiB limit fit 32 bits, and rows under the row limit fit 31.
    let line = UInt32(clamping: line)
    if let lastRow = runRows.last, let lastLine = runLines.last,
      Int(lastLine) + (count - Int(lastRow)) == Int(line)
    {
      count += 1
      return
    }
    runRows.append(Int32(clamping: count))
    runLines.append(line)
    count += 1
  }

  /// Adds `count` rows on consecutive lines from `first`.
  mutating func append(first: Int, count rows: Int) {
    guard rows > 0 else { return }
    append(first)
    count += rows - 1
  }

  /// Adds `other`'s rows after these, their lines shifted by `offset`.
  mutating func append(_ other: RowLines, shiftedBy offset: Int = 0) {
    for (index, row) in other.runRows.enumerated() {
      let length = (index + 1 < other.runRows.count ? Int(other.runRows[index + 1]) : other.count) - Int(row)
      append(first: Int(other.runLines[index]) + offset, count: length)
    }
  }

  /// The file line of `row`.
  subscript(row: Int) -> Int {
    // The last run starting at or before `row`.
    var low = 0
    var high = runRows.count
    while high - low > 1 {
      let middle = (low + high) / 2
      if Int(runRows[middle]) <= row { low = middle } else { high = middle }
    }
    return Int(runLines[low]) + (row - Int(runRows[low]))
  }

  /// The lines of the rows at `rows`, in that order.
  func selecting(_ rows: [Int]) -> RowLines {
    if runRows.count == 1 {
      // One run: the line is the row shifted, no search needed.
      let shift = Int(runLines[0])
      return RowLines(rows.lazy.map { $0 + shift })
    }
    return RowLines(rows.lazy.map { self[$0] })
  }
}
