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
    case notEquals(String)
    case noneOf([String])
    /// A strict or inclusive numeric comparison (`<`, `<=`, `>`, `>=`); missing values never pass.
    case compare(Comparison, Double)
  }

  public enum Comparison: String, Sendable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
  }

  /// What `cumulative` accumulates, as pandas' cumsum, cummax, cummin and expanding count.
  public enum Accumulation: String, Sendable, CaseIterable { case sum, max, min, count }

  /// How `stack` offsets each x's stack (Vega-Lite's stack offsets).
  public enum StackOffset: String, Sendable, CaseIterable {
    /// From zero, in data units.
    case zero
    /// As fractions of each x's total.
    case normalize
    /// As percentages of each x's total.
    case percent
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
  /// A pattern with named captures (`(?<run>.*) - (?<metric>[^_]*)(__(?<stat>MIN|MAX))?`) makes each capture a
  /// column instead of `key`, and the `spread` capture picks the value's column, so value, min and max share a row.
  case unpivot(
    columns: [Located<String>], pattern: String?, except: [Located<String>]?, key: String, value: String,
    spread: String?)
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

  /// Orders rows by `columns` (numbers by value when a column is all numbers, else as text; missing last), stably.
  case sort(columns: [Located<String>], descending: [Bool])
  /// Running sum, maximum, minimum or count of `columns` within each `by` group, in row order (NaN rows keep NaN
  /// and are skipped, as pandas); written to `as` or over the column.
  case cumulative(columns: [Located<String>], stat: Accumulation, by: [Located<String>], names: [String]?)
  /// Stacks `column` per `x` across rows in order (one series after another), writing each row's
  /// `[start, end]` to `names`; offsets normalise each x's stack to 1 or 100.
  case stack(column: Located<String>, x: Located<String>, offset: StackOffset, names: (String, String))
  /// A new column from a formula over columns (`expr: 'tokens * 6 * params'`).
  case calculate(expression: Formula, name: String, location: SourceLocation?)
  /// Each row's rank of `column` within its `by` group (1 = smallest, or largest with `descending`; ties by row
  /// order, pandas' method='first'), in `name`.
  case rank(column: Located<String>, by: [Located<String>], descending: Bool, name: String)
  /// Keeps the first `count` rows of each `by` group ordered by `column` (largest first unless `ascending`).
  case top(column: Located<String>, count: Int, by: [Located<String>], ascending: Bool)
  /// Difference to the row `periods` before within each group (pandas' diff), or its relative change
  /// (pct_change, `relative`).
  case difference(
    columns: [Located<String>], by: [Located<String>], periods: Int, relative: Bool, names: [String]?)
  /// Drops rows where any of `columns` (every column when empty) is missing.
  case dropna(columns: [Located<String>])
  /// Adds the columns of another data source by matching key columns (pandas' merge, `how` left or inner).
  case join(data: Located<String>, on: [Located<String>], inner: Bool)
  /// Puts each row's `column` into a bin (the histogram's `bins` rules), adding `<name>` (centre), `<name>_start`
  /// and `<name>_end`.
  case bin(column: Located<String>, bins: BinSpec, range: (Double, Double)?, name: String)

  static let kinds = [
    "ema", "rolling", "filter", "select", "rename", "unpivot", "interpolate", "aggregate", "bin2d", "normalize",
    "sort", "cumulative", "stack", "calculate", "rank", "top", "diff", "pct_change", "dropna", "join", "bin",
  ]
}
