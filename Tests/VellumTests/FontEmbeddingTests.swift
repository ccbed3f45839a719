import Foundation
import Vellum
import VellumTestSupport
import XCTest

@testable import VellumFonts

/// @font-face subsets: small, deterministic, valid sfnt files with zeroed timestamps.
final class FontEmbeddingTests: XCTestCase {
  func testSubsetIsDeterministicWithZeroTimestampsAndValidChecksum() throws {
    let face = try FontLibrary.shared.face(FontKey(family: "CMU Serif"))
    let first = try FontSubsetter.subset(face, characters: Set("Accuracy 0.5".unicodeScalars))
    let second = try FontSubsetter.subset(face, characters: Set("Accuracy 0.5".unicodeScalars))
    XCTAssertEqual(first, second)
    XCTAssertLessThan(first.count, 20_000)
    let original = try XCTUnwrap(FileManager.default.contents(atPath: face.path))
    XCTAssertLessThan(first.count, original.count / 10)
    // The whole-font checksum of a valid sfnt is the magic 0xB1B0AFBA.
    XCTAssertEqual(SFNTTimestamps.checksum(first, 0, first.count), 0xB1B0_AFBA)
    let head = try XCTUnwrap(tableOffset("head", in: first))
    XCTAssertEqual(Array(first[head + 20..<head + 36]), [UInt8](repeating: 0, count: 16))
  }

  func testEmbeddingSpecWritesFontFaceRules() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let spec = try fixture.write(
      "figure.yaml",
      "font: {embed: true}\n" + SpecFixture.spec.replacingOccurrences(of: "label: Loss", with: "label: '$\\alpha$'"))
    let svg = try FigureRenderer().svg(specPath: spec)
    XCTAssertTrue(
      svg.contains(
        "@font-face{font-family:'CMU Serif';font-weight:normal;font-style:normal;src:url(data:font/ttf;base64,"))
    XCTAssertTrue(svg.contains("@font-face{font-family:'Latin Modern Math'"))
    XCTAssertEqual(svg, try FigureRenderer().svg(specPath: spec))
    XCTAssertFalse(try FigureRenderer(textMode: .paths).svg(specPath: spec).contains("@font-face"))
  }

  private func tableOffset(_ tag: String, in font: [UInt8]) -> Int? {
    let count = Int(font[4]) << 8 | Int(font[5])
    for table in 0..<count {
      let record = 12 + table * 16
      if String(decoding: font[record..<record + 4], as: UTF8.self) == tag {
        return font[record + 8..<record + 12].reduce(0) { $0 << 8 | Int($1) }
      }
    }
    return nil
  }
}
