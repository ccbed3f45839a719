/// The distinct finite positions along one heatmap axis, in order, and where each position falls among them: the
/// matrix's column (or row) numbers. Whole-number positions (indices, and every categorical axis, whose slots are
/// whole numbers) are placed by an array over their span, with no hashing; others by a dictionary.
struct HeatmapLattice {
  /// The distinct finite positions, ascending.
  let distinct: [Double]
  private let lookup: Lookup

  private enum Lookup {
    /// Slot `value - low` holds the index of `value` (−1 for no position).
    case span(low: Int, slots: [Int32])
    case table([Double: Int])
  }

  init(_ positions: [Double]) {
    var low = Double.infinity
    var high = -Double.infinity
    var whole = true
    for value in positions where value.isFinite {
      low = min(low, value)
      high = max(high, value)
      if value != value.rounded() { whole = false }
    }
    // A span at most a few times the positions (and within Int32 indices) is cheaper than hashing them.
    if whole, low <= high, abs(low) < 1e15, abs(high) < 1e15, high - low < Double(max(4 * positions.count, 1 << 16)) {
      let start = Int(low)
      var slots = [Int32](repeating: -1, count: Int(high) - start + 1)
      for value in positions where value.isFinite { slots[Int(value) - start] = 0 }
      var distinct: [Double] = []
      for slot in slots.indices where slots[slot] == 0 {
        slots[slot] = Int32(distinct.count)
        distinct.append(Double(start + slot))
      }
      self.distinct = distinct
      lookup = .span(low: start, slots: slots)
      return
    }
    distinct = Set(positions.lazy.filter(\.isFinite)).sorted()
    lookup = .table(Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) }))
  }

  var count: Int { distinct.count }

  /// The index of `value` among the distinct positions; nil for a position not among them (NaN, infinities).
  @inline(__always)
  func index(of value: Double) -> Int? {
    switch lookup {
    case .span(let low, let slots):
      guard value.isFinite, value == value.rounded(), abs(value) < 1e15 else { return nil }
      let slot = Int(value) - low
      guard slot >= 0, slot < slots.count, slots[slot] >= 0 else { return nil }
      return Int(slots[slot])
    case .table(let indices): return indices[value]
    }
  }

  /// Cell size along the axis: the smallest gap between distinct positions (1 for a single position).
  var spacing: Double { zip(distinct, distinct.dropFirst()).map { $1 - $0 }.min() ?? 1 }
}
