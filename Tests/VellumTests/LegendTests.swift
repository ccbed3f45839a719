import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

/// Several legends (one per scale, or chosen entries), titles, frames, anchors that take room, figure legends at
/// any location, and the warning for a legend off the canvas.
final class LegendTests: XCTestCase {
  private let csv = """
    step,method,setting,value
    0,A,short,1
    1,A,short,2
    0,A,long,1.5
    1,A,long,2.5
    0,B,short,3
    1,B,short,4
    0,B,long,3.5
    1,B,long,4.5

    """

  private static let base = """
    size: [4in, 3in]
    data:
      runs: data.csv
    axes:
      layers:
        - line: {x: step, y: value, color: {column: method}, dash: {column: setting}}

    """

  private func scene(_ spec: String) throws -> (Scene, [VellumWarning]) { try SpecFixture.scene(spec, csv: csv) }

  /// The texts of a legend's entries and title, in order.
  private func texts(_ legend: Group) -> [String] {
    legend.children.flatMap { node -> [String] in
      guard case .group(let entry) = node else { return [] }
      return entry.texts.map(\.plainText)
    }
  }

  /// The legend's frame, then each entry's handle paths.
  private func paths(_ legend: Group) -> [PathNode] {
    legend.paths
      + legend.children.flatMap { node -> [PathNode] in
        if case .group(let entry) = node { return entry.paths } else { return [] }
      }
  }

  func testOneLegendPerScaleWithTitles() throws {
    let spec = Self.base.replacingOccurrences(
      of: "  layers:",
      with:
        "  legend:\n    - {scale: color, title: Method}\n    - {scale: dash, title: Setting, fancybox: false}\n  layers:"
    )
    let (drawn, warnings) = try scene(spec)
    XCTAssertEqual(warnings, [])
    let legends = drawn.groups(role: "legend")
    XCTAssertEqual(legends.count, 2)
    XCTAssertEqual(texts(legends[0]), ["Method", "A", "B"])
    XCTAssertEqual(texts(legends[1]), ["Setting", "short", "long"])
    // The colour legend draws solid lines in each method's colour; the dash legend black lines with the dashes.
    let colorHandles = paths(legends[0]).dropFirst().compactMap(\.stroke)
    XCTAssertEqual(colorHandles.map(\.paint.color.hex), ["#1f77b4", "#ff7f0e"])
    XCTAssertTrue(colorHandles.allSatisfy { $0.dashes.isEmpty })
    let dashHandles = paths(legends[1]).dropFirst().compactMap(\.stroke)
    XCTAssertEqual(dashHandles.map(\.paint.color.hex), ["#000000", "#000000"])
    XCTAssertTrue(dashHandles[0].dashes.isEmpty)
    XCTAssertFalse(dashHandles[1].dashes.isEmpty)
    // fancybox: rounded corners (cubic segments) by default, a square frame when false.
    XCTAssertTrue(paths(legends[0])[0].segments.contains { if case .cubic = $0 { true } else { false } })
    XCTAssertFalse(paths(legends[1])[0].segments.contains { if case .cubic = $0 { true } else { false } })
    // The second legend avoids the first: their boxes do not overlap.
    XCTAssertNotEqual(legends[0].translation, legends[1].translation)
  }

  /// A scale's legend draws only its channel: dash handles are lines without the layer's markers, marker handles
  /// markers without lines.
  func testScaleLegendHandlesDrawOnlyTheirChannel() throws {
    let spec = Self.base.replacingOccurrences(
      of: "dash: {column: setting}}", with: "dash: {column: setting}, marker: {shape: {column: method}}}"
    ).replacingOccurrences(of: "  layers:", with: "  legend:\n    - {scale: dash}\n    - {scale: marker}\n  layers:")
    let legends = try scene(spec).0.groups(role: "legend")
    XCTAssertEqual(legends.count, 2)
    func handles(_ legend: Group) -> [[PathNode]] {
      legend.children.compactMap { node -> [PathNode]? in if case .group(let entry) = node { entry.paths } else { nil }
      }
    }
    // Dash legend: one stroked, unfilled line per entry.
    XCTAssertEqual(handles(legends[0]).map(\.count), [1, 1])
    XCTAssertTrue(handles(legends[0]).joined().allSatisfy { $0.fill == nil && $0.stroke != nil })
    // Marker legend: one filled marker per entry, no line.
    XCTAssertEqual(handles(legends[1]).map(\.count), [1, 1])
    XCTAssertTrue(handles(legends[1]).joined().allSatisfy { $0.fill != nil })
  }

  /// Entries made from a look (matplotlib's proxy handles) stand among series entries in the order written, and
  /// marker_scale enlarges handle markers only.
  func testHandMadeEntriesAndMarkerScale() throws {
    let spec = Self.base.replacingOccurrences(
      of: "  layers:",
      with: "  legend: {marker_scale: 2, entries: ['A, short', {label: target, color: tab:red, dash: dashed}, "
        + "{label: best, marker: '*'}]}\n  layers:"
    ).replacingOccurrences(of: "dash: {column: setting}}", with: "dash: {column: setting}, marker: o}")
    let legend = try scene(spec).0.groups(role: "legend")[0]
    XCTAssertEqual(texts(legend), ["A, short", "target", "best"])
    let entries = legend.children.compactMap { node -> Group? in if case .group(let g) = node { g } else { nil } }
    XCTAssertEqual(entries.map(\.role), ["legend-series-value-a-short", "legend-entry-target", "legend-entry-best"])
    // The made line: red and dashed; the made marker: a black star and no line.
    let line = try XCTUnwrap(entries[1].paths.first?.stroke)
    XCTAssertEqual(line.paint.color.hex, "#d62728")
    XCTAssertFalse(line.dashes.isEmpty)
    XCTAssertEqual(entries[2].paths.count, 1)
    XCTAssertEqual(entries[2].paths[0].fill?.color.hex, "#000000")
    // The series' circle marker at twice its 6 pt size: 12 pt across.
    let circle = try XCTUnwrap(entries[0].paths.last).segments.flatMap { segment -> [Double] in
      switch segment {
      case .move(let p), .line(let p): return [p.x]
      case .cubic(_, _, let p): return [p.x]
      case .close: return []
      }
    }
    XCTAssertEqual(circle.max()! - circle.min()!, 12, accuracy: 0.05)
  }

  func testChosenEntriesInTheirOrderAndUnknownOnesAreErrors() throws {
    let spec = Self.base.replacingOccurrences(
      of: "  layers:", with: "  legend: {entries: ['B, long', 'A, short']}\n  layers:")
    let (found, _) = try scene(spec)
    XCTAssertEqual(texts(found.groups(role: "legend")[0]), ["B, long", "A, short"])
    let bad = Self.base.replacingOccurrences(of: "  layers:", with: "  legend: {entries: ['B, lng']}\n  layers:")
    XCTAssertThrowsError(try scene(bad)) { error in
      let error = error as! VellumError
      XCTAssertTrue(error.message.contains("unknown legend entry 'B, lng' (did you mean 'B, long'?)"), error.message)
      XCTAssertEqual(error.location?.line, 5)
    }
    let noScale = Self.base.replacingOccurrences(of: "  layers:", with: "  legend: {scale: marker}\n  layers:")
    XCTAssertThrowsError(try scene(noScale)) { error in
      XCTAssertTrue("\(error)".contains("no series here takes its marker from a column"), "\(error)")
    }
  }

  /// `legend: false` leaves a layer out (a band behind its line); a label written as null or '' leaves out a grouped
  /// layer's series, which are otherwise labelled by their values.
  func testLayersCanStayOutOfTheLegend() throws {
    func entries(_ layers: String) throws -> [String] {
      let spec = Self.base.replacingOccurrences(
        of: "    - line: {x: step, y: value, color: {column: method}, dash: {column: setting}}\n", with: layers)
      return try scene(spec).0.groups(role: "legend").first.map(texts) ?? []
    }
    let pair =
      "    - band: {x: step, center: value, error: step, group: method%@}\n    - line: {x: step, y: value, group: method}\n"
    XCTAssertEqual(try entries(pair.replacingOccurrences(of: "%@", with: "")), ["A", "B"])
    let withoutBand = try scene(
      Self.base.replacingOccurrences(
        of: "    - line: {x: step, y: value, color: {column: method}, dash: {column: setting}}\n",
        with: pair.replacingOccurrences(of: "%@", with: ", legend: false"))
    ).0.groups(role: "legend")[0]
    XCTAssertEqual(texts(withoutBand), ["A", "B"])
    // The band's patches are gone from the entries: each handle is the line alone.
    XCTAssertTrue(paths(withoutBand).dropFirst().allSatisfy { $0.fill == nil }, "no patch under the lines")
    let lines = "    - line: {x: step, y: value, group: method, label: %@}\n    - hline: {y: 2, label: target}\n"
    XCTAssertEqual(try entries(lines.replacingOccurrences(of: "%@", with: "null")), ["target"])
    XCTAssertEqual(try entries(lines.replacingOccurrences(of: "%@", with: "''")), ["target"])
  }

  func testAnchoredLegendOutsideThePlotTakesRoom() throws {
    let inside = try scene(
      Self.base.replacingOccurrences(of: "  layers:", with: "  legend: {location: upper right}\n  layers:")
    ).0
    let outside = try scene(
      Self.base.replacingOccurrences(
        of: "  layers:", with: "  legend: {location: upper left, anchor: [1.02, 1]}\n  layers:")
    )
    XCTAssertEqual(outside.1, [], "nothing falls off the canvas")
    func plot(_ scene: Scene) -> Rect {
      scene.groups(role: "axes-0")[0].children.compactMap {
        if case .clip(let clip) = $0 { clip.rect } else { nil }
      }[0]
    }
    let narrow = plot(outside.0)
    XCTAssertLessThan(narrow.width, plot(inside).width - 40)
    // matplotlib's bbox_to_anchor: the legend's upper-left corner at (1.02, 1) in axes fractions, padded.
    let legend = outside.0.groups(role: "legend")[0]
    let corner = legend.translation!
    XCTAssertGreaterThan(corner.x, narrow.maxX + 0.02 * narrow.width)
    XCTAssertLessThanOrEqual(corner.x, 4 * 72)
  }

  func testFigureLegendHonoursInsideLocationsAndWarnsOffCanvas() throws {
    let spec = Self.base + "legend: {location: lower left}\n"
    let (drawn, warnings) = try scene(spec)
    XCTAssertEqual(warnings, [])
    let legend = drawn.groups(role: "figure-legend")[0].children.compactMap {
      if case .group(let group) = $0 { group } else { nil }
    }[0]
    // Lower left of the padded canvas (pad 1.08 × 10 pt, then the border-axes pad of 5 pt).
    XCTAssertEqual(legend.translation!.x, 10.8 + 5, accuracy: 1e-9)
    let offCanvas = Self.base + "legend: {location: upper left, anchor: [0.9, 0.5]}\n"
    let (_, found) = try scene(offCanvas)
    XCTAssertEqual(found.count, 1)
    XCTAssertTrue(
      found[0].description.contains(":7:9: warning: the legend reaches outside the 288×216 pt canvas"),
      found[0].description)
  }

  func testStrictTurnsWarningsIntoErrorsAndWritesNothing() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", csv)
    let path = try fixture.write("figure.yaml", Self.base + "legend: {location: upper left, anchor: [0.9, 0.5]}\n")
    let strict = try runVellum(["render", path, "--format", "svg", "--strict"])
    XCTAssertEqual(strict.status, 1)
    XCTAssertTrue(strict.stderr.contains("error: the legend reaches outside"), strict.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent("figure.svg").path))
    let lenient = try runVellum(["render", path, "--format", "svg"])
    XCTAssertEqual(lenient.status, 0)
    XCTAssertEqual(lenient.stderr.split(separator: "\n").count, 1)
    XCTAssertTrue(lenient.stderr.contains("warning: the legend reaches outside"), lenient.stderr)
    XCTAssertTrue(FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent("figure.svg").path))
  }
}
