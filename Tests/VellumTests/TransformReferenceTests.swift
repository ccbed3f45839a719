import Foundation
import Vellum
import VellumTestSupport
import XCTest

@testable import VellumData
@testable import VellumSpec

/// Every row-reshaping transform against the table pandas computes (Tests/Reference/transforms.json, from
/// scripts/reference_transforms.py).
final class TransformReferenceTests: XCTestCase {
  private struct Reference: Decodable {
    struct Case: Decodable {
      var name: String
      var transform: String
      var expected: [String: Column]
    }
    /// A column as pandas wrote it: numbers (null for missing) or text.
    enum Column: Decodable {
      case numbers([Double?])
      case text([String])
      init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let numbers = try? container.decode([Double?].self) {
          self = .numbers(numbers)
        } else {
          self = .text(try container.decode([String].self))
        }
      }
    }
    var csv: String
    var other: String
    var cases: [Case]
  }

  private func transform(_ yaml: String) throws -> any TransformBody {
    let spec =
      "data: {d: d.csv, other: other.csv}\naxes:\n  layers:\n    - line: {data: d, x: step, y: loss, transform: [\(yaml)]}\n"
    let figure = try Figure(text: spec, name: "t.yaml")
    return try XCTUnwrap(figure.spec.axes[0].layers[0].series?.source.transforms.first)
  }

  func testTransformsMatchPandas() throws {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/transforms.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    XCTAssertEqual(reference.cases.count, 33)
    let input = try CSVTableReader.read(reference.csv, displayPath: "d.csv", delimiter: ",")
    let other = try CSVTableReader.read(reference.other, displayPath: "other.csv", delimiter: ",")
    for item in reference.cases {
      var table = input
      let spec = try transform(item.transform)
      try table.apply(spec, sources: ["other": other])
      for (name, column) in item.expected {
        switch column {
        case .numbers(let expected):
          let actual = try table.numbers(Located(name, at: nil))
          XCTAssertEqual(actual.count, expected.count, "\(item.name): \(name) rows")
          for (a, e) in zip(actual, expected) {
            if let e {
              XCTAssertEqual(a, e, accuracy: 1e-9 * max(1, abs(e)), "\(item.name): \(name) \(actual) vs \(expected)")
            } else {
              XCTAssertTrue(a.isNaN, "\(item.name): \(name) \(actual) vs \(expected)")
            }
          }
        case .text(let expected):
          XCTAssertEqual(try table.strings(Located(name, at: nil)), expected, "\(item.name): \(name)")
        }
      }
    }
  }

  func testBadTransformsAreLocatedErrors() throws {
    let csv = "step,loss\n1,2\n2,3\n"
    func failure(_ transform: String) -> String {
      let spec = "data: {d: data.csv}\naxes:\n  layers:\n    - line: {x: step, y: loss, transform: [\(transform)]}\n"
      return SpecFixture.error(spec, csv: csv).map(\.description) ?? "no error"
    }
    XCTAssertTrue(failure("{sort: {by: lss}}").contains("4:56: error: no column 'lss'"), failure("{sort: {by: lss}}"))
    let unknown = failure("{calculate: {expr: 'loss / stp', as: r}}")
    XCTAssertTrue(unknown.contains("4:71: error: unknown column 'stp' (did you mean 'step'?)"), unknown)
    let nothing = failure("{calculate: {expr: 'loss / 0 - loss / 0', as: r}}")
    XCTAssertTrue(nothing.contains("gives no number in any row"), nothing)
    XCTAssertTrue(failure("{top: {column: loss, k: 0}}").contains("top needs k of at least 1"))
    XCTAssertTrue(failure("{join: {data: other, on: step}}").contains("unknown data source 'other'"))
    XCTAssertTrue(failure("{stack: {column: loss, x: step, offset: percnt}}").contains("did you mean 'percent'"))
  }
}

/// W&B exports: `run - metric` columns with `__MIN`/`__MAX` companions, unpivoted by named captures.
final class NamedUnpivotTests: XCTestCase {
  func testValueMinAndMaxOfARunLandInOneRow() throws {
    let csv = """
      Step,"a - loss","a - loss__MIN","a - loss__MAX","b - loss","b - loss__MIN","b - loss__MAX"
      0,1,0.5,1.5,2,,
      10,0.9,0.4,1.4,,,

      """
    var table = try CSVTableReader.read(csv, displayPath: "w.csv", delimiter: ",")
    let spec = """
      data: {d: d.csv}
      axes:
        layers:
          - line:
              x: Step
              y: value
              transform: [{unpivot: {pattern: '^(?<run>.*) - (?<metric>[^_]*)(__(?<stat>MIN|MAX))?$', spread: stat}}]
      """
    let transform = try XCTUnwrap(
      Figure(text: spec, name: "t.yaml").spec.axes[0].layers[0].series?.source.transforms[0])
    try table.apply(transform)
    XCTAssertEqual(table.columnNames, ["Step", "run", "metric", "value", "MIN", "MAX"])
    XCTAssertEqual(try table.strings(Located("run", at: nil)), ["a", "b", "a", "b"])
    XCTAssertEqual(try table.strings(Located("metric", at: nil)), ["loss", "loss", "loss", "loss"])
    XCTAssertEqual(try table.numbers(Located("value", at: nil)).map { $0.isNaN ? -1 : $0 }, [1, 2, 0.9, -1])
    XCTAssertEqual(try table.numbers(Located("MIN", at: nil)).map { $0.isNaN ? -1 : $0 }, [0.5, -1, 0.4, -1])
    XCTAssertEqual(try table.numbers(Located("MAX", at: nil)).map { $0.isNaN ? -1 : $0 }, [1.5, -1, 1.4, -1])
  }
}

/// Rolling windows in one pass give what computing every window afresh gives.
final class RollingWindowTests: XCTestCase {
  func testOnePassEqualsWindowByWindow() {
    var generator = SplitMix64(seed: 7)
    let values = (0..<2000).map { index -> Double in
      index % 17 == 0 ? .nan : Double(generator.next() % 10_000) / 100
    }
    for width in [1, 2, 7, 250, 5000] {
      let starts = values.indices.map { max(0, $0 - width + 1) }
      let means = RollingWindow.means(values, starts: starts)
      let medians = RollingWindow.medians(values, starts: starts)
      for (position, start) in starts.enumerated() {
        let window = Array(values[start...position])
        let mean = Statistics.mean(window)
        let median = Statistics.median(window)
        if mean.isNaN {
          XCTAssertTrue(means[position].isNaN)
        } else {
          XCTAssertEqual(means[position], mean, accuracy: 1e-9, "width \(width) at \(position)")
        }
        if median.isNaN {
          XCTAssertTrue(medians[position].isNaN)
        } else {
          XCTAssertEqual(medians[position], median, accuracy: 1e-12, "width \(width) at \(position)")
        }
      }
    }
  }

  func testUnorderedWindowsAsRangeQueriesEqualWindowByWindow() {
    // x that goes back and forth (restarted runs logged into one file), missing values and missing x: the Fenwick
    // starts and the range means and medians equal the definition computed afresh for every row.
    var generator = SplitMix64(seed: 11)
    let count = 1500
    let x = (0..<count).map { index -> Double in
      index % 101 == 0 ? .nan : Double(generator.next() % 500) + Double(index % 7) / 10
    }
    let values = (0..<count).map { index -> Double in
      index % 13 == 0 ? .nan : Double(generator.next() % 10_000) / 100 - 30
    }
    for window in [0.5, 3, 40, 250, 1000] {
      let starts = RollingWindow.starts(x: x, window: window)
      let means = RollingWindow.statistic(values, starts: starts, median: false)
      let medians = RollingWindow.statistic(values, starts: starts, median: true)
      for position in 0..<count {
        let expectedStart = (0...position).last { x[$0] <= x[position] - window }.map { $0 + 1 } ?? 0
        XCTAssertEqual(starts[position], expectedStart, "window \(window) at \(position)")
        let slice = Array(values[expectedStart...position])
        let (mean, median) = (Statistics.mean(slice), Statistics.median(slice))
        XCTAssertEqual(means[position].isNaN, mean.isNaN)
        XCTAssertEqual(medians[position].isNaN, median.isNaN)
        if !mean.isNaN { XCTAssertEqual(means[position], mean, accuracy: 1e-9, "window \(window) at \(position)") }
        if !median.isNaN {
          XCTAssertEqual(medians[position], median, accuracy: 1e-12, "window \(window) at \(position)")
        }
      }
    }
  }

  func testUnorderedWindowStartsAreComputedWindowByWindow() {
    // window_x over x that goes back and forth: starts that decrease, which the one-pass sum cannot follow.
    let values = [1.0, 2, 3, 4, 5, 6]
    let starts = [0, 0, 1, 0, 3, 2]
    let means = RollingWindow.statistic(values, starts: starts, median: false)
    let medians = RollingWindow.statistic(values, starts: starts, median: true)
    for (position, start) in starts.enumerated() {
      let window = Array(values[start...position])
      XCTAssertEqual(means[position], Statistics.mean(window))
      XCTAssertEqual(medians[position], Statistics.median(window))
    }
  }
}
