import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

/// Where text stands, as matplotlib places it: annotations on their baseline, titles clear of the frame and of a y
/// offset text only when they meet it, long titles and labels overhanging the plot instead of shrinking it.
final class TextPlacementTests: XCTestCase {
  private static let data = "data: {d: {values: {x: [0, 10], y: [0, 10]}}}\n"

  /// `text` stands on its baseline at its point (matplotlib's va='baseline'), `offset` points above it.
  func testAnnotationsStandOnTheirBaseline() throws {
    let (scene, _) = try SpecFixture.scene(
      Self.data + """
        axes:
          x: {limits: [0, 10]}
          y: {limits: [0, 10]}
          layers:
            - text: {x: 2, y: 5, text: 'xg'}
            - text: {x: 5, y: 2, text: 'up', offset: [0, 30]}
            - text: {x: 5, y: 8, text: 'mid', vertical_anchor: middle}
        """)
    let mapping = try XCTUnwrap(scene.groups(role: "axes-0").first?.mapping)
    let texts = scene.groups(prefix: "").flatMap(\.texts)
    func baseline(_ text: String) throws -> Double { try XCTUnwrap(texts.first { $0.plainText == text }).origin.y }
    XCTAssertEqual(try baseline("xg"), mapping.y.map(5), accuracy: 1e-6)
    XCTAssertEqual(try baseline("up"), mapping.y.map(2) - 30, accuracy: 1e-6)
    XCTAssertGreaterThan(try baseline("mid"), mapping.y.map(8), "a middle anchor puts the baseline below the point")
  }

  /// A title whose descenders reach below its pad is raised until they clear the frame (matplotlib's
  /// `_update_title_position`); a short one keeps its 6 pt pad.
  func testATitleClearsTheFrame() throws {
    for (size, text) in [(36.0, "Typography"), (10.0, "Loss")] {
      let (scene, _) = try SpecFixture.scene(
        Self.data + "axes: {title: {text: \(text), size: \(size)}, layers: [{line: {x: x, y: y}}]}\n")
      let title = try XCTUnwrap(scene.groups(role: "title").first?.texts.first)
      let frame = try XCTUnwrap(scene.groups(role: "frame").first?.paths.first?.points.map(\.y).min())
      XCTAssertLessThanOrEqual(title.origin.y, frame - 6 + 1e-9, "\(text): at least the pad above")
      if size == 36 { XCTAssertLessThan(title.origin.y, frame - 6 - 1, "the descenders lift it") }
    }
  }

  /// A y offset text (×10ⁿ) at the left does not lift a centred title it does not meet.
  func testAnOffsetTextLiftsOnlyATitleItMeets() throws {
    let spec = { (title: String) in
      "size: [4in, 3in]\ndata: {d: {values: {x: [0, 1, 2, 3], y: [100000, 400000, 700000, 1000000]}}}\n"
        + "axes: {title: '\(title)', layers: [{line: {x: x, y: y}}]}\n"
    }
    let (centred, _) = try SpecFixture.scene(spec("Right"))
    let (plain, _) = try SpecFixture.scene(
      spec("Right").replacingOccurrences(of: "100000, 400000, 700000, 1000000", with: "1, 4, 7, 10"))
    func plotTop(_ scene: Scene) throws -> Double {
      try XCTUnwrap(scene.groups(role: "frame").first?.paths.first?.points.map(\.y).min())
    }
    XCTAssertEqual(try plotTop(centred), try plotTop(plain), accuracy: 0.01, "the title stays where it was")
  }

  /// A title or x label longer than the plot overhangs it, as matplotlib lays them out by height alone: the plot
  /// keeps its width, and text past the canvas is a warning, not an error.
  func testLongTitlesAndLabelsOverhangThePlot() throws {
    let spec = { (label: String) in
      "size: [4in, 3in]\n" + Self.data + "axes: {x: {label: '\(label)'}, layers: [{line: {x: x, y: y}}]}\n"
    }
    let (short, _) = try SpecFixture.scene(spec("Step"))
    let (long, warnings) = try SpecFixture.scene(
      spec("Number of optimizer steps taken so far during the whole training run"))
    func plotWidth(_ scene: Scene) throws -> Double {
      let xs = try XCTUnwrap(scene.groups(role: "frame").first?.paths.first?.points.map(\.x))
      return (xs.max() ?? 0) - (xs.min() ?? 0)
    }
    XCTAssertEqual(try plotWidth(long), try plotWidth(short), accuracy: 0.01)
    XCTAssertTrue(warnings.contains { $0.message.contains("reaches past the 288×216 pt canvas") }, "\(warnings)")
    let (_, titled) = try SpecFixture.scene(
      "size: [4in, 3in]\ntitle: '" + String(repeating: "A long figure title ", count: 5) + "'\n" + Self.data
        + "axes: {layers: [{line: {x: x, y: y}}]}\n")
    XCTAssertTrue(titled.contains { $0.message.hasPrefix("the figure title is") }, "\(titled)")
  }

  /// Bar value labels write a value three decimals would round to 0 in %g's form, as matplotlib's bar_label.
  func testTinyValueLabelsKeepTheirDigits() throws {
    let (scene, _) = try SpecFixture.scene(
      "data: {d: {values: {c: [a, b], v: [0.000001234, 0.5]}}}\n"
        + "axes: {x: {scale: categorical}, layers: [{bar: {x: c, y: v, value_labels: true}}]}\n")
    let labels = scene.groups(prefix: "").flatMap(\.texts).map(\.plainText)
    XCTAssertTrue(labels.contains("1.234e-06"), "\(labels)")
    XCTAssertTrue(labels.contains("0.5"), "\(labels)")
  }

  /// `format: si` writes small values with m, µ, n prefixes (matplotlib's EngFormatter), never all "0".
  func testSIFormatUsesSmallPrefixes() throws {
    let (scene, _) = try SpecFixture.scene(
      "data: {d: {values: {t: [0, 3e-8], y: [0, 1]}}}\naxes: {x: {format: si}, layers: [{line: {x: t, y: y}}]}\n")
    let labels = scene.groups(role: "axis-x").flatMap(\.texts).map(\.plainText)
    XCTAssertEqual(Set(labels).count, labels.count, "\(labels)")
    XCTAssertTrue(labels.contains("10n"), "\(labels)")
  }

  /// An arc3 radius out of range is a range error, not a syntax error.
  func testAnArcRadiusOutOfRangeSaysTheRange() throws {
    let error = SpecFixture.error(
      Self.data + "axes: {layers: [{text: {x: 1, y: 1, text: a, offset: [20, 20], "
        + "arrow: {connection: 'arc3,rad=1e6'}}}]}\n")
    XCTAssertTrue(
      error?.message.contains("'rad' in the connection style lies between -1000 and 1000") == true,
      "\(String(describing: error))")
  }
}
