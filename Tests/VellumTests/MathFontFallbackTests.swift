import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// A math font that cannot set formulas (no MATH table, or no math italic letters as DejaVu Sans) is a warning
/// naming the fallback, Latin Modern Math, not an error.
final class MathFontFallbackTests: XCTestCase {
  private static func spec(_ math: String) -> String {
    """
    size: [4in, 3in]
    font: {math: \(math)}
    data: {d: data.csv}
    axes:
      title: '$\\mu^2 + \\sigma_i$'
      layers:
        - line: {x: step, y: loss}
    """
  }

  func testAFontThatCannotSetFormulasFallsBackWithAWarning() throws {
    let (scene, warnings) = try SpecFixture.scene(Self.spec("DejaVu Sans"))
    XCTAssertTrue(
      warnings.contains {
        $0.message.contains("'DejaVu Sans' is not a math font") && $0.message.contains("Latin Modern Math")
      },
      "\(warnings)")
    XCTAssertEqual(warnings.first { $0.message.contains("not a math font") }?.location?.line, 2)
    let title = try XCTUnwrap(scene.groups(role: "title").first?.texts.first)
    XCTAssertTrue(title.runs.contains { $0.font.family == "Latin Modern Math" })
    // A math font keeps its formulas and says nothing.
    let (_, fine) = try SpecFixture.scene(Self.spec("TeX Gyre DejaVu Math"))
    XCTAssertFalse(fine.contains { $0.message.contains("not a math font") })
  }
}
