import Foundation
import Vellum
import VellumScene
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumLint

/// `vellum lint`: each check flags a figure that breaks it, at the spec line that drew the offending part, and
/// passes its fixed version; `lint: {ignore}` silences a check.
final class LintTests: XCTestCase {
  private static let csv = "step,loss,method,label\n0,1,base,a\n1,0.8,base,b\n0,0.9,ours,c\n1,0.5,ours,d\n"

  private func lint(_ spec: String, width: Double? = nil, csv: String = LintTests.csv) throws -> [LintFinding] {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", csv)
    return try Linter.lint(Figure(contentsOf: try fixture.write("figure.yaml", spec)), width: width)
  }

  private func checks(_ findings: [LintFinding]) -> Set<LintSpec.Check> { Set(findings.map(\.check)) }

  private static let lines = """
    size: [6.4in, 4.8in]
    data: {d: data.csv}
    axes:
      layers:
        - line: {x: step, y: loss, group: method}
    """

  func testTextSizeAtThePrintedWidth() throws {
    XCTAssertFalse(checks(try lint(Self.lines)).contains(.textSize), "10 pt as drawn")
    // 6.4 in printed at 3.25 in: the 10 pt tick labels become 5.1 pt.
    let findings = try lint(Self.lines, width: 3.25 * 72).filter { $0.check == .textSize }
    XCTAssertFalse(findings.isEmpty)
    XCTAssertTrue(findings.contains { $0.message.contains("5.08 pt") }, "\(findings)")
    XCTAssertTrue(checks(try lint(Self.lines, width: 3.25 * 72)).contains(.width))
    XCTAssertFalse(
      checks(try lint(Self.lines.replacingOccurrences(of: "6.4in, 4.8in", with: "3.25in, 2.4in"), width: 3.25 * 72))
        .contains(.textSize))
  }

  /// A venue style sets its own floor: Nature asks for at least 5 pt, the default is 6.
  func testAVenueStyleSetsItsTextFloor() throws {
    func sized(_ points: Double, style: String?) -> String {
      (style.map { "style: \($0)\n" } ?? "") + Self.lines + "\n  ticks: {label_size: \(points)}"
    }
    XCTAssertTrue(checks(try lint(sized(5.5, style: nil), width: 6.4 * 72)).contains(.textSize), "5.5 pt < 6 pt")
    XCTAssertFalse(checks(try lint(sized(5.5, style: "nature"), width: 6.4 * 72)).contains(.textSize), "5.5 pt ≥ 5 pt")
    let small = try lint(sized(4.8, style: "nature"), width: 6.4 * 72).filter { $0.check == .textSize }
    XCTAssertTrue(small.contains { $0.message.contains("(at least 5 pt)") }, "\(small)")
  }

  func testContrastOfTextOverItsFill() throws {
    let grey = """
      size: [4in, 3in]
      data: {d: data.csv}
      axes:
        layers:
          - line: {x: step, y: loss, group: method}
          - text: {x: step, y: loss, text: {column: label}, color: '#bbbbbb'}
      """
    let findings = try lint(grey).filter { $0.check == .contrast }
    XCTAssertEqual(findings.count, 1, "\(findings)")
    // Text a layer places from the data is drawn above the plot with the panel's annotations; one layer drew them
    // all, so the finding points at that layer's line.
    XCTAssertEqual(findings.first?.location?.line, 6, "the text layer")
    XCTAssertTrue(
      try lint(grey.replacingOccurrences(of: "#bbbbbb", with: "#333333")).allSatisfy { $0.check != .contrast })
  }

  func testOverlappingTexts() throws {
    let stacked = """
      size: [4in, 3in]
      data: {d: data.csv}
      axes:
        layers:
          - line: {x: step, y: loss, group: method}
          - text: {x: 0.5, y: 0.7, text: Overlapping words}
          - text: {x: 0.5, y: 0.7, text: Overlapping again}
      """
    XCTAssertTrue(checks(try lint(stacked)).contains(.overlap))
    XCTAssertFalse(
      checks(
        try lint(stacked.replacingOccurrences(of: "y: 0.7, text: Overlapping again", with: "y: 0.95, text: Apart"))
      ).contains(.overlap))
  }

  func testColoursAColourBlindReaderConfuses() throws {
    // tab10's orange and green look alike to protanopes (ΔE2000 1.2).
    let confused = Self.lines.replacingOccurrences(
      of: "group: method}", with: "group: method, color: {column: method}}"
    )
    .replacingOccurrences(of: "size: [6.4in, 4.8in]", with: "size: [6.4in, 4.8in]\ncolors: {base: C1, ours: C2}")
    let findings = try lint(confused).filter { $0.check == .colorVision }
    XCTAssertEqual(findings.count, 1, "\(findings)")
    XCTAssertTrue(findings[0].message.contains("protanopia"), findings[0].message)
    // A dash tells them apart; so do Okabe–Ito's colours.
    XCTAssertFalse(
      checks(
        try lint(
          confused.replacingOccurrences(
            of: "color: {column: method}}", with: "color: {column: method}, dash: {column: method}}"))
      ).contains(.colorVision))
    XCTAssertFalse(
      checks(try lint(confused.replacingOccurrences(of: "C1, ours: C2", with: "'#e69f00', ours: '#0072b2'"))).contains(
        .colorVision))
    // Silenced per figure.
    XCTAssertFalse(checks(try lint(confused + "\nlint: {ignore: [color-vision]}\n")).contains(.colorVision))
  }

  /// A legend drawn over its panel's points is found; `best` placement steers clear of them.
  func testLegendOverData() throws {
    var rows = ["step,loss,method"]
    for step in 0..<40 {
      for (index, method) in ["base", "ours"].enumerated() {
        rows.append("\(step),\(Double(index) * 0.1 + Double(step % 7) / 7),\(method)")
      }
    }
    let spec = """
      size: [4in, 3in]
      data: {d: data.csv}
      axes:
        legend: {location: center}
        layers:
          - scatter: {x: step, y: loss, group: method}
      """
    let csv = rows.joined(separator: "\n") + "\n"
    let covered = try lint(spec, csv: csv).filter { $0.check == .legendOverData }
    XCTAssertEqual(covered.count, 1, "\(covered)")
    XCTAssertEqual(covered.first?.location?.line, 4, "the legend's spec line")
    let outside = try lint(spec.replacingOccurrences(of: "location: center", with: "location: outside right"), csv: csv)
    XCTAssertFalse(checks(outside).contains(.legendOverData))
  }

  func testEmbeddedImagesBelowPrintResolution() throws {
    var rows = ["i,j,v"]
    for i in 0..<80 { for j in 0..<80 { rows.append("\(i),\(j),\((i * j) % 7)") } }
    let heatmap = """
      size: [6in, 6in]
      data: {d: data.csv}
      axes:
        layers:
          - heatmap: {x: i, y: j, value: v}

      """
    let csv = rows.joined(separator: "\n") + "\n"
    let fine = try lint(heatmap, csv: csv).filter { $0.check == .resolution }
    XCTAssertTrue(fine.isEmpty, "\(fine)")
    let coarse = try lint(heatmap + "lint: {min_dpi: 2000}\n", csv: csv).filter { $0.check == .resolution }
    XCTAssertEqual(coarse.count, 1, "\(coarse)")
    XCTAssertEqual(coarse.first?.location?.line, 5, "the heatmap layer")
  }

  func testBadLintKeysAreLocated() {
    XCTAssertNotNil(SpecFixture.error(Self.lines + "\nlint: {ignore: [colour]}\n"))
    XCTAssertTrue("\(SpecFixture.error(Self.lines + "\nlint: {ignore: [colour]}\n")!)".contains("figure.yaml:6:"))
  }

  /// `vellum lint` prints located warnings and exits 0 (1 with --strict); `render --lint --strict` writes nothing.
  func testCommandLine() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", Self.csv)
    let spec = try fixture.write("figure.yaml", Self.lines)
    let narrow = try runVellum(["lint", spec, "--width", "3.25in"])
    XCTAssertEqual(narrow.status, 0)
    XCTAssertTrue(
      narrow.stderr.contains("figure.yaml:") && narrow.stderr.contains("warning: [text-size]"), narrow.stderr)
    XCTAssertEqual(try runVellum(["lint", spec, "--width", "3.25in", "--strict"]).status, 1)
    XCTAssertEqual(try runVellum(["lint", spec, "--strict"]).status, 0, "10 pt as drawn, nothing found")
    let out = fixture.directory.appendingPathComponent("out")
    let rendered = try runVellum(["render", spec, "--lint", "--strict", "--out", out.path])
    XCTAssertEqual(rendered.status, 0, rendered.stderr)
    let narrowSpec = try fixture.write("narrow.yaml", Self.lines + "\nlint: {width: 2in}\n")
    let refused = try runVellum(["render", narrowSpec, "--lint", "--strict", "--out", out.path])
    XCTAssertEqual(refused.status, 1, refused.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("narrow.svg").path))
  }

  /// Every example is camera-ready by its own account: nothing found, or the check silenced with a reason beside it.
  func testEveryExampleLintsClean() throws {
    for spec in try PackagePaths.exampleSpecs() {
      let findings = try Linter.lint(Figure(contentsOf: spec.path))
      XCTAssertEqual(findings, [], spec.lastPathComponent)
      let text = try String(contentsOf: spec, encoding: .utf8)
      if text.contains("\nlint: {ignore:") {
        XCTAssertTrue(
          text.contains("\n# vellum lint: "), "\(spec.lastPathComponent) silences a check without saying why")
      }
    }
  }

  /// `render --simulate deuteranopia` writes every colour as Machado et al. simulate it: pure red becomes the olive
  /// a deuteranope sees, black and white stay.
  func testColorVisionPreview() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", Self.csv)
    let spec = try fixture.write(
      "figure.yaml", Self.lines.replacingOccurrences(of: "group: method}", with: "group: method, color: '#ff0000'}"))
    let out = fixture.directory.appendingPathComponent("out")
    let result = try runVellum(["render", spec, "--simulate", "deuteranopia", "--format", "svg", "--out", out.path])
    XCTAssertEqual(result.status, 0, result.stderr)
    let svg = try String(contentsOf: out.appendingPathComponent("figure.svg"), encoding: .utf8)
    let expected = ColorScience.simulate(RGB(red: 1, green: 0, blue: 0), .deuteranopia).hex
    XCTAssertNotEqual(expected, "#ff0000")
    XCTAssertTrue(svg.contains("stroke=\"\(expected)\""), "\(expected) in the SVG")
    XCTAssertFalse(svg.contains("#ff0000"))
    XCTAssertEqual(try runVellum(["render", spec, "--simulate", "colourblind"]).status, 2, "a usage error")
  }

  /// Low-contrast texts of one layer are one finding that counts them and names the worst.
  func testContrastFindingsCountTheirTexts() throws {
    let spec = """
      data: {d: data.csv}
      axes:
        x: {scale: categorical}
        y: {scale: categorical}
        layers:
          - heatmap: {x: c, y: r, value: v, map: Greys, annotate: '%d', annotation_color: white}
      """
    let findings = try lint(spec, csv: "c,r,v\na,x,1\nb,x,2\na,y,3\nb,y,4\n").filter { $0.check == .contrast }
    XCTAssertEqual(findings.count, 1)
    XCTAssertTrue(
      findings[0].message.hasPrefix("2 texts of 'heatmap-v' have a contrast ratio under 4.50"), findings[0].message)
  }

  /// A figure title's finding points at the title; a spec that cannot be read leaves the others' findings.
  func testFindingsPointAtTheirTextAndSurviveABrokenSpec() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let titled = try fixture.write("a.yaml", "title: {text: Suptitle, size: 4}\n" + SpecFixture.spec)
    let findings = try Linter.lint(Figure(contentsOf: titled), width: nil).filter { $0.message.contains("Suptitle") }
    XCTAssertEqual(findings.first?.location?.line, 1)
    XCTAssertEqual(findings.first?.location?.column, 15)
    let empty = try fixture.write("b.yaml", "")
    let result = try runVellum(["lint", titled, empty])
    XCTAssertEqual(result.status, 1, result.stderr)
    XCTAssertTrue(result.stderr.contains("Suptitle"), "a.yaml's findings stay: \(result.stderr)")
    XCTAssertTrue(result.stderr.contains("b.yaml:1:1: error: the spec is empty"), result.stderr)
    XCTAssertEqual(try runVellum(["lint", titled, "--width", "1e-300in"]).status, 2, "a width under 1 pt")
    XCTAssertEqual(try runVellum(["lint", titled, "--style", "nosuch"]).status, 2, "an unknown style")
  }

  /// The README's example: the figure that fails four checks at a 3.25 in column, and its fixed version.
  func testTheReadmeExample() throws {
    let csv =
      "step,loss,method\n0,2.0,baseline\n1,1.6,baseline\n2,1.4,baseline\n3,1.3,baseline\n"
      + "0,2.1,ablation\n1,1.5,ablation\n2,1.2,ablation\n3,1.1,ablation\n0,1.9,ours\n1,1.3,ours\n2,1.0,ours\n3,0.9,ours\n"
    let before = """
      size: [6.4in, 4.8in]
      data: {runs: data.csv}
      colors: {baseline: C0, ablation: C1, ours: C2}
      axes:
        x: {label: Step}
        y: {label: Loss}
        legend: {location: center}
        layers:
          - line: {x: step, y: loss, group: method, marker: circle}
          - text: {x: 2, y: 1.25, text: 'lr warm-up ends', color: '#aaaaaa'}
      """
    XCTAssertEqual(checks(try lint(before, width: 3.25 * 72, csv: csv)), [.width, .textSize, .contrast, .colorVision])
    let after = before.replacingOccurrences(of: "size: [6.4in, 4.8in]", with: "size: [3.25in, 2.4in]\nfont: {size: 8}")
      .replacingOccurrences(of: "colors: {baseline: C0, ablation: C1, ours: C2}", with: "palette: okabe-ito")
      .replacingOccurrences(of: "#aaaaaa", with: "#555555").replacingOccurrences(
        of: "location: center", with: "location: best")
    XCTAssertEqual(try lint(after, width: 3.25 * 72, csv: csv), [])
  }
}
