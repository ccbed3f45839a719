import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// Continuous colour as a figure-wide scale: heatmaps of several panels mapping one column share a domain and one
/// colorbar, unless colours resolve per panel.
final class SharedColorScaleTests: XCTestCase {
  /// Panel a spans 0…1, panel b 0…4.
  private static let csv = """
    panel,x,y,v
    a,p,r,0
    a,q,r,1
    a,p,s,0.5
    a,q,s,0.25
    b,p,r,0
    b,q,r,4
    b,p,s,2
    b,q,s,3

    """

  private static let spec = """
    size: [6, 3]
    data: {d: data.csv}
    axes:
      - x: {scale: categorical}
        y: {scale: categorical}
        layers: [{heatmap: {data: d, x: x, y: y, value: v, transform: [{filter: {panel: a}}]}}]
      - x: {scale: categorical}
        y: {scale: categorical}
        layers: [{heatmap: {data: d, x: x, y: y, value: v, transform: [{filter: {panel: b}}]}}]
    """

  /// The fill colours of a panel's heatmap cells.
  private func cellColors(_ panel: Group) -> [String] {
    panel.groups(prefix: "heatmap").flatMap(\.paths).compactMap { $0.fill?.color.hex }
  }

  func testPanelsShareOneDomainAndOneColorbar() throws {
    let scene = try SpecFixture.scene(Self.spec, csv: Self.csv).scene
    XCTAssertEqual(scene.groups(role: "figure-colorbar").count, 1, "one bar for both panels")
    let panels = scene.groups(prefix: "axes-")
    XCTAssertEqual(panels.count, 2)
    XCTAssertTrue(panels.allSatisfy { $0.groups(role: "colorbar").isEmpty }, "no bar per panel")
    // The bar's ticks run over the union 0…4.
    let ticks = scene.groups(role: "figure-colorbar").flatMap { $0.groups(role: "colorbar") }.flatMap(\.texts)
      .map(\.plainText)
    XCTAssertTrue(ticks.contains("4.0") || ticks.contains("4"), "\(ticks)")
    // Panel a's largest value (1) is a quarter up the shared scale, not the top colour panel b's 4 takes.
    let a = Set(cellColors(panels[0]))
    let b = Set(cellColors(panels[1]))
    XCTAssertEqual(a.count, 4)
    XCTAssertTrue(b.contains("#fde725"), "b's 4 is viridis' top: \(b)")
    XCTAssertFalse(a.contains("#fde725"), "a's 1 is not: \(a)")
    XCTAssertEqual(a.intersection(b), ["#440154"], "only 0 looks the same in both")
  }

  func testIndependentColoursKeepOneBarPerPanel() throws {
    let scene = try SpecFixture.scene(
      Self.spec.replacingOccurrences(of: "axes:\n", with: "scales: {color: {resolve: independent}}\naxes:\n"),
      csv: Self.csv
    ).scene
    XCTAssertEqual(scene.groups(role: "figure-colorbar").count, 0)
    let panels = scene.groups(prefix: "axes-")
    XCTAssertTrue(panels.allSatisfy { $0.groups(role: "colorbar").count == 1 })
    XCTAssertTrue(Set(cellColors(panels[0])).contains("#fde725"), "each panel's own top")
    XCTAssertTrue(Set(cellColors(panels[1])).contains("#fde725"))
  }

  func testASharedColorbarMayStandBelowThePanels() throws {
    let below = Self.spec.replacingOccurrences(
      of: "value: v, transform: [{filter: {panel: a}}]",
      with: "value: v, colorbar: {location: bottom}, transform: [{filter: {panel: a}}]")
    let scene = try SpecFixture.scene(below, csv: Self.csv).scene
    let bar = try XCTUnwrap(scene.groups(role: "figure-colorbar").first)
    let plots = scene.groups(prefix: "axes-").compactMap(\.clipRect)
    XCTAssertEqual(plots.count, 2)
    // Below both plots and their x labels, spanning from the first plot's left to the second's right.
    let barTop =
      bar.groups(role: "colorbar").flatMap(\.paths).flatMap(\.segments).compactMap { segment -> Double? in
        if case .move(let p) = segment { return p.y } else { return nil }
      }.min() ?? 0
    XCTAssertGreaterThan(barTop, plots.map(\.maxY).max()! + 10)
    let xs = bar.groups(role: "colorbar").flatMap(\.paths).flatMap(\.segments).compactMap { segment -> Double? in
      if case .line(let p) = segment { return p.x } else { return nil }
    }
    XCTAssertEqual(xs.min()!, plots[0].minX, accuracy: 1)
    XCTAssertEqual(xs.max()!, plots[1].maxX, accuracy: 1)
  }
}
