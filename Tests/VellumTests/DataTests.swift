import Foundation
import Vellum
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumData

/// Data transforms against their definitions.
final class DataTests: XCTestCase {
  func testEMAFollowsTheSeedDefinition() {
    let input = [1.0, 2, 4, 8]
    let alpha = 0.96
    var expected = [input[0]]
    for value in input.dropFirst() { expected.append(alpha * expected.last! + (1 - alpha) * value) }
    XCTAssertEqual(ExponentialMovingAverage(alpha: alpha).apply(input), expected)
  }

  func testEMALeavesGapsAndSkipsThem() {
    let result = ExponentialMovingAverage(alpha: 0.5).apply([2, .nan, 4])
    XCTAssertEqual(result[0], 2)
    XCTAssertTrue(result[1].isNaN)
    XCTAssertEqual(result[2], 3)
  }

  func testSeedTrainingCurveEMA() throws {
    let spec = try Figure(contentsOf: PackagePaths.examples.appendingPathComponent("selfdistill-train.yaml").path).spec
    let layers = try DataLoader.load(spec)[0]
    let y = try XCTUnwrap(layers[2].series.first)["y"]
    XCTAssertEqual(y.count, 400)
    XCTAssertEqual(y[0], 0.287980285, accuracy: 1e-12)
    XCTAssertEqual(y[1], 0.96 * 0.287980285 + 0.04 * 0.286216740, accuracy: 1e-12)
    let band = try XCTUnwrap(layers[0].series.first)
    // The band reads its centre (smoothed like the line) and its error; the mark draws centre ± error.
    XCTAssertEqual(band["center"][0], y[0], accuracy: 1e-12)
    XCTAssertEqual(band["error"][0], 0.019, accuracy: 1e-12)
  }
}

/// The decimal fast path gives exactly what strtod gives, and declines what it cannot do exactly.
final class DecimalParserTests: XCTestCase {
  func testAgreesWithStrtodBitForBit() {
    var random = SplitMix64(seed: 9)
    var texts = ["0", "-0", "+5", ".5", "5.", "1e5", "1E-5", "-12.500", "0.000123", "123456789012345", "3.14159e+2"]
    for _ in 0..<20_000 {
      // Up to 19 digits: past 2⁵³ the fast path declines, below it must agree; runs of 8+ take the 64-bit path.
      let digits = Int(random.next() % 19) + 1
      var mantissa = String(String("\(random.next())\(random.next())").prefix(digits))
      let point = Int(random.next() % UInt64(mantissa.count + 1))
      mantissa.insert(".", at: mantissa.index(mantissa.startIndex, offsetBy: point))
      let exponent = random.next() % 3 == 0 ? "e\(Int(random.next() % 45) - 22)" : ""
      texts.append((random.next() % 2 == 0 ? "-" : "") + mantissa + exponent)
    }
    var compared = 0
    for text in texts {
      guard let fast = DecimalParser.parse(text) else { continue }
      XCTAssertEqual(fast.bitPattern, Double(text)!.bitPattern, text)
      compared += 1
    }
    XCTAssertGreaterThan(compared, 15_000, "the fast path takes plain decimals")
    for declined in [
      "1e", "--1", "1.2.3", " 1", "inf", "nan", "0x10", "12345678901234567", "1e23", "00000000000000000001234", "", "-",
      ".",
    ] {
      XCTAssertNil(DecimalParser.parse(declined), declined)
    }
  }
}
