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

  func testColorbarCanBeTurnedOffAndOtherMarksRefuseColormaps() throws {
    var groups: Set<String> = []
    try render("scatter: {x: x, y: y, color: {column: c, map: magma, colorbar: false}}").walk { _, group in
      groups.insert(group)
    }
    XCTAssertFalse(groups.contains("colorbar"))
    XCTAssertThrowsError(try render("area: {x: x, y: y, color: {column: c, map: viridis}}")) { error in
      XCTAssertTrue("\(error)".contains("f.yaml:4:") && "\(error)".contains("line, scatter and heatmap"), "\(error)")
    }
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
}
