import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

/// Plot boxes against matplotlib's tight_layout: 16 figures (Tests/Fixtures/layouts, from
/// scripts/make_layout_fixtures.py) whose boxes matplotlib computed (Tests/Reference/layouts.json, from
/// scripts/reference_layouts.py), every plot and colorbar edge within 1 pt (see ``tolerance(_:)``). The reference is matplotlib's layout
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
      var boxes_constrained: [[Double]]
      var colorbars_constrained: [[Double]]
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

  /// 1 pt, and 1.2 pt for the figure whose 35-letter tick label matplotlib measures 1.1 pt wider: at the 300 dpi of
  /// the reference it rounds every glyph's advance to a whole pixel, which an outline layout does not.
  private static func tolerance(_ name: String) -> Double { name == "long_category_labels" ? 1.2 : 1 }

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
        XCTAssertLessThanOrEqual(
          edges.map(abs).max()!, Self.tolerance(name), "\(name): \(actual) against matplotlib's \(box)")
      }
      worst[name] = largest
    }
    print("largest plot-box edge difference from matplotlib (pt): \(worst.sorted { $0.key < $1.key })")
  }

  /// `layout: fixed` against the same figures drawn without tight_layout: matplotlib's default subplotpars, the
  /// colorbar taking the right 20 % of its panel's cell (make_axes) — every edge within 1 pt, whatever the text.
  func testFixedLayoutPlacesPlotsAtMatplotlibsSubplotpars() throws {
    let worst = try compare(layout: "fixed") { ($0.boxes_fixed, $0.colorbars_fixed) }
    print("layout: fixed, largest edge difference from matplotlib (pt): \(worst)")
  }

  /// `layout: constrained` against the same figures drawn with `layout="constrained"`: 3 pt pads at the figure's
  /// edges and around each panel, colorbars 5 % of their plot's width away — every edge within 1 pt.
  func testConstrainedLayoutMatchesMatplotlibsConstrainedLayout() throws {
    let worst = try compare(layout: "constrained") { ($0.boxes_constrained, $0.colorbars_constrained) }
    print("layout: constrained, largest edge difference from matplotlib (pt): \(worst)")
  }

  /// Renders every reference figure with `layout:` prepended and compares its plot and colorbar boxes with the
  /// reference's, each edge within 1 pt; returns the largest difference.
  private func compare(layout: String, boxes: (Reference.Figure) -> ([[Double]], [[Double]])) throws -> Double {
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
      let scene = try Figure(contentsOf: try fixture.write("\(name).yaml", "layout: \(layout)\n" + text)).scene()
      let (plotBoxes, barBoxes) = boxes(expected)
      let plots = (0..<plotBoxes.count).compactMap { scene.groups(role: "axes-\($0)").first?.clipRect }
      let bars = colorbars(scene)
      XCTAssertEqual(plots.count, plotBoxes.count, "\(name): panels")
      XCTAssertEqual(bars.count, barBoxes.count, "\(name): colorbars")
      for (actual, box) in zip(plots + bars, plotBoxes + barBoxes) {
        let edges = [
          actual.minX - box[0], actual.minY - box[1], actual.maxX - (box[0] + box[2]), actual.maxY - (box[1] + box[3]),
        ].map(abs)
        worst = max(worst, edges.max()!)
        XCTAssertLessThanOrEqual(
          edges.max()!, layout == "fixed" ? 1 : Self.tolerance(name),
          "\(layout) \(name): \(actual) against matplotlib's \(box)")
      }
    }
    return worst
  }
}
