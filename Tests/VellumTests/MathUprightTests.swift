import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// `font.math_upright: text` sets a formula's digits, upright letters and operator names in the text family, as
/// matplotlib's mathtext does (`style: matplotlib` asks for it); italic letters and symbols stay in the math family.
final class MathUprightTests: XCTestCase {
  private func families(_ upright: String?) throws -> [String: Set<String>] {
    let font = upright.map { ", math_upright: \($0)" } ?? ""
    let spec = """
      size: [4in, 3in]
      font: {family: DejaVu Sans, math: TeX Gyre DejaVu Math\(font)}
      data: {d: data.csv}
      axes:
        title: '$10^{3} \\log x$'
        layers:
          - line: {x: step, y: loss}
      """
    let title = try XCTUnwrap(try SpecFixture.scene(spec).scene.groups(role: "title").first?.texts.first)
    var families: [String: Set<String>] = [:]
    for run in title.runs { families[run.text ?? "", default: []].insert(run.font.family) }
    return families
  }

  func testDigitsAndOperatorNamesFollowTheTextFamily() throws {
    let text = try families("text")
    XCTAssertEqual(text["1"], ["DejaVu Sans"], "\(text)")
    XCTAssertEqual(text["3"], ["DejaVu Sans"], "\(text)")
    XCTAssertEqual(text["log"], ["DejaVu Sans"], "\(text)")
    XCTAssertEqual(text["𝑥"], ["TeX Gyre DejaVu Math"], "the italic x stays a math letter: \(text)")
    let tex = try families(nil)
    XCTAssertEqual(tex["1"], ["TeX Gyre DejaVu Math"], "TeX's way by default: \(tex)")
  }
}
