import VellumSpec
import XCTest

@testable import VellumLayout

/// Tick placement and tick label text.
final class TickTests: XCTestCase {
  func testSIFormat() {
    XCTAssertEqual(
      TickFormatter.labels([0, 5000, 10000, 20000], format: .si, decimals: nil), ["0", "5k", "10k", "20k"])
    XCTAssertEqual(TickFormatter.si(2500, decimals: nil), "2.5k")
    XCTAssertEqual(TickFormatter.si(3_000_000, decimals: nil), "3M")
    XCTAssertEqual(TickFormatter.si(-5000, decimals: nil), "\u{2212}5k")
    XCTAssertEqual(TickFormatter.si(250, decimals: nil), "250")
  }

  func testAutoFormatUsesCommonDecimals() {
    XCTAssertEqual(TickFormatter.labels([0.3, 0.35, 0.4], format: .auto, decimals: nil), ["0.30", "0.35", "0.40"])
    XCTAssertEqual(TickFormatter.labels([0.1, 0.2], format: .auto, decimals: nil), ["0.1", "0.2"])
    XCTAssertEqual(TickFormatter.labels([-1, 0, 1], format: .auto, decimals: nil), ["\u{2212}1", "0", "1"])
    XCTAssertEqual(TickFormatter.labels([1], format: .auto, decimals: 2), ["1.00"])
  }

  func testStepLocatorStaysInsideLimits() {
    XCTAssertEqual(TickLocator.ticks(.step(0.05), low: 0.28, high: 0.52, maxBins: 9), [0.3, 0.35, 0.4, 0.45, 0.5])
    XCTAssertEqual(TickLocator.ticks(.step(5000), low: 0, high: 20000, maxBins: 9), [0, 5000, 10000, 15000, 20000])
    XCTAssertEqual(TickLocator.ticks(.step(0.1), low: 0.08, high: 0.51, maxBins: 9), [0.1, 0.2, 0.3, 0.4, 0.5])
  }

  func testAutoLocatorPicksNiceSteps() {
    XCTAssertEqual(TickLocator.ticks(.auto, low: 0, high: 1, maxBins: 5), [0, 0.2, 0.4, 0.6, 0.8, 1])
    XCTAssertEqual(TickLocator.ticks(.auto, low: -0.15, high: 3.15, maxBins: 9), [0, 0.5, 1, 1.5, 2, 2.5, 3])
  }
}
