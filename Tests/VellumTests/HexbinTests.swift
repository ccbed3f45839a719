import Foundation
import Vellum
import VellumData
import VellumScene
import VellumTestSupport
import XCTest

@testable import VellumLayout

/// `hexbin` against matplotlib on 15 committed point sets (Tests/Reference/hexbin.json, from
/// scripts/reference_hexbin.py): every drawn hexagon's centre and count or reduced value, in matplotlib's order,
/// the colour steps of `bins: N`, and the axis limits the grid gives.
final class HexbinTests: XCTestCase {
  private struct Reference: Decodable {
    struct Case: Decodable {
      var kind: String
      var gridsize: GridSize
      var mincnt: Int?
      var extent: [Double]?
      var reduce: String?
      var xscale: String?
      var yscale: String?
      var bins: Int?
      var x: [Double]
      var y: [Double]
      var values: [Double]?
      var centers: [[Double]]
      var accum: [Double]
      var xlim: [Double]
      var ylim: [Double]
    }
    enum GridSize: Decodable {
      case one(Int)
      case two([Int])
      init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let size = try? container.decode(Int.self) {
          self = .one(size)
        } else {
          self = .two(try container.decode([Int].self))
        }
      }
    }
    var cases: [Case]
  }

  private func reference() throws -> [Reference.Case] {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/hexbin.json")
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url)).cases
  }

  private func grid(_ item: Reference.Case) throws -> HexagonalBinning.Grid {
    let (columns, rows): (Int, Int?)
    switch item.gridsize {
    case .one(let n): (columns, rows) = (n, nil)
    case .two(let sizes): (columns, rows) = (sizes[0], sizes[1])
    }
    let binning = HexagonalBinning(
      columns: columns, rows: rows, extent: item.extent.map { ($0[0], $0[1], $0[2], $0[3]) },
      minimumCount: item.mincnt, reduction: item.reduce.flatMap(HexagonalBinning.Reduction.init) ?? .count)
    let x = item.xscale == "log" ? item.x.map(log10) : item.x
    let y = item.yscale == "log" ? item.y.map(log10) : item.y
    return try binning.bin(x: x, y: y, values: item.values)
  }

  func testHexagonsMatchMatplotlib() throws {
    let cases = try reference()
    XCTAssertEqual(cases.count, 15)
    var hexagons = 0
    for (number, item) in cases.enumerated() {
      let grid = try grid(item)
      let name = "case \(number) (\(item.kind))"
      XCTAssertEqual(grid.hexagons.count, item.centers.count, name)
      for (hexagon, center) in zip(grid.hexagons, item.centers) {
        let scale = max(abs(center[0]), abs(center[1]), 1)
        XCTAssertEqual(hexagon.x, center[0], accuracy: 1e-9 * scale, name)
        XCTAssertEqual(hexagon.y, center[1], accuracy: 1e-9 * scale, name)
      }
      let values = grid.hexagons.map(\.value)
      let expected = item.bins.map { HexbinMark.steps(values, count: $0) } ?? values
      for (value, reference) in zip(expected, item.accum) {
        XCTAssertEqual(value, reference, accuracy: 1e-9 * max(1, abs(reference)), name)
      }
      hexagons += grid.hexagons.count
    }
    XCTAssertEqual(hexagons, 1098)
  }

  /// The axes span the grid's extent plus matplotlib's 5% margins (in log space on log axes).
  func testAxisLimitsMatchMatplotlib() throws {
    for item in try reference() {
      let grid = try grid(item)
      let power = { (log: Bool, v: Double) in log ? pow(10, v) : v }
      let (logX, logY) = (item.xscale == "log", item.yscale == "log")
      let x = AxisLimits.resolve(
        explicit: nil, dataExtent: (power(logX, grid.xRange.0), power(logX, grid.xRange.1)),
        scale: logX ? LogScale() as any PositionScale : LinearScale())
      let y = AxisLimits.resolve(
        explicit: nil, dataExtent: (power(logY, grid.yRange.0), power(logY, grid.yRange.1)),
        scale: logY ? LogScale() as any PositionScale : LinearScale())
      for (ours, theirs) in [(x.0, item.xlim[0]), (x.1, item.xlim[1]), (y.0, item.ylim[0]), (y.1, item.ylim[1])] {
        XCTAssertEqual(ours, theirs, accuracy: 1e-9 * max(1, abs(theirs)), item.kind)
      }
    }
  }

  /// One path per colour, hexagons outlined in their own colour (edgecolors='face', 1 pt), a colorbar by default.
  func testHexagonsShareAPathPerColourAndOutlineInTheirFace() throws {
    let layers = try resolveFirstLayer(
      "data: {d: data.csv}\naxes:\n  layers:\n    - hexbin: {x: a, y: b, gridsize: 4, mincnt: 1}\n",
      csv: "a,b\n0,0\n0,0\n1,1\n2,0.5\n3,3\n3,3\n3,3\n")
    let geometry = try XCTUnwrap(layers.first?.geometry as? HexbinMark.Geometry)
    XCTAssertNotNil(geometry.colorbar)
    XCTAssertEqual(geometry.polygons.count, 3, "counts 1, 2 and 3: three colours")
    XCTAssertEqual(geometry.polygons.reduce(0) { $0 + $1.corners.count }, 4)
    XCTAssertNil(geometry.edge)
    XCTAssertEqual(geometry.edgeWidth, 1)
    XCTAssertTrue(geometry.polygons.allSatisfy { $0.corners.allSatisfy { $0.count == 6 } })
  }

  func testBadInputIsALocatedError() throws {
    let cases = [
      ("hexbin: {x: a, y: b, gridsize: 5000}", "gridsize must be between 1 and 1000"),
      ("hexbin: {x: a, y: b, extent: [1, 0, 0, 1]}", "xmin < xmax"),
      ("hexbin: {x: a, y: b, xscale: log}", "positive values"),
      ("hexbin: {x: a, y: b, bins: log, norm: linear}", "one of bins and norm"),
      ("hexbin: {x: a, y: b, reduce: mode}", "mode"),
    ]
    for (layer, message) in cases {
      XCTAssertThrowsError(
        try resolveFirstLayer("data: {d: data.csv}\naxes:\n  layers:\n    - \(layer)\n", csv: "a,b\n-1,0\n1,2\n"), layer
      ) { error in
        XCTAssertTrue("\(error)".contains(message), "\(layer): \(error)")
        XCTAssertTrue("\(error)".contains("figure.yaml:"), "\(layer): \(error)")
      }
    }
  }
}
