import Foundation
import Vellum
import VellumTestSupport
import XCTest

@testable import VellumData

/// Several files read as one table: globs in sorted order, a column from each path, and located errors.
final class MultiFileSourceTests: XCTestCase {
  private func load(_ files: [String: String], source: String) throws -> [[LayerData]] {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try FileManager.default.createDirectory(
      at: fixture.directory.appendingPathComponent("runs"), withIntermediateDirectories: true)
    for (name, text) in files { try fixture.write(name, text) }
    let spec = "data:\n  runs: \(source)\naxes:\n  layers:\n    - line: {x: step, y: loss, group: seed}\n"
    let figure = try Figure(contentsOf: try fixture.write("figure.yaml", spec))
    return try DataLoader.load(figure.spec)
  }

  private let seeds = [
    "runs/seed10.csv": "step,loss\n0,10\n1,11\n", "runs/seed2.csv": "loss,step\n2,0\n3,1\n",
    "runs/seed1.csv": "step,loss\n0,1\n1,2\n",
  ]

  func testGlobReadsFilesInSortedOrderWithAPathColumn() throws {
    let data = try load(seeds, source: "{csv: 'runs/seed*.csv', path_column: seed, path_pattern: 'seed(\\d+)'}")
    guard case .series(let series) = data[0][0] else { return XCTFail("expected series") }
    // Sorted paths: seed1, seed10, seed2 (as text); columns in the first file's order whatever each file's.
    XCTAssertEqual(series.map(\.name), ["1", "10", "2"])
    XCTAssertEqual(series[2]["y"], [2, 3])
    guard case .numeric(let x) = series[1].x else { return XCTFail("numeric x") }
    XCTAssertEqual(x, [0, 1])
  }

  func testListedFilesAndTheFileNameAsDefaultValue() throws {
    let data = try load(seeds, source: "{csv: [runs/seed2.csv, runs/seed1.csv], path_column: seed}")
    guard case .series(let series) = data[0][0] else { return XCTFail("expected series") }
    XCTAssertEqual(series.map(\.name), ["seed2", "seed1"])
  }

  func testMismatchedColumnsAndBadCellsNameTheirFile() throws {
    var files = seeds
    files["runs/seed3.csv"] = "step,los\n0,1\n"
    XCTAssertThrowsError(try load(files, source: "{csv: 'runs/*.csv', path_column: seed}")) { error in
      XCTAssertTrue(
        "\(error)".contains("runs/seed3.csv:1:1: error: runs/seed3.csv has no column 'loss', which runs/seed1.csv has"),
        "\(error)")
    }
    files["runs/seed3.csv"] = "step,loss\n0,1\n1,oops\n"
    XCTAssertThrowsError(try load(files, source: "{csv: 'runs/*.csv', path_column: seed}")) { error in
      XCTAssertTrue("\(error)".contains("runs/seed3.csv:3:2: error: expected a number in column 'loss'"), "\(error)")
    }
    XCTAssertThrowsError(try load(seeds, source: "'runs/none*.csv'")) { error in
      XCTAssertTrue("\(error)".contains("2:9: error: no file matches 'runs/none*.csv'"), "\(error)")
    }
    XCTAssertThrowsError(try load(seeds, source: "{csv: 'runs/*.csv', path_column: seed, path_pattern: 'run(\\d)'}")) {
      error in
      XCTAssertTrue("\(error)".contains("does not match the path 'runs/seed1.csv'"), "\(error)")
    }
  }
}
