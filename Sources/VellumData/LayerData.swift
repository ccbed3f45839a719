/// x values of a layer: numbers, or category labels for a categorical axis.
public enum XValues: Equatable {
  case numeric([Double])
  case categorical([String])

  public var count: Int {
    switch self {
    case .numeric(let values): return values.count
    case .categorical(let values): return values.count
    }
  }
}

/// The final numbers a layer plots, after every transform.
public enum LayerData {
  case line(x: XValues, y: [Double])
  case band(x: XValues, lower: [Double], upper: [Double])
  /// hline/vline carry their value in the spec and need no table.
  case reference
}
