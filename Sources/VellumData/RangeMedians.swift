/// Medians of arbitrary index ranges of a column in O(log n) each, from a wavelet matrix over the values' ranks:
/// for trailing windows whose starts move back and forth (x not in order), where a sliding window cannot be kept.
/// Memory is about a quarter byte per value per level (⌈log₂ n⌉ levels). Missing values are left out.
struct RangeMedians {
  /// One level: a bit per position (the rank's bit at this level, in the level's order) with popcounts per word.
  private struct Level {
    var words: [UInt64]
    /// Ones before each word.
    var before: [Int32]
    var zeros: Int

    /// Zeros among the first `count` positions.
    func zerosBefore(_ count: Int) -> Int {
      let word = count >> 6
      let bit = count & 63
      var ones = Int(before[word])
      if bit > 0 { ones += (words[word] & ((1 << UInt64(bit)) - 1)).nonzeroBitCount }
      return count - ones
    }
  }

  private let sorted: [Double]
  private let levels: [Level]
  private let finiteBefore: [Int]

  init(_ values: [Double]) {
    // Ranks in value order, ties by position: distinct ranks; missing values take the highest ranks.
    let order = values.indices.sorted { a, b in
      let (x, y) = (values[a], values[b])
      if x.isNaN != y.isNaN { return y.isNaN }
      if x.isNaN || x == y { return a < b }
      return x < y
    }
    sorted = order.map { values[$0] }
    var ranks = [Int](repeating: 0, count: values.count)
    for (rank, index) in order.enumerated() { ranks[index] = rank }
    var finite = [0]
    finite.reserveCapacity(values.count + 1)
    for value in values { finite.append(finite.last! + (value.isNaN ? 0 : 1)) }
    finiteBefore = finite
    let bitCount = max(1, Int.bitWidth - max(0, values.count - 1).leadingZeroBitCount)
    var levels: [Level] = []
    var current = ranks
    for level in stride(from: bitCount - 1, through: 0, by: -1) {
      var words = [UInt64](repeating: 0, count: current.count / 64 + 1)
      var zeros: [Int] = []
      var ones: [Int] = []
      for (index, rank) in current.enumerated() {
        if (rank >> level) & 1 == 1 {
          words[index >> 6] |= 1 << UInt64(index & 63)
          ones.append(rank)
        } else {
          zeros.append(rank)
        }
      }
      var before = [Int32](repeating: 0, count: words.count)
      var running: Int32 = 0
      for (index, word) in words.enumerated() {
        before[index] = running
        running += Int32(word.nonzeroBitCount)
      }
      levels.append(Level(words: words, before: before, zeros: zeros.count))
      current = zeros + ones
    }
    self.levels = levels
  }

  /// The `k`-th smallest (from 0) value among positions `lower..<upper`.
  private func smallest(_ k: Int, _ lower: Int, _ upper: Int) -> Double {
    var (k, lower, upper, rank) = (k, lower, upper, 0)
    for level in levels {
      let zerosLower = level.zerosBefore(lower)
      let zerosUpper = level.zerosBefore(upper)
      let zeros = zerosUpper - zerosLower
      rank <<= 1
      if k < zeros {
        (lower, upper) = (zerosLower, zerosUpper)
      } else {
        k -= zeros
        rank |= 1
        (lower, upper) = (level.zeros + lower - zerosLower, level.zeros + upper - zerosUpper)
      }
    }
    return sorted[rank]
  }

  /// The median of the finite values in `values[starts[i]...i]` for every i (NaN where there is none).
  func medians(starts: [Int]) -> [Double] {
    starts.enumerated().map { position, start in
      // Missing values rank above every number, so the k smallest of the range are its numbers.
      let count = finiteBefore[position + 1] - finiteBefore[start]
      guard count > 0 else { return .nan }
      let upper = smallest(count / 2, start, position + 1)
      return count % 2 == 1 ? upper : (smallest(count / 2 - 1, start, position + 1) + upper) / 2
    }
  }
}
