import VellumSpec

/// `scale: categorical`: each value a label in its own slot, at 0, 1, 2… in order of first appearance.
struct CategoricalScale: PositionScale {
  static let kind = ScaleKind("categorical", meaning: "one slot per value") { _ in CategoricalScale() }

  var reading: ScaleReading { .categories }

  /// A tick at every category inside the limits.
  func autoTicks(low: Double, high: Double, maxBins: Int, categories: [String]) -> [Double] {
    categories.indices.map(Double.init).filter { $0 >= low - 1e-9 && $0 <= high + 1e-9 }
  }

  func minorTicks(majors: [Double], low: Double, high: Double) -> [Double] { [] }

  /// The category at each whole tick; ticks between slots stay unlabelled.
  func labels(_ values: [Double], format: AxisSpec.TickFormat, decimals: Int?, categories: [String])
    -> (labels: [TickText], offset: TickText?)
  {
    let labels = values.map { value -> TickText in
      let index = Int(exactly: value.rounded()) ?? -1
      return .literal(value == value.rounded() && categories.indices.contains(index) ? categories[index] : "")
    }
    return (labels, nil)
  }
}
