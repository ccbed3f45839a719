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
