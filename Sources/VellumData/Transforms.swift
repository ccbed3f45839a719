import VellumSpec

/// A table whose columns may have been replaced by transformed numbers.
struct TransformedTable {
  var table: Table
  /// Columns rewritten by numeric transforms; read these before the table's text.
  var numeric: [String: [Double]] = [:]

  func numbers(_ name: Located<String>) throws -> [Double] {
    if let values = numeric[name.value] { return values }
    return try table.numbers(name)
  }

  func strings(_ name: Located<String>) throws -> [String] {
    try table.strings(name)
  }

  mutating func apply(_ transform: TransformSpec) throws {
    switch transform {
    case .filter(let column, let value):
      let cells = try table.strings(column)
      let keep = cells.indices.filter { cells[$0] == value }
      guard !keep.isEmpty else {
        let values = Array(Set(cells)).sorted().prefix(8)
        throw VellumError(
          .invalidData,
          "no rows left after filter \(column.value) = '\(value)' in \(table.origin) (values: \(values.joined(separator: ", ")))",
          at: column.location)
      }
      table = table.selecting(rows: keep)
      numeric = numeric.mapValues { values in keep.map { values[$0] } }
    case .ema(let columns, let alpha):
      for column in columns {
        numeric[column.value] = ExponentialMovingAverage(alpha: alpha).apply(try numbers(column))
      }
    }
  }
}

/// The seed's EMA: out[0] = x[0], out[i] = α·out[i−1] + (1−α)·x[i].
struct ExponentialMovingAverage {
  var alpha: Double

  /// NaN inputs stay NaN in the output and do not disturb the running average.
  func apply(_ values: [Double]) -> [Double] {
    var result = values
    var state: Double?
    for (index, value) in values.enumerated() where !value.isNaN {
      let next = state.map { alpha * $0 + (1 - alpha) * value } ?? value
      result[index] = next
      state = next
    }
    return result
  }
}
