import Foundation
import VellumDiagnostics
import VellumSpec

/// A table read from a data source, with columns as text (as read) or numbers (computed by transforms),
/// and what is needed to point at a bad cell.
public struct Table {
  /// The file or spec the table came from, as the user wrote it.
  public var origin: String
  public private(set) var columnNames: [String]
  private(set) var text: [String: TextColumn]
  private(set) var computed: [String: [Double]] = [:]
  public private(set) var rowCount: Int
  /// The file line of each row, for error messages; nil once rows are derived (aggregates, grids).
  var rowLines: RowLines?
  /// For a table read from several files: the index in `files` of each row's file.
  var rowFiles: [Int32]?
  var files: [String] = []
  /// Where inline data was declared in the spec.
  var inlineLocation: SourceLocation?
  /// Header names the reader changed (empty or repeated ones, renamed as pandas renames them), for a warning.
  var headerRenames: [String] = []
  /// The derived data source this table is (`from:` another), which messages name: its `origin` stays the file
  /// its rows came from, where their cells are located.
  var derivedName: String?
  /// Cells read as missing besides empty ones and `nan`: pandas' defaults, or what the source's `missing` says.
  public var missingCells: Set<String> = Table.missingMarkers

  init(
    origin: String, columnNames: [String], cells: [[String]], rowLines: RowLines?, inlineLocation: SourceLocation?
  ) {
    self.origin = origin
    self.columnNames = columnNames
    text = Dictionary(zip(columnNames, cells.map(TextColumn.init)), uniquingKeysWith: { first, _ in first })
    rowCount = cells.first?.count ?? 0
    self.rowLines = rowLines
    self.inlineLocation = inlineLocation
  }

  /// A table of columns held as byte ranges of a file (the fast CSV path).
  init(origin: String, columnNames: [String], columns: [TextColumn], rowLines: RowLines?) {
    self.origin = origin
    self.columnNames = columnNames
    text = Dictionary(zip(columnNames, columns), uniquingKeysWith: { first, _ in first })
    rowCount = columns.first?.count ?? 0
    self.rowLines = rowLines
  }

  /// A derived table of ready-made text columns and number columns, in `order`.
  init(
    origin: String, order: [String], textColumns: [String: TextColumn], numbers: [String: [Double]], rowCount: Int
  ) {
    self.origin = origin
    columnNames = order
    text = textColumns
    computed = numbers
    self.rowCount = rowCount
  }

  /// Rows whose cell in `name` is (or, `negated`, is not) one of `values`, compared without a string per row.
  func rows(_ name: Located<String>, in values: Set<String>, negated: Bool = false) throws -> [Int] {
    try require(name)
    if let rows = try rows(name, numericallyIn: values, negated: negated) { return rows }
    if let column = text[name.value] { return column.rows(in: values, negated: negated) }
    return try strings(name).enumerated().filter { values.contains($0.element) != negated }.map(\.offset)
  }

  /// A derived table (no file rows to point at) with the given text and number columns, in `order`.
  init(origin: String, order: [String], text: [String: [String]], numbers: [String: [Double]], rowCount: Int) {
    self.origin = origin
    columnNames = order
    self.text = text.mapValues(TextColumn.init)
    computed = numbers
    self.rowCount = rowCount
  }

  func has(_ name: String) -> Bool { text[name] != nil || computed[name] != nil }

  func require(_ name: Located<String>) throws {
    guard has(name.value) else {
      throw VellumError(
        .invalidData,
        "no column '\(name.value)' in \(derivedName.map { "data source '\($0)' (from \(origin))" } ?? origin) "
          + "(available: \(columnNames.joined(separator: ", ")))",
        at: name.location)
    }
  }

  /// The column as text: as written, or numbers printed in full.
  public func strings(_ name: Located<String>) throws -> [String] {
    try require(name)
    if let values = computed[name.value] { return values.map(Self.format) }
    return text[name.value]!.strings
  }

  /// The column as numbers; empty cells, `nan` and `.nan` become NaN (a gap), anything else non-numeric is an error.
  public func numbers(_ name: Located<String>) throws -> [Double] {
    try require(name)
    if let values = computed[name.value] { return values }
    // Fast path over the cells' bytes: most cells are plain decimals; only odd ones pay for strtod, and trimming.
    return try numbers(name, parsed: text[name.value]!.decimals())
  }

  /// ``numbers(_:)`` of several columns; columns of one CSV file are read in one pass over its rows.
  public func numbers(_ names: [Located<String>]) throws -> [[Double]] {
    for name in names { try require(name) }
    guard names.allSatisfy({ computed[$0.value] == nil }),
      let parsed = TextColumn.decimals(names.map { text[$0.value]! })
    else { return try names.map { try numbers($0) } }
    return try zip(names, parsed).map { try numbers($0, parsed: $1) }
  }

  /// The column `name` from its fast-path parse: each cell that failed it read by `strtod`, found missing, or an
  /// error at its row and column.
  private func numbers(_ name: Located<String>, parsed: (values: [Double], failed: [Int])) throws -> [Double] {
    let column = text[name.value]!
    let index = columnNames.firstIndex(of: name.value) ?? 0
    var (values, failed) = parsed
    for row in failed {
      let cell = column[row]
      // strtod stops at a NUL byte, so `4\0garbage` would read as 4: such a cell is garbage, not a number.
      if cell.utf8.contains(0) {
        throw VellumError(
          .invalidData, "expected a number in column '\(name.value)', found a cell with a NUL byte",
          at: location(row: row, column: index))
      }
      // Decimal numbers only: `0x10` stays text, as pandas reads it.
      if let value = DecimalParser.number(cell), value.isFinite {
        values[row] = value
        continue
      }
      // Empty cells, pandas' missing markers (NA, N/A, NULL, None…) and YAML's `.nan` are missing: a gap.
      if isMissing(cell) { continue }
      throw VellumError(
        .invalidData, "expected a number in column '\(name.value)', found '\(cell)'",
        at: location(row: row, column: index))
    }
    return values
  }

  /// The column's cells turned into numbers by `parse` (dates on a time axis); empty and `nan` cells are missing,
  /// and a cell `parse` refuses is an error at its row and column saying what was `expected`.
  func parsed(_ name: Located<String>, expected: String, _ parse: (String) -> Double?) throws -> [Double] {
    let cells = try strings(name)
    let index = columnNames.firstIndex(of: name.value) ?? 0
    var values = [Double](repeating: .nan, count: cells.count)
    // Repeated cells (a date per group) parse once.
    var known: [String: Double] = [:]
    for (row, cell) in cells.enumerated() {
      if let value = known[cell] {
        values[row] = value
        continue
      }
      if isMissing(cell) { continue }
      guard let value = parse(cell), value.isFinite else {
        // A derived table has no file rows: point at the column where the layer names it.
        throw VellumError(
          .invalidData,
          "expected \(expected) in column '\(name.value)', found '\(cell)'"
            + (location(row: row, column: index) == nil ? " (row \(row + 1) after the layer's transforms)" : ""),
          at: location(row: row, column: index) ?? name.location)
      }
      values[row] = value
      if known.count < 100_000 { known[cell] = value }
    }
    return values
  }

  /// The column as text to draw: computed numbers in their plain form (no float noise), cells as written; with a
  /// `format`, numbers as it writes them (a cell it cannot write is an error at its row and column).
  public func texts(_ name: Located<String>, format: FormatSpec?) throws -> [String] {
    try require(name)
    if let values = computed[name.value] {
      return try values.map { value in
        value.isNaN ? "" : try format.map { try Self.write(value, $0, at: name.location) } ?? FormatSpec.plain(value)
      }
    }
    let cells = text[name.value]!.strings
    guard let format else { return cells }
    let index = columnNames.firstIndex(of: name.value) ?? 0
    return try cells.enumerated().map { row, cell in
      if isMissing(cell) { return "" }
      if let value = DecimalParser.number(cell) {
        return try Self.write(value, format, at: location(row: row, column: index) ?? name.location)
      }
      guard !format.wantsNumber else {
        throw VellumError(
          .invalidData, "the format of column '\(name.value)' writes numbers, found '\(cell)'",
          at: location(row: row, column: index) ?? name.location)
      }
      return format.format(text: cell)
    }
  }

  private static func write(_ value: Double, _ format: FormatSpec, at location: SourceLocation?) throws -> String {
    do { return try format.format(value) } catch let error as FormatSpecError {
      throw VellumError(.invalidData, error.description, at: location)
    }
  }

  /// One cell as text (no whole-column strings for a value wanted once per group).
  func string(_ name: Located<String>, row: Int) throws -> String {
    try require(name)
    if let values = computed[name.value] { return Self.format(values[row]) }
    return text[name.value]![row]
  }

  /// Rows grouped by equal values of one column (by number when it holds numbers), groups in order of first
  /// appearance.
  func groups(_ name: Located<String>) throws -> [[Int]] {
    if let numbers = try numericKeys(name) { return Self.groups(ofNumbers: numbers) }
    if let column = text[name.value] { return column.groups() }
    return TextColumn(try strings(name)).groups()
  }

  /// The rows of each group (rows sharing the `by` columns) as ranges, when every group's rows lie together (a
  /// log's runs one after another); nil when some group's rows are apart. No list of rows is made.
  func contiguousGroups(_ by: [Located<String>]) throws -> [Range<Int>]? {
    guard !by.isEmpty else { return [0..<rowCount] }
    guard by.count == 1 else { return nil }
    if let numbers = try numericKeys(by[0]) {
      let groups = Self.groups(ofNumbers: numbers)
      // Together when each group's rows run on without a gap.
      guard groups.allSatisfy({ $0.last! - $0.first! == $0.count - 1 }) else { return nil }
      return groups.map { $0.first!..<($0.last! + 1) }
    }
    return try (text[by[0].value] ?? TextColumn(strings(by[0]))).contiguousRuns()
  }

  /// Sets (or adds) a numeric column.
  mutating func setNumbers(_ name: String, _ values: [Double]) {
    if !has(name) { columnNames.append(name) }
    text[name] = nil
    computed[name] = values
  }

  /// Sets (or adds) a text column.
  mutating func setText(_ name: String, _ cells: [String]) {
    if !has(name) { columnNames.append(name) }
    computed[name] = nil
    text[name] = TextColumn(cells)
  }

  /// The file position of a cell: line of the row, and the 1-based field number as column.
  func location(row: Int, column: Int) -> SourceLocation? {
    if let rowLines {
      let file = rowFiles.map { files[Int($0[row])] } ?? origin
      return SourceLocation(file: file, line: rowLines[row], column: column + 1)
    }
    return inlineLocation
  }

  /// A copy keeping only the rows at `indices`, in that order.
  public func selecting(rows indices: [Int]) -> Table {
    var copy = self
    copy.text = text.mapValues { $0.selecting(indices) }
    copy.computed = computed.mapValues { column in indices.map { column[$0] } }
    copy.rowLines = rowLines.map { $0.selecting(indices) }
    copy.rowFiles = rowFiles.map { owners in indices.map { owners[$0] } }
    copy.rowCount = indices.count
    return copy
  }

  /// A copy keeping only `names`, in that order.
  func selecting(columns names: [Located<String>]) throws -> Table {
    for name in names { try require(name) }
    var copy = self
    let keep = Set(names.map(\.value))
    copy.columnNames = names.map(\.value)
    copy.text = text.filter { keep.contains($0.key) }
    copy.computed = computed.filter { keep.contains($0.key) }
    return copy
  }

  /// Gives columns new names all at once (`{a: b, b: a}` swaps); the names after must differ, which the caller
  /// checks.
  mutating func rename(_ renamed: [String: String]) {
    columnNames = columnNames.map { renamed[$0] ?? $0 }
    text = Dictionary(text.map { (renamed[$0.key] ?? $0.key, $0.value) }) { first, _ in first }
    computed = Dictionary(computed.map { (renamed[$0.key] ?? $0.key, $0.value) }) { first, _ in first }
  }

  /// Keys of the rows as text, one per row, joining the given columns; a column of numbers gives each number's
  /// shortest form, so `1` and `1.0` are one key.
  func keys(_ columns: [Located<String>]) throws -> [[String]] {
    let values = try columns.map { column in try numericKeys(column).map { $0.map(Self.format) } ?? strings(column) }
    return (0..<rowCount).map { row in values.map { $0[row] } }
  }

  /// The tables of several files as one, in order, their columns in the first table's order; each row keeps its
  /// file and line for messages. `derived` adds a text column with one value per table (from its path).
  static func concatenating(_ tables: [Table], origin: String, derived: (name: String, values: [String])?) throws
    -> Table
  {
    guard let first = tables.first else {
      return Table(origin: origin, columnNames: [], cells: [], rowLines: nil, inlineLocation: nil)
    }
    let names = first.columnNames
    for table in tables.dropFirst() {
      if let missing = names.first(where: { !table.has($0) }) {
        throw VellumError(
          .invalidData,
          "\(table.origin) has no column '\(missing)', which \(first.origin) has (files read as one table need the "
            + "same columns)", at: SourceLocation(file: table.origin, line: 1, column: 1))
      }
      if let extra = table.columnNames.first(where: { !names.contains($0) }) {
        throw VellumError(
          .invalidData,
          "\(table.origin) has a column '\(extra)' that \(first.origin) lacks (files read as one table need the "
            + "same columns)", at: SourceLocation(file: table.origin, line: 1, column: 1))
      }
    }
    var cells = try names.map { name in try tables.flatMap { try $0.strings(Located(name, at: nil)) } }
    var columnNames = names
    if let derived {
      guard !names.contains(derived.name) else {
        throw VellumError(
          .invalidSpec, "the path column '\(derived.name)' is already a column of \(first.origin); name it otherwise",
          at: nil)
      }
      columnNames.append(derived.name)
      cells.append(
        zip(tables, derived.values).flatMap { table, value in Array(repeating: value, count: table.rowCount) })
    }
    var lines: RowLines?
    if tables.allSatisfy({ $0.rowLines != nil }) {
      lines = RowLines()
      for table in tables { lines!.append(table.rowLines!) }
    }
    var table = Table(origin: origin, columnNames: columnNames, cells: cells, rowLines: lines, inlineLocation: nil)
    table.files = tables.map(\.origin)
    table.rowFiles = tables.enumerated().flatMap { index, table in
      Array(repeating: Int32(index), count: table.rowCount)
    }
    return table
  }

  /// Shortest text that reads back as the same Double (integers without a decimal point).
  static func format(_ value: Double) -> String {
    if value.isNaN { return "" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// Row indices of each group (rows sharing the `by` columns), in order of first appearance.
  func rowGroups(_ by: [Located<String>]) throws -> [[Int]] {
    guard !by.isEmpty else { return [Array(0..<rowCount)] }
    // One column: its cells are the keys, with no array (or, over file bytes, no string) per row.
    if by.count == 1 { return try groups(by[0]) }
    var order: [[String]] = []
    var rows: [[String]: [Int]] = [:]
    for (row, key) in try keys(by).enumerated() {
      if rows[key] == nil { order.append(key) }
      rows[key, default: []].append(row)
    }
    return order.map { rows[$0]! }
  }
}
