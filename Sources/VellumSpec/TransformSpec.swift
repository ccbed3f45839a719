/// A data transform applied to a layer's table before plotting; a layer's transforms run in order.
public enum TransformSpec: Sendable {
  /// How an exponential moving average weighs the past.
  public enum Smoothing: Sendable {
    /// The seed's definition: out[0] = x[0], out[i] = α·out[i−1] + (1−α)·x[i].
    case alpha(Double)
    /// TensorBoard's: the same recurrence from zero with weight w, divided by 1 − wⁱ⁺¹ (debiased).
    case debiased(weight: Double)
    /// Independent of logging density: α = 0.5^(Δx / halflife) between consecutive rows.
    case halflife(Double, x: Located<String>)
  }

  /// How `filter` tests a column.
  public enum Condition: Sendable {
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
  /// `except` unpivots every column but those (a wide matrix's row labels), like pandas' `melt(id_vars=…)`.
  case unpivot(columns: [Located<String>], pattern: String?, except: [Located<String>]?, key: String, value: String)
  /// Resamples each run (rows sharing `by`) linearly onto a common grid of `x`.
  case interpolate(
    x: Located<String>, by: [Located<String>], columns: [Located<String>], step: Double?, points: Int?, from: Double?,
    to: Double?)
  /// One row per distinct `by` combination, with statistics of `columns` over its rows (NaN left out).
  case aggregate(by: [Located<String>], columns: [Located<String>], stats: [Statistic], seed: UInt64, samples: Int)

  /// Counts rows in a grid of x and y bins (numpy's `histogram2d`): one row per bin with its centres and `count`
  /// (or the stat), every bin present, ready for a heatmap.
  case bin2d(
    x: Located<String>, y: Located<String>, bins: (BinSpec, BinSpec), range: ((Double, Double)?, (Double, Double)?),
    weights: Located<String>?, stat: HistogramStat, name: String)

  /// How `normalize` scales a group's values.
  public enum Normalization: String, Sendable, CaseIterable {
    /// So the group's values add up to 1 (a row-normalised confusion matrix).
    case sum
    /// So the group's largest absolute value is 1.
    case max
  }

  /// Divides `columns` by their sum (or largest magnitude) within each `by` group; missing values stay missing.
  case normalize(columns: [Located<String>], by: [Located<String>], method: Normalization)

  static let kinds = [
    "ema", "rolling", "filter", "select", "rename", "unpivot", "interpolate", "aggregate", "bin2d", "normalize",
  ]
}
