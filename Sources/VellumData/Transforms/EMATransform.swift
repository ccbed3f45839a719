import Foundation
import VellumSpec

/// `ema`: exponential moving average of columns, in row order within each group, in one of three forms.
struct EMATransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "ema",
      purpose: "Smooths columns with an exponential moving average, in row order within each group: the seed's "
        + "form (alpha), TensorBoard's debiased form (weight) or a half-life in x units that ignores logging density.",
      keys: [
        TransformKeys.column("the column to smooth (written over)"),
        TransformKeys.columns("the columns to smooth (each written over)"),
        SpecKey(
          "alpha", unit, "weight of the past: out[i] = alpha·out[i−1] + (1−alpha)·x[i], starting at x[0]",
          example: "0.9"),
        SpecKey(
          "weight", unit, "TensorBoard's smoothing weight: the same recurrence from 0, divided by 1 − weightⁱ⁺¹",
          example: "0.6"),
        SpecKey(
          "debias", SpecSchema.boolean,
          "with weight: divide by 1 − weightⁱ⁺¹ (TensorBoard); false starts from the first value instead",
          defaultValue: true),
        SpecKey(
          "halflife", SpecSchema.positive, "x distance over which a point's weight halves (needs x)",
          example: "100"),
        SpecKey("x", SpecSchema.string, "the column whose distances the half-life is measured in", example: "step"),
        TransformKeys.by("columns whose rows are smoothed separately (one run each)"),
      ],
      exclusive: [["alpha", "weight"], ["alpha", "halflife"], ["weight", "halflife"]],
      requiresOneOf: [["alpha"], ["weight"], ["halflife"]], needs: ["halflife": ["x"]],
      example: "{ema: {column: loss, weight: 0.6, by: run}}"),
    decode: { try EMATransform(node: $0) })

  /// Numbers in [0, 1), as the weights are read.
  private static let unit = JSONValue.object(["type": "number", "minimum": 0, "exclusiveMaximum": 1])

  var columns: [Located<String>]
  var smoothing: Smoothing
  var by: [Located<String>]

  /// How an exponential moving average weighs the past.
  enum Smoothing: Sendable {
    /// The seed's definition: out[0] = x[0], out[i] = α·out[i−1] + (1−α)·x[i].
    case alpha(Double)
    /// TensorBoard's: the same recurrence from zero with weight w, divided by 1 − wⁱ⁺¹ (debiased).
    case debiased(weight: Double)
    /// Independent of logging density: α = 0.5^(Δx / halflife) between consecutive rows.
    case halflife(Double, x: Located<String>)
  }

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.kind.object)
    if let alpha = try map.optional("alpha", { try Self.weight($0, "ema alpha") }) {
      smoothing = .alpha(alpha)
    } else if let weight = try map.optional("weight", { try Self.weight($0, "ema weight") }) {
      let debias = try map.optional("debias") { try $0.bool() } ?? true
      smoothing = debias ? .debiased(weight: weight) : .alpha(weight)
    } else if let halflife = try map.optional("halflife", { try $0.positive("a half-life in x units") }) {
      smoothing = .halflife(halflife, x: try map.column("x"))
    } else {
      throw node.error(
        "ema needs 'alpha' (the seed's form), 'weight' (TensorBoard's debiased form) or 'halflife' with 'x'")
    }
    columns = try map.columnList()
    by = try map.groups()
  }

  private static func weight(_ node: SpecNode, _ what: String) throws -> Double {
    let value = try node.double(what)
    guard (0..<1).contains(value) else { throw node.error("\(what) must be in [0, 1), found \(value)") }
    return value
  }

  func apply(to table: inout Table, sources: [String: Table]) throws {
    let groups = try table.rowGroups(by)
    var xColumn: Located<String>?
    if case .halflife(_, let x) = smoothing { xColumn = x }
    let x = try xColumn.map { try table.numbers($0) }
    for column in columns {
      var values = try table.numbers(column)
      for rows in groups {
        let smoothed = ExponentialMovingAverage(smoothing: smoothing).apply(
          rows.map { values[$0] }, x: x.map { x in rows.map { x[$0] } })
        for (row, value) in zip(rows, smoothed) { values[row] = value }
      }
      table.setNumbers(column.value, values)
    }
  }
}

/// Exponential moving averages: the seed's form, TensorBoard's debiased form, and an x-aware form.
struct ExponentialMovingAverage {
  var smoothing: EMATransform.Smoothing

  init(smoothing: EMATransform.Smoothing) {
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
