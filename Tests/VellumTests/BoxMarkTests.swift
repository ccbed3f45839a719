import Foundation
import Vellum
import VellumData
import VellumSVG
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumLayout

/// `box` against matplotlib.cbook.boxplot_stats (Tests/Reference/boxplot.json, scripts/reference_boxplot.py),
/// and `strip`'s seeded jitter.
final class BoxMarkTests: XCTestCase {
  private struct Reference: Decodable {
    struct Case: Decodable {
      var sample: String
      var whis: Whis
      var q1, med, q3, mean, whislo, whishi, cilo, cihi: Double
      var fliers: [Double]
    }
    enum Whis: Decodable {
      case factor(Double)
      case percentiles([Double])
      init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let factor = try? container.decode(Double.self) {
          self = .factor(factor)
        } else {
          self = .percentiles(try container.decode([Double].self))
        }
      }
    }
    var samples: [String: [Double]]
    var cases: [Case]
    var widths: [Double]
  }

  func testStatisticsMatchMatplotlib() throws {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/boxplot.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    XCTAssertEqual(reference.cases.count, 12)
    for item in reference.cases {
      let rule: WhiskerRule
      switch item.whis {
      case .factor(let factor): rule = .iqr(factor)
      case .percentiles(let p): rule = .percentiles(p[0], p[1])
      }
      let stats = try XCTUnwrap(BoxStatistics(try XCTUnwrap(reference.samples[item.sample]), whiskers: rule))
      let what = "\(item.sample) \(item.whis)"
      let pairs: [(Double, Double)] = [
        (stats.q1, item.q1), (stats.median, item.med), (stats.q3, item.q3), (stats.mean, item.mean),
        (stats.whiskerLow, item.whislo), (stats.whiskerHigh, item.whishi), (stats.notchLow, item.cilo),
        (stats.notchHigh, item.cihi),
      ]
      for (actual, expected) in pairs {
        XCTAssertEqual(actual, expected, accuracy: 1e-12 * max(1, abs(expected)), what)
      }
      XCTAssertEqual(stats.fliers, item.fliers, what)
    }
    XCTAssertNil(BoxStatistics([.nan]))
  }

  private func render(_ layers: String, x: String = "  x: {scale: categorical}\n") throws -> Scene {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    var csv = "c,g,v\n"
    for (i, c) in ["p", "q", "r"].enumerated() {
      for j in 0..<12 { csv += "\(c),\(j % 2 == 0 ? "a" : "b"),\(Double(i) + Double(j) / 10)\n" }
    }
    try fixture.write("data.csv", csv)
    return try Figure(
      contentsOf: try fixture.write("f.yaml", "data: {d: data.csv}\naxes:\n\(x)  layers:\n\(layers)")
    ).scene()
  }

  /// matplotlib's default widths for 1…6 boxes, and the category axis stopping half a slot past the ends.
  func testDefaultWidthAndCategoryLimitsFollowMatplotlib() throws {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/boxplot.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    for (count, expected) in zip(1..., reference.widths) {
      XCTAssertEqual(BoxMark.defaultWidth(spread: Double(count - 1)), expected, accuracy: 1e-15, "\(count) boxes")
    }
    let scene = try render("    - box: {x: c, y: v}\n")
    guard case .group(let axes) = scene.nodes[1], let mapping = axes.mapping else { return XCTFail("no axes") }
    XCTAssertEqual([mapping.x.low, mapping.x.high], [-0.5, 2.5])
  }

  /// Groups dodge side by side within a category and are filled with their colours.
  func testGroupsDodgeAndFill() throws {
    let svg = SVGWriter.write(try render("    - box: {x: c, y: v, group: g}\n"))
    XCTAssertTrue(svg.contains("id=\"box-v-a\"") && svg.contains("id=\"box-v-b\""))
    XCTAssertTrue(svg.contains("fill=\"#1f77b4\"") && svg.contains("fill=\"#ff7f0e\""))
  }

  /// The same seed gives the same jitter; another seed moves the points; jitter stays within its bound.
  func testStripJitterIsSeededAndBounded() throws {
    let a = SVGWriter.write(try render("    - strip: {x: c, y: v, jitter: 0.2, seed: 3}\n"))
    let b = SVGWriter.write(try render("    - strip: {x: c, y: v, jitter: 0.2, seed: 3}\n"))
    let c = SVGWriter.write(try render("    - strip: {x: c, y: v, jitter: 0.2, seed: 4}\n"))
    XCTAssertEqual(a, b)
    XCTAssertNotEqual(a, c)
    var random = SplitMix64(seed: 3)
    let draws = (0..<10_000).map { _ in random.unit() }
    XCTAssertGreaterThanOrEqual(draws.min()!, 0)
    XCTAssertLessThan(draws.max()!, 1)
    XCTAssertEqual(draws.reduce(0, +) / 10_000, 0.5, accuracy: 0.01)
  }

  func testBadInputIsLocated() throws {
    XCTAssertThrowsError(try render("    - box: {x: c, y: v, whiskers: [95, 5]}\n")) { error in
      XCTAssertTrue("\(error)".contains("f.yaml:5:") && "\(error)".contains("0 ≤ low < high ≤ 100"), "\(error)")
    }
    XCTAssertThrowsError(try render("    - strip: {x: c, y: v, jitter: 0.7}\n")) { error in
      XCTAssertTrue("\(error)".contains("at most 0.5"), "\(error)")
    }
  }

  /// `parts` styles each part as matplotlib's *props; a width of 0 hides a part; a colour alone fills the boxes.
  func testPartsStyleMedianWhiskersCapsFliersAndMeans() throws {
    let csv = "c,v\n" + (0..<20).map { "p,\(Double($0 % 10) / 10)\n" }.joined() + "p,9\n"
    let spec = """
      data: {d: data.csv}
      axes:
        x: {scale: categorical}
        layers:
          - box: {x: c, y: v, color: C2, parts: {median: {color: C3, width: 2.5}, whiskers: {dash: dashed}, \
      caps: {width: 0}, fliers: {shape: x, size: 4, edge: gray}, means: {shape: D, face: white}}}
      """
    let scene = try SpecFixture.scene(spec, csv: csv).scene
    let box = try XCTUnwrap(scene.groups(prefix: "box-").first)
    let strokes = box.paths.filter { $0.fill == nil }.compactMap(\.stroke)
    // Median in C3 at 2.5 pt; two dashed whiskers; no caps.
    XCTAssertEqual(strokes.filter { $0.paint.color.hex == "#d62728" }.map(\.width), [2.5])
    XCTAssertEqual(strokes.filter { !$0.dashes.isEmpty }.count, 2)
    XCTAssertEqual(strokes.count, 3 + 1, "median, two whiskers and the flier's cross; no caps")
    // A colour alone fills the box (C2).
    XCTAssertTrue(box.paths.contains { $0.fill?.color.hex == "#2ca02c" })
    // The mean is shown because its part is styled: a white diamond.
    XCTAssertTrue(box.paths.contains { $0.fill?.color.hex == "#ffffff" })
    let svg = SVGWriter.write(scene)
    XCTAssertTrue(svg.contains("#808080"), "grey flier")
    XCTAssertThrowsError(
      try render("    - box: {x: c, y: v, median_color: red, parts: {median: {color: blue}}}\n")
    ) { error in XCTAssertTrue("\(error)".contains("f.yaml:5:") && "\(error)".contains("once"), "\(error)") }
    XCTAssertThrowsError(try render("    - box: {x: c, y: v, parts: {median: {marker: o}}}\n")) { error in
      XCTAssertTrue("\(error)".contains("f.yaml:5:"), "\(error)")
    }
  }
}
