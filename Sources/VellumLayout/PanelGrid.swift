import VellumScene

/// Sizes a grid of plot areas so every panel's decorations fit the canvas, plot areas equal or in the given
/// ratios (matplotlib's tight_layout for subplots): columns take the widest left and right decorations of
/// their panels, rows the tallest top and bottom ones.
struct PanelGrid {
  let rows: Int
  let columns: Int
  /// Gap between one panel's decorations and the next one's.
  let spacing: Double
  /// The gap between rows' decorations, when it differs from the columns' `spacing`.
  var rowSpacing: Double? = nil
  /// Each gap sized by the columns (rows) on either side of it, from the largest reach of each, as matplotlib's
  /// constrained_layout gives every column its own margins; else every gap is one size, as tight_layout's.
  var gapsPerBoundary = false
  /// Relative plot widths of the columns and heights of the rows; nil: equal.
  var widthRatios: [Double]? = nil
  var heightRatios: [Double]? = nil
  /// Least gap between plot areas as a fraction of the mean plot width and height (matplotlib's wspace, hspace).
  var wspace: Double? = nil
  var hspace: Double? = nil

  /// The plot rectangle of every panel (index = row × columns + column) inside `area`. As matplotlib's
  /// tight_layout, every gap between columns is one width: the most any row needs at any column boundary (the
  /// left panel's decorations on its right plus the right panel's on its left) plus the spacing; rows alike.
  func fit(area: Rect, panelCount: Int, extents: (Int, Rect) throws -> Rect) throws -> [Rect] {
    let rowSpacing = self.rowSpacing ?? spacing
    let (columnBoundaries, rowBoundaries) = (max(0, columns - 1), max(0, rows - 1))
    var rects = cells(
      area: area, outer: Margins(), columnGaps: Array(repeating: spacing, count: columnBoundaries),
      rowGaps: Array(repeating: rowSpacing, count: rowBoundaries))
    for _ in 0..<8 {
      // Padding, legends or text too large for the canvas leave no plot to measure around; the caller reports it.
      guard rects.prefix(panelCount).allSatisfy(Self.hasRoom) else { break }
      var reach = [Margins](repeating: Margins(), count: rows * columns)
      for index in 0..<panelCount {
        let plot = rects[index]
        let used = try extents(index, plot)
        reach[index].left = plot.minX - used.minX
        reach[index].right = used.maxX - plot.maxX
        reach[index].top = plot.minY - used.minY
        reach[index].bottom = used.maxY - plot.maxY
      }
      func at(_ row: Int, _ column: Int) -> Margins { reach[row * columns + column] }
      var outer = Margins()
      var columnGaps = [Double](repeating: 0, count: columnBoundaries)
      var rowGaps = [Double](repeating: 0, count: rowBoundaries)
      for row in 0..<rows {
        outer.left = max(outer.left, at(row, 0).left)
        outer.right = max(outer.right, at(row, columns - 1).right)
      }
      for column in 0..<columns {
        outer.top = max(outer.top, at(0, column).top)
        outer.bottom = max(outer.bottom, at(rows - 1, column).bottom)
      }
      if gapsPerBoundary {
        for column in 0..<columnBoundaries {
          columnGaps[column] =
            (0..<rows).map { at($0, column).right }.max()! + (0..<rows).map { at($0, column + 1).left }.max()!
        }
        for row in 0..<rowBoundaries {
          rowGaps[row] =
            (0..<columns).map { at(row, $0).bottom }.max()! + (0..<columns).map { at(row + 1, $0).top }.max()!
        }
      } else {
        var columnGap = 0.0
        var rowGap = 0.0
        for row in 0..<rows {
          for column in 0..<columnBoundaries {
            columnGap = max(columnGap, at(row, column).right + at(row, column + 1).left)
          }
        }
        for column in 0..<columns {
          for row in 0..<rowBoundaries { rowGap = max(rowGap, at(row, column).bottom + at(row + 1, column).top) }
        }
        columnGaps = columnGaps.map { _ in columnGap }
        rowGaps = rowGaps.map { _ in rowGap }
      }
      let next = cells(
        area: area, outer: outer, columnGaps: columnGaps.map { $0 + spacing }, rowGaps: rowGaps.map { $0 + rowSpacing })
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

  private func cells(area: Rect, outer: Margins, columnGaps: [Double], rowGaps: [Double]) -> [Rect] {
    // A gap is the decorations' need, or the fraction of the mean plot size if larger (matplotlib's wspace).
    func gaps(_ needed: [Double], fraction: Double?, room: Double, count: Int) -> [Double] {
      guard let fraction, count > 1 else { return needed }
      // mean = (room − (count − 1) gap) / count, so gap = fraction × mean solves to this.
      let fractional = fraction * room / (Double(count) + fraction * Double(count - 1))
      return needed.map { max($0, fractional) }
    }
    let columnRoom = area.width - outer.left - outer.right
    let rowRoom = area.height - outer.top - outer.bottom
    let columnGaps = gaps(columnGaps, fraction: wspace, room: columnRoom, count: columns)
    let rowGaps = gaps(rowGaps, fraction: hspace, room: rowRoom, count: rows)
    let totalWidth = columnRoom - columnGaps.reduce(0, +)
    let totalHeight = rowRoom - rowGaps.reduce(0, +)
    // Each column (row) gets its share of the plot room: equal, or by its ratio.
    func shares(_ ratios: [Double]?, count: Int, total: Double) -> [Double] {
      let weights = ratios ?? [Double](repeating: 1, count: count)
      let sum = weights.reduce(0, +)
      return weights.map { total * $0 / sum }
    }
    let widths = shares(widthRatios, count: columns, total: totalWidth)
    let heights = shares(heightRatios, count: rows, total: totalHeight)
    var xs: [Double] = []
    var x = area.minX + outer.left
    for column in 0..<columns {
      xs.append(x)
      x += widths[column] + (column < columnGaps.count ? columnGaps[column] : 0)
    }
    var ys: [Double] = []
    var y = area.minY + outer.top
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
