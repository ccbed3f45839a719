import VellumScene

/// Sizes a grid of plot areas so every panel's decorations fit the canvas, plot areas equal or in the given
/// ratios (matplotlib's tight_layout for subplots): columns take the widest left and right decorations of
/// their panels, rows the tallest top and bottom ones.
struct PanelGrid {
  let rows: Int
  let columns: Int
  /// Gap between one panel's decorations and the next one's.
  let spacing: Double
  /// Relative plot widths of the columns and heights of the rows; nil: equal.
  var widthRatios: [Double]? = nil
  var heightRatios: [Double]? = nil
  /// Least gap between plot areas as a fraction of the mean plot width and height (matplotlib's wspace, hspace).
  var wspace: Double? = nil
  var hspace: Double? = nil

  /// The plot rectangle of every panel (index = row × columns + column) inside `area`.
  func fit(area: Rect, panelCount: Int, extents: (Int, Rect) throws -> Rect) throws -> [Rect] {
    var rects = cells(
      area: area, left: [Double](repeating: 0, count: columns), right: [Double](repeating: 0, count: columns),
      top: [Double](repeating: 0, count: rows), bottom: [Double](repeating: 0, count: rows))
    for _ in 0..<8 {
      // Padding, legends or text too large for the canvas leave no plot to measure around; the caller reports it.
      guard rects.prefix(panelCount).allSatisfy(Self.hasRoom) else { break }
      var left = [Double](repeating: 0, count: columns)
      var right = left
      var top = [Double](repeating: 0, count: rows)
      var bottom = top
      for index in 0..<panelCount {
        let (row, column) = (index / columns, index % columns)
        let plot = rects[index]
        let used = try extents(index, plot)
        left[column] = max(left[column], plot.minX - used.minX)
        right[column] = max(right[column], used.maxX - plot.maxX)
        top[row] = max(top[row], plot.minY - used.minY)
        bottom[row] = max(bottom[row], used.maxY - plot.maxY)
      }
      let next = cells(area: area, left: left, right: right, top: top, bottom: bottom)
      let moved = zip(next, rects).map {
        abs($0.minX - $1.minX) + abs($0.maxX - $1.maxX) + abs($0.minY - $1.minY) + abs($0.maxY - $1.maxY)
      }
      .reduce(0, +)
      rects = next
      if moved < 1e-6 { break }
    }
    return rects
  }

  /// A plot area worth laying out: finite and more than a point each way.
  static func hasRoom(_ plot: Rect) -> Bool {
    plot.minX.isFinite && plot.minY.isFinite && plot.width.isFinite && plot.height.isFinite && plot.width > 1
      && plot.height > 1
  }

  private func cells(area: Rect, left: [Double], right: [Double], top: [Double], bottom: [Double]) -> [Rect] {
    // The gap after each column (row): decorations plus spacing, or the fraction of the mean plot size if larger.
    func gaps(_ before: [Double], _ after: [Double], fraction: Double?, room: Double) -> [Double] {
      let needed = (0..<max(0, before.count - 1)).map { after[$0] + spacing + before[$0 + 1] }
      guard let fraction, !needed.isEmpty else { return needed }
      var result = needed
      // Fixed point of gap = max(needed, fraction × mean plot size), the plot size shrinking as gaps grow.
      for _ in 0..<20 {
        let mean = (room - before[0] - after[after.count - 1] - result.reduce(0, +)) / Double(before.count)
        result = needed.map { max($0, fraction * max(0, mean)) }
      }
      return result
    }
    let columnGaps = gaps(left, right, fraction: wspace, room: area.width)
    let rowGaps = gaps(top, bottom, fraction: hspace, room: area.height)
    let totalWidth = area.width - left[0] - right[columns - 1] - columnGaps.reduce(0, +)
    let totalHeight = area.height - top[0] - bottom[rows - 1] - rowGaps.reduce(0, +)
    // Each column (row) gets its share of the plot room: equal, or by its ratio.
    func shares(_ ratios: [Double]?, count: Int, total: Double) -> [Double] {
      let weights = ratios ?? [Double](repeating: 1, count: count)
      let sum = weights.reduce(0, +)
      return weights.map { total * $0 / sum }
    }
    let widths = shares(widthRatios, count: columns, total: totalWidth)
    let heights = shares(heightRatios, count: rows, total: totalHeight)
    var xs: [Double] = []
    var x = area.minX + left[0]
    for column in 0..<columns {
      xs.append(x)
      x += widths[column] + (column < columnGaps.count ? columnGaps[column] : 0)
    }
    var ys: [Double] = []
    var y = area.minY + top[0]
    for row in 0..<rows {
      ys.append(y)
      y += heights[row] + (row < rowGaps.count ? rowGaps[row] : 0)
    }
    return (0..<rows * columns).map { index in
      Rect(
        x: xs[index % columns], y: ys[index / columns], width: widths[index % columns], height: heights[index / columns]
      )
    }
  }
}
