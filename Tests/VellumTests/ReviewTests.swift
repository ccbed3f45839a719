import Foundation
import Vellum
import VellumSVG
import VellumScene
import VellumTestSupport
import XCTest

@testable import VellumReview

/// Review workflow: stale-output checks, diff-friendly and accessible SVG, semantic diffs.
final class ReviewTests: XCTestCase {
  private func copyExample(to fixture: SpecFixture) throws -> String {
    for name in ["selfdistill-train.yaml", "selfdistill_train.csv"] {
      try fixture.write(
        name, try String(contentsOf: PackagePaths.examples.appendingPathComponent(name), encoding: .utf8))
    }
    return fixture.directory.appendingPathComponent("selfdistill-train.yaml").path
  }

  private func changedLines(_ a: String, _ b: String) -> Int {
    let old = a.components(separatedBy: "\n")
    let new = b.components(separatedBy: "\n")
    guard old.count == new.count else { return abs(old.count - new.count) + 1000 }
    return zip(old, new).filter { $0 != $1 }.count
  }

  func testCheckPassesWhenFreshAndFailsAfterAnyByteChanges() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let spec = try copyExample(to: fixture)
    let outputs = try FigureRenderer().render(specPath: spec, formats: OutputFormat.allCases)
    for (format, bytes) in outputs {
      try Data(bytes).write(to: fixture.directory.appendingPathComponent("selfdistill-train.\(format.rawValue)"))
    }
    XCTAssertTrue(
      try StaleCheck.check(specPath: spec, outputFolder: nil, formats: OutputFormat.allCases).allSatisfy {
        $0.status == .upToDate
      })
    for format in OutputFormat.allCases {
      let url = fixture.directory.appendingPathComponent("selfdistill-train.\(format.rawValue)")
      var bytes = outputs[format]!
      bytes[bytes.count / 2] ^= 0x01
      try Data(bytes).write(to: url)
      let results = try StaleCheck.check(specPath: spec, outputFolder: nil, formats: OutputFormat.allCases)
      XCTAssertEqual(
        results.filter { $0.status != .upToDate }.map(\.file.lastPathComponent),
        ["selfdistill-train.\(format.rawValue)"])
      try Data(outputs[format]!).write(to: url)
    }
    try FileManager.default.removeItem(at: fixture.directory.appendingPathComponent("selfdistill-train.png"))
    XCTAssertEqual(
      try StaleCheck.check(specPath: spec, outputFolder: nil, formats: [.png]).first?.status, .missing)
  }

  func testLegendLabelEditChangesAtMostTwoLinesAndDiffNamesIt() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let spec = try copyExample(to: fixture)
    let before = try FigureRenderer().svg(specPath: spec)
    let text = try String(contentsOfFile: spec, encoding: .utf8)
    try fixture.write(
      "selfdistill-train.yaml", text.replacingOccurrences(of: "label: GRPO\n", with: "label: GRPO-v2\n"))
    let after = try FigureRenderer().svg(specPath: spec)
    XCTAssertNotEqual(before, after)
    XCTAssertLessThanOrEqual(changedLines(before, after), 2)
    let report = try SemanticDiff.compare(old: Data(before.utf8), new: Data(after.utf8))
    XCTAssertEqual(report, [#"legend-series-grpo: "GRPO" → "GRPO-v2""#])
  }

  func testOnePointEditTouchesOnlyThatSeries() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let spec = SpecFixture.spec.replacingOccurrences(of: "y: {label: Loss}", with: "y: {label: Loss, limits: [0, 2]}")
      .replacingOccurrences(
        of: "        - line: {x: step, y: loss, label: run}",
        with: "        - line: {x: step, y: loss, label: run}\n        - line: {x: step, y: other, label: other}")
    try fixture.write("data.csv", "step,loss,other\n0,1.0,0.5\n1,0.5,0.6\n2,0.25,0.7\n")
    let path = try fixture.write("figure.yaml", spec)
    let before = try FigureRenderer().svg(specPath: path)
    try fixture.write("data.csv", "step,loss,other\n0,1.0,0.5\n1,0.75,0.6\n2,0.25,0.7\n")
    let after = try FigureRenderer().svg(specPath: path)
    XCTAssertEqual(changedLines(before, after), 1)
    let report = try SemanticDiff.compare(old: Data(before.utf8), new: Data(after.utf8))
    XCTAssertEqual(report, ["series-loss: 1 point changed at x=1: y 0.5 → 0.75"])
    XCTAssertEqual(try FigureRenderer().svg(specPath: path), after, "a rerun changes nothing")
  }

  /// A colour change moves nothing, so the diff reads paint: the series' stroke, and the background's fill.
  /// A scatter's markers share one path; textconv lists each marker at its data point, and a moved point is one
  /// changed point in diff (not the curves of its outline).
  func testMarkersReadAsTheirPoints() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let path = try fixture.write(
      "sc.yaml", "size: [3in, 2in]\ndata: {p: data.csv}\naxes: {layers: [{scatter: {x: x, y: y}}]}\n")
    try fixture.write("data.csv", "x,y\n0,1\n1,0.6\n2,0.4\n3,0.3\n")
    let before = try FigureRenderer().svg(specPath: path)
    try fixture.write("data.csv", "x,y\n0,1\n1,0.7\n2,0.4\n3,0.3\n")
    let after = try FigureRenderer().svg(specPath: path)
    let markers = try ChartDescription.lines(of: Data(after.utf8), name: "sc.svg").filter { $0.contains("marker at") }
    XCTAssertEqual(markers.count, 4, "\(markers)")
    XCTAssertTrue(markers[1].hasPrefix("scatter-y: marker at (1, 0.7)"), markers[1])
    let report = try SemanticDiff.compare(old: Data(before.utf8), new: Data(after.utf8))
    XCTAssertEqual(report, ["scatter-y: 1 point changed at x=1: y 0.6 → 0.7"])
  }

  func testColourOnlyEditsAreNamed() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", "step,loss\n0,1.0\n1,0.5\n2,0.25\n")
    let path = try fixture.write("figure.yaml", SpecFixture.spec)
    let before = try FigureRenderer().svg(specPath: path)
    try fixture.write(
      "figure.yaml",
      "background: '#fafafa'\n"
        + SpecFixture.spec.replacingOccurrences(of: "label: run}", with: "label: run, color: C3}"))
    let after = try FigureRenderer().svg(specPath: path)
    let report = try SemanticDiff.compare(old: Data(before.utf8), new: Data(after.utf8))
    XCTAssertEqual(
      report,
      [
        "background: fill #ffffff → #fafafa", "series-loss: stroke #1f77b4 → #d62728",
        "legend-series-loss: stroke #1f77b4 → #d62728",
      ])
  }

  /// On a symlog axis the diff maps page positions back through symlog's inverse (it read them as linear).
  func testOnePointEditOnASymlogAxisReportsDataValues() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let spec = SpecFixture.spec.replacingOccurrences(
      of: "y: {label: Loss}", with: "y: {label: Loss, scale: symlog, linthresh: 1, limits: [0, 1000]}")
    try fixture.write("data.csv", "step,loss\n0,1\n1,100\n2,5\n")
    let path = try fixture.write("figure.yaml", spec)
    let before = try FigureRenderer().svg(specPath: path)
    try fixture.write("data.csv", "step,loss\n0,1\n1,300\n2,5\n")
    let after = try FigureRenderer().svg(specPath: path)
    let report = try SemanticDiff.compare(old: Data(before.utf8), new: Data(after.utf8))
    XCTAssertEqual(report, ["series-loss: 1 point changed at x=1: y 100 → 300"])
  }

  /// An edit that moves the axis limits moves every series on the page: each file's points are read through its
  /// own axes, so only the edited series is reported, with its true old value (the old page read through the new
  /// axes reported series b's unchanged points as changed, from values it never had).
  func testAnEditThatMovesTheLimitsReportsOnlyTheEditedSeries() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let spec = "data: {d: data.csv}\naxes:\n  layers:\n    - line: {x: x, y: y, group: g}\n"
    try fixture.write("data.csv", "x,y,g\n1,1.0,a\n2,0.5,a\n3,0.25,a\n1,0.8,b\n2,0.4,b\n3,0.2,b\n")
    let path = try fixture.write("figure.yaml", spec)
    let before = try FigureRenderer().svg(specPath: path)
    try fixture.write("data.csv", "x,y,g\n1,2.0,a\n2,0.5,a\n3,0.25,a\n1,0.8,b\n2,0.4,b\n3,0.2,b\n")
    let after = try FigureRenderer().svg(specPath: path)
    let report = try SemanticDiff.compare(old: Data(before.utf8), new: Data(after.utf8))
    XCTAssertTrue(report.contains("series-y-a: 1 point changed at x=1: y 1 → 2"), "\(report)")
    XCTAssertFalse(report.contains { $0.hasPrefix("series-y-b") }, "\(report)")
  }

  /// The axes' data attributes use the writer's number format: exact data limits, page positions to 0.001.
  func testAxisMappingIsWrittenAndReadBackExactly() throws {
    let mapping = AxisMapping(
      low: 0.1 + 0.2, high: 1e-5, start: 189.32000000000002, end: 24, transform: .symlog(base: 10, linthresh: 0.5))
    let text = AxisMappingText.encode(mapping)
    XCTAssertEqual(text, "symlog:10:0.5:1 0.30000000000000004 1e-05 189.32 24")
    let read = try XCTUnwrap(AxisMappingText.decode(text))
    XCTAssertEqual(read.low, mapping.low)
    XCTAssertEqual(read.high, mapping.high)
    XCTAssertEqual(read.transform, mapping.transform)
    XCTAssertEqual(read.start, 189.32)
    XCTAssertNil(AxisMappingText.decode("log:1 1 10 0 100"), "a log base of 1 maps nothing")
    XCTAssertNil(AxisMappingText.decode("linear 1 2 3"))
  }

  func testEverySVGIsAccessible() throws {
    for spec in try PackagePaths.exampleSpecs() {
      let svg = try FigureRenderer().svg(specPath: spec.path)
      let root = svg.components(separatedBy: "\n")[1]
      XCTAssertTrue(root.contains(#"role="img""#), spec.lastPathComponent)
      XCTAssertTrue(root.contains(#"aria-labelledby="svg-title"#), spec.lastPathComponent)
      XCTAssertTrue(svg.contains(#"<title id="svg-title">"#), spec.lastPathComponent)
      XCTAssertFalse(svg.contains("<script"), spec.lastPathComponent)
    }
    let train = try FigureRenderer().svg(
      specPath: PackagePaths.examples.appendingPathComponent("selfdistill-train.yaml").path)
    XCTAssertTrue(train.contains(#"<title id="svg-title">LiveCodeBench v6</title>"#))
    XCTAssertTrue(train.contains(#"<desc id="svg-desc">Accuracy on LiveCodeBench v6"#))
  }

  func testPixelDiffHighlightsChanges() throws {
    let spec = PackagePaths.examples.appendingPathComponent("selfdistill-train.yaml").path
    let svg = try FigureRenderer().svg(specPath: spec)
    XCTAssertEqual(try PixelDiff.image(old: svg, new: svg, dpi: 72).changed, 0)
    let moved = svg.replacingOccurrences(of: ">GRPO<", with: ">GRPO-v2<")
    let result = try PixelDiff.image(old: svg, new: moved, dpi: 72)
    XCTAssertGreaterThan(result.changed, 0)
    XCTAssertLessThan(result.changed, 0.01)
  }

  func testDeeplyNestedSVGIsAnErrorNotACrash() {
    let depth = 30_000
    let svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\">" + String(repeating: "<g>", count: depth)
      + String(repeating: "</g>", count: depth) + "</svg>"
    XCTAssertThrowsError(try SVGDocument.parse(Data(svg.utf8), name: "deep.svg")) { error in
      XCTAssertTrue("\(error)".contains("nests elements more than 500 deep"), "\(error)")
    }
  }
}
