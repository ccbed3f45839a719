import VellumDiagnostics
import VellumScene
import VellumSpec
import VellumTypesetting

/// Tick values of one axis with their set labels, minor ticks, and the offset label (×10ⁿ) if any.
struct AxisTicks {
  var values: [Double]
  var labels: [SetText]
  var minors: [Double] = []
  var offset: SetText?
  /// Said when the ticks asked for cannot be drawn (a step too fine for the axis).
  var warnings: [VellumWarning] = []

  /// Locates and labels ticks for `axis` shown over `low…high` on an axis `length` points long.
  static func make(
    _ axis: AxisSpec, low: Double, high: Double, length: Double, labelSize: Double, isX: Bool,
    categories: [String], setter: TextSetter
  ) throws -> AxisTicks {
    // matplotlib's tick space: one bin per 3 (x) or 2 (y) label heights, capped at 9.
    let room = abs(length) / (labelSize * (isX ? 3 : 2))
    let maxBins = room.isFinite ? Int(max(1, min(9, room))) : 1
    let scale = axis.position
    let values = scale.ticks(axis.ticks, low: low, high: high, maxBins: maxBins, categories: categories)
    let minors = axis.minor ? scale.minorTicks(majors: values, low: low, high: high) : []
    var warnings: [VellumWarning] = []
    if case .step(let step) = axis.ticks, values.isEmpty, abs(high - low) / step >= 10_000 {
      warnings.append(
        VellumWarning(
          "\(axis.name) ticks every \(FormatSpec.plain(step)) would be more than 10,000 across the axis; none are "
            + "drawn: give a larger step", at: axis.location))
    }
    if case .auto = axis.ticks, values.isEmpty, low != high {
      // A time axis past the years dates can be written in (1–9999) has no calendar to tick.
      let dates = scale is TimeScale ? " (dates are ticked from year 1 to 9999)" : ""
      warnings.append(
        VellumWarning(
          "no \(axis.name) tick falls within the axis' limits\(dates); the axis is drawn unlabelled: give its limits "
            + "or ticks", at: axis.location))
    }
    if case .values(let all, let given?) = axis.ticks {
      let labels = try values.map { value in
        try setter.set(label: given[all.firstIndex(of: value)!], size: labelSize)
      }
      return AxisTicks(values: values, labels: labels, minors: minors)
    }
    let (texts, offset) = scale.labels(values, format: axis.format, decimals: axis.decimals, categories: categories)
    return AxisTicks(
      values: values, labels: try texts.map { try set($0, size: labelSize, setter: setter) }, minors: minors,
      offset: try offset.map { try set($0, size: labelSize, setter: setter) }, warnings: warnings)
  }

  private static func set(_ text: TickText, size: Double, setter: TextSetter) throws -> SetText {
    text.isTeX
      ? try setter.set(label: Located(text.text, at: nil), size: size) : try setter.set(literal: text.text, size: size)
  }
}
