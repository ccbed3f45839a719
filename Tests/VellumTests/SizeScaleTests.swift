import Foundation
import VellumScene
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumLayout

/// The size and opacity channels: marker areas (and opacities) linear in the value over the figure's domain
/// (matplotlib's `s`, seaborn's sizes, ggplot2's alpha), and a size legend at chosen or round values.
final class SizeScaleTests: XCTestCase {
  private static let csv = "x,y,tokens,family\n1,1,0,a\n2,2,1,a\n3,3,2,b\n4,4,,b\n"

  private static let spec = """
    size: [4, 3]
    data: {s: data.csv}
    axes:
      legend: [{location: upper left}, {scale: size, values: [0.5, 2], location: lower right}]
      layers:
        - scatter: {data: s, x: x, y: y, group: family, size: {column: tokens, range: [10, 40]}}
    """

  /// The widths of the circles a group draws, in points.
  private func widths(_ group: Group) -> [Double] {
    group.paths.map { path in
      let xs = path.segments.flatMap { segment -> [Double] in
        switch segment {
        case .move(let p), .line(let p): return [p.x]
        case .cubic(let a, let b, let c): return [a.x, b.x, c.x]
        case .close: return []
        }
      }
      return (xs.max() ?? 0) - (xs.min() ?? 0)
    }
  }

  func testAreasGrowLinearlyWithTheValue() throws {
    let scale = SizeScale(encoding: try encoding("{column: t, range: [10, 40]}"), domain: (0, 2))
    XCTAssertEqual(scale(0) * scale(0), 10, accuracy: 1e-9)
    XCTAssertEqual(scale(1) * scale(1), 25, accuracy: 1e-9)
    XCTAssertEqual(scale(2) * scale(2), 40, accuracy: 1e-9)
    XCTAssertEqual(scale(5) * scale(5), 40, accuracy: 1e-9, "beyond the domain: the end size")
    XCTAssertTrue(scale(.nan).isNaN)
    let diameter = SizeScale(encoding: try encoding("{column: t, range: [16, 64], scale: diameter}"), domain: (0, 2))
    XCTAssertEqual(diameter(1), 6, accuracy: 1e-9, "halfway between 4 and 8 pt")
    XCTAssertEqual(
      SizeScale(encoding: try encoding("{column: t}"), domain: (0, 1e12)).legendValues,
      [0, 2.5e11, 5e11, 7.5e11, 1e12], "MaxNLocator(4) over 0…1e12, zero with its smallest marker")
  }

  private func encoding(_ yaml: String) throws -> SizeEncoding {
    let figure = try SpecLoader.parse(
      "data: {s: {values: {x: [1], y: [1], t: [1]}}}\naxes: {layers: [{scatter: {data: s, x: x, y: y, size: \(yaml)}}]}",
      file: "f.yaml", directory: URL(fileURLWithPath: "/tmp"), grammar: .vellum)
    return try XCTUnwrap((figure.axes[0].layers[0].body as? ScatterMark)?.size)
  }

  func testScatterMarkersAndSizeLegend() throws {
    let scene = try SpecFixture.scene(Self.spec, csv: Self.csv).scene
    let axes = scene.groups(role: "axes-0")[0]
    let drawn = axes.groups(prefix: "scatter-").flatMap(widths)
    // Three markers (the missing value draws none), areas 10, 25 and 40 pt² over the domain 0…2.
    XCTAssertEqual(drawn.count, 3)
    for (width, area) in zip(drawn, [10.0, 25, 40]) { XCTAssertEqual(width, area.squareRoot(), accuracy: 0.05) }
    let legends = axes.groups(role: "legend")
    XCTAssertEqual(legends.count, 2)
    let sizes = legends[1]
    let entries = sizes.groups(prefix: "legend-entry")
    XCTAssertEqual(entries.flatMap(\.texts).map(\.plainText), ["0.5", "2"])
    let handles = entries.flatMap(widths)
    XCTAssertEqual(handles.count, 2)
    XCTAssertEqual(handles[0], (10.0 + 0.25 * 30).squareRoot(), accuracy: 0.05)
    XCTAssertEqual(handles[1], 40.0.squareRoot(), accuracy: 0.05)
  }

  func testSizeLegendWithoutSizesIsALocatedError() throws {
    let spec = Self.spec.replacingOccurrences(of: ", size: {column: tokens, range: [10, 40]}", with: "")
    let error = try XCTUnwrap(SpecFixture.error(spec, csv: Self.csv))
    XCTAssertTrue(error.description.contains("figure.yaml:4:"), error.description)
    XCTAssertTrue(error.description.contains("no series here sizes its markers"), error.description)
    let values = Self.spec.replacingOccurrences(of: "{scale: size, values: [0.5, 2]", with: "{values: [0.5, 2]")
    XCTAssertTrue(try XCTUnwrap(SpecFixture.error(values, csv: Self.csv)).description.contains("scale"))
  }

  func testOpacityFollowsTheColumn() throws {
    let spec = """
      size: [4, 3]
      data: {s: data.csv}
      axes:
        layers: [{scatter: {data: s, x: x, y: y, alpha: 0.5, opacity: {column: tokens, range: [0.2, 1]}}}]
      """
    let scene = try SpecFixture.scene(spec, csv: Self.csv).scene
    let markers = scene.groups(role: "axes-0")[0].groups(prefix: "scatter-").flatMap(\.paths)
    // 0, 1 and 2 over the domain 0…2: opacities 0.2, 0.6 and 1, times the layer's 0.5; the missing value draws none.
    XCTAssertEqual(markers.count, 3)
    for (marker, expected) in zip(markers, [0.1, 0.3, 0.5]) {
      XCTAssertEqual(try XCTUnwrap(marker.fill).opacity, expected, accuracy: 1e-9)
    }
    let bad = spec.replacingOccurrences(of: "range: [0.2, 1]", with: "range: [0.2, 3]")
    XCTAssertTrue(try XCTUnwrap(SpecFixture.error(bad, csv: Self.csv)).description.contains("figure.yaml:4:"))
  }
}
