/// One thing drawn in the plot area, in drawing order.
public enum LayerSpec {
  case line(LineLayerSpec)
  case scatter(ScatterLayerSpec)
  case band(BandLayerSpec)
  case area(AreaLayerSpec)
  case bar(BarLayerSpec)
  case errorbar(ErrorBarLayerSpec)
  case hline(ReferenceLineSpec)
  case vline(ReferenceLineSpec)
  case hspan(SpanSpec)
  case vspan(SpanSpec)
  case text(TextAnnotationSpec)

  static let kinds = ["line", "scatter", "band", "area", "bar", "errorbar", "hline", "vline", "hspan", "vspan", "text"]

  /// The layer's series fields, for layers that read data.
  public var series: SeriesCommon? {
    switch self {
    case .line(let l): return l.common
    case .scatter(let l): return l.common
    case .band(let l): return l.common
    case .area(let l): return l.common
    case .bar(let l): return l.common
    case .errorbar(let l): return l.common
    case .hline, .vline, .hspan, .vspan, .text: return nil
    }
  }
}

/// Which table a layer reads and how the rows are transformed first.
public struct LayerSource {
  /// Name of a data source declared under `data`.
  public var data: Located<String>
  public var transforms: [TransformSpec]
}

/// A data transform applied to a layer's table before plotting; a layer's transforms run in order.
public enum TransformSpec {
  /// How an exponential moving average weighs the past.
  public enum Smoothing {
    /// The seed's definition: out[0] = x[0], out[i] = α·out[i−1] + (1−α)·x[i].
    case alpha(Double)
    /// TensorBoard's: the same recurrence from zero with weight w, divided by 1 − wⁱ⁺¹ (debiased).
    case debiased(weight: Double)
    /// Independent of logging density: α = 0.5^(Δx / halflife) between consecutive rows.
    case halflife(Double, x: Located<String>)
  }

  /// How `filter` tests a column.
  public enum Condition {
    case equals(String)
    case oneOf([String])
    case range(min: Double?, max: Double?)
  }

  /// Statistics `aggregate` can compute; each becomes a column `<column>_<stat>`.
  public enum Statistic: String, Sendable, CaseIterable {
    case mean, median, std, sem, min, max, count
    /// Half-width of the 95% Student-t interval of the mean.
    case ci95
    /// 2.5th and 97.5th percentiles of bootstrap means (`_boot_low`, `_boot_high`), with a fixed seed.
    case bootstrap
  }

  case ema(columns: [Located<String>], smoothing: Smoothing, by: [Located<String>])
  case rolling(
    columns: [Located<String>], window: Int?, windowX: Double?, x: Located<String>?, median: Bool, by: [Located<String>]
  )
  /// Keeps rows meeting every condition.
  case filter([(column: Located<String>, condition: Condition)])
  case select([Located<String>])
  case rename([(from: Located<String>, to: String)])
  /// Turns wide columns into rows: each listed column's values go to `value`, its name to `key`.
  case unpivot(columns: [Located<String>], pattern: String?, key: String, value: String)
  /// Resamples each run (rows sharing `by`) linearly onto a common grid of `x`.
  case interpolate(
    x: Located<String>, by: [Located<String>], columns: [Located<String>], step: Double?, points: Int?, from: Double?,
    to: Double?)
  /// One row per distinct `by` combination, with statistics of `columns` over its rows (NaN left out).
  case aggregate(by: [Located<String>], columns: [Located<String>], stats: [Statistic], seed: UInt64, samples: Int)

  static let kinds = ["ema", "rolling", "filter", "select", "rename", "unpivot", "interpolate", "aggregate"]
}

/// What every data-reading layer has: its table, x column, optional grouping, label and paint.
public struct SeriesCommon {
  public var id: String?
  public var source: LayerSource
  public var x: Located<String>
  /// Splits the rows into one series per distinct value of this column, each with its own color and legend entry.
  public var group: Located<String>?
  public var label: Located<String>?
  public var color: Color?
  public var alpha: Double
  public var location: SourceLocation

  static let keys = ["id", "data", "transform", "x", "group", "label", "color", "alpha"]

  init(map: SpecMapping, node: SpecNode, dataNames: [String], defaultAlpha: Double) throws {
    location = node.location
    id = try map.optional("id") { try $0.string("an id") }
    source = try LayerSource(map: map, dataNames: dataNames)
    x = try map.required("x") { try $0.located("a column name") }
    group = try map.optional("group") { try $0.located("a column name") }
    label = try map.optional("label") { try $0.located("a label") }
    color = try map.optional("color") { try decodeColor($0) }
    alpha = try map.optional("alpha") { try decodeAlpha($0) } ?? defaultAlpha
  }
}

/// Marker drawn at data points.
public struct MarkerSpec {
  public enum Shape: String, Sendable, CaseIterable {
    case circle, square, diamond, plus, cross, star, pentagon, hexagon
    case triangleUp = "triangle-up"
    case triangleDown = "triangle-down"
    case triangleLeft = "triangle-left"
    case triangleRight = "triangle-right"

    /// `plus` and `cross` are strokes only, as in matplotlib.
    public var isLineArt: Bool { self == .plus || self == .cross }
  }
  public var shape: Shape
  /// Marker size in points (diameter for circles), like matplotlib's `ms`.
  public var size: Double
  /// Fill; nil takes the series color.
  public var face: Color?
  /// Outline; nil takes the face color.
  public var edge: Color?
  public var edgeWidth: Double
  /// Draw a marker at every n-th point only.
  public var every: Int

  static let keys = ["shape", "size", "face", "edge", "edge_width", "every"]

  init(shape: Shape, size: Double) {
    self.shape = shape
    self.size = size
    edgeWidth = 1
    every = 1
  }
}

/// A polyline through (x, y) points, optionally as steps and with markers.
public struct LineLayerSpec {
  public enum Step: String, Sendable, CaseIterable { case pre, post, mid }
  public var common: SeriesCommon
  public var y: Located<String>
  public var width: Double
  public var dash: DashPattern
  public var step: Step?
  public var marker: MarkerSpec?
}

/// Markers alone at (x, y) points.
public struct ScatterLayerSpec {
  public var common: SeriesCommon
  public var y: Located<String>
  public var marker: MarkerSpec
}

/// A filled region between a lower and an upper curve.
public struct BandLayerSpec {
  public enum Bounds {
    case lowerUpper(lower: Located<String>, upper: Located<String>)
    case centerError(center: Located<String>, error: Located<String>)
  }
  public var common: SeriesCommon
  public var bounds: Bounds
  /// Outline width in points; matplotlib's fill_between strokes its edge in the fill color at 1 pt.
  public var edgeWidth: Double
}

/// A region filled from a curve down (or up) to a constant baseline.
public struct AreaLayerSpec {
  public var common: SeriesCommon
  public var y: Located<String>
  public var baseline: Double
  public var edgeWidth: Double
}

/// Bars from zero (or the bar below, when stacked) to each value; grouped side by side by `group`.
public struct BarLayerSpec {
  public var common: SeriesCommon
  public var y: Located<String>
  /// Symmetric error per bar, drawn as an error bar with caps.
  public var error: Located<String>?
  /// Width of one category's bars together, in category units.
  public var width: Double
  public var horizontal: Bool
  public var stacked: Bool
  public var edge: Color?
  public var edgeWidth: Double
  /// Show each bar's value; nil hides them. The string is a printf pattern or `auto`.
  public var valueLabels: String?
  public var capSize: Double
}

/// Points with error bars in y and/or x.
public struct ErrorBarLayerSpec {
  public var common: SeriesCommon
  public var y: Located<String>
  public var yError: Located<String>?
  public var xError: Located<String>?
  /// Cap length in points (matplotlib's capsize; 0 draws none).
  public var capSize: Double
  public var width: Double
  public var marker: MarkerSpec?
}

/// A horizontal (`hline`) or vertical (`vline`) line across the whole plot area.
public struct ReferenceLineSpec {
  public var id: String?
  public var value: Double
  public var label: Located<String>?
  public var color: Color
  public var width: Double
  public var dash: DashPattern
  public var alpha: Double
  public var location: SourceLocation
}

/// A band across the plot area between two values of one axis (`hspan` in y, `vspan` in x).
public struct SpanSpec {
  public var id: String?
  public var from: Double
  public var to: Double
  public var label: Located<String>?
  public var color: Color
  public var alpha: Double
  public var location: SourceLocation
}

/// Text placed at a data point, optionally offset and with an arrow pointing at the point.
public struct TextAnnotationSpec {
  public enum Anchor: String, Sendable, CaseIterable { case start, middle, end }
  public var id: String?
  public var text: Located<String>
  public var x: Double
  public var y: Double
  /// Text position relative to the point, in points (x right, y up).
  public var offset: (x: Double, y: Double)
  public var anchor: Anchor
  public var size: Double?
  public var color: Color
  public var arrow: Bool
  public var arrowWidth: Double
  public var location: SourceLocation
}
