import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

@testable import VellumLayout
@testable import VellumReview

/// `heatmap` with its colorbar: cell colours from the colormap, contrasting annotations, duplicate cells refused.
final class HeatmapMarkTests: XCTestCase {
  private let csv = "r,c,v\na,x,0.1\na,y,0.9\nb,x,0.5\nb,y,\n"

  private func svg(_ keys: String, csv: String? = nil) throws -> SVGElement {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", csv ?? self.csv)
    let spec = """
      data: {d: data.csv}
      axes:
        x: {scale: categorical}
        y: {scale: categorical, reverse: true}
        layers:
          - heatmap: {x: c, y: r, value: v, \(keys)}

      """
    let text = try Figure(contentsOf: try fixture.write("f.yaml", spec)).svg()
    return try SVGDocument.parse(Data(text.utf8), name: "f.svg")
  }

  private func elements(_ root: SVGElement, in group: String, named name: String) -> [SVGElement] {
    var found: [SVGElement] = []
    // A colorbar's ramp is a group of its own inside it.
    root.walk { element, owner in
      if (owner == group || owner == group + "-ramp") && element.name == name { found.append(element) }
    }
    return found
  }

  /// viridis over [0, 1] as matplotlib maps 0.1, 0.9 and 0.5; the missing cell is left out.
  func testCellsTakeTheColormapsColours() throws {
    let root = try svg("limits: [0, 1], colorbar: false")
    let fills = elements(root, in: "heatmap-v", named: "path").compactMap { $0.attributes["fill"] }
    XCTAssertEqual(fills, ["#482475", "#bddf26", "#21918c"], "to_hex(viridis(v)) in matplotlib")
  }

  /// `mask` blanks a triangle of the (row, column) matrix in axis order, as seaborn's mask=np.triu(…); the
  /// categories stay on the axes.
  func testMaskBlanksATriangle() throws {
    let csv =
      "r,c,v\n"
      + ["a", "b", "c"].flatMap { r in ["a", "b", "c"].map { c in "\(r),\(c),0.5" } }.joined(separator: "\n")
    func cells(_ keys: String) throws -> Int {
      elements(try svg("limits: [0, 1], colorbar: false, \(keys)", csv: csv), in: "heatmap-v", named: "path").count
    }
    XCTAssertEqual(try cells("sort: true"), 9)
    XCTAssertEqual(try cells("mask: upper"), 6)
    XCTAssertEqual(try cells("mask: upper, mask_diagonal: true"), 3)
    XCTAssertEqual(try cells("mask: lower"), 6)
    XCTAssertEqual(try cells("mask_diagonal: true"), 6)
    let upper = try svg("limits: [0, 1], colorbar: false, mask: upper", csv: csv)
    XCTAssertEqual(elements(upper, in: "axis-x", named: "text").count, 3, "every column keeps its tick")
    // The axes span the whole grid, masked cells included: with the diagonal, the last column is masked whole.
    let strict = try svg("limits: [0, 1], colorbar: false, mask: upper, mask_diagonal: true", csv: csv)
    var axes: SVGElement?
    strict.walk { element, _ in if element.attributes["id"] == "axes-0" { axes = element } }
    XCTAssertEqual(axes?.attributes["data-x"]?.split(separator: " ").prefix(3), ["linear", "-0.5", "2.5"])
  }

  /// Values written in each cell in black or white, whichever contrasts more (WCAG): white on viridis' dark purple,
  /// black (the SVG's default fill) on its yellow-green and on its mid teal (5.6:1 against white's 3.8:1).
  func testAnnotationsContrastWithTheirCell() throws {
    let root = try svg("limits: [0, 1], annotate: '%.1f', colorbar: false")
    let texts = elements(root, in: "heatmap-v", named: "text")
    XCTAssertEqual(texts.map(\.allText), ["0.1", "0.9", "0.5"])
    XCTAssertEqual(texts.map { $0.attributes["fill"] }, ["#ffffff", nil, nil])
  }

  /// The colorbar sits right of the plot with the limits' ticks, bottom to top.
  func testColorbarTicksFollowTheNorm() throws {
    let root = try svg("limits: [0, 1], map: Blues")
    let labels = elements(root, in: "colorbar", named: "text").map(\.allText)
    XCTAssertEqual(labels, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    let logRoot = try svg("norm: log, limits: [0.01, 10]")
    XCTAssertEqual(elements(logRoot, in: "colorbar", named: "text").count, 4, "decades 10^-2 … 10^1")
  }

  /// `extend: both` adds triangles past the ends in the under and over colours.
  func testColorbarExtensionsTakeTheUnderAndOverColours() throws {
    let root = try svg("limits: [0.2, 0.8], under: '#000000', over: '#ff0000', colorbar: {extend: both}")
    let fills = elements(root, in: "colorbar", named: "path").compactMap { $0.attributes["fill"] }
    XCTAssertTrue(fills.contains("#000000") && fills.contains("#ff0000"), "\(fills)")
    let plain = try svg("limits: [0.2, 0.8], under: '#000000', over: '#ff0000'")
    let plainFills = elements(plain, in: "colorbar", named: "path").compactMap { $0.attributes["fill"] }
    XCTAssertFalse(plainFills.contains("#ff0000"), "no triangles without extend")
  }

  /// `location: bottom` lays the bar below the axis labels, its tick labels under it, low values on the left.
  func testColorbarBelowThePlot() throws {
    let root = try svg("limits: [0, 1], colorbar: {location: bottom, label: Share}")
    let labels = elements(root, in: "colorbar", named: "text")
    XCTAssertEqual(labels.map(\.allText), ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "Share"])
    let xs = labels.dropLast().compactMap { Double($0.attributes["x"] ?? "") }
    XCTAssertEqual(xs, xs.sorted(), "values grow to the right")
    let axisLabelY = elements(root, in: "axis-x", named: "text").compactMap { Double($0.attributes["y"] ?? "") }.max()!
    let barLabelY = labels.compactMap { Double($0.attributes["y"] ?? "") }.min()!
    XCTAssertGreaterThan(barLabelY, axisLabelY, "below the x axis' labels")
  }

  /// `shared: true`: one colorbar right of every panel, spanning their height; layers must agree on the scale.
  func testSharedColorbarSpansThePanels() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", csv)
    func spec(_ second: String) -> String {
      let panel = { (limits: String) in
        "  - {x: {scale: categorical}, y: {scale: categorical}, layers: [{heatmap: {x: c, y: r, value: v, "
          + "limits: \(limits), colorbar: {shared: true}}}]}\n"
      }
      return "size: [6in, 3in]\ndata: {d: data.csv}\npanels: {columns: 2}\naxes:\n" + panel("[0, 1]") + panel(second)
    }
    let text = try Figure(contentsOf: try fixture.write("f.yaml", spec("[0, 1]"))).svg()
    let root = try SVGDocument.parse(Data(text.utf8), name: "f.svg")
    var groups: [String] = []
    root.walk { element, _ in if element.name == "g", let id = element.attributes["id"] { groups.append(id) } }
    XCTAssertEqual(groups.filter { $0.hasPrefix("figure-colorbar") }.count, 1)
    XCTAssertEqual(
      groups.filter { $0 == "colorbar" || ($0.hasPrefix("colorbar-") && !$0.hasPrefix("colorbar-ramp")) }.count, 1,
      "inside the figure group only")
    XCTAssertThrowsError(try Figure(contentsOf: try fixture.write("g.yaml", spec("[0, 2]"))).svg()) { error in
      XCTAssertTrue("\(error)".contains("same colormap, norm and limits"), "\(error)")
    }
  }

  /// `sort: true` orders rows and columns (numbers by value, text alphabetically) instead of as they appear.
  func testSortedCategories() throws {
    let rows = "r,c,v\nb,10,1\na,9,2\nb,9,3\na,10,4\n"
    let root = try svg("colorbar: false, sort: true", csv: rows)
    let xLabels = elements(root, in: "axis-x", named: "text").map(\.allText)
    let yLabels = elements(root, in: "axis-y", named: "text").map(\.allText)
    XCTAssertEqual(xLabels, ["9", "10"])
    XCTAssertEqual(yLabels, ["a", "b"])
    XCTAssertEqual(HeatmapMark.naturalOrder(["x", "2", "10", "b"]), ["2", "10", "b", "x"])
  }

  /// The colorbar label takes the axis labels' size (the base font size, matplotlib's axes.labelsize) whatever the
  /// tick labels' size, or its own `{text, size, pad}`.
  func testColorbarLabelSizeAndPad() throws {
    func label(_ colorbar: String) throws -> (size: Double, x: Double) {
      let spec = """
        data: {d: data.csv}
        axes:
          x: {scale: categorical}
          y: {scale: categorical}
          ticks: {label_size: 7}
          layers:
            - heatmap: {x: c, y: r, value: v, limits: [0, 1], colorbar: \(colorbar)}

        """
      let bar = try XCTUnwrap(SpecFixture.scene(spec, csv: csv).scene.groups(role: "colorbar").first)
      let text = try XCTUnwrap(bar.texts.first { $0.plainText == "Value" })
      // Measured from the tick labels, which stand at the bar: the plot shrinks so the whole still fits.
      let tick = try XCTUnwrap(bar.texts.first { $0.plainText != "Value" })
      return (text.runs[0].font.size, text.origin.x - tick.origin.x)
    }
    XCTAssertEqual(try label("{label: Value}").size, 10)
    let own = try label("{label: {text: Value, size: 14, pad: 10}}")
    XCTAssertEqual(own.size, 14)
    XCTAssertEqual(own.x - (try label("{label: {text: Value, size: 14}}").x), 6, accuracy: 1e-9, "pad 10, not 4")
  }

  func testDuplicateCellsAndUnknownMapsAreLocatedErrors() throws {
    XCTAssertThrowsError(try svg("colorbar: false", csv: csv + "a,x,0.3\n")) { error in
      XCTAssertTrue("\(error)".contains("heatmap cell (x, a) appears twice"), "\(error)")
    }
    XCTAssertThrowsError(try svg("map: blus")) { error in
      XCTAssertTrue("\(error)".contains("f.yaml:6:") && "\(error)".contains("did you mean 'Blues'"), "\(error)")
    }
    XCTAssertThrowsError(try svg("norm: center")) { error in
      XCTAssertTrue("\(error)".contains("needs 'center'"), "\(error)")
    }
  }
}
