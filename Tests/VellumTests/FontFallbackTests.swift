import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

/// Characters the label's font lacks come from a fallback font, shaped and embedded like the rest.
final class FontFallbackTests: XCTestCase {
  private func spec(_ label: String, fallback: String = "") -> String {
    """
    size: [4in, 3in]
    font: {family: CMU Serif\(fallback)}
    data: {runs: data.csv}
    axes:
      x: {label: '\(label)'}
      layers:
        - line: {x: step, y: loss}

    """
  }

  /// The face of each glyph run of the x label (the text of the x axis holding `marker`), in order, with its text.
  private func labelRuns(_ scene: Scene, containing marker: String) -> [(text: String, family: String)] {
    var texts: [TextNode] = []
    var stack = scene.groups(role: "axis-x").flatMap(\.children)
    while let node = stack.popLast() {
      switch node {
      case .text(let text): texts.append(text)
      case .group(let group): stack += group.children
      default: break
      }
    }
    let label = texts.first { $0.runs.compactMap(\.text).joined().contains(marker) }
    return label?.runs.map { ($0.text ?? "", $0.font.family) } ?? []
  }

  func testChineseLabelMixesComputerModernAndACJKFace() throws {
    let (scene, _) = try SpecFixture.scene(spec("生成数量 (Number of Generations)"))
    let runs = labelRuns(scene, containing: "Number")
    XCTAssertEqual(runs.map(\.text), ["生成数量", " (Number of Generations)"])
    XCTAssertEqual(runs.map(\.family), ["WenQuanYi Micro Hei", "CMU Serif"])
    XCTAssertTrue(scene.fontFiles.contains { $0.hasSuffix("wqy-microhei.ttc") }, "\(scene.fontFiles)")
  }

  func testPDFEmbedsTheFallbackSubset() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let path = try fixture.write("figure.yaml", spec("生成数量 (Number of Generations)"))
    let pdf = try XCTUnwrap(FigureRenderer().render(specPath: path, formats: [.pdf])[.pdf])
    let text = String(decoding: pdf, as: UTF8.self)
    XCTAssertTrue(text.contains("+CMUSerif-Roman"), "the Computer Modern subset")
    XCTAssertTrue(text.contains("+WenQuanYiMicroHei"), "the CJK subset")
  }

  func testNamedFallbackComesFirst() throws {
    // WenQuanYi Micro Hei (first of the built-in list) has the knight too; font.fallback puts Symbola first.
    let builtIn = labelRuns(try SpecFixture.scene(spec("knight ♞")).scene, containing: "knight")
    XCTAssertEqual(builtIn.last?.family, "WenQuanYi Micro Hei")
    let named = labelRuns(
      try SpecFixture.scene(spec("knight ♞", fallback: ", fallback: [Symbola]")).scene, containing: "knight")
    XCTAssertEqual(named.last?.family, "Symbola")
  }
}
