import Foundation
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumData

/// Histogram bins against numpy (Tests/Reference/histogram.json, written by scripts/reference_histogram.py).
final class BinningTests: XCTestCase {
  private struct Reference: Decodable {
    struct Case: Decodable {
      var sample: String
      var bins: Bins
      var range: [Double]?
      var weights: Bool?
      var edges: [Double]
      var counts: [Double]
      var density: [Double]?
    }
    enum Bins: Decodable {
      case rule(String)
      case count(Int)
      case edges([Double])
      init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let count = try? container.decode(Int.self) {
          self = .count(count)
        } else if let rule = try? container.decode(String.self) {
          self = .rule(rule)
        } else {
          self = .edges(try container.decode([Double].self))
        }
      }
    }
    var samples: [String: [Double]]
    var weights: [Double]
    var cases: [Case]
    var cumulativeDensity12: [Double]

    enum CodingKeys: String, CodingKey {
      case samples, weights, cases
      case cumulativeDensity12 = "cumulative_density_12"
    }
  }

  private func reference() throws -> Reference {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/histogram.json")
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }

  private func assertClose(_ actual: [Double], _ expected: [Double], _ what: String, tolerance: Double = 1e-12) {
    XCTAssertEqual(actual.count, expected.count, what)
    for (a, e) in zip(actual, expected) {
      XCTAssertEqual(a, e, accuracy: tolerance * max(1, abs(e)), what)
    }
  }

  /// A large sample's extent is found on every core: the same edges as one pass, however the parts fall (a part
  /// of only NaN, the lowest value in the last part, a tie of 0 and -0 at the top).
  func testTheExtentOfALargeSampleIsFoundInParts() throws {
    let saved = ParallelChunks.cores
    defer { ParallelChunks.cores = saved }
    var random = SplitMix64(seed: 25)
    var values = (0..<400_000).map { _ in Double(random.next() % 1_000_000) / 1000 - 2000 }
    for row in 0..<100_000 { values[row] = .nan }
    values[399_999] = -2500
    for row in [150_000, 250_000, 350_000] { values[row] = 0 }
    values[300_000] = -0.0
    let shifted = values.map { $0.isNaN ? $0 : Swift.min($0, 0) }
    for sample in [values, shifted, [Double](repeating: .nan, count: 300_000) + [4]] {
      ParallelChunks.cores = 1
      let whole = try Binning.edges(sample, bins: .count(7))
      ParallelChunks.cores = 4
      let parts = try Binning.edges(sample, bins: .count(7))
      XCTAssertEqual(parts.map(\.bitPattern), whole.map(\.bitPattern))
    }
    ParallelChunks.cores = 4
    let edges = try Binning.edges(values, bins: .count(7))
    XCTAssertEqual(edges.first, -2500)
    XCTAssertEqual(edges.last, 0)
    XCTAssertEqual(
      try Binning.edges(shifted, bins: .count(1)).last?.sign, .plus,
      "the last of the equal highs is 0, not the -0 before it")
  }

  func testEdgesCountsAndDensitiesMatchNumpy() throws {
    let reference = try reference()
    XCTAssertEqual(reference.cases.count, 47)
    for item in reference.cases {
      let x = try XCTUnwrap(reference.samples[item.sample])
      let bins: BinSpec
      switch item.bins {
      case .rule(let name): bins = .rule(try XCTUnwrap(BinRule(rawValue: name)))
      case .count(let n): bins = .count(n)
      case .edges(let edges): bins = .edges(edges)
      }
      let what = "\(item.sample) bins=\(item.bins)"
      let range = item.range.map { ($0[0], $0[1]) }
      let weights = item.weights == true ? reference.weights : nil
      let edges = try Binning.edges(x, bins: bins, range: range, weighted: weights != nil)
      assertClose(edges, item.edges, what)
      let counts = Binning.counts(x, weights: weights, edges: edges)
      assertClose(counts, item.counts, what)
      if let density = item.density {
        assertClose(HistogramStat.density.apply(counts, edges: edges), density, what + " density")
      }
    }
  }

  func testCumulativeDensityEndsAtOneAsMatplotlib() throws {
    let reference = try reference()
    let x = try XCTUnwrap(reference.samples["normal"])
    let edges = try Binning.edges(x, bins: .count(12))
    let counts = Binning.counts(x, edges: edges)
    let cumulative = HistogramStat.density.apply(counts, edges: edges, cumulative: true)
    assertClose(cumulative, reference.cumulativeDensity12, "cumulative density")
    XCTAssertEqual(try XCTUnwrap(cumulative.last), 1, accuracy: 1e-12)
  }

  func testRulesRefuseWeightsAndHugeBinCounts() {
    XCTAssertThrowsError(try Binning.edges([1, 2, 3], bins: .rule(.fd), weighted: true)) { error in
      XCTAssertTrue("\(error)".contains("unweighted"), "\(error)")
    }
    // 1000 values in a narrow cluster and one far away: fd's width would ask for ~10⁹ bins.
    let clustered = (0..<1000).map { Double($0) * 1e-6 } + [1e6]
    XCTAssertThrowsError(try Binning.edges(clustered, bins: .rule(.fd))) { error in
      XCTAssertTrue("\(error)".contains("more than the limit"), "\(error)")
    }
    XCTAssertThrowsError(try Binning.edges([1, .infinity], bins: .count(3))) { error in
      XCTAssertTrue("\(error)".contains("finite 'range'"), "\(error)")
    }
  }
}

/// The bin2d transform against numpy.histogram2d (Tests/Reference/histogram2d.json).
final class Binned2DTests: XCTestCase {
  private struct Reference: Decodable {
    var x, y, xedges, yedges: [Double]
    var counts, density: [[Double]]
  }

  func testCountsAndDensityMatchHistogram2D() throws {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/histogram2d.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    let table = Table(
      origin: "test", order: ["a", "b"], text: [:], numbers: ["a": reference.x, "b": reference.y],
      rowCount: reference.x.count)
    for (stat, expected) in [(HistogramStat.count, reference.counts), (.density, reference.density)] {
      var binned = table
      try binned.apply(
        Bin2DTransform(
          x: Located("a", at: nil), y: Located("b", at: nil), bins: (.count(8), .count(6)), range: (nil, nil),
          weights: nil, stat: stat, name: "n"))
      XCTAssertEqual(binned.rowCount, 48)
      let values = try binned.numbers(Located("n", at: nil))
      let xs = try binned.numbers(Located("a", at: nil))
      for i in 0..<8 {
        XCTAssertEqual(xs[i * 6], (reference.xedges[i] + reference.xedges[i + 1]) / 2, accuracy: 1e-12)
        for j in 0..<6 {
          XCTAssertEqual(
            values[i * 6 + j], expected[i][j], accuracy: 1e-12 * max(1, expected[i][j]), "\(stat) \(i),\(j)")
        }
      }
    }
  }
}
