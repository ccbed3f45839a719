/// Trailing-window statistics in one pass, so a wide window over a long log stays fast: means from a running sum
/// (O(n)), medians from a sorted copy of the window kept by binary search (O(n log w) comparisons). Missing values
/// are left out of each window, as pandas' `rolling(…, min_periods=1)` does.
enum RollingWindow {
  /// The mean (or median) of `values[starts[i]...i]` for every i: in one pass when the starts do not decrease
  /// (a window of points, or of x on ordered x), else window by window.
  static func statistic(_ values: [Double], starts: [Int], median: Bool) -> [Double] {
    guard zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else {
      return starts.enumerated().map { position, start in
        let window = Array(values[start...position])
        return median ? Statistics.median(window) : Statistics.mean(window)
      }
    }
    return median ? medians(values, starts: starts) : means(values, starts: starts)
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
