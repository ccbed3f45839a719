import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

/// Scales at their edges, as matplotlib draws them: one value, a log norm over one value, missing heatmap cells, a
/// facet's missing values, a secondary axis whose function has a pole, sub-second durations.
final class ScaleEdgeCaseTests: XCTestCase {
  private func svg(_ spec: String, csv: String = SpecFixture.csv) throws -> String {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", csv)
    return try Figure(contentsOf: try fixture.write("f.yaml", spec)).svg()
  }

  /// The y limits an axes group writes (`data-y="KIND LOW HIGH …"`).
  private func yLimits(_ svg: String) throws -> (Double, Double) {
    let match = try XCTUnwrap(svg.firstMatch(of: #/data-y="[a-z:0-9]+ ([^ ]+) ([^ ]+) /#))
    return (try XCTUnwrap(Double(match.1)), try XCTUnwrap(Double(match.2)))
  }

  /// One value is widened as matplotlib's `nonsingular` does and then padded by the 5 % margin: the limits
  /// `ax.plot` gives (computed with matplotlib 3.11 by `scripts/matplotlib/singular_limits.py`).
  func testOneValueGetsMatplotlibsLimits() throws {
    let cases: [(values: String, axis: String, low: Double, high: Double)] = [
      ("[5, 5]", "", 4.725, 5.275),
      ("[0, 0]", "", -0.055, 0.055),
      ("[1000, 1000]", "y: {scale: log}", 79.43282347242818, 12589.254117941671),
      ("[500, 500]", "y: {scale: log}", 89.12509381337456, 1122.0184543019636),
    ]
    for item in cases {
      let text = try svg(
        "data: {d: {values: {x: [1, 2], y: \(item.values)}}}\naxes: {\(item.axis)\(item.axis.isEmpty ? "" : ", ")"
          + "layers: [{line: {x: x, y: y}}]}\n")
      let (low, high) = try yLimits(text)
      XCTAssertEqual(low, item.low, accuracy: 1e-9 * max(1, abs(item.low)), item.values)
      XCTAssertEqual(high, item.high, accuracy: 1e-9 * max(1, abs(item.high)), item.values)
    }
  }

  /// A log colour norm over one value colours it at the colormap's start (LogNorm with vmin == vmax gives 0).
  func testALogNormOverOneValueDrawsIt() throws {
    let text = try svg(
      "data: {d: {values: {c: [a, b], r: [x, x], v: [5, 5]}}}\n"
        + "axes: {x: {scale: categorical}, y: {scale: categorical}, layers: [{heatmap: {x: c, y: r, value: v, "
        + "norm: log, colorbar: false}}]}\n")
    XCTAssertEqual(text.components(separatedBy: "fill=\"#440154\"").count - 1, 2, "both cells in viridis(0)")
  }

  /// A heatmap's missing cells take `bad` when it is given (matplotlib's `set_bad`), and stay blank otherwise.
  func testMissingCellsTakeTheBadColour() throws {
    let csv = "c,r,v\na,x,1\nb,x,\nc,x,nan\na,y,2\nb,y,3\nc,y,4\n"
    let spec = { (bad: String) in
      "data: {d: data.csv}\naxes: {x: {scale: categorical}, y: {scale: categorical}, layers: [{heatmap: "
        + "{x: c, y: r, value: v, colorbar: false\(bad)}}]}\n"
    }
    XCTAssertEqual(try svg(spec(", bad: red"), csv: csv).components(separatedBy: "#ff0000").count - 1, 2)
    XCTAssertFalse(try svg(spec(""), csv: csv).contains("#ff0000"))
  }

  /// Empty and `nan` facet values are missing: no panel, as pandas' groupby drops them.
  func testMissingFacetValuesMakeNoPanel() throws {
    let csv = "m,x,y\na,0,1\n,1,2\nnan,2,3\nb,3,4\n"
    let (scene, _) = try SpecFixture.scene(
      "data: {d: data.csv}\naxes: {facet: {column: m}, layers: [{line: {x: x, y: y}}]}\n", csv: csv)
    XCTAssertEqual(scene.groups(prefix: "axes-").count, 2)
  }

  /// A secondary axis whose function rises and falls over the limits (1/x across 0) is an error at the function.
  func testASecondaryFunctionWithAPoleIsLocated() throws {
    let error = SpecFixture.error(
      """
      data: {d: {values: {x: [-1000, 21000], y: [1, 2]}}}
      axes:
        x2: {function: {forward: '1/x', inverse: '1/x'}}
        layers: [{line: {x: x, y: y}}]

      """)
    XCTAssertEqual(error?.location?.line, 3)
    XCTAssertTrue(error?.message.contains("rises and falls") == true, "\(String(describing: error))")
  }

  /// A duration axis under a second ticks at MaxNLocator's steps, shown in ms (or µs, ns).
  func testSubSecondDurationsTickInMilliseconds() throws {
    let (scene, _) = try SpecFixture.scene(
      "data: {d: {values: {t: [0, 120, 500], y: [1, 2, 3]}}}\naxes: {x: {scale: duration, unit: ms}, "
        + "layers: [{line: {x: t, y: y}}]}\n")
    let labels = scene.groups(role: "axis-x").flatMap(\.texts).map(\.plainText)
    XCTAssertEqual(labels, ["0", "100ms", "200ms", "300ms", "400ms", "500ms"])
  }

  /// A symlog axis (matplotlib's default linthresh 2) gets matplotlib's limits and SymmetricalLogLocator's ticks,
  /// as `scripts/matplotlib/symlog_ticks.py` prints them.
  func testSymlogTicksAsMatplotlib() throws {
    let cases: [(values: String, low: Double, high: Double, ticks: [Double])] = [
      ("[-5, 5]", -7.077422400790668, 7.077422400790668, [-1, 0, 1]),
      ("[-1000, 1000]", -2404.407707965255, 2404.407707965255, [-1000, -100, -10, -1, 0, 1, 10, 100, 1000]),
      ("[-1000000, 3]", -2540178.1398898237, 7.620534419669463, [-1e6, -1e5, -1e4, -1e3, -100, -10, -1, 0, 1]),
    ]
    for item in cases {
      let (scene, _) = try SpecFixture.scene(
        "data: {d: {values: {x: [1, 2], y: \(item.values)}}}\n"
          + "axes: {y: {scale: symlog}, layers: [{line: {x: x, y: y}}]}\n")
      let y = try XCTUnwrap(scene.groups(role: "axes-0").first?.mapping?.y)
      XCTAssertEqual(y.low, item.low, accuracy: 1e-9 * abs(item.low), item.values)
      XCTAssertEqual(y.high, item.high, accuracy: 1e-9 * abs(item.high), item.values)
      let marks = try XCTUnwrap(scene.groups(role: "axis-y").first?.paths.first?.points)
      // Each tick is a move and a line at one height.
      let ticks = stride(from: 0, to: marks.count, by: 2).map { y.value(atPage: marks[$0].y) }
      XCTAssertEqual(ticks.count, item.ticks.count, "\(item.values): \(ticks)")
      for (tick, expected) in zip(ticks.sorted(), item.ticks) {
        XCTAssertEqual(tick, expected, accuracy: 1e-6 * max(1, abs(expected)), item.values)
      }
    }
  }

  /// Ticks close together far from zero are written from an added offset, as matplotlib's ScalarFormatter: 0 …
  /// 1.0 with "+1e9", and a minute of Unix time as 0 … 60 with "+1.7040672e9".
  func testTicksFarFromZeroTakeAnAddedOffset() throws {
    for (values, first, offset) in [
      ("[1e9, 1.000000001e9]", "0.0", "+1e9"), ("[1704067200, 1704067260]", "0", "+1.7040672e9"),
    ] {
      let (scene, _) = try SpecFixture.scene(
        "data: {d: {values: {x: \(values), y: [1, 2]}}}\naxes: {layers: [{line: {x: x, y: y}}]}\n")
      let labels = scene.groups(role: "axis-x").flatMap(\.texts).map(\.plainText)
      XCTAssertEqual(labels.first, first, "\(labels)")
      XCTAssertEqual(labels.last, offset, "\(labels)")
      XCTAssertEqual(Set(labels).count, labels.count, "every tick its own label: \(labels)")
    }
  }

  /// A time axis whose limits pass the years dates are ticked in (1–9999) warns that it is drawn unlabelled.
  func testATimeAxisPastTheCalendarWarns() throws {
    let (_, warnings) = try SpecFixture.scene(
      "data: {d: {values: {t: ['0001-01-01', '0001-03-01'], y: [1, 2]}}}\n"
        + "axes: {x: {scale: time}, layers: [{line: {x: t, y: y}}]}\n")
    XCTAssertTrue(warnings.contains { $0.message.contains("dates are ticked from year 1 to 9999") }, "\(warnings)")
  }

  /// `svg:` and `colorbar:` with no value count as left out, as the schema says of every key.
  func testKeysWithNoValueAreLeftOut() throws {
    let (scene, _) = try SpecFixture.scene(
      "svg:\ndata: {d: {values: {c: [a, b], r: [x, x], v: [1, 2]}}}\naxes: {x: {scale: categorical}, "
        + "y: {scale: categorical}, layers: [{heatmap: {x: c, y: r, value: v, colorbar: }}]}\n")
    XCTAssertFalse(scene.groups(role: "colorbar").isEmpty, "the default colorbar")
  }

  /// Colour values spanning more than a Double holds (±1e308) are refused at the layer, as position axes refuse
  /// such ranges; they used to colour every cell alike and drop one.
  func testAColourSpanPastDoublePrecisionIsRefused() throws {
    let error = SpecFixture.error(
      "data: {d: {values: {c: [a, b, c], r: [x, x, x], v: [1, 1e308, -1e308]}}}\n"
        + "axes: {x: {scale: categorical}, y: {scale: categorical}, layers: [{heatmap: {x: c, y: r, value: v}}]}\n")
    XCTAssertTrue(error?.message.contains("a span too wide to normalize") == true, "\(String(describing: error))")
    XCTAssertNotNil(error?.location)
  }

  /// A log axis over many decades ticks every stride-th decade at multiples of the stride, so 10⁰ stays a tick,
  /// as matplotlib's LogLocator since 3.10 (`scripts/matplotlib/log_ticks.py`).
  func testStridedLogTicksKeepTenToTheZero() throws {
    for (values, powers) in [
      ("[1, 1e20]", [0, 3, 6, 9, 12, 15, 18, 21]), ("[3e-7, 2e15]", [-6, -3, 0, 3, 6, 9, 12, 15]),
    ] {
      let (scene, _) = try SpecFixture.scene(
        "data: {d: {values: {x: [1, 2], y: \(values)}}}\naxes: {y: {scale: log}, layers: [{line: {x: x, y: y}}]}\n")
      let y = try XCTUnwrap(scene.groups(role: "axes-0").first?.mapping?.y)
      let marks = try XCTUnwrap(scene.groups(role: "axis-y").first?.paths.first?.points)
      let ticks = stride(from: 0, to: marks.count, by: 2).map { Int(log10(y.value(atPage: marks[$0].y)).rounded()) }
      XCTAssertEqual(ticks.sorted(), powers, values)
    }
  }

  /// An axis 1e-4 wide at 1e9 (some 800 steps of a Double) draws, labelled from an offset; one 1e-5 wide is refused
  /// with a remedy that helps (limits cannot widen it).
  func testNarrowSpansFarFromZero() throws {
    let (scene, _) = try SpecFixture.scene(
      "data: {d: {values: {x: [1e9, 1.0000000000001e9], y: [1, 2]}}}\naxes: {layers: [{line: {x: x, y: y}}]}\n")
    let labels = scene.groups(role: "axis-x").flatMap(\.texts).map(\.plainText)
    XCTAssertEqual(labels, ["0.00000", "0.00002", "0.00004", "0.00006", "0.00008", "0.00010", "+1e9"])
    let error = SpecFixture.error(
      "data: {d: {values: {x: [1e9, 1.00000000000001e9], y: [1, 2]}}}\naxes: {layers: [{line: {x: x, y: y}}]}\n")
    XCTAssertTrue(
      error?.message.hasSuffix("rescale the data (subtract its start, with a calculate transform)") == true,
      "\(String(describing: error))")
  }
}
