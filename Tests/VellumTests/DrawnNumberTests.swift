import Foundation
import VellumTestSupport
import XCTest

/// No committed SVG (every example's golden) draws float noise: a number in its text with more decimals than any
/// format asks for (`14.400000000000006`, `0.30000000000000004`, `2.9999999`).
final class DrawnNumberTests: XCTestCase {
  func testNoDrawnNumberCarriesFloatNoise() throws {
    let folder = PackagePaths.golden
    let svgs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svg") }.sorted()
    XCTAssertGreaterThan(svgs.count, 30)
    // Text between tags, then numbers in it with seven or more decimals, or a run of six 0s or 9s after the point.
    let textPattern = try NSRegularExpression(pattern: ">([^<>]+)<")
    let noise = try NSRegularExpression(pattern: #"\d\.\d{7,}|\.\d*(0{6}|9{6})\d"#)
    var found: [String] = []
    var numbers = 0
    for name in svgs {
      let svg = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      let range = NSRange(svg.startIndex..., in: svg)
      for match in textPattern.matches(in: svg, range: range) {
        let text = String(svg[Range(match.range(at: 1), in: svg)!])
        guard !text.hasPrefix("@font-face"), !text.contains("{") else { continue }
        numbers += text.filter(\.isNumber).isEmpty ? 0 : 1
        let textRange = NSRange(text.startIndex..., in: text)
        if noise.firstMatch(in: text, range: textRange) != nil { found.append("\(name): \(text)") }
      }
    }
    XCTAssertGreaterThan(numbers, 500, "texts with digits scanned")
    XCTAssertEqual(found, [])
  }
}
