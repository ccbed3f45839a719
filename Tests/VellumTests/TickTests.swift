import Foundation
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumLayout
@testable import VellumTypesetting

/// Tick placement and tick label text, against matplotlib's choices for common ranges.
final class TickTests: XCTestCase {
  private func texts(
    _ values: [Double], _ format: AxisSpec.TickFormat, decimals: Int? = nil,
    scale: any PositionScale = LinearScale()
  )
    -> [String]
  {
    scale.labels(values, format: format, decimals: decimals, categories: []).labels.map(\.text)
  }

  func testSIFormat() {
    XCTAssertEqual(texts([0, 5000, 10000, 20000], .si), ["0", "5k", "10k", "20k"])
    XCTAssertEqual(TickFormatter.si(2500, decimals: nil), "2.5k")
    XCTAssertEqual(TickFormatter.si(3_000_000, decimals: nil), "3M")
    XCTAssertEqual(TickFormatter.si(-5000, decimals: nil), "\u{2212}5k")
    XCTAssertEqual(TickFormatter.si(250, decimals: nil), "250")
  }

  func testAutoFormatMatchesScalarFormatter() {
    XCTAssertEqual(texts([0.3, 0.35, 0.4], .auto), ["0.30", "0.35", "0.40"])
    XCTAssertEqual(texts([0.1, 0.2], .auto), ["0.1", "0.2"])
    XCTAssertEqual(texts([-1, 0, 1], .auto), ["\u{2212}1", "0", "1"])
    XCTAssertEqual(texts([1], .auto, decimals: 2), ["1.00"])
    XCTAssertEqual(texts([0, 2.5, 5, 7.5, 10], .auto), ["0.0", "2.5", "5.0", "7.5", "10.0"])
  }

  func testLargeValuesGetAnOffsetLabel() {
    let (labels, offset) = TickFormatter.labels([0, 2e6, 4e6, 6e6], format: .auto, decimals: nil)
    XCTAssertEqual(labels.map(\.text), ["0", "2", "4", "6"])
    XCTAssertEqual(offset, .tex("$\\times 10^{6}$"))
    let small = TickFormatter.labels([0, 1e-5, 2e-5], format: .auto, decimals: nil)
    XCTAssertEqual(small.labels.map(\.text), ["0", "1", "2"])
    XCTAssertEqual(small.offset, .tex("$\\times 10^{-5}$"))
    XCTAssertNil(TickFormatter.labels([0, 2e5, 4e5], format: .auto, decimals: nil).offset, "1e5 still prints plainly")
  }

  func testPercentScientificAndPrintf() {
    XCTAssertEqual(texts([0, 0.25, 0.5], .percent), ["0%", "25%", "50%"])
    XCTAssertEqual(texts([0.125], .percent), ["12.5%"])
    XCTAssertEqual(texts([100, 200], .scientific), ["1", "2"])
    XCTAssertEqual(texts([1.5, -2], .printf("%.2f ms")), ["1.50 ms", "\u{2212}2.00 ms"])
    // %d takes the integer part, as Python's '%d' % 3.7 and matplotlib's FormatStrFormatter.
    XCTAssertEqual(texts([3.7, -2.5], .printf("%d")), ["3", "\u{2212}2"])
    XCTAssertEqual(texts([-2.5], .printf("%5.1f")), [" \u{2212}2.5"], "the sign after padding is a minus too")
    XCTAssertEqual(texts([1e20], .printf("%d s")), ["100000000000000000000 s"])
    // Closely spaced ticks get enough decimals to differ.
    XCTAssertEqual(Set(texts([1, 1.000000001, 1.000000002], .plain)).count, 3)
    XCTAssertTrue(PrintfPattern.isValid("%.1e"))
    XCTAssertTrue(PrintfPattern.isValid("%d%%"))
    XCTAssertFalse(PrintfPattern.isValid("%s"))
    XCTAssertFalse(PrintfPattern.isValid("%f %f"))
    XCTAssertFalse(PrintfPattern.isValid("%n"))
  }

  func testLogLabelsArePowers() {
    XCTAssertEqual(texts([0.01, 1, 1000], .auto, scale: LogScale(base: 10)), ["$10^{-2}$", "$10^{0}$", "$10^{3}$"])
    XCTAssertEqual(texts([2, 4, 8], .auto, scale: LogScale(base: 2)), ["$2^{1}$", "$2^{2}$", "$2^{3}$"])
    XCTAssertEqual(
      texts([2, 4, 6], .auto, scale: LogScale(base: 10)), ["2", "4", "6"], "non-decade ticks print plainly")
    XCTAssertEqual(
      texts([-100, 0, 100], .auto, scale: SymlogScale(base: 10, linthresh: 1)), ["$-10^{2}$", "$0$", "$10^{2}$"])
  }

  func testStepLocatorStaysInsideLimits() {
    XCTAssertEqual(
      LinearScale().ticks(.step(0.05), low: 0.28, high: 0.52, maxBins: 9, categories: []), [0.3, 0.35, 0.4, 0.45, 0.5])
    XCTAssertEqual(
      LinearScale().ticks(.step(5000), low: 0, high: 20000, maxBins: 9, categories: []), [0, 5000, 10000, 15000, 20000])
    XCTAssertEqual(
      LinearScale().ticks(.step(0.1), low: 0.08, high: 0.51, maxBins: 9, categories: []), [0.1, 0.2, 0.3, 0.4, 0.5])
  }

  /// matplotlib's default locator on a 6.4×4.8 in figure: x gets up to 9 bins, these ranges give these ticks.
  func testAutoLocatorMatchesMaxNLocator() {
    XCTAssertEqual(LinearScale().ticks(.auto, low: 0, high: 1, maxBins: 5, categories: []), [0, 0.2, 0.4, 0.6, 0.8, 1])
    XCTAssertEqual(
      LinearScale().ticks(.auto, low: -0.15, high: 3.15, maxBins: 9, categories: []), [0, 0.5, 1, 1.5, 2, 2.5, 3])
    XCTAssertEqual(LinearScale().ticks(.auto, low: -0.45, high: 9.45, maxBins: 9, categories: []), [0, 2, 4, 6, 8])
    XCTAssertEqual(LinearScale().ticks(.auto, low: 0, high: 100, maxBins: 9, categories: []), [0, 20, 40, 60, 80, 100])
    XCTAssertEqual(
      LinearScale().ticks(.auto, low: 0.95, high: 1.05, maxBins: 9, categories: []), [0.96, 0.98, 1, 1.02, 1.04])
  }

  func testLogLocatorTakesDecadesAndThinsThem() {
    XCTAssertEqual(
      LogScale(base: 10).ticks(.auto, low: 0.5, high: 2000, maxBins: 9, categories: []), [1, 10, 100, 1000])
    XCTAssertEqual(
      LogScale(base: 10).ticks(.auto, low: 1e-6, high: 1e6, maxBins: 5, categories: []),
      [1e-6, 1e-3, 1, 1e3, 1e6])
    XCTAssertEqual(
      LogScale(base: 10).minorTicks(majors: [1, 10], low: 1, high: 10), [2, 3, 4, 5, 6, 7, 8, 9])
  }

  func testLinearMinorTicksDivideLikeAutoMinorLocator() {
    XCTAssertEqual(
      LinearScale().minorTicks(majors: [0, 1, 2], low: 0, high: 2).count, 8, "5 per unit step")
    XCTAssertEqual(
      LinearScale().minorTicks(majors: [0, 2, 4], low: 0, high: 4), [0.5, 1, 1.5, 2.5, 3, 3.5])
  }

  func testScaleTransformsRoundTrip() {
    for transform in [
      ScaleTransform.log(base: 10), .log(base: 2), .symlog(base: 10, linthresh: 1),
      .symlog(base: 10, linthresh: 0.5, linscale: 2),
    ] {
      for value in [0.5, 3.0, 250.0] {
        XCTAssertEqual(transform.inverse(transform.forward(value)), value, accuracy: value * 1e-12)
      }
    }
    XCTAssertTrue(ScaleTransform.log(base: 10).forward(-1).isNaN)
    // matplotlib's SymmetricalLogTransform(10, 1, 1).transform([-100, 0.5, 3]) = [-3.1111, 0.5556, 1.5882] (in units
    // of linthresh), and (10, 0.5, 2) at [0.25, 40] = [1.1111, 4.1253] × 0.5.
    let symlog = ScaleTransform.symlog(base: 10, linthresh: 1)
    XCTAssertEqual(symlog.forward(-100), -3.111111111111111, accuracy: 1e-12)
    XCTAssertEqual(symlog.forward(0.5), 0.5555555555555556, accuracy: 1e-12)
    XCTAssertEqual(symlog.forward(3), 1.58823237, accuracy: 1e-8)
    let wide = ScaleTransform.symlog(base: 10, linthresh: 0.5, linscale: 2)
    XCTAssertEqual(wide.forward(0.25), 1.11111111, accuracy: 1e-8)
    XCTAssertEqual(wide.forward(40), 4.12531221, accuracy: 1e-8)
  }
}

/// The automatic locator against matplotlib's MaxNLocator (Tests/Reference/ticks.json, from
/// scripts/reference_ticks.py).
final class MaxNLocatorReferenceTests: XCTestCase {
  private struct Reference: Decodable {
    struct Case: Decodable {
      var low: Double
      var high: Double
      var bins: Int
      var ticks: [Double]
    }
    var cases: [Case]
  }

  func testTicksMatchMatplotlib() throws {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/ticks.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    XCTAssertGreaterThan(reference.cases.count, 500)
    var mismatches: [String] = []
    for item in reference.cases {
      let ours = TickLocator.maxN(low: item.low, high: item.high, bins: item.bins)
      // Equal to a millionth of the span: ticks far from zero differ only by rounding to 12 digits.
      let same =
        ours.count == item.ticks.count
        && zip(ours, item.ticks).allSatisfy { abs($0 - $1) <= 1e-6 * abs(item.high - item.low) }
      if !same { mismatches.append("\(item.low)…\(item.high) in \(item.bins): \(ours) vs \(item.ticks)") }
    }
    XCTAssertTrue(mismatches.isEmpty, "\(mismatches.count) mismatches, e.g. \(mismatches.prefix(3))")
  }
}
