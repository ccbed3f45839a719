import Dispatch
import Foundation

/// Work over many items split into one contiguous range per core, run at once: a large file's rows are found,
/// and a large column's cells parsed, on every core. Each range's result lands in its own slot, so the output is
/// the same on any number of cores.
package enum ParallelChunks {
  /// Items below this many are not worth a thread.
  package static let minimumPerChunk = 1 << 16

  /// How many ranges large work is split into: the cores, at most eight. Tests set more to split work on any
  /// machine.
  nonisolated(unsafe) package static var cores = min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))

  /// `count` items as one range per core, or one range when there are few.
  package static func ranges(count: Int, minimumPerChunk: Int = minimumPerChunk) -> [Range<Int>] {
    let chunks = max(1, min(cores, count / max(1, minimumPerChunk)))
    return (0..<chunks).map { chunk in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) }
  }

  /// `body(index, range)` for each range, at once; returns each call's result in the ranges' order.
  package static func map<Result: Sendable>(_ ranges: [Range<Int>], _ body: @Sendable (Int, Range<Int>) -> Result)
    -> [Result]
  {
    guard ranges.count > 1 else { return ranges.enumerated().map { body($0.offset, $0.element) } }
    let results = Slots<Result>(count: ranges.count)
    DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
      results.set(index, body(index, ranges[index]))
    }
    return results.values
  }

  /// One result slot per range; each is written by one thread only, read after all have finished. The slots are
  /// raw memory, not an array, so writers on several threads make no overlapping access to one stored property.
  private final class Slots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int
    init(count: Int) {
      self.count = count
      slots = .allocate(capacity: count)
      slots.initialize(repeating: nil, count: count)
    }
    deinit {
      slots.deinitialize(count: count)
      slots.deallocate()
    }
    func set(_ index: Int, _ value: Value) { slots[index] = value }
    var values: [Value] { (0..<count).map { slots[$0]! } }
  }
}
