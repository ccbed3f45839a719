import Foundation
import Vellum
import VellumTestSupport
import XCTest

@testable import VellumReview

/// Colours follow the data: a value keeps one colour in every panel and in the legend, read from the SVG.
final class ColorScaleTests: XCTestCase {
  /// Renders `spec` over `csv` and returns, per SVG group id, the colours its paths are painted with.
  private func colors(_ spec: String, csv: String) throws -> [String: Set<String>] {
    try paths(spec, csv: csv).mapValues { elements in
      Set(elements.flatMap { [$0["fill"], $0["stroke"]] }.compactMap { $0 }.filter { $0 != "none" })
    }
  }

  private static let methods = """
    step,method,acc,err
    0,Baseline,0.1,0.01
    1,Baseline,0.2,0.01
    0,+SFT,0.2,0.01
    1,+SFT,0.3,0.01
    0,+RL,0.3,0.01
    1,+RL,0.5,0.01

    """

  /// Panel (b) filters out Baseline: +SFT and +RL keep panel (a)'s colours, and the figure legend agrees.
  func testFilteredPanelKeepsEachGroupsColour() throws {
    let panel = { (title: String, filter: String) in
      "  - title: \(title)\n    layers:\n      - line: {x: step, y: acc, group: method\(filter)}\n"
    }
    let spec =
      "size: [6in, 3in]\ndata: {d: data.csv}\npanels: {columns: 2}\nlegend: {location: outside top}\naxes:\n"
      + panel("a", "") + panel("b", ", transform: [{filter: {method: {in: [+SFT, +RL]}}}]")
    let found = try colors(spec, csv: Self.methods)
    let baseline = try XCTUnwrap(found["series-acc-baseline"])
    let sft = try XCTUnwrap(found["series-acc-sft"])
    let rl = try XCTUnwrap(found["series-acc-rl"])
    XCTAssertEqual([baseline, sft, rl].map(\.count), [1, 1, 1], "each value drawn in one colour in both panels")
    XCTAssertEqual(baseline, ["#1f77b4"])
    XCTAssertEqual(sft, ["#ff7f0e"])
    XCTAssertEqual(rl, ["#2ca02c"])
    // The legend entry of each value shows the value's colour.
    XCTAssertEqual(found["legend-series-acc-baseline"], baseline)
    XCTAssertEqual(found["legend-series-acc-sft"], sft)
    XCTAssertEqual(found["legend-series-acc-rl"], rl)
  }

  /// `scales.color.map`: a sequential colormap spread over the values as matplotlib's
  /// `viridis(np.linspace(0, 1, n))` (the hexes below are matplotlib's), a qualitative one in its order.
  func testDiscreteColoursFromAColormap() throws {
    var csv = "step,size,acc\n"
    for size in ["7B", "13B", "34B", "70B", "180B"] { csv += "0,\(size),0.1\n1,\(size),0.2\n" }
    func seriesColors(_ map: String) throws -> [String] {
      let spec =
        "data: {d: data.csv}\nscales: {color: {map: \(map)}}\naxes:\n  layers: [{line: {x: step, y: acc, group: size}}]\n"
      let found = try colors(spec, csv: csv)
      return try ["7b", "13b", "34b", "70b", "180b"].map { try XCTUnwrap(found["series-acc-\($0)"]?.first) }
    }
    XCTAssertEqual(try seriesColors("viridis"), ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"])
    XCTAssertEqual(try seriesColors("viridis_r").first, "#fde725")
    XCTAssertEqual(try seriesColors("tab20"), ["#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c"])
    let unknown = SpecFixture.error(
      "data: {d: data.csv}\nscales: {color: {map: viridus}}\naxes:\n  layers: [{line: {x: step, y: acc}}]\n")
    XCTAssertTrue(unknown?.message.contains("did you mean 'viridis'") ?? false, "\(String(describing: unknown))")
  }

  /// `resolve: independent` gives each panel its own mapping from the start of the palette, as separate
  /// matplotlib axes would.
  func testIndependentResolutionRestartsThePalettePerPanel() throws {
    let spec = """
      size: [6in, 3in]
      data: {d: data.csv}
      panels: {columns: 2}
      scales: {color: {resolve: independent}}
      axes:
        - layers: [{line: {x: step, y: acc, group: method}}]
        - layers: [{line: {x: step, y: acc, group: method, transform: [{filter: {method: +RL}}]}}]

      """
    let found = try colors(spec, csv: Self.methods)
    XCTAssertEqual(found["series-acc-rl-rl"], ["#1f77b4"])
    XCTAssertEqual(found["series-acc-rl"], ["#2ca02c"])
  }

  /// An ungrouped band and line with no colour named share one colour: fills and lines cycle separately.
  func testBandAndLineWithoutColourShareTheFirstPaletteColour() throws {
    let spec = """
      data: {d: data.csv}
      axes:
        layers:
          - band: {x: step, center: acc, error: err, transform: [{filter: {method: +RL}}]}
          - line: {x: step, y: acc, label: RL, transform: [{filter: {method: +RL}}]}
          - line: {x: step, y: acc, label: SFT, transform: [{filter: {method: +SFT}}]}

      """
    let found = try colors(spec, csv: Self.methods)
    XCTAssertEqual(found["band-acc-rl"], ["#1f77b4"])
    XCTAssertEqual(found["series-acc-rl"], ["#1f77b4"])
    XCTAssertEqual(found["series-acc-sft"], ["#ff7f0e"])
  }

  /// Pinned values keep their colour; the others take the palette colours no pin uses, in domain order.
  func testPinnedColoursAndExplicitDomain() throws {
    let spec = """
      data: {d: data.csv}
      colors: {+RL: "#2CA02C"}
      scales: {color: {domain: [+RL, +SFT, Baseline]}}
      axes:
        layers:
          - band: {x: step, center: acc, error: err, group: method}
          - line: {x: step, y: acc, group: method}

      """
    let found = try colors(spec, csv: Self.methods)
    XCTAssertEqual(found["series-acc-rl"], ["#2ca02c"])
    XCTAssertEqual(found["band-acc-rl"], ["#2ca02c"])
    XCTAssertEqual(found["series-acc-sft"], ["#1f77b4"])
    XCTAssertEqual(found["band-acc-sft"], ["#1f77b4"])
    XCTAssertEqual(found["series-acc-baseline"], ["#ff7f0e"])
  }

  /// An ungrouped series beside grouped ones avoids the colours that stand for group values.
  func testUngroupedSeriesAvoidsGroupColours() throws {
    let spec = """
      data: {d: data.csv}
      axes:
        layers:
          - line: {x: step, y: acc, group: method, transform: [{filter: {method: {in: [Baseline, +SFT]}}}]}
          - line: {x: step, y: err, label: error}

      """
    let found = try colors(spec, csv: Self.methods)
    XCTAssertEqual(found["series-acc-baseline"], ["#1f77b4"])
    XCTAssertEqual(found["series-acc-sft"], ["#ff7f0e"])
    XCTAssertEqual(found["series-err"], ["#2ca02c"])
  }

  func testColoursGivenTwiceAreALocatedError() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", Self.methods)
    let path = try fixture.write(
      "figure.yaml",
      "data: {d: data.csv}\nscales: {color: {colors: {a: red}}}\ncolors: {a: blue}\naxes: {layers: []}\n")
    XCTAssertThrowsError(try FigureRenderer().svg(specPath: path)) { error in
      XCTAssertEqual((error as? VellumError)?.location?.line, 3)
      XCTAssertTrue("\(error)".contains("colors are given twice"), "\(error)")
    }
  }

  /// Renders `spec` and returns every path element's attributes by the id of its group.
  func testHollowMarkersKeepTheSeriesColourOnTheEdge() throws {
    // matplotlib's markerfacecolor='none': an empty face, the edge in the line's colour.
    let spec = """
      data: {d: data.csv}
      background: None
      axes: {layers: [{line: {x: step, y: acc, color: C2, marker: {shape: o, face: none}, transform: [{filter: {method: A}}]}}]}

      """
    let found = try paths(spec, csv: Self.settings)
    // The line and four circles (curves), each unfilled, each stroked in the series colour.
    let paths = try XCTUnwrap(found["series-acc-a"])
    let markers = paths.filter { $0["d"]?.contains("C") == true }
    XCTAssertEqual(markers.count, 4)
    for path in paths {
      XCTAssertEqual(path["fill"], "none")
      XCTAssertEqual(path["stroke"], "#2ca02c")
    }
  }

  func testEdgesTakeTheirOwnAndTheLayersOpacity() throws {
    // An rgba() edge keeps its alpha on the outline (matplotlib: edgecolor=(0, 0, 0, 0.25) stays 0.25).
    let spec = """
      data: {d: data.csv}
      axes: {x: {scale: categorical}, layers: [{bar: {x: setting, y: acc, edge: 'rgba(0, 0, 0, 0.25)', transform: [{filter: {method: A, step: 0}}]}}]}

      """
    let bars = try XCTUnwrap(try paths(spec, csv: Self.settings).first { $0.key.hasPrefix("bars") }?.value)
    XCTAssertEqual(bars.count, 2)
    for bar in bars {
      XCTAssertEqual(bar["stroke"], "#000000")
      XCTAssertEqual(bar["stroke-opacity"], "0.25")
    }
    // A layer's alpha reaches the edge too: matplotlib's bar(alpha=0.3, edgecolor='k') has edge (0, 0, 0, 0.3).
    let faded = try XCTUnwrap(
      try paths(
        spec.replacingOccurrences(of: "edge: 'rgba(0, 0, 0, 0.25)'", with: "edge: black, alpha: 0.3"),
        csv: Self.settings
      ).first { $0.key.hasPrefix("bars") }?.value)
    for bar in faded {
      XCTAssertEqual(bar["fill-opacity"], "0.3")
      XCTAssertEqual(bar["stroke-opacity"], "0.3")
    }
  }

  private func paths(_ spec: String, csv: String) throws -> [String: [[String: String]]] {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", csv)
    let svg = try FigureRenderer().svg(specPath: try fixture.write("figure.yaml", spec))
    let root = try SVGDocument.parse(Data(svg.utf8), name: "figure.svg")
    var found: [String: [[String: String]]] = [:]
    root.walk { element, group in
      if element.name == "path" { found[group, default: []].append(element.attributes) }
    }
    return found
  }

  private static let settings = """
    step,method,setting,acc
    0,A,short,0.1
    1,A,short,0.2
    0,A,long,0.2
    1,A,long,0.3
    0,B,short,0.3
    1,B,short,0.4
    0,B,long,0.4
    1,B,long,0.6

    """

  /// Colour and dash driven by the same column: one series and one legend entry per value, with both looks.
  func testColourAndDashOfOneFieldMergeIntoOneLegendEntry() throws {
    let spec = """
      data: {d: data.csv}
      axes:
        layers:
          - line: {x: step, y: acc, color: {column: method}, dash: {column: method}, transform: [{filter: {setting: long}}]}

      """
    let found = try paths(spec, csv: Self.settings)
    let a = try XCTUnwrap(found["series-acc-long-a"]?.first)
    let b = try XCTUnwrap(found["series-acc-long-b"]?.first)
    XCTAssertEqual(a["stroke"], "#1f77b4")
    XCTAssertEqual(b["stroke"], "#ff7f0e")
    XCTAssertNil(a["stroke-dasharray"], "the first value takes a solid line")
    XCTAssertNotNil(b["stroke-dasharray"], "the second value takes a dash")
    let legendA = try XCTUnwrap(found["legend-series-acc-long-a"]?.first)
    let legendB = try XCTUnwrap(found["legend-series-acc-long-b"]?.first)
    XCTAssertEqual(legendA["stroke"], a["stroke"])
    XCTAssertEqual(legendB["stroke-dasharray"], b["stroke-dasharray"])
    XCTAssertEqual(found.keys.filter { $0.hasPrefix("legend-") }.count, 2)
  }

  /// Colour by one column and dash by another: each combination is a series; a value keeps its colour
  /// (or dash) whatever the other column's value is, in every panel.
  func testColourAndDashOfTwoFieldsAreIndependent() throws {
    let layer = "line: {x: step, y: acc, color: {column: method}, dash: {column: setting}"
    let spec = """
      size: [6in, 3in]
      data: {d: data.csv}
      panels: {columns: 2}
      axes:
        - layers: [{\(layer)}}]
        - layers: [{\(layer), transform: [{filter: {method: B}}]}}]

      """
    let found = try paths(spec, csv: Self.settings)
    func look(_ id: String) throws -> [String?] {
      let attributes = try XCTUnwrap(found[id]?.first, id)
      return [attributes["stroke"], attributes["stroke-dasharray"]]
    }
    XCTAssertEqual(try look("series-acc-a-short")[0], try look("series-acc-a-long")[0])
    XCTAssertEqual(try look("series-acc-a-short")[1], try look("series-acc-b-short")[1])
    XCTAssertNotEqual(try look("series-acc-a-short")[1], try look("series-acc-a-long")[1])
    // Panel (b) shows B only: its lines look exactly like B's in panel (a).
    XCTAssertEqual(found["series-acc-b-b-short"]?.count, 1)
    XCTAssertEqual(try look("series-acc-b-b-short"), try look("series-acc-b-short"))
    XCTAssertEqual(try look("series-acc-b-b-long"), try look("series-acc-b-long"))
  }

  /// Marker shapes from a column follow the figure-wide marker scale, pinned shapes included.
  func testMarkerShapesFollowTheData() throws {
    let spec = """
      size: [6in, 3in]
      data: {d: data.csv}
      panels: {columns: 2}
      scales: {marker: {shapes: {long: s}}}
      axes:
        - layers: [{scatter: {x: step, y: acc, marker: {shape: {column: setting}}, transform: [{filter: {method: A}}]}}]
        - layers: [{scatter: {x: step, y: acc, marker: {shape: {column: setting}}, transform: [{filter: {setting: long}}]}}]

      """
    let found = try paths(spec, csv: Self.settings)
    let short = try XCTUnwrap(found["scatter-acc-a-short"]?.first?["d"])
    let long = try XCTUnwrap(found["scatter-acc-a-long"]?.first?["d"])
    let longB = try XCTUnwrap(found["scatter-acc-long-long"]?.first?["d"])
    // A square has 4 corners (opaque markers share one path, a move each); the unpinned value takes the first
    // free shape, a circle (drawn with curves).
    for squares in [long, longB] {
      XCTAssertGreaterThan(squares.filter { $0 == "M" }.count, 0)
      XCTAssertEqual(squares.filter { $0 == "L" }.count, 3 * squares.filter { $0 == "M" }.count)
      XCTAssertFalse(squares.contains("C"))
    }
    XCTAssertTrue(short.contains("C") || short.contains("A"), short)
  }
}
