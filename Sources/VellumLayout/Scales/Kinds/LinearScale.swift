import VellumSpec

/// `scale: linear`: values as they are, ticks from matplotlib's MaxNLocator, labels from its ScalarFormatter.
struct LinearScale: PositionScale {
  static let kind = ScaleKind("linear", meaning: "values as they are") { _ in LinearScale() }

  var reading: ScaleReading { .numbers }
}
