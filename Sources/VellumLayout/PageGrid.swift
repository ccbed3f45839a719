import Foundation
import VellumScene

/// Page points and boxes bucketed in square cells, so asking what lies in or across a box costs what lies near it
/// rather than everything placed: label nudging over 100,000 labels stays linear.
struct PageGrid {
  /// The cells' side in points.
  let cell: Double
  private var points: [Int64: [Point]] = [:]
  private var boxes: [Int64: [Rect]] = [:]

  init(cell: Double = 24) { self.cell = cell }

  /// Cells further out than this from the page's origin are clamped: their contents are off the canvas anyway.
  private static let reach = 1_000_000.0

  private func index(_ value: Double) -> Int64 {
    Int64((min(max(value, -Self.reach), Self.reach) / cell).rounded(.down))
  }

  private func key(_ column: Int64, _ row: Int64) -> Int64 { column &* 4_194_304 &+ row }

  /// The cells a box covers, column by column.
  private func cells(_ box: Rect) -> [Int64] {
    let (columns, rows) = (index(box.minX)...index(box.maxX), index(box.minY)...index(box.maxY))
    return columns.flatMap { column in rows.map { key(column, $0) } }
  }

  mutating func insert(_ point: Point) {
    guard point.x.isFinite, point.y.isFinite else { return }
    points[key(index(point.x), index(point.y)), default: []].append(point)
  }

  mutating func insert(_ box: Rect) {
    for cell in cells(box) { boxes[cell, default: []].append(box) }
  }

  /// Whether a point other than `own` lies in `box`.
  func holdsPoint(in box: Rect, other own: Point) -> Bool {
    cells(box).contains { cell in points[cell]?.contains { $0 != own && box.contains($0) } ?? false }
  }

  /// Whether a box placed before crosses `box`.
  func holdsBox(crossing box: Rect) -> Bool {
    cells(box).contains { cell in boxes[cell]?.contains { $0.intersects(box) } ?? false }
  }
}
