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
  func presentRows() -> [Int] {
    guard let missing = missingRows() else { return Array(0..<rowCount) }
    return missing.indices.filter { !missing[$0] }
  }

  /// How many rows lack a position or a channel value.
  func missingRowCount() -> Int {
    missingRows()?.reduce(0) { $0 + ($1 ? 1 : 0) } ?? 0
  }

  /// Per row, whether its position or a channel value is missing; nil when no row is (the usual case, shown by
  /// one tight pass over each column, not a dictionary walk per row).
  private func missingRows() -> [Bool]? {
    var numbers = Array(values.values)
    var labels: [[String]] = []
    switch x {
    case .numeric(let values): numbers.append(values)
    case .categorical(let values): labels.append(values)
    }
    // A numeric y position is drawn where it is; only an empty category is missing.
    if case .categorical(let values)? = y { labels.append(values) }
    guard
      numbers.contains(where: Self.containsNaN)
        || labels.contains(where: { $0.contains(where: \.isEmpty) })
    else { return nil }
    var missing = [Bool](repeating: false, count: rowCount)
    for column in numbers {
      for (row, value) in column.enumerated() where value.isNaN { missing[row] = true }
    }
    for column in labels {
      for (row, label) in column.enumerated() where label.isEmpty { missing[row] = true }
    }
    return missing
  }

  /// Whether any value is NaN (the value unequal to itself), by one compare a value in a tight loop;
  /// `contains(where: \.isNaN)` went through a key-path closure and tested the bits, several times slower.
  static func containsNaN(_ values: [Double]) -> Bool {
    values.withUnsafeBufferPointer { buffer in
      for value in buffer where value != value { return true }
      return false
    }
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
