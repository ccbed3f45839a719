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
    let label = SceneNode.text(
      TextNode(origin: Point(1, 2), anchor: .start, spans: [TextSpan("a<b & \"c\" ]]> \u{1}", font: font)]))
    let scene = Scene(
      width: 10, height: 10,
      nodes: [.group(Group(role: "series-a", children: [label])), .group(Group(role: "series-a", children: []))],
      fontFiles: [])
    let svg = SVGWriter.write(scene)
    XCTAssertTrue(svg.contains(">a&lt;b &amp; \"c\" ]]&gt; </text>"), svg)
    XCTAssertTrue(svg.contains("id=\"series-a\""))
    XCTAssertTrue(svg.contains("id=\"series-a-2\""))
    XCTAssertFalse(svg.contains("\u{1}"))
  }

  func testMixedStylesBecomeTspansWithClasses() {
    let regular = FontStyle(family: "CMU Serif", size: 11)
    var bold = regular
    bold.bold = true
    let scene = Scene(
      width: 10, height: 10,
      nodes: [
        .text(
          TextNode(
            origin: Point(0, 0), anchor: .middle, spans: [TextSpan("A", font: bold), TextSpan("b", font: regular)]))
      ],
      fontFiles: [])
    let svg = SVGWriter.write(scene)
    XCTAssertTrue(svg.contains("<tspan class=\"t11b\">A</tspan><tspan class=\"t11\">b</tspan>"), svg)
    XCTAssertTrue(svg.contains(".t11b{font-size:11px;font-weight:bold}"))
    XCTAssertTrue(svg.contains("text{font-family:'CMU Serif'}"))
  }
}
