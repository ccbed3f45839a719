import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

/// Tick labels that would run into each other: a warning naming them, or `rotation: auto` turning (or thinning)
/// them until they fit.
final class TickLabelCollisionTests: XCTestCase {
  private let csv = """
    name,value
    A very long benchmark name,1
    Another long benchmark name,2
    Yet another benchmark name,3
    The last long benchmark name,4

    """

  private func render(_ rotation: String?) throws -> (Scene, [VellumWarning]) {
    let spec = """
      size: [3in, 3in]
      data:
        d: data.csv
      axes:
        x: {scale: categorical\(rotation.map { ", rotation: \($0)" } ?? "")}
        layers:
          - bar: {x: name, y: value}
      """
    return try SpecFixture.scene(spec, csv: csv)
  }

  private func xLabels(_ scene: Scene) -> [TextNode] { scene.groups(role: "axis-x").flatMap(\.texts) }

  func testCollidingCategoryLabelsAreAWarningNamingThem() throws {
    let (_, warnings) = try render(nil)
    XCTAssertEqual(warnings.count, 1)
    let text = warnings[0].description
    XCTAssertTrue(
      text.contains(
        ":5:6: warning: x tick labels 'A very long benchmark name' and 'Another long benchmark name' overlap "
          + "(and 2 more pairs); set x.rotation (45, 90 or auto) or shorten them"), text)
  }

  func testAutoRotationTurnsLabelsUntilTheyFit() throws {
    let (scene, warnings) = try render("auto")
    XCTAssertEqual(warnings, [])
    let labels = xLabels(scene)
    XCTAssertEqual(labels.count, 4)
    XCTAssertTrue(labels.allSatisfy { $0.rotation == 45 || $0.rotation == 90 }, "\(labels.map(\.rotation))")
    // Already fitting labels stay level.
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", "name,value\nA,1\nB,2\n")
    let spec =
      "size: [3in, 3in]\ndata: {d: data.csv}\naxes:\n  x: {scale: categorical, rotation: auto}\n  layers:\n    - bar: {x: name, y: value}\n"
    let level = try Figure(contentsOf: try fixture.write("figure.yaml", spec)).scene()
    XCTAssertTrue(xLabels(level).allSatisfy { $0.rotation == 0 })
  }

  func testAutoThinsLabelsThatCannotFitEvenUpright() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write(
      "data.csv", "name,value\n" + (0..<80).map { "category \($0),\($0)" }.joined(separator: "\n") + "\n")
    let spec =
      "size: [3in, 3in]\ndata: {d: data.csv}\naxes:\n  x: {scale: categorical, rotation: auto}\n  layers:\n    - bar: {x: name, y: value}\n"
    let (scene, warnings) = try Figure(contentsOf: try fixture.write("figure.yaml", spec)).sceneReporting()
    XCTAssertEqual(warnings, [])
    let labels = xLabels(scene)
    XCTAssertLessThan(labels.count, 80)
    XCTAssertGreaterThan(labels.count, 5)
    XCTAssertEqual(labels.first?.plainText, "category 0")
    XCTAssertTrue(labels.allSatisfy { $0.rotation == 90 })
  }
}

/// The ×10ⁿ offset text of a bottom axis sits where matplotlib puts it: right-aligned at the axis end, just below
/// the tick labels, on the axis label's row rather than a row of its own.
final class OffsetTextPlacementTests: XCTestCase {
  private func axisTexts(scale: Double) throws -> (texts: [TextNode], plot: Rect) {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write(
      "data.csv", "x,y\n" + (0...5).map { "\(Double($0) * scale),\($0)" }.joined(separator: "\n") + "\n")
    let spec =
      "size: [3in, 2.5in]\ndata: {d: data.csv}\naxes:\n  x: {label: Tokens}\n  layers:\n    - line: {x: x, y: y}\n"
    let scene = try Figure(contentsOf: try fixture.write("figure.yaml", spec)).scene()
    guard
      case .group(let axes) = scene.nodes.first(where: {
        if case .group(let g) = $0 { g.role == "axes-0" } else { false }
      })!
    else { throw VellumError(.io, "no axes") }
    let plot = axes.children.compactMap { if case .clip(let clip) = $0 { clip.rect } else { nil } }[0]
    let axis = axes.children.compactMap { node -> Group? in
      if case .group(let group) = node, group.role == "axis-x" { return group } else { return nil }
    }[0]
    return (axis.children.compactMap { if case .text(let text) = $0 { text } else { nil } }, plot)
  }

  func testOffsetTextSharesTheLabelRow() throws {
    let plain = try axisTexts(scale: 1)
    let scaled = try axisTexts(scale: 1e6)
    let offset = try XCTUnwrap(scaled.texts.first { $0.plainText.contains("10") && $0.plainText.contains("×") })
    let label = try XCTUnwrap(scaled.texts.first { $0.plainText == "Tokens" })
    // The plot and the label stay (within the offset text's slightly deeper descent) where they are without an
    // offset text: no extra row, which would cost a text height.
    XCTAssertEqual(scaled.plot.height, plain.plot.height, accuracy: 1)
    XCTAssertEqual(label.origin.y, plain.texts.first { $0.plainText == "Tokens" }!.origin.y, accuracy: 1)
    // Below the tick labels, and ending at the axis' right end.
    let tick = scaled.texts.first { $0.plainText == "0" }!
    XCTAssertGreaterThan(offset.origin.y, tick.origin.y + 5)
    XCTAssertLessThan(abs(offset.origin.y - label.origin.y), 4)
    XCTAssertLessThan(offset.origin.x, scaled.plot.maxX)
    XCTAssertGreaterThan(offset.origin.x, scaled.plot.maxX - 40)
  }
}
