import Foundation
import Vellum
import XCTest

@testable import VellumData
@testable import VellumSpec

/// Data transforms and inputs against hand-computed results.
final class TransformTests: XCTestCase {
  private func table(_ csv: String) throws -> Table {
    try CSVTableReader.read(csv, displayPath: "t.csv", delimiter: ",")
  }

  private func transforms(_ yaml: String) throws -> [any TransformBody] {
    let spec = try Figure(
      text: "data: {d: {values: {x: [1]}}}\naxes:\n  layers:\n    - line: {x: x, y: x, transform: \(yaml)}\n",
      name: "t.yaml"
    ).spec
    return spec.axes[0].layers[0].series!.source.transforms
  }

  private func apply(_ yaml: String, to csv: String, sources: [String: String] = [:]) throws -> Table {
    var result = try table(csv)
    let tables = try sources.mapValues { try table($0) }
    for transform in try transforms(yaml) { try result.apply(transform, sources: tables) }
    return result
  }

  private func column(_ table: Table, _ name: String) throws -> [Double] {
    try table.numbers(Located(name, at: nil))
  }

  func testInterpolateThenAggregateOverRuns() throws {
    let csv = "run,step,v\na,0,0\na,10,10\nb,0,2\nb,4,4\nb,10,8\n"
    let result = try apply(
      "[{interpolate: {x: step, by: run, column: v, step: 5}}, {aggregate: {by: step, column: v, stats: [mean, std, min, max, count]}}]",
      to: csv)
    XCTAssertEqual(try column(result, "step"), [0, 5, 10])
    // Run a at 5 is 5; run b between (4, 4) and (10, 8) at 5 is 4 + 4/6.
    let b5 = 4 + 4.0 / 6
    XCTAssertEqual(try column(result, "v_mean")[1], (5 + b5) / 2, accuracy: 1e-12)
    XCTAssertEqual(try column(result, "v_std")[0], 2.0.squareRoot(), accuracy: 1e-12, "sample std of 0 and 2")
    XCTAssertEqual(try column(result, "v_min"), [0, b5, 8])
    XCTAssertEqual(try column(result, "v_max"), [2, 5, 10])
    XCTAssertEqual(try column(result, "v_count"), [2, 2, 2])
  }

  /// Runs whose rows lie together in x order are read as row ranges in place; interleaved, unsorted or gappy runs
  /// are gathered row by row. Both give the same table.
  func testInterpolateReadsRunsInPlaceOrGathered() throws {
    let yaml = "[{interpolate: {x: step, by: run, column: v, step: 2.5}}]"
    let together = try apply(yaml, to: "run,step,v\na,0,0\na,10,10\nb,0,2\nb,4,4\nb,10,8\n")
    for arranged in [
      "run,step,v\na,10,10\nb,10,8\nb,0,2\na,0,0\nb,4,4\n",  // interleaved and unsorted
      "run,step,v\na,10,10\na,0,0\nb,0,2\nb,10,8\nb,4,4\n",  // together, unsorted
      "run,step,v\na,0,0\na,,3\na,10,10\nb,0,2\nb,4,4\nb,10,8\n",  // a row without x
    ] {
      let result = try apply(yaml, to: arranged)
      for name in ["run", "step", "v"] {
        XCTAssertEqual(
          try result.strings(Located(name, at: nil)), try together.strings(Located(name, at: nil)), arranged)
      }
    }
    XCTAssertEqual(try column(together, "v")[6], 2 + 2 * 2.5 / 4, accuracy: 1e-12, "run b at 2.5")
  }

  func testInterpolationGridCoversOnlyTheCommonRange() throws {
    let result = try apply(
      "[{interpolate: {x: t, by: r, column: v, points: 3}}]", to: "r,t,v\na,0,0\na,8,8\nb,2,2\nb,6,6\n")
    XCTAssertEqual(try column(result, "t"), [2, 4, 6, 2, 4, 6])
  }

  func testConfidenceIntervalAndBootstrap() throws {
    let result = try apply(
      "[{aggregate: {column: v, stats: [ci95, sem, bootstrap], seed: 7, samples: 500}}]", to: "v\n1\n2\n3\n4\n")
    // t(0.975, 3) = 3.182446305…; sem = std / 2 = 1.290994… / 2.
    XCTAssertEqual(try column(result, "v_ci95")[0], 3.182446305284263 * 1.2909944487358056 / 2, accuracy: 1e-9)
    XCTAssertEqual(try column(result, "v_sem")[0], 1.2909944487358056 / 2, accuracy: 1e-12)
    let low = try column(result, "v_boot_low")[0]
    let high = try column(result, "v_boot_high")[0]
    XCTAssertTrue(low < 2.5 && high > 2.5 && low >= 1 && high <= 4)
    let again = try apply(
      "[{aggregate: {column: v, stats: [bootstrap], seed: 7, samples: 500}}]", to: "v\n1\n2\n3\n4\n")
    XCTAssertEqual(try column(again, "v_boot_low")[0], low, "a fixed seed gives the same interval")
  }

  func testStudentTQuantiles() {
    XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 1), 12.706204736174698, accuracy: 1e-6)
    XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 4), 2.7764451051977934, accuracy: 1e-9)
    XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 1000), 1.9623390808264078, accuracy: 1e-9)
  }

  /// A column of numbers is grouped, filtered and joined by value, as pandas compares the column it reads as
  /// numbers: `1`, `1.0` and `1e0` are one key (they were three, compared as text); text columns still compare
  /// as written, and a missing cell equals nothing (`!=` keeps it).
  func testNumberColumnsAreKeyedByValue() throws {
    let csv = "step,lr,loss,name\n1,0.001,1.0,a\n1.0,1e-3,3.0,a\n2,0.0010,5.0,A\n2e0,,7.0,a.0\n"
    let grouped = try apply("[{aggregate: {by: step, column: loss, stats: [mean, count]}}]", to: csv)
    XCTAssertEqual(try column(grouped, "loss_mean"), [2, 6])
    XCTAssertEqual(try column(grouped, "loss_count"), [2, 2])
    XCTAssertEqual(try column(apply("[{filter: {lr: 0.001}}]", to: csv), "loss"), [1, 3, 5])
    XCTAssertEqual(try column(apply("[{filter: {lr: {'!=': 1e-3}}}]", to: csv), "loss"), [7])
    XCTAssertEqual(try column(apply("[{filter: {lr: {in: [0.0010, 5]}}}]", to: csv), "loss"), [1, 3, 5])
    XCTAssertEqual(try column(apply("[{filter: {name: a}}]", to: csv), "loss"), [1, 3], "text stays text")
    XCTAssertEqual(try column(apply("[{rank: {column: loss, by: step}}]", to: csv), "rank"), [1, 2, 1, 2])
    let joined = try apply("[{join: {data: k, on: step}}]", to: csv, sources: ["k": "step,params\n1,10\n2.0,20\n"])
    XCTAssertEqual(try column(joined, "params"), [10, 10, 20, 20])
  }

  /// Found by reading the reference alone: renaming onto a kept column silently dropped it (now an error; a swap
  /// renames at once, as pandas'), `dropna: []` dropped on every column (pandas' subset=[] drops none), and
  /// unpivot's `columns` was ignored beside `except`.
  func testRenameDropnaAndUnpivotAsDocumented() throws {
    let csv = "step,loss,acc\n1,2,\n2,,5\n"
    let swapped = try apply("[{rename: {loss: acc, acc: loss}}]", to: csv)
    XCTAssertEqual(swapped.columnNames, ["step", "acc", "loss"])
    XCTAssertEqual(try column(swapped, "acc")[0], 2)
    XCTAssertEqual(try column(swapped, "loss")[1], 5)
    XCTAssertThrowsError(try apply("[{rename: {loss: step}}]", to: csv)) { error in
      XCTAssertTrue("\(error)".contains("renaming 'loss' to 'step' would give two columns that name"), "\(error)")
    }
    XCTAssertEqual(try apply("[{dropna: []}]", to: csv).rowCount, 2)
    XCTAssertEqual(try apply("[{dropna: }]", to: csv).rowCount, 0)
    XCTAssertEqual(try apply("[{dropna: loss}]", to: csv).rowCount, 1)
    XCTAssertThrowsError(try apply("[{unpivot: {columns: [loss], except: [step]}}]", to: csv))
  }

  func testEMAForms() throws {
    let debiased = ExponentialMovingAverage(smoothing: .debiased(weight: 0.5)).apply([2, 4])
    XCTAssertEqual(debiased[0], 2, accuracy: 1e-12, "debiasing makes the first value itself")
    XCTAssertEqual(debiased[1], (0.5 * 1 + 0.5 * 4) / 0.75, accuracy: 1e-12)
    // The x-aware form depends on x distance, not on how many rows were logged in between.
    let sparse = ExponentialMovingAverage(smoothing: .halflife(10, x: Located("x", at: nil))).apply(
      [0, 1], x: [0, 10])
    let dense = ExponentialMovingAverage(smoothing: .halflife(10, x: Located("x", at: nil))).apply(
      [0, 1, 1], x: [0, 5, 10])
    XCTAssertEqual(sparse[1], 0.5, accuracy: 1e-12)
    XCTAssertLessThan(abs(dense[2] - sparse[1]), 0.25)
  }

  func testEMAByGroupRestartsPerGroup() throws {
    let result = try apply("[{ema: {column: v, alpha: 0.5, by: g}}]", to: "g,v\na,0\nb,10\na,2\nb,20\n")
    XCTAssertEqual(try column(result, "v"), [0, 10, 1, 15])
  }

  func testRollingMeanAndMedian() throws {
    XCTAssertEqual(try column(apply("[{rolling: {column: v, window: 2}}]", to: "v\n1\n3\n5\n"), "v"), [1, 2, 4])
    XCTAssertEqual(
      try column(apply("[{rolling: {column: v, window: 3, stat: median}}]", to: "v\n1\n9\n5\n"), "v"), [1, 5, 5])
    let byX = try apply("[{rolling: {column: v, window_x: 10, x: t}}]", to: "t,v\n0,1\n5,3\n20,5\n")
    XCTAssertEqual(try column(byX, "v"), [1, 2, 5])
  }

  func testFilterSelectRenameUnpivot() throws {
    let csv = "name,step,run A - loss,run B - loss\nx,1,0.5,0.7\ny,2,0.4,0.6\n"
    XCTAssertEqual(try apply("[{filter: {step: {min: 2}}}]", to: csv).rowCount, 1)
    XCTAssertEqual(try apply("[{filter: {name: [x, y]}}]", to: csv).rowCount, 2)
    let long = try apply(
      #"[{unpivot: {pattern: '(.*) - loss', key: run, value: loss}}, {rename: {step: s}}, {select: [s, run, loss]}]"#,
      to: csv)
    XCTAssertEqual(long.columnNames, ["s", "run", "loss"])
    XCTAssertEqual(try long.strings(Located("run", at: nil)), ["run A", "run B", "run A", "run B"])
    XCTAssertEqual(try column(long, "loss"), [0.5, 0.7, 0.4, 0.6])
  }

  /// A wide matrix (row labels, then one column per class) becomes long data for a heatmap, as pandas'
  /// `melt(id_vars=["true"])`.
  func testUnpivotEveryColumnButTheRowLabels() throws {
    let result = try apply(
      "[{unpivot: {except: ['true'], key: predicted, value: share}}]", to: "true,cat,dog\ncat,0.9,0.1\ndog,0.2,0.8\n")
    XCTAssertEqual(try result.strings(Located("true", at: nil)), ["cat", "cat", "dog", "dog"])
    XCTAssertEqual(try result.strings(Located("predicted", at: nil)), ["cat", "dog", "cat", "dog"])
    XCTAssertEqual(try column(result, "share"), [0.9, 0.1, 0.2, 0.8])
    XCTAssertThrowsError(try apply("[{unpivot: {except: [label]}}]", to: "true,cat\ncat,1\n"))
  }

  /// Row-normalising counts, as pandas' `df.v / df.groupby("r").v.transform("sum")`; a zero group is an error.
  func testNormalizeWithinGroups() throws {
    let result = try apply("[{normalize: {column: v, by: r}}]", to: "r,v\na,1\na,3\nb,2\nb,\nb,6\n")
    let v = try column(result, "v")
    XCTAssertEqual(Array(v[0..<3]), [0.25, 0.75, 0.25])
    XCTAssertTrue(v[3].isNaN)
    XCTAssertEqual(v[4], 0.75)
    XCTAssertEqual(try column(try apply("[{normalize: {column: v, method: max}}]", to: "v\n-4\n2\n"), "v"), [-1, 0.5])
    XCTAssertThrowsError(try apply("[{normalize: {column: v, by: r}}]", to: "r,v\na,0\n")) { error in
      XCTAssertTrue("\(error)".contains("sums to 0"), "\(error)")
    }
  }

  func testMissingValuesAreGapsAndLeftOutOfStatistics() throws {
    let result = try apply("[{aggregate: {column: v, stats: [mean, count]}}]", to: "v\n1\n\nnan\n3\n")
    XCTAssertEqual(try column(result, "v_mean"), [2])
    XCTAssertEqual(try column(result, "v_count"), [2])
  }

  func testJSONLinesAndTSV() throws {
    let jsonl = try JSONLinesReader.read(
      #"{"step": 1, "loss": 0.5}"# + "\n\n" + #"{"step": 2, "loss": null, "lr": 0.1}"# + "\n", displayPath: "log.jsonl")
    XCTAssertEqual(jsonl.columnNames, ["step", "loss", "lr"])
    XCTAssertEqual(try column(jsonl, "step"), [1, 2])
    XCTAssertTrue(try column(jsonl, "loss")[1].isNaN)
    XCTAssertThrowsError(try JSONLinesReader.read("{\"a\": [1]}\n", displayPath: "bad.jsonl")) { error in
      XCTAssertEqual((error as? VellumError)?.location?.line, 1)
    }
    let tsv = try CSVTableReader.read("a\tb\r\n1\t2\r\n\"3\"\t4\r\n", displayPath: "t.tsv", delimiter: "\t")
    XCTAssertEqual(try column(tsv, "a"), [1, 3])
    XCTAssertEqual(try column(tsv, "b"), [2, 4])
  }
}
