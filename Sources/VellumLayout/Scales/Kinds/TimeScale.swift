import VellumDiagnostics
import VellumSpec

/// `scale: time`: dates and datetimes (ISO 8601, or Unix time in `unit`s), held as Unix seconds (UTC). Ticks and
/// labels are matplotlib's `AutoDateLocator` and `ConciseDateFormatter` (``DateTicks``): years, then months, days,
/// hours…, with what all ticks share (the year, the month) in an offset label.
struct TimeScale: PositionScale {
  static let kind = ScaleKind(
    "time", meaning: "dates and times: ISO 8601 text or Unix time in unit", keys: [TimeText.unitKey],
    limits: .object(["anyOf": .array([SpecSchema.number, TimeText.instantSchema])])
  ) { TimeScale(unit: try TimeText.unit($0)) }

  /// Seconds per unit a number in the data counts.
  var unit = 1.0

  var reading: ScaleReading {
    let unit = unit
    return .parsed(expected: "a date or time (ISO 8601, e.g. 2024-03-01 or 2024-03-01T12:00Z) or a number") {
      TimeText.instant($0) ?? TimeText.number($0).map { $0 * unit }
    }
  }

  var takesNumberFormats: Bool { false }
  /// matplotlib's empty date axis: the first day of 1970.
  var emptyLimits: (Double, Double) { (0, 86_400) }

  func value(_ node: SpecNode) throws -> Double {
    let text = try node.string("a date")
    guard let value = TimeText.instant(text) ?? TimeText.number(text).map({ $0 * unit }) else {
      throw node.error("expected a date or time (ISO 8601, e.g. 2024-03-01 or 2024-03-01T12:00), found '\(text)'")
    }
    return value
  }

  /// `6h`, `1 week`, `1 month`, `2 years`; a bare number counts seconds.
  func step(_ node: SpecNode) throws -> AxisSpec.TickPlacement {
    let text = try node.string("a tick step")
    if let months = TimeText.months(text) { return .months(months) }
    guard let seconds = TimeText.duration(text) ?? TimeText.number(text), seconds > 0 else {
      throw node.error("expected a time step such as 6h, 1 day, 1 week, 1 month or 2 years, found '\(text)'")
    }
    return .step(seconds)
  }

  func autoTicks(low: Double, high: Double, maxBins: Int, categories: [String]) -> [Double] {
    DateTicks.ticks(from: low, to: high).filter { $0 >= low && $0 <= high }
  }

  func monthTicks(low: Double, high: Double, every: Int) -> [Double] {
    DateTicks.monthStarts(from: low, to: high, every: every)
  }

  func minorTicks(majors: [Double], low: Double, high: Double) -> [Double] { [] }

  func labels(_ values: [Double], format: AxisSpec.TickFormat, decimals: Int?, categories: [String])
    -> (labels: [TickText], offset: TickText?)
  {
    let (labels, offset) = DateTicks.labels(values)
    return (labels.map(TickText.literal), offset.isEmpty ? nil : .literal(offset))
  }

  func widened(_ value: Double) -> (Double, Double) { DateTicks.nonsingular(value, value) }
}
