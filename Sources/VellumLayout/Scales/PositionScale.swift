import Foundation
import VellumDiagnostics
import VellumScene
import VellumSpec

/// A scale kind's behaviour on a position axis: how values map to the page, where its ticks go and what they
/// say. Each kind is one file in `Scales/Kinds` and one line of ``ScaleRegistry``; axes, limits and marks ask the
/// axis's scale through this protocol and never name a kind.
protocol PositionScale: ScaleBody {
  /// The transform applied to values before the linear map to the page.
  var transform: AxisMapping.Transform { get }
  /// Automatic major ticks within `low…high` (ordered), about `maxBins` intervals at most.
  func autoTicks(low: Double, high: Double, maxBins: Int, categories: [String]) -> [Double]
  /// Ticks for a placement the spec chose: given values, a step, calendar months.
  func ticks(_ placement: AxisSpec.TickPlacement, low: Double, high: Double, maxBins: Int, categories: [String])
    -> [Double]
  /// The first of every `every`-th month within `low…high` (only a time axis has months).
  func monthTicks(low: Double, high: Double, every: Int) -> [Double]
  /// Minor ticks between `majors`.
  func minorTicks(majors: [Double], low: Double, high: Double) -> [Double]
  /// Tick labels and the offset label shared by all of them (×10ⁿ, a date's year).
  func labels(_ values: [Double], format: AxisSpec.TickFormat, decimals: Int?, categories: [String])
    -> (labels: [TickText], offset: TickText?)
  /// Limits of an axis no layer has values along.
  var emptyLimits: (Double, Double) { get }
  /// Limits around data of one value (matplotlib's `nonsingular`).
  func widened(_ value: Double) -> (Double, Double)
  /// Refuses data the scale cannot show at all (no positive value on a log axis); `extent` counts only the
  /// values the transform can show.
  func check(extent: (Double, Double)?, axis: AxisSpec, hasLayers: Bool, at location: SourceLocation?) throws
}

extension PositionScale {
  var transform: AxisMapping.Transform { .linear }

  func autoTicks(low: Double, high: Double, maxBins: Int, categories: [String]) -> [Double] {
    TickLocator.maxN(low: low, high: high, bins: maxBins)
  }

  func ticks(_ placement: AxisSpec.TickPlacement, low: Double, high: Double, maxBins: Int, categories: [String])
    -> [Double]
  {
    let (lo, hi) = (min(low, high), max(low, high))
    let tolerance = (hi - lo) * 1e-9
    switch placement {
    case .values(let values, _): return values.filter { $0 >= lo - tolerance && $0 <= hi + tolerance }
    case .step(let step): return TickLocator.multiples(of: step, from: lo, to: hi)
    case .months(let every): return monthTicks(low: lo, high: hi, every: every)
    case .auto: return autoTicks(low: lo, high: hi, maxBins: maxBins, categories: categories)
    }
  }

  func monthTicks(low: Double, high: Double, every: Int) -> [Double] { [] }

  /// matplotlib's AutoMinorLocator: 4 or 5 intervals between majors.
  func minorTicks(majors: [Double], low: Double, high: Double) -> [Double] {
    TickLocator.autoMinor(majors: majors, low: min(low, high), high: max(low, high))
  }

  func labels(_ values: [Double], format: AxisSpec.TickFormat, decimals: Int?, categories: [String])
    -> (labels: [TickText], offset: TickText?)
  {
    TickFormatter.labels(values, format: format, decimals: decimals)
  }

  var emptyLimits: (Double, Double) { (0, 1) }

  /// 5 % of the value each way, ±0.05 around 0 (matplotlib's `nonsingular` with its expander of 0.05).
  func widened(_ value: Double) -> (Double, Double) {
    let delta = value == 0 ? 0.05 : abs(value) * 0.05
    return (value - delta, value + delta)
  }

  func check(extent: (Double, Double)?, axis: AxisSpec, hasLayers: Bool, at location: SourceLocation?) throws {}

  /// Refuses an axis whose layers hold no value the scale can show and that gives no limits to fall back on;
  /// `none` says what is missing ("no y value is positive").
  func requireShownValues(
    extent: (Double, Double)?, axis: AxisSpec, hasLayers: Bool, at location: SourceLocation?, none: String
  ) throws {
    guard extent == nil, axis.limits == nil, hasLayers else { return }
    throw VellumError(.invalidData, "the \(axis.name) axis is \(none)", at: location)
  }
}

extension AxisSpec {
  /// The axis's scale as layout uses it (every registered kind is a ``PositionScale``).
  var position: any PositionScale { scale as? any PositionScale ?? LinearScale() }
}
