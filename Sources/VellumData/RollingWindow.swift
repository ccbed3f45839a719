/// Trailing-window statistics without recomputing each window, so a wide window over a long log stays fast: in one
/// pass when windows only move forward (means from a running sum, medians from a sorted copy of the window kept by
/// binary search), else as range queries (prefix sums, ``RangeMedians``). Missing values are left out of each
/// window, as pandas' `rolling(…, min_periods=1)` does.
enum RollingWindow {
  /// The mean (or median) of `values[starts[i]...i]` for every i: in one pass when the starts do not decrease
  /// (a window of points, or of x on ordered x), else as a range query per row.
  static func statistic(_ values: [Double], starts: [Int], median: Bool) -> [Double] {
    guard zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else {
      // Starts that move back (x not in order): each window is a range query, O(log n) for either statistic.
      return median ? RangeMedians(values).medians(starts: starts) : rangeMeans(values, starts: starts)
    }
    return median ? medians(values, starts: starts) : means(values, starts: starts)
  }

  /// The window starts for `window` x units over rows with these `x`, in row order: each row's window runs back
  /// to just after the last earlier row at least `window` below its x (all rows before it when there is none). O(n log n) with a
  /// Fenwick tree of the latest position per x rank, whatever the order of x.
  static func starts(x: [Double], window: Double) -> [Int] {
    // A missing x is never "too old" and never ends another row's window: it is left out of the ranks.
    let sortedX = x.filter { !$0.isNaN }.sorted()
    let count = sortedX.count
    // Fenwick tree over x ranks holding the latest position (+1) seen with an x at that rank or below.
    var tree = [Int](repeating: 0, count: count + 1)
    var starts = [Int](repeating: 0, count: x.count)
    func rank(below value: Double) -> Int {
      // Ranks of x ≤ value: 0..<result.
      var (low, high) = (0, count)
      while low < high {
        let middle = (low + high) / 2
        if sortedX[middle] <= value { low = middle + 1 } else { high = middle }
      }
      return low
    }
    for position in x.indices {
      var latest = 0
      var index = rank(below: x[position] - window)
      while index > 0 {
        latest = max(latest, tree[index])
        index -= index & -index
      }
      starts[position] = latest
      // The position's own rank: any index whose x equals it works for "x ≤ threshold" queries.
      var node = rank(below: x[position])
      while node > 0 && node <= count {
        tree[node] = max(tree[node], position + 1)
        node += node & -node
      }
    }
    return starts
  }

  /// Means of `values[starts[i]...i]` from compensated prefix sums of the finite values: O(1) a window.
  static func rangeMeans(_ values: [Double], starts: [Int]) -> [Double] {
    var sums = [Double](repeating: 0, count: values.count + 1)
    var compensations = sums
    var counts = [Int](repeating: 0, count: values.count + 1)
    var (sum, compensation) = (0.0, 0.0)
    for (index, value) in values.enumerated() {
      if value.isFinite {
        // Neumaier's summation: the rounding lost in each addition is kept apart.
        let next = sum + value
        compensation += abs(sum) >= abs(value) ? (sum - next) + value : (value - next) + sum
        sum = next
      }
      sums[index + 1] = sum
      compensations[index + 1] = compensation
      counts[index + 1] = counts[index] + (value.isFinite ? 1 : 0)
    }
    return starts.enumerated().map { position, start in
      let count = counts[position + 1] - counts[start]
      guard count > 0 else { return .nan }
      let total = (sums[position + 1] - sums[start]) + (compensations[position + 1] - compensations[start])
      return total / Double(count)
    }
  }

  /// The mean of `values[starts[i]...i]` for every i (start positions must not decrease).
  static func means(_ values: [Double], starts: [Int]) -> [Double] {
    var result = [Double](repeating: .nan, count: values.count)
    var sum = 0.0
    var count = 0
    var first = 0
    for (position, start) in starts.enumerated() {
      if values[position].isFinite {
        sum += values[position]
        count += 1
      }
      while first < start {
        if values[first].isFinite {
          sum -= values[first]
          count -= 1
        }
        first += 1
      }
      // Recomputed now and then, so rounding in the running sum cannot build up over a long log.
      if position % 4096 == 0 {
        let window = values[start...position].filter(\.isFinite)
        sum = window.reduce(0, +)
        count = window.count
      }
      result[position] = count > 0 ? sum / Double(count) : .nan
    }
    return result
  }

  /// The median of `values[starts[i]...i]` for every i (start positions must not decrease).
  static func medians(_ values: [Double], starts: [Int]) -> [Double] {
    var window: [Double] = []
    var result = [Double](repeating: .nan, count: values.count)
    var first = 0
    func index(of value: Double) -> Int {
      var (low, high) = (0, window.count)
      while low < high {
        let middle = (low + high) / 2
        if window[middle] < value { low = middle + 1 } else { high = middle }
      }
      return low
    }
    for (position, start) in starts.enumerated() {
      if values[position].isFinite { window.insert(values[position], at: index(of: values[position])) }
      while first < start {
        if values[first].isFinite { window.remove(at: index(of: values[first])) }
        first += 1
      }
      guard !window.isEmpty else { continue }
      let middle = window.count / 2
      result[position] = window.count % 2 == 1 ? window[middle] : (window[middle - 1] + window[middle]) / 2
    }
    return result
  }
}
