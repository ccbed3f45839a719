import Foundation
import Vellum
import VellumFonts
import VellumRaster
import VellumSVG
import VellumScene
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumLayout
@testable import VellumTypesetting

/// Math layout and text metrics: positions that make formulas read like TeX, widths that match HarfBuzz.
final class TypesettingTests: XCTestCase {
  private let families = FontFamilies(
    roman: "CMU Serif", sans: "CMU Sans Serif", mono: "CMU Typewriter Text", math: "Latin Modern Math")

  private func set(_ text: String, size: Double = 10) throws -> SetText {
    try TextSetter(families: families).set(label: Located(text, at: nil), size: size)
  }

  private func run(_ set: SetText, _ text: String) -> GlyphRun? {
    set.runs.first { $0.text == text }
  }

  func testSuperscriptIsRaisedAndScaled() throws {
    let result = try set("$x^2$")
    let base = try XCTUnwrap(run(result, "\u{1D465}"))
    let sup = try XCTUnwrap(run(result, "2"))
    XCTAssertEqual(base.font.size, 10)
    XCTAssertEqual(sup.font.size, 7, accuracy: 1e-9, "Latin Modern Math scripts at 70%")
    XCTAssertLessThan(sup.offset.y, -2.5, "superscript baseline well above the base's")
    XCTAssertGreaterThan(sup.offset.x, base.offset.x)
  }

  func testSubscriptIsLoweredAndScriptScriptIsSmaller() throws {
    let result = try set("$x_{i_j}$")
    let i = try XCTUnwrap(run(result, "\u{1D456}"))
    let j = try XCTUnwrap(run(result, "\u{1D457}"))
    XCTAssertGreaterThan(i.offset.y, 1)
    XCTAssertGreaterThan(j.offset.y, i.offset.y)
    XCTAssertEqual(j.font.size, 5, accuracy: 1e-9)
  }

  func testFractionStacksAroundARule() throws {
    let result = try set(#"$\frac{a}{b}$"#)
    let numerator = try XCTUnwrap(run(result, "\u{1D44E}"))
    let denominator = try XCTUnwrap(run(result, "\u{1D44F}"))
    let rule = try XCTUnwrap(result.rules.first)
    XCTAssertLessThan(numerator.offset.y, rule.minY)
    XCTAssertGreaterThan(denominator.offset.y, rule.maxY)
    XCTAssertLessThan(rule.maxY, 0, "the bar sits on the math axis, above the baseline")
    XCTAssertEqual(numerator.font.size, 7, accuracy: 1e-9)
  }

  func testRadicalHasAnOverbarAboveItsBody() throws {
    let result = try set(#"$\sqrt{x}$"#)
    let body = try XCTUnwrap(run(result, "\u{1D465}"))
    let rule = try XCTUnwrap(result.rules.first)
    XCTAssertLessThanOrEqual(rule.minX, body.offset.x + 1e-9)
    XCTAssertLessThan(rule.maxY, -4, "overbar above the x-height")
  }

  func testLeftRightGrowAroundTallContent() throws {
    let plain = try set("$(x)$")
    let grown = try set(#"$\left(\frac{1}{2}\right)$"#)
    XCTAssertGreaterThan(grown.ascent + grown.descent, plain.ascent + plain.descent)
    XCTAssertTrue(grown.runs.contains { $0.text == nil }, "a size variant has no character of its own")
  }

  func testSpacingFollowsAtomClasses() throws {
    let font = try FontLibrary.shared.face(FontKey(family: "Latin Modern Math"))
    let bare = try font.shape("\u{1D44E}+\u{1D44F}").advance * 10 / font.unitsPerEm
    XCTAssertEqual(try set("$a+b$").width, bare + 2 * 4 / 18 * 10, accuracy: 1e-6, "medium spaces around a binary +")
    let unary = try font.shape("\u{2212}1").advance * 10 / font.unitsPerEm
    XCTAssertEqual(try set("$-1$").width, unary, accuracy: 1e-6, "a leading minus is unary")
  }

  func testWidthsMatchHarfBuzzAdvances() throws {
    for (text, family, bold) in [
      ("Number of Generations", "CMU Serif", false), ("LiveCodeBench v6", "CMU Serif", false),
      ("SDPO", "CMU Serif", true), ("Model parameters (B)", "CMU Serif", false),
    ] {
      let face = try FontLibrary.shared.face(FontKey(family: family, bold: bold))
      let harfBuzz = try face.shape(text).advance * 11 / face.unitsPerEm
      let label = bold ? "\\textbf{\(text)}" : text
      XCTAssertEqual(try set(label, size: 11).width, harfBuzz, accuracy: harfBuzz * 0.005, text)
    }
  }

  /// librsvg must draw text where layout measured it: the rendered ink spans the predicted width.
  func testRenderedInkMatchesMeasuredWidth() throws {
    let setter = TextSetter(families: families)
    let text = try setter.set(label: Located("Number of Generations", at: nil), size: 40)
    let face = try FontLibrary.shared.face(FontKey(family: "CMU Serif"))
    let glyphs = try face.shape("Number of Generations")
    let scale = 40 / face.unitsPerEm
    let inkLeft = (face.extents(glyphs.glyphs.first!.id)!.xMin + glyphs.glyphs.first!.x) * scale
    let inkRight = (face.extents(glyphs.glyphs.last!.id)!.xMax + glyphs.glyphs.last!.x) * scale
    let scene = Scene(
      width: text.width + 20, height: 60, nodes: [.text(TextNode(origin: Point(10, 45), runs: text.runs))],
      fontFiles: setter.fontFiles.sorted(), glyphOutlines: setter.outlines)
    for mode in TextMode.allCases {
      let image = try Rasterizer.image(
        svg: SVGWriter.write(scene, textMode: mode), width: scene.width, height: 60, dpi: 288,
        fontFiles: scene.fontFiles)
      let columns = inkColumns(image)
      let measured = Double(columns.upperBound - columns.lowerBound + 1) / 4
      XCTAssertEqual(measured, inkRight - inkLeft, accuracy: (inkRight - inkLeft) * 0.005, "\(mode)")
      XCTAssertEqual(Double(columns.lowerBound) / 4, 10 + inkLeft, accuracy: 0.5, "\(mode)")
    }
  }

  /// Paths mode carries its own outlines: with no fonts at all it renders exactly as with them.
  func testPathsModeNeedsNoFonts() throws {
    let spec = PackagePaths.examples.appendingPathComponent("typesetting.yaml").path
    let scene = try FigureRenderer().scene(specPath: spec)
    let svg = SVGWriter.write(scene, textMode: .paths)
    XCTAssertFalse(svg.contains("<text"))
    let withFonts = try Rasterizer.png(
      svg: svg, width: scene.width, height: scene.height, dpi: 150, fontFiles: scene.fontFiles)
    let withoutFonts = try Rasterizer.png(svg: svg, width: scene.width, height: scene.height, dpi: 150, fontFiles: [])
    XCTAssertEqual(withFonts, withoutFonts)
  }

  func testNoRawTeXReachesAnyOutput() throws {
    for spec in try PackagePaths.exampleSpecs() {
      let scene = try FigureRenderer().scene(specPath: spec.path)
      let texts = scene.textNodes.flatMap(\.runs).compactMap(\.text)
      XCTAssertFalse(texts.isEmpty)
      for text in texts {
        XCTAssertFalse(text.contains("\\") || text.contains("$"), "\(spec.lastPathComponent): \(text)")
      }
    }
  }

  /// The leftmost through rightmost columns holding dark pixels.
  private func inkColumns(_ image: RasterImage) -> ClosedRange<Int> {
    var left = Int.max
    var right = Int.min
    for y in 0..<image.height {
      for x in 0..<image.width where image.gray(x, y) < 128 {
        left = min(left, x)
        right = max(right, x)
      }
    }
    return left...right
  }
}
