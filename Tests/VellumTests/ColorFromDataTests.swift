import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// `color: {column, map}` on marks that paint whole series or categories: each band, area, histogram… takes the
/// colormap's colour at its series' mean value, each box and violin body at its category's, with the colorbar that
/// explains them (ggplot2's fill by a continuous variable; matplotlib's `cmap(norm(value))` per artist).
final class ColorFromDataTests: XCTestCase {
  private static let csv = """
    model,params,step,score,low,high
    small,1,0,0.50,0.4,0.6
    small,1,1,0.55,0.45,0.65
    small,1,2,0.60,0.5,0.7
    mid,5,0,0.60,0.5,0.7
    mid,5,1,0.66,0.56,0.76
    mid,5,2,0.70,0.6,0.8
    large,9,0,0.70,0.6,0.8
    large,9,1,0.78,0.68,0.88
    large,9,2,0.85,0.75,0.95
    """

  /// viridis at 0, ½ and 1: the three models' sizes (1, 5, 9) span the scale's domain.
  private static let ends = ["#440154", "#21918c", "#fde725"]

  /// The fills of the layer's groups (roles starting `kind`), and the scene.
  private func fills(_ kind: String, _ layer: String, categorical: Bool = false) throws -> (
    fills: [String], scene: Scene
  ) {
    let spec = """
      size: [4in, 3in]
      data: {d: data.csv}
      axes:
        x: {scale: \(categorical ? "categorical" : "linear")}
        layers:
          - \(layer)
      """
    let scene = try SpecFixture.scene(spec, csv: Self.csv).scene
    let fills = scene.groups(prefix: kind).flatMap(\.paths).compactMap {
      $0.fill.map { $0.color.hex }
    }
    return (fills, scene)
  }

  func testBandsTakeTheirSeriesMeanColour() throws {
    let (fills, scene) = try fills(
      "band", "band: {x: step, lower: low, upper: high, group: model, color: {column: params, map: viridis}}")
    XCTAssertEqual(Set(fills), Set(Self.ends), "\(fills)")
    XCTAssertEqual(scene.groups(role: "colorbar").count, 1, "the colormap's colorbar")
  }

  func testBoxesTakeTheirCategoryMeanColour() throws {
    let (fills, _) = try fills(
      "box", "box: {x: model, y: score, color: {column: params, map: viridis}}", categorical: true)
    XCTAssertEqual(fills.filter { Self.ends.contains($0) }.count, 3, "one box per model in its own colour: \(fills)")
    XCTAssertEqual(Set(fills).intersection(Self.ends), Set(Self.ends))
  }

  func testViolinBodiesTakeTheirCategoryMeanColour() throws {
    let (fills, _) = try fills(
      "violin", "violin: {x: model, y: score, color: {column: params, map: viridis}}", categorical: true)
    XCTAssertEqual(Set(fills).intersection(Self.ends), Set(Self.ends), "\(fills)")
  }

  func testAreasAndHistogramsTakeTheirSeriesColour() throws {
    let (areas, _) = try fills("area", "area: {x: step, y: score, group: model, color: {column: params, map: viridis}}")
    XCTAssertEqual(Set(areas).intersection(Self.ends), Set(Self.ends), "\(areas)")
    let (bars, _) = try fills(
      "hist", "histogram: {x: score, group: model, bins: 3, color: {column: params, map: viridis}}")
    XCTAssertEqual(Set(bars).intersection(Self.ends), Set(Self.ends), "\(bars)")
  }

  /// `edge: {column}` outlines each series' bars in its value's colour on the figure's colour scale (hollow grouped
  /// bars, matplotlib's `edgecolor` per container).
  func testBarEdgesFollowAColumn() throws {
    let spec = """
      size: [4in, 3in]
      data: {d: data.csv}
      axes:
        x: {scale: categorical}
        layers:
          - bar: {x: step, y: score, group: model, color: white, edge: {column: model}, edge_width: 1.5}
      """
    let scene = try SpecFixture.scene(spec, csv: Self.csv).scene
    let edges = scene.groups(prefix: "bars").map { group in Set(group.paths.compactMap { $0.stroke?.paint.color.hex }) }
    XCTAssertEqual(edges, [["#1f77b4"], ["#ff7f0e"], ["#2ca02c"]], "one tab10 colour per model, in order")
    XCTAssertTrue(scene.groups(prefix: "bars").flatMap(\.paths).allSatisfy { $0.fill?.color.hex == "#ffffff" })
  }
}
