import Foundation
import Vellum
import VellumData
import VellumSVG
import VellumTestSupport
import XCTest

@testable import VellumLayout

/// `ecdf` against matplotlib's own `Axes.ecdf` (values from scripts/reference_ecdf.py).
final class EcdfMarkTests: XCTestCase {
  private let sample = [3.5, 1.0, 2.0, 2.0, .nan, 5.25, -0.5]

  func testStepVerticesMatchMatplotlib() {
    let plain = EcdfMark.steps(sample, complementary: false)
    XCTAssertEqual(plain.x, [-0.5, -0.5, 1.0, 2.0, 2.0, 3.5, 5.25])
    XCTAssertEqual(
      plain.y,
      [0.0, 0.16666666666666666, 0.3333333333333333, 0.5, 0.6666666666666666, 0.8333333333333334, 1.0])
    let complementary = EcdfMark.steps(sample, complementary: true)
    XCTAssertEqual(complementary.x, [-0.5, 1.0, 2.0, 2.0, 3.5, 5.25, 5.25])
    XCTAssertEqual(
      complementary.y,
      [1.0, 0.8333333333333334, 0.6666666666666667, 0.5, 0.33333333333333337, 0.16666666666666663, 0.0])
    XCTAssertTrue(EcdfMark.steps([.nan], complementary: false).x.isEmpty)
  }

  /// A post staircase holds each fraction until the next value; turned for `horizontal: true`, the x axis (the
  /// fraction) sticks to [0, 1] and the values lie along y.
  func testHorizontalECDFIsTheTurnedStaircase() throws {
    let stairs = EcdfMark.staircase([0, 1, 3], [0, 0.5, 1], holdingFirst: true)
    XCTAssertEqual(stairs.x, [0, 1, 1, 3, 3])
    XCTAssertEqual(stairs.y, [0, 0, 0.5, 0.5, 1])
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", "reward\n3.5\n1\n2\n")
    let path = try fixture.write(
      "figure.yaml", "data: {d: data.csv}\naxes:\n  layers:\n    - ecdf: {x: reward, horizontal: true}\n")
    let svg = try Figure(contentsOf: path).svg()
    let xText = try XCTUnwrap(svg.firstMatch(of: /data-x="([^"]+)"/)?.1)
    let x = try XCTUnwrap(AxisMappingText.decode(String(xText)))
    XCTAssertEqual([x.low, x.high], [0, 1])
    let yText = try XCTUnwrap(svg.firstMatch(of: /data-y="([^"]+)"/)?.1)
    let y = try XCTUnwrap(AxisMappingText.decode(String(yText)))
    XCTAssertEqual(y.low, 1 - 0.05 * 2.5, accuracy: 1e-12)
  }

  /// The y axis sticks to [0, 1] as matplotlib's does; x gets the usual 5 % margins; groups keep their colours.
  func testFigureSticksToZeroAndOneAndColoursGroups() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", "reward,method\n3.5,A\n1,A\n2,B\n2,B\n,A\n5.25,B\n-0.5,A\n")
    let path = try fixture.write(
      "figure.yaml", "data: {d: data.csv}\naxes:\n  layers:\n    - ecdf: {x: reward, group: method}\n")
    let svg = try Figure(contentsOf: path).svg()
    let yText = try XCTUnwrap(svg.firstMatch(of: /data-y="([^"]+)"/)?.1)
    let y = try XCTUnwrap(AxisMappingText.decode(String(yText)))
    XCTAssertEqual([y.low, y.high], [0, 1])
    let xText = try XCTUnwrap(svg.firstMatch(of: /data-x="([^"]+)"/)?.1)
    let x = try XCTUnwrap(AxisMappingText.decode(String(xText)))
    XCTAssertEqual(x.low, -0.5 - 0.05 * 5.75, accuracy: 1e-12)
    XCTAssertTrue(svg.contains("id=\"ecdf-reward-a\""))
    XCTAssertTrue(svg.contains("id=\"ecdf-reward-b\""))
    XCTAssertTrue(svg.contains("stroke=\"#1f77b4\"") && svg.contains("stroke=\"#ff7f0e\""))
  }

  func testCategoricalSamplesAreALocatedError() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", "name\na\nb\n")
    let path = try fixture.write(
      "figure.yaml", "data: {d: data.csv}\naxes:\n  x: {scale: categorical}\n  layers:\n    - ecdf: {x: name}\n")
    XCTAssertThrowsError(try Figure(contentsOf: path).svg()) { error in
      XCTAssertEqual((error as? VellumError)?.location?.line, 5, "at the x column")
      XCTAssertTrue("\(error)".contains("ecdf needs numbers"), "\(error)")
    }
  }
}
