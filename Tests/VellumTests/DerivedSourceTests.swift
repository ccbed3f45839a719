import Foundation
import Vellum
import VellumTestSupport
import XCTest

@testable import VellumData
@testable import VellumReview

/// `data: {NAME: {from, transform}}`: tables computed once from another source and shared by every layer.
final class DerivedSourceTests: XCTestCase {
  private let csv = "model,step,loss\na,1,4\na,2,3\na,3,2\nb,1,5\nb,2,4\nb,3,1\n"

  private func figure(_ spec: String, csv: String? = nil) throws -> (figure: Figure, fixture: SpecFixture) {
    let fixture = try SpecFixture()
    try fixture.write("data.csv", csv ?? self.csv)
    return (try Figure(contentsOf: try fixture.write("f.yaml", spec)), fixture)
  }

  /// Three layers read one derived source of two transforms: the transforms run twice in all, not six times.
  func testDerivedSourceIsComputedOncePerFigure() throws {
    let (figure, fixture) = try figure(
      """
      data:
        runs: data.csv
        mean: {from: runs, transform: [{aggregate: {by: step, column: loss, stats: [mean, std]}}, {sort: step}]}
      axes:
        layers:
          - band: {data: mean, x: step, center: loss_mean, error: loss_std}
          - line: {data: mean, x: step, y: loss_mean}
          - scatter: {data: mean, x: step, y: loss_mean}

      """)
    defer { fixture.remove() }
    let loaded = try DataLoader.loadCounting(figure.spec)
    XCTAssertEqual(loaded.transformRuns, 2)
    guard case .series(let series) = loaded.data[0][1] else { return XCTFail("the line has no series") }
    XCTAssertEqual(series[0].values["y"], [4.5, 3.5, 1.5])
  }

  /// Two layers writing the same chain inline, on different lines, compute it once; a chain differing in one value,
  /// an expression or a column is its own.
  func testTheSameInlineChainOnTwoLinesIsComputedOnce() throws {
    let chain = "[{aggregate: {by: step, column: loss, stats: [mean, std]}}, {sort: step}]"
    let (figure, fixture) = try figure(
      """
      data: {runs: data.csv}
      axes:
        layers:
          - band: {transform: \(chain), x: step, center: loss_mean, error: loss_std}
          - line: {transform: \(chain), x: step, y: loss_mean}
          - line: {transform: [{aggregate: {by: step, column: loss, stats: [mean, std]}}, {sort: {by: step, descending: true}}], x: step, y: loss_mean}
          - line: {transform: [{calculate: {expr: "loss * 2", as: twice}}], x: step, y: twice}
          - line: {transform: [{calculate: {expr: "loss * 3", as: twice}}], x: step, y: twice}

      """)
    defer { fixture.remove() }
    let loaded = try DataLoader.loadCounting(figure.spec)
    XCTAssertEqual(loaded.transformRuns, 2 + 2 + 1 + 1)
    guard case .series(let first) = loaded.data[0][3], case .series(let second) = loaded.data[0][4] else {
      return XCTFail("the calculated lines have no series")
    }
    XCTAssertEqual(second[0].values["y"]!, first[0].values["y"]!.map { $0 * 1.5 })
  }

  /// Series split by a column come in order of first appearance with every row of their value, whether a value's
  /// rows lie together or come back later.
  func testSplitSeriesGatherTheirRowsWhereverTheyLie() throws {
    let (figure, fixture) = try figure(
      """
      data: {runs: data.csv}
      axes:
        layers:
          - line: {x: step, y: loss, group: model}

      """, csv: "model,seed,step,loss\nb,1,1,1\nb,1,2,2\na,1,3,3\nb,2,4,4\na,1,5,5\na,1,6,6\nc,1,7,7\nb,1,8,8\n")
    defer { fixture.remove() }
    let loaded = try DataLoader.loadCounting(figure.spec)
    guard case .series(let byModel) = loaded.data[0][0] else { return XCTFail("the line has no series") }
    XCTAssertEqual(byModel.map(\.name), ["b", "a", "c"])
    XCTAssertEqual(byModel.map { $0.values["y"]! }, [[1, 2, 4, 8], [3, 5, 6], [7]])
  }

  /// A derived source may start from another and join a third; each is computed after what it reads.
  func testDerivedSourcesChainAndJoin() throws {
    let (figure, fixture) = try figure(
      """
      data:
        runs: data.csv
        sizes: {values: {model: [a, b], params: [10, 20]}}
        last: {from: best, transform: [{join: {data: sizes, on: model}}]}
        best: {from: runs, transform: [{top: {column: step, k: 1, by: model}}]}
      axes:
        layers:
          - scatter: {data: last, x: params, y: loss}

      """)
    defer { fixture.remove() }
    let loaded = try DataLoader.loadCounting(figure.spec)
    guard case .series(let series) = loaded.data[0][0], case .numeric(let x) = series[0].x else {
      return XCTFail("the scatter has no numeric series")
    }
    XCTAssertEqual(x, [10, 20])
    XCTAssertEqual(series[0].values["y"], [2, 1])
  }

  func testCyclesAndUnknownSourcesAreLocatedErrors() throws {
    let cycle = SpecFixture.error(
      """
      data:
        runs: data.csv
        a: {from: b}
        b: {from: c, transform: [{sort: step}]}
        c: {from: a}
      axes:
        layers:
          - line: {data: a, x: step, y: loss}

      """)
    XCTAssertEqual(cycle?.message, "data sources derive from each other in a cycle: a → b → c → a")
    XCTAssertEqual(cycle.flatMap(\.location).map { [$0.line, $0.column] }, [5, 13], "at c's 'from: a'")
    let unknown = SpecFixture.error(
      """
      data:
        runs: data.csv
        mean: {from: run}
      axes:
        layers:
          - line: {data: mean, x: step, y: loss}

      """)
    XCTAssertEqual(unknown?.location?.line, 3)
    XCTAssertTrue(unknown?.message.contains("did you mean 'runs'") ?? false, unknown?.message ?? "")
    let mixed = SpecFixture.error(
      "data:\n  runs: data.csv\n  mean: {from: runs, csv: x.csv}\naxes:\n  layers:\n    - line: {data: mean, x: step, y: loss}\n"
    )
    XCTAssertEqual(mixed?.location?.column, 22, "at the csv key")
    // A column the derived table lacks is missing from that source, not from the file it derives from.
    let missing = SpecFixture.error(
      "data:\n  runs: data.csv\n  m: {from: runs, transform: [{aggregate: {by: step, column: loss}}]}\naxes:\n"
        + "  layers:\n    - line: {data: m, x: step, y: loss}\n", csv: csv)
    XCTAssertTrue(
      missing?.message.hasPrefix("no column 'loss' in data source 'm' (from ") ?? false, missing?.message ?? "")
  }

  /// `filter: {expr: "row > col"}` compares two columns per row: a lower-triangle heatmap.
  func testLowerTriangleHeatmapThroughAnExpressionFilter() throws {
    var cells = "row,col,v\n"
    for row in 0..<4 { for col in 0..<4 { cells += "\(row),\(col),\(row * 4 + col)\n" } }
    let (figure, fixture) = try figure(
      """
      data: {d: data.csv}
      axes:
        layers:
          - heatmap: {x: col, y: row, value: v, colorbar: false, transform: [{filter: {expr: "row > col"}}]}

      """, csv: cells)
    defer { fixture.remove() }
    let root = try SVGDocument.parse(Data(try figure.svg().utf8), name: "f.svg")
    var count = 0
    root.walk { element, owner in if owner == "heatmap-v" && element.name == "path" { count += 1 } }
    XCTAssertEqual(count, 6, "the cells below the diagonal of a 4 × 4 grid")
  }
}
