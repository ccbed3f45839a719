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
  /// How many of `texts` the fast path took, each checked bit for bit against strtod (Swift's `Double(_:)`).
  private func agreeingWithStrtod(_ texts: [String], line: UInt = #line) -> Int {
    var compared = 0
    for text in texts {
      guard let fast = DecimalParser.parse(text) else { continue }
      XCTAssertEqual(fast.bitPattern, Double(text)!.bitPattern, text, line: line)
      compared += 1
    }
    return compared
  }

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
    XCTAssertGreaterThan(agreeingWithStrtod(texts), 15_000, "the fast path takes plain decimals")
    for declined in [
      "1e", "--1", "1.2.3", " 1", "inf", "nan", "0x10", "12345678901234567890", "1e309", "1e-330",
      "0.12345678901234567890", "", "-", ".",
    ] {
      XCTAssertNil(DecimalParser.parse(declined), declined)
    }
  }

  /// Eisel–Lemire (more than 2⁵³ or a power of ten past ±22): every Double written with 17 significant digits, as
  /// pandas and NumPy write them, reads back as itself; random 19-digit strings over the whole exponent range and
  /// the halfway cases round as strtod rounds them.
  func testLongDigitStringsRoundAsStrtodDoes() {
    var random = SplitMix64(seed: 29)
    var texts = [
      "9007199254740993", "9007199254740995", "9007199254740997", "18014398509481985", "1e23", "8.98846567431158e307",
      "1.7976931348623157e308", "2.2250738585072014e-308", "4.9406564584124654e-300", "0.30000000000000004",
      "123456789012345678", "9999999999999999999", "1e-342", "00000000000000000001234", "-0.000", "000.000e5",
      "-0.0005443277372117548", "0.00000000000000000000000000000000000001", "7.2057594037927933e16",
      "-0.1000000000000000055511151231257827",
    ]
    for _ in 0..<100_000 {
      let double = Double(bitPattern: random.next() & ~(1 << 63))
      guard double.isFinite, double.isNormal else { continue }
      texts.append(String(format: "%.17g", double))
      texts.append(String(format: "%.16e", double))
      texts.append(String(format: "%.18f", double / 1e300))
      // Small values as pandas writes them: the shortest round trip, after a run of zeros.
      let small = Double(random.next() >> 11) / Double(1 << 53) / 1e4
      texts.append("\(small)")
      texts.append(String(format: "%.20f", small))
    }
    for _ in 0..<100_000 {
      let digits = Int(random.next() % 19) + 1
      let mantissa = String(String("\(random.next())\(random.next())\(random.next())").prefix(digits))
      texts.append("\(mantissa)e\(Int(random.next() % 660) - 340)")
    }
    XCTAssertGreaterThan(agreeingWithStrtod(texts), 250_000, "long digit strings take the fast path")
  }

  /// The branch-free reader of short cells gives the digit-by-digit reader's value and end, bit for bit, for every
  /// cell it takes, and takes the usual ones: random mixes of digits, points, signs, exponents and other bytes,
  /// each followed by more bytes (it reads 16 at once), and cells that end at each of those 16 places.
  func testShortCellsReadAsTheGeneralReaderReadsThem() {
    var random = SplitMix64(seed: 24)
    let alphabet = Array("0123456789000.....-+eE, \n\u{80}x".utf8)
    var cells: [[UInt8]] = [
      "0.12345", "-1.5", "5.", ".5", "-.5", "123456789012345", "1234567890123456", "1.2.3", "000000000000000.1",
      "-0", "-0.000", "+7", "99999999999999.9", "0.00000000000001", "1.5e3", "1.5E-3", ".", "-", "",
    ].map { Array($0.utf8) }
    for length in 0...17 {
      cells.append(Array(String(repeating: "7", count: length).utf8))
      if length > 0 { cells.append(Array(("-0." + String(repeating: "3", count: length)).utf8)) }
    }
    for _ in 0..<200_000 {
      let length = Int(random.next() % 18)
      cells.append((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }
    var taken = 0
    for cell in cells {
      for tail in [Array(",\n".utf8), (0..<20).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }] {
        let bytes = cell + tail + Array(repeating: UInt8(ascii: ","), count: 17)
        bytes.withUnsafeBufferPointer { buffer in
          let general = DecimalParser.general(buffer, from: 0)
          let short = DecimalParser.short(buffer, from: 0)
          if let short {
            taken += 1
            XCTAssertEqual(short.value.bitPattern, general?.value.bitPattern, String(decoding: cell, as: UTF8.self))
            XCTAssertEqual(short.end, general?.end, String(decoding: cell, as: UTF8.self))
          }
          let read = DecimalParser.prefix(buffer, from: 0)
          XCTAssertEqual(read?.value.bitPattern, general?.value.bitPattern)
          XCTAssertEqual(read?.end, general?.end)
        }
      }
    }
    XCTAssertGreaterThan(taken, 100_000, "most cells of up to 15 digits take the short path")
    for cell in ["0.12345", "-1.5", "5.", ".5", "123456789012345", "-0.000", "9999999999999.9"] {
      let bytes = Array(cell.utf8) + Array(repeating: UInt8(ascii: ","), count: 17)
      XCTAssertNotNil(bytes.withUnsafeBufferPointer { DecimalParser.short($0, from: 0) }, cell)
    }
    for cell in ["1234567890123456", "1.2.3", "1.5e3", "1.5E-3", ".", "-", "", "--1"] {
      let bytes = Array(cell.utf8) + Array(repeating: UInt8(ascii: ","), count: 17)
      XCTAssertNil(bytes.withUnsafeBufferPointer { DecimalParser.short($0, from: 0) }, cell)
    }
  }
}
