import VellumScene
import XCTest

@testable import VellumSVG

/// The writer's formatting rules.
final class SVGWriterTests: XCTestCase {
  func testNumberFormat() {
    XCTAssertEqual(NumberFormat.format(468), "468")
    XCTAssertEqual(NumberFormat.format(316.8), "316.8")
    XCTAssertEqual(NumberFormat.format(1.23456), "1.235")
    XCTAssertEqual(NumberFormat.format(-0.0001), "0")
    XCTAssertEqual(NumberFormat.format(-2.5), "-2.5")
    XCTAssertEqual(NumberFormat.format(1e-7), "0")
    XCTAssertEqual(NumberFormat.format(123456789.5), "123456789.5")
  }

  func testEscapingAndUniqueIDs() {
    let font = FontStyle(family: "CMU Serif", size: 10)
    let run = GlyphRun(text: "a<b & \"c\" ]]> \u{1}", font: font, face: "cmunrm", offset: Point(0, 0), glyphs: [])
    let label = SceneNode.text(TextNode(origin: Point(1, 2), runs: [run]))
    let scene = Scene(
      width: 10, height: 10,
      nodes: [.group(Group(role: "series-a", children: [label])), .group(Group(role: "series-a", children: []))],
      fontFiles: [])
    let svg = SVGWriter.write(scene)
    XCTAssertTrue(svg.contains(">a&lt;b &amp; \"c\" ]]&gt; </text>"), svg)
    XCTAssertTrue(svg.contains("xml:space=\"preserve\""), svg)
    XCTAssertTrue(svg.contains("id=\"series-a\""))
    XCTAssertTrue(svg.contains("id=\"series-a-2\""))
    XCTAssertFalse(svg.contains("\u{1}"))
  }

  private func twoStyleScene() -> Scene {
    let regular = FontStyle(family: "CMU Serif", size: 11)
    var bold = regular
    bold.bold = true
    let runs = [
      GlyphRun(text: "A", font: bold, face: "cmunbx", offset: Point(0, 0), glyphs: [PlacedGlyph(id: 36, x: 0, y: 0)]),
      GlyphRun(
        text: "b", font: regular, face: "cmunrm", offset: Point(8.5, 0), glyphs: [PlacedGlyph(id: 69, x: 0, y: 0)]),
    ]
    return Scene(
      width: 10, height: 10, nodes: [.text(TextNode(origin: Point(1, 2), runs: runs))], fontFiles: [],
      glyphOutlines: [
        GlyphRef(face: "cmunbx", id: 36): [.move(Point(0, 0)), .line(Point(0.5, -0.7)), .close],
        GlyphRef(face: "cmunrm", id: 69): [.move(Point(0, 0)), .line(Point(0.25, -0.5)), .close],
      ])
  }

  func testMixedStylesBecomeTspansWithClasses() {
    let svg = SVGWriter.write(twoStyleScene())
    let expected = #"<text><tspan class="t11b" x="1" y="2">A</tspan><tspan class="t11" x="9.5" y="2">b</tspan></text>"#
    XCTAssertTrue(svg.contains(expected), svg)
    XCTAssertTrue(svg.contains(".t11b{font-size:11px;font-weight:bold}"))
    XCTAssertTrue(svg.contains("text{font-family:'CMU Serif'}"))
    XCTAssertFalse(svg.contains("<defs>"), "fonts mode needs no outlines here")
  }

  func testPathsModeUsesOutlinesDefinedOnce() {
    let svg = SVGWriter.write(twoStyleScene(), textMode: .paths)
    XCTAssertFalse(svg.contains("<text"), svg)
    XCTAssertTrue(svg.contains(#"<path id="glyph-cmunbx-36" d="M0 0L500 -700Z"/>"#), svg)
    XCTAssertTrue(
      svg.contains(##"<use xlink:href="#glyph-cmunrm-69" transform="matrix(0.011 0 0 0.011 9.5 2)"/>"##), svg)
    XCTAssertTrue(svg.contains(#"aria-label="Ab""#), svg)
    XCTAssertEqual(svg.components(separatedBy: "id=\"glyph-").count - 1, 2)
  }
}
