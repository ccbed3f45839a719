import VellumData
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

  /// The byte writer gives the text the string formatter it replaced gave (kept here as the reference), for
  /// random page coordinates and the edge cases of rounding, sign and size; path data is those numbers joined.
  func testNumberBytesMatchTheStringFormat() {
    func reference(_ value: Double) -> String {
      guard value.isFinite else { return "0" }
      let scaled = (value * 1000).rounded()
      guard abs(scaled) < 9e15 else { return String(format: "%.0f", value) }
      let thousandths = Int64(scaled)
      if thousandths == 0 { return "0" }
      let sign = thousandths < 0 ? "-" : ""
      let magnitude = thousandths.magnitude
      let whole = magnitude / 1000
      let fraction = magnitude % 1000
      if fraction == 0 { return "\(sign)\(whole)" }
      var digits = String(fraction)
      digits = String(repeating: "0", count: 3 - digits.count) + digits
      while digits.hasSuffix("0") { digits.removeLast() }
      return "\(sign)\(whole).\(digits)"
    }
    var values: [Double] = [
      0, -0.0, 0.0004, 0.0005, -0.0005, 0.0015, 0.05, 0.005, 0.1, 0.105, 9.999, 9.9995, 10, 999.9999, 1e6, -1e6,
      8.99e12, 9e12, 1e13, 1e300, -1e300, .nan, .infinity, -.infinity, 5e-324, 123456789.5, 0.30000000000000004,
    ]
    var random = SplitMix64(seed: 34)
    for _ in 0..<100_000 {
      let magnitude = [1.0, 10, 1000, 1e6, 1e9][Int(random.next() % 5)]
      values.append((Double(random.next() >> 11) / Double(1 << 53) - 0.5) * 2 * magnitude)
      values.append(Double(Int64(bitPattern: random.next()) % 2_000_000) / 1000 + 0.0005)
    }
    for value in values { XCTAssertEqual(NumberFormat.format(value), reference(value), "\(value)") }
    let points = (0..<1000).map { Point(values[$0], values[$0 + 1000]) }
    let segments: [PathSegment] = [.move(points[0])] + points.dropFirst().map { .line($0) } + [.close]
    let expected =
      "M\(reference(points[0].x)) \(reference(points[0].y))"
      + points.dropFirst().map { "L\(reference($0.x)) \(reference($0.y))" }.joined() + "Z"
    XCTAssertEqual(PathData.string(segments), expected)
    let curve = PathData.string([.cubic(Point(1.5, -2), Point(0.0004, 3.25), Point(7, 8.125))], scale: 2)
    XCTAssertEqual(curve, "C3 -4 0.001 6.5 14 16.25")
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
