import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// `facet`: one panel per value (wrapped) or per row × column pair, each with its value's rows, shared axes and
/// one legend.
final class FacetTests: XCTestCase {
  private static let csv = """
    model,seed,step,loss,other
    a,0,0,4.0,x
    a,0,10,2.0,x
    a,1,0,4.2,x
    a,1,10,2.2,x
    b,0,0,3.0,y
    b,0,10,1.0,y
    b,1,0,3.1,y
    b,1,10,1.1,y
    c,0,0,9.0,x
    c,0,10,8.0,x
    c,1,0,9.5,x
    c,1,10,8.5,x

    """

  private static let spec = """
    size: [6, 4]
    data: {runs: data.csv}
    axes:
      facet: {column: model, wrap: 2}
      y: {label: Loss}
      layers:
        - line: {data: runs, x: step, y: loss, color: {column: seed}}
        - hline: {y: 5}
    """

  func testOnePanelPerValueWithSharedAxesAndOneLegend() throws {
    let scene = try SpecFixture.scene(Self.spec, csv: Self.csv).scene
    let panels = scene.groups(prefix: "axes-")
    XCTAssertEqual(panels.count, 3)
    XCTAssertEqual(panels.map { $0.groups(role: "title").flatMap(\.texts).map(\.plainText) }, [["a"], ["b"], ["c"]])
    // Each panel draws its own rows: two seeds, plus the reference line drawn in every panel.
    for panel in panels {
      XCTAssertEqual(panel.groups(prefix: "series-").count, 2, "\(panel.role)")
      XCTAssertEqual(panel.groups(prefix: "hline").count, 1, "\(panel.role)")
    }
    // Shared y: one range (1…9.5 with margins) in every panel, labelled in the left column only.
    let ys = panels.map { $0.mapping!.y }
    XCTAssertTrue(ys.allSatisfy { $0.low == ys[0].low && $0.high == ys[0].high })
    XCTAssertLessThan(ys[0].low, 1.0)
    XCTAssertGreaterThan(ys[0].high, 9.5)
    let yLabels = panels.map { $0.groups(role: "axis-y").flatMap(\.texts).map(\.plainText) }
    XCTAssertTrue(yLabels[0].contains("Loss"))
    XCTAssertFalse(yLabels[1].contains("Loss"), "\(yLabels[1])")
    XCTAssertTrue(yLabels[2].contains("Loss"), "first column of the second row")
    // One legend for the figure, none in the panels.
    XCTAssertEqual(scene.groups(role: "figure-legend").count, 1)
    XCTAssertTrue(panels.allSatisfy { $0.groups(role: "legend").isEmpty })
  }

  func testGridTitlesAndTemplates() throws {
    let grid = Self.spec.replacingOccurrences(
      of: "facet: {column: model, wrap: 2}", with: "facet: {row: other, column: seed}"
    )
    .replacingOccurrences(of: "  y: {label: Loss}", with: "  title: 'seed {column}, {row}'\n  y: {label: Loss}")
    let scene = try SpecFixture.scene(grid, csv: Self.csv).scene
    let titles = scene.groups(prefix: "axes-").map { $0.groups(role: "title").flatMap(\.texts).map(\.plainText) }
    XCTAssertEqual(titles, [["seed 0, x"], ["seed 1, x"], ["seed 0, y"], ["seed 1, y"]])
  }

  func testBadFacetsAreLocatedErrors() throws {
    let missing = try XCTUnwrap(
      SpecFixture.error(Self.spec.replacingOccurrences(of: "column: model", with: "column: modle"), csv: Self.csv))
    XCTAssertTrue(missing.description.contains("figure.yaml:4:"), missing.description)
    XCTAssertTrue(missing.description.contains("no layer's data has the facet column 'modle'"), missing.description)
    let two = """
      data: {runs: data.csv}
      axes:
        - {facet: {column: model}, layers: [{line: {data: runs, x: step, y: loss}}]}
        - {layers: [{line: {data: runs, x: step, y: loss}}]}
      """
    let error = try XCTUnwrap(SpecFixture.error(two, csv: Self.csv))
    XCTAssertTrue(error.description.contains("the only entry of 'axes'"), error.description)
    let wrapped = try XCTUnwrap(
      SpecFixture.error(
        Self.spec.replacingOccurrences(of: "{column: model, wrap: 2}", with: "{row: model, wrap: 2}"), csv: Self.csv))
    XCTAssertTrue(wrapped.description.contains("wrap"), wrapped.description)
  }

  /// `panels: {labels: true}` letters every panel a facet makes (it crashed: the letters were made for one panel);
  /// a list of labels, written for one panel, is refused; more than 64 panels too.
  func testPanelLabelsAndTheGridLimit() throws {
    let lettered = Self.spec.replacingOccurrences(of: "axes:\n", with: "panels: {labels: true}\naxes:\n")
    let scene = try SpecFixture.scene(lettered, csv: Self.csv).scene
    XCTAssertEqual(scene.groups(role: "panel-label").flatMap(\.texts).map(\.plainText), ["(a)", "(b)", "(c)"])
    let listed = Self.spec.replacingOccurrences(of: "axes:\n", with: "panels: {labels: [x]}\naxes:\n")
    let error = try XCTUnwrap(SpecFixture.error(listed, csv: Self.csv))
    XCTAssertTrue(error.description.contains("figure.yaml:3:"), error.description)
    XCTAssertTrue(error.description.contains("labels: true"), error.description)
    let many = "model,step,loss\n" + (0..<65).map { "m\($0),0,1\n" }.joined()
    let tooMany = try XCTUnwrap(SpecFixture.error(Self.spec, csv: many))
    XCTAssertTrue(tooMany.description.contains("65 panels, over the limit of 64"), tooMany.description)
  }
}
