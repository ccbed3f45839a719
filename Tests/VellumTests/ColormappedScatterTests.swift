import Foundation
import Vellum
import VellumTestSupport
import XCTest

@testable import VellumReview

/// `color: {column, map, …}` on scatter: each point's colour from the colormap, a colorbar, errors elsewhere.
final class ColormappedScatterTests: XCTestCase {
  private func render(_ layer: String) throws -> SVGElement {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", "x,y,c\n1,1,0.001\n2,2,0.1\n3,1,10\n4,2,\n")
    let text = try Figure(
      contentsOf: try fixture.write("f.yaml", "data: {d: data.csv}\naxes:\n  layers:\n    - \(layer)\n")
    ).svg()
    return try SVGDocument.parse(Data(text.utf8), name: "f.svg")
  }

  /// On a log norm over [0.001, 10]: viridis at 0, 2/4 and 1 (matplotlib: #440154, #21918c, #fde725);
  /// the point without a value is not drawn.
  func testPointsTakeTheirValuesColours() throws {
    let root = try render("scatter: {x: x, y: y, color: {column: c, map: viridis, norm: log}}")
    var fills: [String] = []
    var colorbar = 0
    root.walk { element, group in
      if group == "scatter-y", element.name == "path", let fill = element.attributes["fill"] { fills.append(fill) }
      if group == "colorbar", element.name == "text" { colorbar += 1 }
    }
    XCTAssertEqual(fills, ["#440154", "#21918c", "#fde725"])
    XCTAssertEqual(colorbar, 5, "decades 10^-3 … 10^1")
  }

  func testColorbarCanBeTurnedOffAndSeriesMarksTakeColormaps() throws {
    var groups: Set<String> = []
    try render("scatter: {x: x, y: y, color: {column: c, map: magma, colorbar: false}}").walk { _, group in
      groups.insert(group)
    }
    XCTAssertFalse(groups.contains("colorbar"))
    // An area takes the colour of its rows' mean, with the colorbar (ColorFromDataTests checks the colours).
    groups = []
    try render("area: {x: x, y: y, color: {column: c, map: viridis}}").walk { _, group in groups.insert(group) }
    XCTAssertTrue(groups.contains("colorbar"))
    XCTAssertThrowsError(try render("scatter: {x: x, y: y, color: {column: c, mapp: viridis}}")) { error in
      XCTAssertTrue("\(error)".contains("did you mean 'map'"), "\(error)")
    }
  }

  /// On a line, each segment takes the colour of the value at its start (matplotlib's LineCollection); with
  /// `missing: gap` a segment starting at a missing value is not drawn, by default the row is skipped.
  func testLineSegmentsTakeTheirStartsColour() throws {
    func strokes(_ layer: String) throws -> [String] {
      var found: [String] = []
      try render(layer).walk { element, group in
        if group == "series-y", element.name == "path", let stroke = element.attributes["stroke"] {
          found.append(stroke)
        }
      }
      return found
    }
    XCTAssertEqual(
      try strokes("line: {x: x, y: y, missing: gap, color: {column: c, map: viridis, norm: log}}"),
      ["#440154", "#21918c", "#fde725"])
    XCTAssertEqual(
      try strokes("line: {x: x, y: y, color: {column: c, map: viridis, norm: log}}"), ["#440154", "#21918c"])
  }

  /// Bars (polar bars too) take their value's colour from a colormap, as matplotlib's bar(color=cmap(norm(c))),
  /// with the colorbar; a bar without a colour value is not drawn.
  func testBarsTakeTheirValuesColours() throws {
    for polar in ["", "  polar: true\n"] {
      let fixture = try SpecFixture()
      defer { fixture.remove() }
      try fixture.write("data.csv", "x,y,c\n1,1,0.001\n2,2,0.1\n3,1,10\n4,2,\n")
      let text = try Figure(
        contentsOf: try fixture.write(
          "f.yaml",
          "data: {d: data.csv}\naxes:\n\(polar)  layers:\n    - bar: {x: x, y: y, color: {column: c, map: viridis, norm: log}}\n"
        )
      ).svg()
      let root = try SVGDocument.parse(Data(text.utf8), name: "f.svg")
      var fills: [String] = []
      var groups: Set<String> = []
      root.walk { element, group in
        groups.insert(group)
        if group.hasPrefix("bars-"), element.name == "path", let fill = element.attributes["fill"] {
          fills.append(fill)
        }
      }
      XCTAssertEqual(fills, ["#440154", "#21918c", "#fde725"], polar)
      XCTAssertTrue(groups.contains("colorbar"), polar)
    }
  }

  /// `label_rotation: 270` reads the colorbar label top to bottom (matplotlib's rotation=270), beside the tick labels.
  func testColorbarLabelTurnsBothWays() throws {
    for (rotation, expected) in [(90.0, 90.0), (270, -90)] {
      let (scene, _) = try SpecFixture.scene(
        "data: {d: data.csv}\naxes:\n  layers:\n    - scatter: {x: step, y: loss, color: {column: loss, map: viridis, "
          + "colorbar: {label: Loss, label_rotation: \(Int(rotation))}}}\n")
      let bar = try XCTUnwrap(scene.groups(role: "colorbar").first)
      let label = try XCTUnwrap(bar.texts.first { $0.plainText == "Loss" })
      XCTAssertEqual(label.rotation, expected)
      let ticks = bar.texts.filter { $0.plainText != "Loss" }.map(\.origin.x)
      XCTAssertGreaterThan(label.origin.x, ticks.max()!, "right of the tick labels")
    }
    XCTAssertNotNil(
      SpecFixture.error(
        "data: {d: data.csv}\naxes:\n  layers:\n    - scatter: {x: step, y: loss, color: {column: loss, map: viridis, "
          + "colorbar: {label: Loss, label_rotation: 180}}}\n"))
  }
}
