import VellumDiagnostics
import VellumSpec

/// Keys of a column that holds numbers: rows are grouped, matched and filtered by value, as pandas compares a
/// column it read as numbers, so `1`, `1.0` and `1e0` (seeds written by different tools) are one key.
extension Table {
  /// The column's cells as numbers when every one is a number or missing (NaN), as pandas would read the column;
  /// nil for a text column. A column whose first present cell is text is told apart without parsing the rest.
  func numericKeys(_ name: Located<String>) throws -> [Double]? {
    try require(name)
    if let values = computed[name.value] { return values }
    let column = text[name.value]!
    var first = 0
    while first < column.count, isMissing(column[first]) { first += 1 }
    guard first < column.count, DecimalParser.number(column[first]).map({ $0.isFinite }) == true else { return nil }
    // A cell ``numbers(_:)`` refuses makes the column text.
    return try? numbers(name)
  }

  /// Rows grouped by equal numbers (missing ones together), groups in order of first appearance; a row equal to
  /// the one before joins its group without a lookup.
  static func groups(ofNumbers values: [Double]) -> [[Int]] {
    var index: [UInt64: Int] = [:]
    var groups: [[Int]] = []
    var last: (key: UInt64, group: Int)?
    for (row, value) in values.enumerated() {
      let key = Self.key(value)
      if let last, last.key == key {
        groups[last.group].append(row)
        continue
      }
      let group: Int
      if let known = index[key] {
        group = known
        groups[group].append(row)
      } else {
        group = groups.count
        index[key] = group
        groups.append([row])
      }
      last = (key, group)
    }
    return groups
  }

  /// One key per value: -0 is 0 and every NaN is one missing key, as `==` and pandas' grouping see them.
  private static func key(_ value: Double) -> UInt64 {
    value.isNaN ? Double.nan.bitPattern : (value == 0 ? 0 : value.bitPattern)
  }

  /// Rows whose number is (or, `negated`, is not) one of `values`: nil unless the column holds numbers and every
  /// value is one. A missing cell equals nothing, so `!=` keeps it, as pandas' comparisons do.
  func rows(_ name: Located<String>, numericallyIn values: Set<String>, negated: Bool) throws -> [Int]? {
    let wanted = values.compactMap { DecimalParser.number($0) }
    guard wanted.count == values.count, let numbers = try numericKeys(name) else { return nil }
    let keys = Set(wanted.map(Self.key))
    return numbers.indices.filter { row in
      (!numbers[row].isNaN && keys.contains(Self.key(numbers[row]))) != negated
    }
  }
}
