import Foundation
import VellumSpec

/// `scale: duration`: elapsed time (numbers in `unit`s, or text such as `90 min`), held in seconds and shown in
/// the unit that suits the span (ns, µs, ms, s, min, h or d) at steps that unit divides well into (15 and 30
/// minutes, 6 and 12 hours): W&B's `Relative Time (Process)`, a loss over wall-clock time.
struct DurationScale: PositionScale {
  static let kind = ScaleKind(
    "duration", meaning: "elapsed time in unit, shown in ns, µs, ms, s, min, h or d", keys: [TimeText.unitKey],
    limits: .object(["anyOf": .array([SpecSchema.number, TimeText.durationSchema])])
  ) { DurationScale(unit: try TimeText.unit($0)) }

  var unit = 1.0

  var reading: ScaleReading {
    let unit = unit
    return .parsed(expected: "a duration (a number of \(Self.name(of: unit)), or text such as 90 min or 6h)") {
      TimeText.number($0).map { $0 * unit } ?? TimeText.duration($0)
    }
  }

  var takesNumberFormats: Bool { false }

  func value(_ node: SpecNode) throws -> Double {
    let text = try node.string("a duration")
    guard let value = TimeText.number(text).map({ $0 * unit }) ?? TimeText.duration(text) else {
      throw node.error("expected a duration (a number of \(Self.name(of: unit)), or e.g. 90 min, 6h), found '\(text)'")
    }
    return value
  }

  func step(_ node: SpecNode) throws -> AxisSpec.TickPlacement {
    let text = try node.string("a tick step")
    guard let seconds = TimeText.number(text).map({ $0 * unit }) ?? TimeText.duration(text), seconds > 0 else {
      throw node.error("expected a duration step such as 30 min, 6h or 1 day, found '\(text)'")
    }
    return .step(seconds)
  }

  /// Steps a clock divides well into, in seconds: 1, 2, 5, 10, 15, 30 seconds or minutes; 1, 2, 3, 6, 12 hours;
  /// 1, 2, 7, 14 days. Longer spans step by MaxNLocator's numbers of days.
  private static let steps: [Double] =
    [1, 2, 5, 10, 15, 30].flatMap { [$0, $0 * 60] }.sorted() + [1, 2, 3, 6, 12].map { $0 * 3600 }
    + [1, 2, 7, 14].map { $0 * 86_400 }

  /// The unit a step is shown in, with its symbol.
  private static func display(step: Double) -> (seconds: Double, suffix: String) {
    if step >= 86_400 { return (86_400, "d") }
    if step >= 3600 { return (3600, "h") }
    if step >= 60 { return (60, "min") }
    if step >= 1 { return (1, "s") }
    if step >= 1e-3 { return (1e-3, "ms") }
    if step >= 1e-6 { return (1e-6, "µs") }
    return (1e-9, "ns")
  }

  /// What a number counts, in words, for messages.
  private static func name(of unit: Double) -> String {
    let words: [Double: String] = [
      1e-9: "nanoseconds", 1e-6: "microseconds", 1e-3: "milliseconds", 1: "seconds", 60: "minutes", 3600: "hours",
      86_400: "days",
    ]
    return words[unit] ?? "seconds"
  }

  /// Multiples of the smallest clock step that leaves at most `maxBins` intervals (matplotlib's MaxNLocator over
  /// days beyond two weeks a step).
  func autoTicks(low: Double, high: Double, maxBins: Int, categories: [String]) -> [Double] {
    let span = high - low
    guard span > 0, span.isFinite else { return [low] }
    // Under two seconds whole seconds give one or two ticks: MaxNLocator's steps, shown in ms, µs or ns.
    if span < 2 { return TickLocator.maxN(low: low, high: high, bins: maxBins) }
    if let step = Self.steps.first(where: { span / $0 <= Double(max(1, maxBins)) }) {
      return TickLocator.multiples(of: step, from: low, to: high)
    }
    return TickLocator.maxN(low: low / 86_400, high: high / 86_400, bins: maxBins).map {
      TickLocator.clean($0 * 86_400)
    }
  }

  /// `0`, `30min`, `1.5h`, `2d`: the number in the unit of the ticks' step, with its symbol.
  func labels(_ values: [Double], format: AxisSpec.TickFormat, decimals: Int?, categories: [String])
    -> (labels: [TickText], offset: TickText?)
  {
    let sorted = values.sorted()
    let step = zip(sorted, sorted.dropFirst()).map { $1 - $0 }.min() ?? abs(values.first ?? 0)
    let shown = Self.display(step: step > 0 ? step : 1)
    let numbers = values.map { TickLocator.clean($0 / shown.seconds) }
    let places = decimals ?? TickFormatter.commonDecimals(numbers)
    return (numbers.map { .literal($0 == 0 ? "0" : TickFormatter.fixed($0, places) + shown.suffix) }, nil)
  }
}
