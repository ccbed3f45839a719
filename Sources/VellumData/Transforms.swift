import Foundation
import VellumSpec

extension Table {
  /// Applies one transform; each case documents its rule in ``TransformSpec``.
  mutating func apply(_ transform: TransformSpec) throws {
    switch transform {
    case .filter(let conditions):
      var keep = Array(0..<rowCount)
      for (column, condition) in conditions {
        // Text tests compare the cells' bytes (no string per row); the others read text or numbers.
        func kept(_ rows: [Int]) -> [Int] {
          // Both lists ascend: one merge pass.
          var result: [Int] = []
          var other = 0
          for row in keep {
            while other < rows.count && rows[other] < row { other += 1 }
            if other < rows.count && rows[other] == row { result.append(row) }
          }
          return result
        }
        switch condition {
        case .equals(let value):
          let rows = try self.rows(column, in: [value])
          keep = rows.count == rowCount ? keep : kept(rows)
        case .oneOf(let values):
          let rows = try self.rows(column, in: Set(values))
          keep = rows.count == rowCount ? keep : kept(rows)
        case .range(let low, let high):
          let values = try numbers(column)
          keep = keep.filter { values[$0] >= (low ?? -.infinity) && values[$0] <= (high ?? .infinity) }
        case .notEquals(let value): keep = kept(try rows(column, in: [value], negated: true))
        case .noneOf(let values): keep = kept(try rows(column, in: Set(values), negated: true))
        case .compare(let comparison, let bound):
          let values = try numbers(column)
          keep = keep.filter { row in
            switch comparison {
            case .less: return values[row] < bound
            case .lessOrEqual: return values[row] <= bound
            case .greater: return values[row] > bound
            case .greaterOrEqual: return values[row] >= bound
            }
          }
        }
      }
      guard !keep.isEmpty else {
        let described = conditions.map { "\($0.column.value) \(Self.describe($0.condition))" }.joined(separator: ", ")
        let sample = try Array(Set(strings(conditions[0].column))).sorted().prefix(8)
        throw VellumError(
          .invalidData,
          "no rows left after filter \(described) in \(origin) (\(conditions[0].column.value) has: \(sample.joined(separator: ", ")))",
          at: conditions[0].column.location)
      }
      // Every row passing (a log with one tag) costs no copy.
      if keep.count < rowCount { self = selecting(rows: keep) }
    case .select(let columns):
      self = try selecting(columns: columns)
    case .rename(let pairs):
      for (from, to) in pairs { try rename(from, to: to) }
    case .ema(let columns, let smoothing, let by):
      let groups = try rowGroups(by)
      let x = try smoothing.xColumn.map { try numbers($0) }
      for column in columns {
        var values = try numbers(column)
        for rows in groups {
          let smoothed = ExponentialMovingAverage(smoothing: smoothing).apply(
            rows.map { values[$0] }, x: x.map { x in rows.map { x[$0] } })
          for (row, value) in zip(rows, smoothed) { values[row] = value }
        }
        setNumbers(column.value, values)
      }
    case .rolling(let columns, let points, let windowX, let xColumn, let median, let by):
      let groups = try rowGroups(by)
      let x = try xColumn.map { try numbers($0) }
      for column in columns {
        var values = try numbers(column)
        let original = values
        for rows in groups {
          // Each row's window is rows[start...position]; with x not decreasing the start only moves forward.
          var starts: [Int] = []
          starts.reserveCapacity(rows.count)
          var start = 0
          let ordered = x.map { x in zip(rows, rows.dropFirst()).allSatisfy { x[$0] <= x[$1] } } ?? true
          if let windowX, let x, !ordered {
            starts = RollingWindow.starts(x: rows.map { x[$0] }, window: windowX)
          } else {
            for (position, row) in rows.enumerated() {
              if let windowX, let x {
                while start < position && x[rows[start]] <= x[row] - windowX { start += 1 }
              } else {
                start = max(0, position - (points ?? 1) + 1)
              }
              starts.append(start)
            }
          }
          let sample = rows.map { original[$0] }
          let result = RollingWindow.statistic(sample, starts: starts, median: median)
          for (row, value) in zip(rows, result) { values[row] = value }
        }
        setNumbers(column.value, values)
      }
    case .unpivot(let listed, let pattern, let except, let key, let value, let spread):
      self = try unpivot(listed: listed, pattern: pattern, except: except, key: key, value: value, spread: spread)
    case .interpolate(let x, let by, let columns, let step, let points, let from, let to):
      self = try interpolate(x: x, by: by, columns: columns, step: step, points: points, from: from, to: to)
    case .aggregate(let by, let columns, let stats, let seed, let samples):
      self = try aggregate(by: by, columns: columns, stats: stats, seed: seed, samples: samples)
    case .normalize(let columns, let by, let method):
      let groups = try rowGroups(by)
      for column in columns {
        var values = try numbers(column)
        for rows in groups {
          let finite = rows.map { values[$0] }.filter { !$0.isNaN }
          let scale = method == .sum ? finite.reduce(0, +) : finite.map(abs).max() ?? 0
          guard scale != 0 else {
            throw VellumError(
              .invalidData, "normalize: a group of '\(column.value)' \(method == .sum ? "sums" : "peaks") to 0",
              at: column.location)
          }
          for row in rows { values[row] /= scale }
        }
        setNumbers(column.value, values)
      }
    case .bin2d(let x, let y, let bins, let range, let weights, let stat, let name):
      self = try binned2D(x: x, y: y, bins: bins, range: range, weights: weights, stat: stat, name: name)
    case .sort(let columns, let descending):
      self = try sorted(by: columns, descending: descending)
    case .cumulative(let columns, let stat, let by, let names):
      try accumulate(columns, stat: stat, by: by, names: names)
    case .stack(let column, let x, let offset, let names):
      try stack(column, x: x, offset: offset, names: names)
    case .calculate(let expression, let name, let location):
      try calculate(expression, name: name, location: location)
    case .rank(let column, let by, let descending, let name):
      try rank(column, by: by, descending: descending, name: name)
    case .top(let column, let count, let by, let ascending):
      self = try top(column, count: count, by: by, ascending: ascending)
    case .difference(let columns, let by, let periods, let relative, let names):
      try difference(columns, by: by, periods: periods, relative: relative, names: names)
    case .dropna(let columns):
      self = try droppingMissing(columns)
    case .bin(let column, let bins, let range, let name):
      try bin(column, bins: bins, range: range, name: name)
    case .join(let data, _, _):
      // Joins need the other table; the data loader applies them (see `DataLoader.prepare`).
      throw VellumError(
        .invalidSpec, "internal error: join of '\(data.value)' outside the data loader", at: data.location)
    }
  }

  /// numpy's `histogram2d`: each axis binned as `numpy.histogram` bins it, a row falling in a bin when both
  /// its values do; one output row per bin (x-major), with the bin centres under the input column names.
  private func binned2D(
    x: Located<String>, y: Located<String>, bins: (BinSpec, BinSpec), range: ((Double, Double)?, (Double, Double)?),
    weights: Located<String>?, stat: HistogramStat, name: String
  ) throws -> Table {
    let (xs, ys) = (try numbers(x), try numbers(y))
    let w = try weights.map { try numbers($0) }
    let xEdges = try Binning.edges(xs, bins: bins.0, range: range.0, weighted: w != nil, location: x.location)
    let yEdges = try Binning.edges(ys, bins: bins.1, range: range.1, weighted: w != nil, location: y.location)
    let (nx, ny) = (xEdges.count - 1, yEdges.count - 1)
    guard nx * ny <= Limits.bins else {
      throw VellumError(
        .invalidSpec, "bin2d gives \(nx) × \(ny) bins, more than the limit of \(Limits.bins)", at: x.location)
    }
    var counts = [Double](repeating: 0, count: nx * ny)
    for row in 0..<rowCount {
      guard let i = Binning.bin(of: xs[row], edges: xEdges), let j = Binning.bin(of: ys[row], edges: yEdges) else {
        continue
      }
      let weight = w?[row] ?? 1
      if !weight.isNaN { counts[i * ny + j] += weight }
    }
    // The stat over all bins at once: areas are bin widths times heights.
    let total = counts.reduce(0, +)
    let values = counts.enumerated().map { index, count -> Double in
      let area = (xEdges[index / ny + 1] - xEdges[index / ny]) * (yEdges[index % ny + 1] - yEdges[index % ny])
      switch stat {
      case .count: return count
      case .density: return total > 0 ? count / total / area : 0
      case .probability: return total > 0 ? count / total : 0
      case .percent: return total > 0 ? count / total * 100 : 0
      }
    }
    let centers = { (edges: [Double]) in zip(edges, edges.dropFirst()).map { ($0 + $1) / 2 } }
    let (cx, cy) = (centers(xEdges), centers(yEdges))
    return Table(
      origin: origin, order: [x.value, y.value, name], text: [:],
      numbers: [
        x.value: (0..<(nx * ny)).map { cx[$0 / ny] }, y.value: (0..<(nx * ny)).map { cy[$0 % ny] }, name: values,
      ], rowCount: nx * ny)
  }

  private static func describe(_ condition: TransformSpec.Condition) -> String {
    switch condition {
    case .equals(let value): return "= '\(value)'"
    case .oneOf(let values): return "in [\(values.joined(separator: ", "))]"
    case .range(let low, let high): return "in [\(low.map { "\($0)" } ?? "-inf"), \(high.map { "\($0)" } ?? "inf")]"
    case .notEquals(let value): return "!= '\(value)'"
    case .noneOf(let values): return "not in [\(values.joined(separator: ", "))]"
    case .compare(let comparison, let bound): return "\(comparison.rawValue) \(bound)"
    }
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

  /// Unpivot by a pattern with named captures (W&B's `run - metric__MIN`): each capture becomes a column, and the
  /// `spread` capture instead picks the value's column (empty: `value`; else the captured text, e.g. `MIN`), so a
  /// metric's value, min and max land in one row. nil when the pattern names no capture.
  private func namedUnpivot(pattern: String, value: String, spread: String?) throws -> Table? {
    let regex = try Regex(pattern)
    var matched: [(column: String, key: [String], target: String)] = []
    var captureNames: [String] = []
    for name in columnNames {
      guard let match = try regex.wholeMatch(in: name) else { continue }
      let output = match.output
      let named = output.compactMap { element in element.name.map { ($0, element.substring.map(String.init) ?? "") } }
      guard !named.isEmpty else { return nil }
      if captureNames.isEmpty { captureNames = named.map(\.0).filter { $0 != spread } }
      let target = named.first { $0.0 == spread }.map { $0.1.isEmpty ? value : $0.1 } ?? value
      matched.append((name, named.filter { $0.0 != spread }.map(\.1), target))
    }
    guard !matched.isEmpty else {
      if !pattern.contains("(?<") { return nil }
      throw VellumError(
        .invalidData, "unpivot matched no column of \(origin) (columns: \(columnNames.joined(separator: ", ")))")
    }
    let widened = Set(matched.map(\.column))
    let kept = columnNames.filter { !widened.contains($0) }
    var keys: [[String]] = []
    for item in matched where !keys.contains(item.key) { keys.append(item.key) }
    var targets: [String] = []
    for item in matched where !targets.contains(item.target) { targets.append(item.target) }
    if let clash = (kept + captureNames).first(where: { targets.contains($0) }) {
      throw VellumError(
        .invalidData, "unpivot would make two columns named '\(clash)'; rename the value column with 'value'")
    }
    try Table.checkDerivedSize(
      rows: rowCount * keys.count, columns: kept.count + captureNames.count + targets.count, by: "unpivot")
    let keptValues = try kept.map { try strings(Located($0, at: nil)) }
    let wideValues = Dictionary(
      uniqueKeysWithValues: try matched.map { ($0.column, try numbers(Located($0.column, at: nil))) })
    var text: [String: [String]] = Dictionary(uniqueKeysWithValues: (kept + captureNames).map { ($0, [String]()) })
    var values: [String: [Double]] = Dictionary(uniqueKeysWithValues: targets.map { ($0, [Double]()) })
    let byKey = Dictionary(grouping: matched) { $0.key }
    for row in 0..<rowCount {
      for key in keys {
        for (index, name) in kept.enumerated() { text[name]!.append(keptValues[index][row]) }
        for (index, name) in captureNames.enumerated() { text[name]!.append(index < key.count ? key[index] : "") }
        let columns = byKey[key] ?? []
        for target in targets {
          values[target]!.append(columns.first { $0.target == target }.map { wideValues[$0.column]![row] } ?? .nan)
        }
      }
    }
    return Table(
      origin: origin, order: kept + captureNames + targets, text: text, numbers: values,
      rowCount: rowCount * keys.count)
  }

  private func unpivot(
    listed: [Located<String>], pattern: String?, except: [Located<String>]?, key: String, value: String,
    spread: String?
  ) throws -> Table {
    var wide = listed
    var labels = listed.map(\.value)
    if let except {
      for column in except { try require(column) }
      let keep = Set(except.map(\.value))
      for name in columnNames where !keep.contains(name) && !wide.contains(where: { $0.value == name }) {
        wide.append(Located(name, at: nil))
        labels.append(name)
      }
    }
    if let pattern, let named = try namedUnpivot(pattern: pattern, value: value, spread: spread) {
      return named
    }
    if let pattern {
      let regex = try Regex(pattern)
      for name in columnNames where !wide.contains(where: { $0.value == name }) {
        guard let match = try regex.wholeMatch(in: name) else { continue }
        wide.append(Located(name, at: nil))
        labels.append(match.output.count > 1 ? String(match.output[1].substring ?? Substring(name)) : name)
      }
    }
    guard !wide.isEmpty else {
      throw VellumError(
        .invalidData, "unpivot matched no column of \(origin) (columns: \(columnNames.joined(separator: ", ")))")
    }
    let widened = Set(wide.map(\.value))
    let kept = columnNames.filter { !widened.contains($0) }
    var text: [String: [String]] = [:]
    for name in kept { text[name] = [] }
    text[key] = []
    try Table.checkDerivedSize(rows: rowCount * labels.count, columns: kept.count + 2, by: "unpivot")
    var values: [Double] = []
    let keptValues = try kept.map { try strings(Located($0, at: nil)) }
    let wideValues = try wide.map { try numbers($0) }
    for row in 0..<rowCount {
      for (index, label) in labels.enumerated() {
        for (column, name) in kept.enumerated() { text[name]!.append(keptValues[column][row]) }
        text[key]!.append(label)
        values.append(wideValues[index][row])
      }
    }
    return Table(
      origin: origin, order: kept + [key, value], text: text, numbers: [value: values], rowCount: values.count)
  }

  private func interpolate(
    x: Located<String>, by: [Located<String>], columns: [Located<String>], step: Double?, points: Int?, from: Double?,
    to: Double?
  ) throws -> Table {
    let xs = try numbers(x)
    let groups = try rowGroups(by).map { rows in rows.filter { !xs[$0].isNaN }.sorted { xs[$0] < xs[$1] } }.filter {
      !$0.isEmpty
    }
    guard !groups.isEmpty else {
      throw VellumError(.invalidData, "interpolate found no rows with a value of '\(x.value)'", at: x.location)
    }
    // By default the grid covers only the x range every run has, so no run is extrapolated.
    let low = from ?? groups.map { xs[$0.first!] }.max()!
    let high = to ?? groups.map { xs[$0.last!] }.min()!
    guard high > low else {
      throw VellumError(.invalidData, "the runs share no range of '\(x.value)' to interpolate over", at: x.location)
    }
    var grid: [Double]
    if let step {
      // Compared as a Double: a huge range over a tiny step would overflow Int.
      let exact = ((high - low) / step + 1e-9).rounded(.down)
      guard exact < 1_000_000 else {
        throw VellumError(
          .invalidData, "an interpolation grid of \(String(format: "%.3g", exact)) points is too fine (limit 1000000)",
          at: x.location)
      }
      grid = (0...Int(exact)).map { low + Double($0) * step }
    } else {
      let n = points!
      grid = (0..<n).map { low + (high - low) * Double($0) / Double(n - 1) }
    }
    guard grid.count * groups.count <= Limits.rows else {
      throw VellumError(
        .invalidData,
        "interpolating \(groups.count) runs onto \(grid.count) points would make more than \(Limits.rows) rows",
        at: x.location)
    }
    let sources = try columns.map { try numbers($0) }
    var text: [String: [String]] = Dictionary(uniqueKeysWithValues: by.map { ($0.value, []) })
    var numeric: [String: [Double]] = [x.value: []]
    for column in columns { numeric[column.value] = [] }
    for rows in groups {
      let runX = rows.map { xs[$0] }
      for column in by {
        text[column.value]! += Array(repeating: try string(column, row: rows[0]), count: grid.count)
      }
      numeric[x.value]! += grid
      for (c, column) in columns.enumerated() {
        let runY = rows.map { sources[c][$0] }
        numeric[column.value]! += grid.map { Self.linear(runX, runY, at: $0) }
      }
    }
    return Table(
      origin: origin, order: by.map(\.value) + [x.value] + columns.map(\.value), text: text, numbers: numeric,
      rowCount: grid.count * groups.count)
  }

  /// numpy.interp on sorted x, NaN outside the run's range.
  static func linear(_ xs: [Double], _ ys: [Double], at x: Double) -> Double {
    guard let first = xs.first, let last = xs.last, x >= first, x <= last else { return .nan }
    var low = 0
    var high = xs.count - 1
    while high - low > 1 {
      let middle = (low + high) / 2
      if xs[middle] <= x { low = middle } else { high = middle }
    }
    if xs[high] == x { return ys[high] }
    if xs[low] == x || xs[high] == xs[low] { return ys[low] }
    return ys[low] + (ys[high] - ys[low]) * (x - xs[low]) / (xs[high] - xs[low])
  }

  private func aggregate(
    by: [Located<String>], columns: [Located<String>], stats: [TransformSpec.Statistic], seed: UInt64, samples: Int
  ) throws -> Table {
    let groups = try rowGroups(by)
    let keyValues = try by.map { try strings($0) }
    var text: [String: [String]] = [:]
    for (k, column) in by.enumerated() { text[column.value] = groups.map { keyValues[k][$0[0]] } }
    // Numeric group keys stay numbers, so an aggregated step column can be an x axis.
    var numeric: [String: [Double]] = [:]
    for column in by {
      if let values = try? self.numbers(column), groups.allSatisfy({ !values[$0[0]].isNaN }) {
        numeric[column.value] = groups.map { values[$0[0]] }
        text[column.value] = nil
      }
    }
    var order = by.map(\.value)
    for column in columns {
      let values = try self.numbers(column)
      let samplesByGroup = groups.map { rows in rows.map { values[$0] } }
      for stat in stats {
        switch stat {
        case .bootstrap:
          let bounds = samplesByGroup.map { Statistics.bootstrap($0, samples: samples, seed: seed) }
          numeric["\(column.value)_boot_low"] = bounds.map(\.low)
          numeric["\(column.value)_boot_high"] = bounds.map(\.high)
          order += ["\(column.value)_boot_low", "\(column.value)_boot_high"]
        default:
          let name = "\(column.value)_\(stat.rawValue)"
          numeric[name] = samplesByGroup.map { sample in
            switch stat {
            case .mean: return Statistics.mean(sample)
            case .median: return Statistics.median(sample)
            case .std: return Statistics.std(sample)
            case .sem: return Statistics.sem(sample)
            case .min: return Statistics.finite(sample).min() ?? .nan
            case .max: return Statistics.finite(sample).max() ?? .nan
            case .count: return Double(Statistics.finite(sample).count)
            case .ci95: return Statistics.ci95(sample)
            case .bootstrap: return .nan
            }
          }
          order.append(name)
        }
      }
    }
    return Table(origin: origin, order: order, text: text, numbers: numeric, rowCount: groups.count)
  }
}

extension TransformSpec.Smoothing {
  var xColumn: Located<String>? {
    if case .halflife(_, let x) = self { return x }
    return nil
  }
}

/// Exponential moving averages: the seed's form, TensorBoard's debiased form, and an x-aware form.
struct ExponentialMovingAverage {
  var smoothing: TransformSpec.Smoothing

  init(smoothing: TransformSpec.Smoothing) {
    self.smoothing = smoothing
  }

  init(alpha: Double) {
    smoothing = .alpha(alpha)
  }

  /// NaN inputs stay NaN in the output and do not disturb the running average.
  func apply(_ values: [Double], x: [Double]? = nil) -> [Double] {
    var result = values
    switch smoothing {
    case .alpha(let alpha):
      var state: Double?
      for (i, value) in values.enumerated() where !value.isNaN {
        let next = state.map { alpha * $0 + (1 - alpha) * value } ?? value
        result[i] = next
        state = next
      }
    case .debiased(let weight):
      var last = 0.0
      var steps = 0
      for (i, value) in values.enumerated() where !value.isNaN {
        last = last * weight + (1 - weight) * value
        steps += 1
        result[i] = last / (1 - pow(weight, Double(steps)))
      }
    case .halflife(let halflife, _):
      var state: Double?
      var previousX: Double?
      for (i, value) in values.enumerated() where !value.isNaN {
        guard let x = x?[i], !x.isNaN else {
          result[i] = .nan
          continue
        }
        if let s = state, let px = previousX {
          let alpha = pow(0.5, max(0, x - px) / halflife)
          state = alpha * s + (1 - alpha) * value
        } else {
          state = value
        }
        previousX = x
        result[i] = state!
      }
    }
    return result
  }
}
