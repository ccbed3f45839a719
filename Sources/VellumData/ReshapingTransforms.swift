import Foundation
import VellumSpec

/// The transforms that reorder, accumulate, stack, compute, rank, difference, drop and bin rows; each follows the
/// pandas (or numpy) operation its ``TransformSpec`` case names, tested against values pandas computed
/// (`scripts/reference_transforms.py`).
extension Table {
  /// Whether a cell is missing: empty, `nan` or `.nan`.
  public static func isMissing(_ cell: String) -> Bool {
    let trimmed = cell.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty || ["nan", ".nan"].contains(trimmed.lowercased())
  }

  /// pandas' `sort_values(by, ascending, kind='stable', na_position='last')`: a column compares as numbers when
  /// every present cell is one, else as text.
  func sorted(by columns: [Located<String>], descending: [Bool]) throws -> Table {
    enum Key {
      case number([Double])
      case text([String])
    }
    let keys: [Key] = try columns.map { column in
      let cells = try strings(column)
      if let numbers = try? self.numbers(column) { return .number(numbers) }
      return .text(cells.map { Self.isMissing($0) ? "" : $0 })
    }
    let missing: [[Bool]] = try columns.map { column in try strings(column).map(Self.isMissing) }
    let order = (0..<rowCount).sorted { a, b in
      for (index, key) in keys.enumerated() {
        let (missingA, missingB) = (missing[index][a], missing[index][b])
        if missingA != missingB { return missingB }  // missing last, whichever the direction
        if missingA { continue }
        let ascending: Bool
        switch key {
        case .number(let values):
          if values[a] == values[b] { continue }
          ascending = values[a] < values[b]
        case .text(let values):
          if values[a] == values[b] { continue }
          ascending = values[a] < values[b]
        }
        return descending[index] ? !ascending : ascending
      }
      return a < b  // stable
    }
    return selecting(rows: order)
  }

  /// pandas' cumsum, cummax, cummin (NaN rows stay NaN and are skipped) and expanding count, per group.
  mutating func accumulate(
    _ columns: [Located<String>], stat: TransformSpec.Accumulation, by: [Located<String>], names: [String]?
  ) throws {
    let groups = try rowGroups(by)
    for (index, column) in columns.enumerated() {
      let values = try numbers(column)
      var result = [Double](repeating: .nan, count: values.count)
      for rows in groups {
        var running: Double?
        var count = 0.0
        for row in rows {
          let value = values[row]
          if stat == .count {
            if !value.isNaN { count += 1 }
            result[row] = count
            continue
          }
          guard !value.isNaN else { continue }
          switch stat {
          case .sum: running = (running ?? 0) + value
          case .max: running = Swift.max(running ?? value, value)
          case .min: running = Swift.min(running ?? value, value)
          case .count: break
          }
          result[row] = running!
        }
      }
      setNumbers(names?[index] ?? column.value, result)
    }
  }

  /// Each row's span in its x's stack, rows stacking in order; a missing value adds nothing. Offsets divide by
  /// each x's total (×100 for percent).
  mutating func stack(
    _ column: Located<String>, x: Located<String>, offset: TransformSpec.StackOffset, names: (String, String)
  ) throws {
    let values = try numbers(column)
    let positions = try strings(x)
    var running: [String: Double] = [:]
    var starts = [Double](repeating: 0, count: rowCount)
    var ends = starts
    for row in 0..<rowCount {
      let start = running[positions[row]] ?? 0
      let value = values[row].isNaN ? 0 : values[row]
      starts[row] = start
      ends[row] = start + value
      running[positions[row]] = start + value
    }
    if offset != .zero {
      let scale = offset == .percent ? 100.0 : 1
      for row in 0..<rowCount {
        let total = running[positions[row]] ?? 0
        guard total != 0 else {
          throw VellumError(
            .invalidData,
            "stack: the values of '\(column.value)' at \(x.value) = \(positions[row]) add up to 0, "
              + "so they cannot be shown as shares", at: column.location)
        }
        starts[row] = starts[row] / total * scale
        ends[row] = ends[row] / total * scale
      }
    }
    setNumbers(names.0, starts)
    setNumbers(names.1, ends)
  }

  /// A new column from a formula over columns, row by row.
  mutating func calculate(_ expression: Formula, name: String, location: SourceLocation?) throws {
    try expression.check(against: columnNames, what: "column")
    var columns: [String: [Double]] = [:]
    for reference in expression.references where columns[reference.name] == nil {
      columns[reference.name] = try numbers(Located(reference.name, at: reference.location))
    }
    var variables: [String: Double] = [:]
    let result = (0..<rowCount).map { row -> Double in
      for (name, values) in columns { variables[name] = values[row] }
      let value = expression.evaluate(variables)
      return value.isFinite ? value : .nan
    }
    if rowCount > 0, result.allSatisfy(\.isNaN) {
      throw VellumError(
        .invalidData, "calculate: '\(expression)' gives no number in any row (missing values, division by zero?)",
        at: location)
    }
    setNumbers(name, result)
  }

  /// pandas' `rank(method='first', ascending=…)` within each group; missing values get no rank.
  mutating func rank(_ column: Located<String>, by: [Located<String>], descending: Bool, name: String) throws {
    let values = try numbers(column)
    var ranks = [Double](repeating: .nan, count: rowCount)
    for rows in try rowGroups(by) {
      let present = rows.filter { !values[$0].isNaN }
      let ordered = present.enumerated().sorted { a, b in
        let (x, y) = (values[a.element], values[b.element])
        if x != y { return descending ? x > y : x < y }
        return a.offset < b.offset
      }
      for (position, entry) in ordered.enumerated() { ranks[entry.element] = Double(position + 1) }
    }
    setNumbers(name, ranks)
  }

  /// The first `count` rows of each group by `column`, largest first unless `ascending` (pandas' `nlargest`
  /// with keep='first'); groups in order of first appearance.
  func top(_ column: Located<String>, count: Int, by: [Located<String>], ascending: Bool) throws -> Table {
    let values = try numbers(column)
    var kept: [Int] = []
    for rows in try rowGroups(by) {
      let ordered = rows.filter { !values[$0].isNaN }.enumerated().sorted { a, b in
        let (x, y) = (values[a.element], values[b.element])
        if x != y { return ascending ? x < y : x > y }
        return a.offset < b.offset
      }
      kept += ordered.prefix(count).map(\.element)
    }
    return selecting(rows: kept)
  }

  /// pandas' `diff(periods)` or `pct_change(periods, fill_method=None)` within each group.
  mutating func difference(
    _ columns: [Located<String>], by: [Located<String>], periods: Int, relative: Bool, names: [String]?
  ) throws {
    let groups = try rowGroups(by)
    for (index, column) in columns.enumerated() {
      let values = try numbers(column)
      var result = [Double](repeating: .nan, count: rowCount)
      for rows in groups where rows.count > periods {
        for position in periods..<rows.count {
          let (now, before) = (values[rows[position]], values[rows[position - periods]])
          result[rows[position]] = relative ? now / before - 1 : now - before
        }
      }
      setNumbers(names?[index] ?? column.value, result.map { $0.isFinite ? $0 : .nan })
    }
  }

  /// Refuses a transform's result past ``Limits/rows`` rows or ``Limits/cells`` cells before it is built.
  static func checkDerivedSize(rows: Int, columns: Int, by transform: String) throws {
    guard rows <= Limits.rows, rows * columns <= Limits.cells else {
      throw VellumError(
        .invalidData,
        "\(transform) would make \(rows) rows of \(columns) columns, over the limits of \(Limits.rows) rows and "
          + "\(Limits.cells / 1_000_000) million cells")
    }
  }

  /// Rows where none of `columns` (every column when empty) is missing.
  func droppingMissing(_ columns: [Located<String>]) throws -> Table {
    let checked = columns.isEmpty ? columnNames.map { Located($0, at: nil) } : columns
    let missing = try checked.map { column in try strings(column).map(Self.isMissing) }
    return selecting(rows: (0..<rowCount).filter { row in !missing.contains { $0[row] } })
  }

  /// pandas' `merge(other, on=keys, how='left'|'inner')`: every matching row of `other` joins a row (so a row may
  /// repeat); its other columns are added, a name this table already has getting `_right`.
  func joined(with other: Table, on keys: [Located<String>], inner: Bool) throws -> Table {
    for key in keys { try other.require(key) }
    let ours = try self.keys(keys)
    let theirs = try other.keys(keys)
    var matches: [[String]: [Int]] = [:]
    for (row, key) in theirs.enumerated() { matches[key, default: []].append(row) }
    var left: [Int] = []
    var right: [Int?] = []
    for (row, key) in ours.enumerated() {
      if let found = matches[key] {
        for match in found {
          left.append(row)
          right.append(match)
        }
      } else if !inner {
        left.append(row)
        right.append(nil)
      }
      // Checked as rows are matched: a key repeated on both sides multiplies, and must fail before it fills memory.
      if left.count > Limits.rows {
        try Table.checkDerivedSize(rows: left.count, columns: columnNames.count, by: "join")
      }
    }
    try Table.checkDerivedSize(rows: left.count, columns: columnNames.count + other.columnNames.count, by: "join")
    var result = selecting(rows: left)
    result.rowLines = nil
    let keyNames = Set(keys.map(\.value))
    for name in other.columnNames where !keyNames.contains(name) {
      let cells = try other.strings(Located(name, at: nil))
      let target = has(name) ? name + "_right" : name
      result.setText(target, right.map { $0.map { cells[$0] } ?? "" })
    }
    return result
  }

  /// The bin of each row's value, as `numpy.histogram` bins it: centre, start and end (missing outside the bins).
  mutating func bin(_ column: Located<String>, bins: BinSpec, range: (Double, Double)?, name: String) throws {
    let values = try numbers(column)
    let edges = try Binning.edges(values, bins: bins, range: range, location: column.location)
    var centres = [Double](repeating: .nan, count: rowCount)
    var starts = centres
    var ends = centres
    for (row, value) in values.enumerated() where !value.isNaN {
      // Half-open bins, the last one closed, as numpy's histogram; found by bisection, as numpy does.
      guard let index = Binning.bin(of: value, edges: edges) else { continue }
      starts[row] = edges[index]
      ends[row] = edges[index + 1]
      centres[row] = (edges[index] + edges[index + 1]) / 2
    }
    setNumbers(name, centres)
    setNumbers(name + "_start", starts)
    setNumbers(name + "_end", ends)
  }
}
