import Foundation
import VellumDiagnostics
import VellumSpec

/// matplotlib's `hexbin` grid: two interleaved lattices of hexagons over the data's extent (or a given one), each point
/// counted in the hexagon whose centre is nearest, or its values reduced there (`C` with `reduce_C_function`).
/// Hexagons are numbered as matplotlib numbers them (the first lattice column by column, then the second), so the
/// result lists them in its order.
public struct HexagonalBinning: Sendable {
  /// What a hexagon's values become (matplotlib's `reduce_C_function`); `count` ignores them.
  public enum Reduction: String, Sendable, CaseIterable {
    case mean, sum, median, min, max, std, count
  }

  /// One drawn hexagon: its centre and its count or reduced value.
  public struct Hexagon: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var value: Double
  }

  /// Hexagons across x (matplotlib's `nx`).
  public var columns: Int
  /// Hexagons up y (`ny`): `int(nx / sqrt(3))` when only `nx` is given, so the hexagons come out regular.
  public var rows: Int
  /// `[xmin, xmax, ymin, ymax]` the grid spans; nil: the data's extent, widened when it is a single value.
  public var extent: (Double, Double, Double, Double)?
  /// Hexagons holding fewer points are not drawn; nil draws every hexagon of a count (0 included) and every
  /// hexagon holding at least one value.
  public var minimumCount: Int?
  public var reduction: Reduction

  /// Most hexagons of one grid: at most this many cells are counted whatever the data.
  public static let hexagonLimit = 4_000_000

  public init(
    columns: Int, rows: Int? = nil, extent: (Double, Double, Double, Double)? = nil, minimumCount: Int? = nil,
    reduction: Reduction = .mean
  ) {
    self.columns = columns
    self.rows = rows ?? Int(Double(columns) / 3.0.squareRoot())
    self.extent = extent
    self.minimumCount = minimumCount
    self.reduction = reduction
  }

  /// The binned grid: drawn hexagons and the hexagon size.
  public struct Grid: Sendable {
    public var hexagons: [Hexagon]
    /// Distance between hexagon centres of one lattice along x (`sx`) and y (`sy`).
    public var width: Double
    public var height: Double
    /// The region the grid covers, which the axes' limits follow (matplotlib's data limits for hexbin).
    public var xRange: (Double, Double)
    public var yRange: (Double, Double)

    /// The six corners of the hexagon centred at (x, y), as matplotlib's polygon.
    public func corners(_ hexagon: Hexagon) -> [(Double, Double)] {
      let offsets: [(Double, Double)] = [(0.5, -0.5), (0.5, 0.5), (0, 1), (-0.5, 0.5), (-0.5, -0.5), (0, -1)]
      return offsets.map { (hexagon.x + width * $0.0, hexagon.y + height / 3 * $0.1) }
    }
  }

  /// matplotlib's `mtransforms._nonsingular(…, expander=0.1)`: an empty or non-finite range widened.
  static func nonsingular(_ low: Double, _ high: Double) -> (Double, Double) {
    guard low.isFinite, high.isFinite else { return (-0.1, 0.1) }
    let (a, b) = low <= high ? (low, high) : (high, low)
    let largest = Swift.max(abs(a), abs(b))
    if largest < 1e21 * Double.leastNormalMagnitude { return (-0.1, 0.1) }
    if b - a <= largest * 1e-15 {
      if a == 0, b == 0 { return (-0.1, 0.1) }
      return (a - 0.1 * abs(a), b + 0.1 * abs(b))
    }
    return (a, b)
  }

  /// Bins the points (x, y), rows with a non-finite x, y or value left out as matplotlib's masked points.
  public func bin(x: [Double], y: [Double], values: [Double]?, location: SourceLocation? = nil) throws -> Grid {
    let (nx1, ny1, nx2, ny2) = (columns + 1, rows + 1, columns, rows)
    // Counted as Doubles first: the grid is refused by its size before any cell exists.
    let total = Double(nx1) * Double(ny1) + Double(nx2) * Double(ny2)
    guard columns >= 1, rows >= 1 else {
      // One number gives gridsize / √3 rows: 1 gives none.
      throw VellumError(
        .invalidSpec,
        "a hexbin grid of \(columns) × \(rows) hexagons has no cells; give a gridsize of at least 2, or "
          + "[across, up] with both at least 1", at: location)
    }
    guard total <= Double(Self.hexagonLimit) else {
      throw VellumError(
        .invalidSpec,
        "a hexbin grid of \(columns) × \(rows) hexagons is over the limit of \(Self.hexagonLimit) hexagons; give a "
          + "smaller gridsize", at: location)
    }
    var kept: [Int] = []
    kept.reserveCapacity(x.count)
    for row in x.indices where x[row].isFinite && y[row].isFinite && (values.map { $0[row].isFinite } ?? true) {
      kept.append(row)
    }
    var (xmin, xmax, ymin, ymax): (Double, Double, Double, Double)
    if let extent {
      (xmin, xmax, ymin, ymax) = extent
    } else {
      let xs = kept.map { x[$0] }
      let ys = kept.map { y[$0] }
      (xmin, xmax) = Self.nonsingular(xs.min() ?? 0, xs.max() ?? 1)
      (ymin, ymax) = Self.nonsingular(ys.min() ?? 0, ys.max() ?? 1)
    }
    // "In the x-direction, the hexagons exactly cover the region from xmin to xmax": padded against round-off.
    let padding = 1e-9 * (xmax - xmin)
    xmin -= padding
    xmax += padding
    let sx = (xmax - xmin) / Double(columns)
    let sy = (ymax - ymin) / Double(rows)
    guard sx.isFinite, sy.isFinite, sx > 0, sy > 0 else {
      throw VellumError(
        .invalidData, "the hexbin extent [\(xmin), \(xmax)] × [\(ymin), \(ymax)] is empty or not finite",
        at: location)
    }
    let firstCount = nx1 * ny1
    var counts = [Int](repeating: 0, count: firstCount + nx2 * ny2)
    var members: [[Double]] = values == nil || reduction == .count ? [] : Array(repeating: [], count: counts.count)
    for row in kept {
      let ix = (x[row] - xmin) / sx
      let iy = (y[row] - ymin) / sy
      // numpy's round is half to even; a position off the grid (in Double, before any Int) counts nowhere.
      let (rx, ry) = (ix.rounded(.toNearestOrEven), iy.rounded(.toNearestOrEven))
      let (fx, fy) = (ix.rounded(.down), iy.rounded(.down))
      let d1 = (ix - rx) * (ix - rx) + 3 * (iy - ry) * (iy - ry)
      let d2 = (ix - fx - 0.5) * (ix - fx - 0.5) + 3 * (iy - fy - 0.5) * (iy - fy - 0.5)
      let cell: Int
      if d1 < d2 {
        guard rx >= 0, rx < Double(nx1), ry >= 0, ry < Double(ny1) else { continue }
        cell = Int(rx) * ny1 + Int(ry)
      } else {
        guard fx >= 0, fx < Double(nx2), fy >= 0, fy < Double(ny2) else { continue }
        cell = firstCount + Int(fx) * ny2 + Int(fy)
      }
      counts[cell] += 1
      if !members.isEmpty, let values { members[cell].append(values[row]) }
    }
    var hexagons: [Hexagon] = []
    for cell in counts.indices {
      let value: Double
      if values == nil {
        // Counts: every hexagon unless mincnt is given.
        if let minimumCount, counts[cell] < minimumCount { continue }
        value = Double(counts[cell])
      } else {
        guard counts[cell] >= (minimumCount ?? 1) else { continue }
        value = reduction == .count ? Double(counts[cell]) : Self.reduce(members[cell], reduction)
        guard !value.isNaN else { continue }
      }
      let (cx, cy): (Double, Double)
      if cell < firstCount {
        (cx, cy) = (Double(cell / ny1), Double(cell % ny1))
      } else {
        let index = cell - firstCount
        (cx, cy) = (Double(index / ny2) + 0.5, Double(index % ny2) + 0.5)
      }
      hexagons.append(Hexagon(x: cx * sx + xmin, y: cy * sy + ymin, value: value))
    }
    return Grid(hexagons: hexagons, width: sx, height: sy, xRange: (xmin, xmax), yRange: (ymin, ymax))
  }

  /// numpy's reductions of one hexagon's values (NaN for none, as numpy's mean of an empty list; 0 for their sum).
  static func reduce(_ values: [Double], _ reduction: Reduction) -> Double {
    switch reduction {
    case .count: return Double(values.count)
    case .sum: return Statistics.sum(values)
    case _ where values.isEmpty: return .nan
    case .mean: return Statistics.mean(values)
    case .median: return Statistics.median(values)
    case .min: return values.min()!
    case .max: return values.max()!
    case .std: return Statistics.std(values, ddof: 0)
    }
  }
}
