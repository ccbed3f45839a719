/// x values of a series: numbers, or category labels for a categorical axis.
public enum XValues: Equatable {
  case numeric([Double])
  case categorical([String])

  public var count: Int {
    switch self {
    case .numeric(let values): return values.count
    case .categorical(let values): return values.count
    }
  }

  func selecting(_ rows: [Int]) -> XValues {
    switch self {
    case .numeric(let values): return .numeric(rows.map { values[$0] })
    case .categorical(let values): return .categorical(rows.map { values[$0] })
    }
  }
}

/// What a series plots, by role (`y`, `lower`, `upper`, `error`, `xerr`…), after every transform.
public struct SeriesData: Equatable {
  /// The series' label when a layer is split (`group`, or columns driving colour, dash or marker): its values
  /// of those columns, each distinct value once, joined by ", "; nil when the layer is not split.
  public var name: String?
  public var x: XValues
  public var values: [String: [Double]]
  /// The value of each splitting column, by column name.
  public var keys: [String: String]
  /// Positions along y from a second position column (heatmap rows), when the layer has one.
  public var y: XValues?

  public init(
    name: String?, x: XValues, values: [String: [Double]], keys: [String: String] = [:], y: XValues? = nil
  ) {
    self.name = name
    self.x = x
    self.values = values
    self.keys = keys
    self.y = y
  }

  public subscript(_ role: String) -> [Double] { values[role] ?? [] }
}

/// The final numbers a layer plots: one series, or one per group.
public enum LayerData {
  case series([SeriesData])
  /// Reference lines, spans and text carry their values in the spec and need no table.
  case none

  public var series: [SeriesData] {
    if case .series(let series) = self { return series }
    return []
  }
}
