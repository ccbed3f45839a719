import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

/// Plot boxes against matplotlib's tight_layout: 16 figures (Tests/Fixtures/layouts, from
/// scripts/make_layout_fixtures.py) whose boxes matplotlib computed (Tests/Reference/layouts.json, from
/// scripts/reference_layouts.py), every plot and colorbar edge within 2 pt. The reference is matplotlib's layout
/// once tight_layout has settled (run until the boxes stop moving): its first pass measures tick labels at the
/// default subplot geometry, which the figure it then draws no longer shows; Vellum fits until it settles.
final class LayoutReferenceTests: XCTestCase {
  private struct Reference: Decodable {
    struct Figure: Decodable {
      var size: [Double]
      var boxes_converged: [[Double]]
      var colorbars_converged: [[Double]]
      var boxes_fixed: [[Double]]
      var colorbars_fixed: [[Double]]
    }
    var figures: [String: Figure]
  }

  /// Each colorbar's outline box, in drawing order.
  private func colorbars(_ scene: Scene) -> [Rect] {
    scene.groups(role: "colorbar").compactMap { group in
      guard let outline = group.paths.first(where: { $0.fill == nil && $0.stroke != nil }) else { return nil }
      let xs = outline.points.map(\.x)
      let ys = outline.points.map(\.y)
      return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
    }
  }

  func testPlotBoxesMatchMatplotlibsTightLayout() throws {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/layouts.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    XCTAssertGreaterThanOrEqual(reference.figures.count, 12)
    var worst: [String: Double] = [:]
    for (name, expected) in reference.figures.sorted(by: { $0.key < $1.key }) {
      let spec = PackagePaths.root.appendingPathComponent("Tests/Fixtures/layouts/\(name).yaml")
      let scene = try Figure(contentsOf: spec.path).scene()
      XCTAssertEqual(scene.width, expected.size[0], accuracy: 0.01, name)
      let plots = (0..<expected.boxes_converged.count).compactMap { scene.groups(role: "axes-\($0)").first?.clipRect }
      let bars = colorbars(scene)
      XCTAssertEqual(plots.count, expected.boxes_converged.count, "\(name): panels")
      XCTAssertEqual(bars.count, expected.colorbars_converged.count, "\(name): colorbars")
      var largest = 0.0
      for (actual, box) in zip(plots + bars, expected.boxes_converged + expected.colorbars_converged) {
        let edges = [
          actual.minX - box[0], actual.minY - box[1], actual.maxX - (box[0] + box[2]), actual.maxY - (box[1] + box[3]),
        ]
        largest = max(largest, edges.map(abs).max()!)
        XCTAssertLessThanOrEqual(edges.map(abs).max()!, 2, "\(name): \(actual) against matplotlib's \(box)")
      }
      worst[name] = largest
    }
    print("largest plot-box edge difference from matplotlib (pt): \(worst.sorted { $0.key < $1.key })")
  }

  /// `layout: fixed` against the same figures drawn without tight_layout: matplotlib's default subplotpars, the
  /// colorbar taking the right 20 % of its panel's cell (make_axes) — every edge within 1 pt, whatever the text.
  func testFixedLayoutPlacesPlotsAtMatplotlibsSubplotpars() throws {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/layouts.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    XCTAssertGreaterThanOrEqual(reference.figures.count, 15)
    var worst = 0.0
    for (name, expected) in reference.figures.sorted(by: { $0.key < $1.key }) {
      let path = PackagePaths.root.appendingPathComponent("Tests/Fixtures/layouts/\(name).yaml").path
      let text = try String(contentsOfFile: path, encoding: .utf8)
      let fixture = try SpecFixture()
      defer { fixture.remove() }
      for csv in try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
      where csv.hasPrefix(name) && csv.hasSuffix(".csv") {
        try fixture.write(
          csv,
          try String(
            contentsOfFile: (path as NSString).deletingLastPathComponent + "/" + csv, encoding: .utf8))
      }
      let scene = try Figure(contentsOf: try fixture.write("\(name).yaml", "layout: fixed\n" + text)).scene()
      let plots = (0..<expected.boxes_fixed.count).compactMap { scene.groups(role: "axes-\($0)").first?.clipRect }
      let bars = colorbars(scene)
      XCTAssertEqual(plots.count, expected.boxes_fixed.count, "\(name): panels")
      XCTAssertEqual(bars.count, expected.colorbars_fixed.count, "\(name): colorbars")
      for (actual, box) in zip(plots + bars, expected.boxes_fixed + expected.colorbars_fixed) {
        let edges = [
          actual.minX - box[0], actual.minY - box[1], actual.maxX - (box[0] + box[2]), actual.maxY - (box[1] + box[3]),
        ].map(abs)
        worst = max(worst, edges.max()!)
        XCTAssertLessThanOrEqual(edges.max()!, 1, "\(name): \(actual) against matplotlib's \(box)")
      }
    }
    print("layout: fixed, largest edge difference from matplotlib (pt): \(worst)")
  }
}
