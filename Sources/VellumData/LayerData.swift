import VellumSpec

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

  /// Whether the values are numbers (not category labels).
  var isNumeric: Bool {
    if case .numeric = self { return true }
    return false
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
  /// Columns read as text, by channel name (a text mark's labels).
  public var texts: [String: [String]] = [:]
  /// Display labels of categories along `x` or `y`, from an axis's `ticks: {labels: {column: …}}`.
  public var categoryLabels: [String: [String: String]] = [:]
  /// The layer's `label` with its fields filled from this series' rows (`{model} (AUC = {auc:.3f})`), TeX.
  public var label: Located<String>?

  public init(
    name: String?, x: XValues, values: [String: [Double]], keys: [String: String] = [:], y: XValues? = nil,
    texts: [String: [String]] = [:]
  ) {
    self.name = name
    self.x = x
    self.values = values
    self.keys = keys
    self.y = y
    self.texts = texts
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

extension SeriesData {
  /// Number of rows.
  public var rowCount: Int {
    switch x {
    case .numeric(let values): return values.count
    case .categorical(let labels): return labels.count
    }
  }

  /// Rows whose position and every channel value are present (not NaN, not an empty category).
  func presentRows() -> [Int] { (0..<rowCount).filter(isPresent) }

  /// How many rows lack a position or a channel value, counted without listing the rows.
  func missingRowCount() -> Int {
    var count = 0
    // One numeric column and nothing else (a histogram's samples, a density's): NaNs counted in one pass.
    if case .numeric(let positions) = x, values.isEmpty, y?.isNumeric ?? true {
      for value in positions where value.isNaN { count += 1 }
      return count
    }
    for row in 0..<rowCount where !isPresent(row) { count += 1 }
    return count
  }

  private func isPresent(_ row: Int) -> Bool {
    switch x {
    case .numeric(let values): if values[row].isNaN { return false }
    case .categorical(let labels): if labels[row].isEmpty { return false }
    }
    if case .categorical(let labels)? = y, labels[row].isEmpty { return false }
    return !values.values.contains { $0[row].isNaN }
  }

  /// The series keeping only `rows`, in order.
  func selecting(rows: [Int]) -> SeriesData {
    // A copy keeps what is not per row: the name, keys, category labels and filled label.
    var selected = self
    selected.x = x.selecting(rows)
    selected.values = values.mapValues { column in rows.map { column[$0] } }
    selected.y = y?.selecting(rows)
    selected.texts = texts.mapValues { column in rows.map { column[$0] } }
    return selected
  }
}
