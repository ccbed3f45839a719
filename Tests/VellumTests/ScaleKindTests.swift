import Foundation
import Vellum
import VellumData
import VellumScene
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumLayout

/// Scale kinds as units: logit ticks against matplotlib, ISO 8601 times against Python, time and duration axes
/// from the data to the tick labels, and a scale kind added from outside the registry without touching a mark.
final class ScaleKindTests: XCTestCase {
  private struct Reference: Decodable {
    struct Logit: Decodable {
      var low: Double
      var high: Double
      var nbins: Int
      var ticks: [Double]
    }
    struct Instant: Decodable {
      var text: String
      var seconds: Double
    }
    var logit: [Logit]
    var instants: [Instant]
  }

  private func reference() throws -> Reference {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/scale_kinds.json")
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }

  func testLogitTicksMatchLogitLocator() throws {
    let cases = try reference().logit
    XCTAssertGreaterThanOrEqual(cases.count, 100)
    var mismatches: [String] = []
    for item in cases {
      let ours = LogitScale().autoTicks(low: item.low, high: item.high, maxBins: item.nbins, categories: [])
      let same =
        ours.count == item.ticks.count
        && zip(ours, item.ticks).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
      if !same { mismatches.append("[\(item.low), \(item.high)] nbins \(item.nbins): \(ours) vs \(item.ticks)") }
    }
    XCTAssertEqual(mismatches, [])
    let labels = LogitScale().labels([0.001, 0.1, 0.5, 0.99, 0.3], format: .auto, decimals: nil, categories: [])
    XCTAssertEqual(
      labels.labels.map(\.text), ["$10^{-3}$", "$10^{-1}$", "$\\frac{1}{2}$", "$1-10^{-2}$", "0.300"])
  }

  func testISOInstantsMatchPython() throws {
    let instants = try reference().instants
    XCTAssertGreaterThanOrEqual(instants.count, 10)
    for item in instants {
      let ours = try XCTUnwrap(TimeText.instant(item.text), item.text)
      XCTAssertEqual(ours, item.seconds, accuracy: 1e-6, item.text)
    }
    for bad in ["2024-02-30", "2024-3-1", "2024-03-01T25:00", "yesterday", "2024-03-01T12:00+2", "2024-03-01Zulu", ""] {
      XCTAssertNil(TimeText.instant(bad), bad)
    }
    XCTAssertEqual(TimeText.duration("90 min"), 5400)
    XCTAssertEqual(TimeText.duration("1.5h"), 5400)
    XCTAssertEqual(TimeText.months("2 years"), 24)
    XCTAssertNil(TimeText.duration("5 parsecs"))
  }

  private static let releases = """
    model,date,score
    a,2019-02-14,41.5
    b,2020-06-11,52.0
    c,2022-03-15,60.25
    d,2024-07-23T12:00:00Z,71.0
    e,2026-02-01,80.5

    """

  func testTimeAxisReadsDatesAndLabelsYears() throws {
    let spec = """
      size: [5, 3]
      data: {s: data.csv}
      axes:
        x: {label: Released, scale: time}
        layers: [{scatter: {data: s, x: date, y: score}}]
      """
    let scene = try SpecFixture.scene(spec, csv: Self.releases).scene
    let labels = scene.groups(role: "axis-x")[0].texts.map(\.plainText)
    XCTAssertEqual(labels, ["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "Released"])
    // Limits and ticks written as dates, ticks every 6 months: January and July, the year on January.
    let written = spec.replacingOccurrences(
      of: "scale: time}",
      with: "scale: time, limits: [2021-10-01, 2023-10-01], ticks: {step: 6 months}}")
    let zoomed = try SpecFixture.scene(written, csv: Self.releases).scene
    XCTAssertEqual(
      zoomed.groups(role: "axis-x")[0].texts.map(\.plainText), ["2022", "Jul", "2023", "Jul", "Released"])
  }

  func testBadTimesAreLocatedErrors() throws {
    let spec = """
      data: {s: data.csv}
      axes:
        x: {scale: time}
        layers: [{scatter: {data: s, x: date, y: score}}]
      """
    let csv = Self.releases.replacingOccurrences(of: "2020-06-11", with: "June 2020")
    let error = try XCTUnwrap(SpecFixture.error(spec, csv: csv))
    XCTAssertTrue(error.description.contains("data.csv:3:"), error.description)
    XCTAssertTrue(error.description.contains("expected a date or time"), error.description)
    XCTAssertTrue(error.description.contains("'June 2020'"), error.description)
    let limits = try XCTUnwrap(
      SpecFixture.error(spec.replacingOccurrences(of: "scale: time}", with: "scale: time, limits: [2020-13-01, 2021]}"))
    )
    XCTAssertTrue(limits.description.contains("figure.yaml:3:"), limits.description)
    let base = try XCTUnwrap(
      SpecFixture.error(spec.replacingOccurrences(of: "scale: time}", with: "scale: time, base: 2}")))
    XCTAssertTrue(base.description.contains("'base' applies to scale: log or symlog"), base.description)
  }

  func testDurationAxisShowsHours() throws {
    let csv = "t,loss\n" + (0...54).map { "\($0 * 360),\(2.0 / Double($0 + 1))" }.joined(separator: "\n") + "\n"
    let spec = """
      size: [5, 3]
      data: {s: data.csv}
      axes:
        x: {scale: duration}
        layers: [{line: {data: s, x: t, y: loss}}]
      """
    let scene = try SpecFixture.scene(spec, csv: csv).scene
    XCTAssertEqual(scene.groups(role: "axis-x")[0].texts.map(\.plainText), ["0", "1h", "2h", "3h", "4h", "5h"])
    let minutes = try SpecFixture.scene(
      spec.replacingOccurrences(of: "scale: duration}", with: "scale: duration, unit: ms, limits: [0, 30 min]}"),
      csv: csv
    ).scene
    XCTAssertEqual(
      minutes.groups(role: "axis-x")[0].texts.map(\.plainText),
      ["0", "5min", "10min", "15min", "20min", "25min", "30min"])
  }

  /// A scale kind from outside the registry: one type and one line in a ScaleKinds list, no mark touched.
  private struct PercentScale: PositionScale {
    static let kind = ScaleKind("percent", meaning: "fractions shown as percentages") { _ in PercentScale() }
    var reading: ScaleReading { .numbers }
    func labels(_ values: [Double], format: AxisSpec.TickFormat, decimals: Int?, categories: [String])
      -> (labels: [TickText], offset: TickText?)
    {
      TickFormatter.labels(values, format: .percent, decimals: decimals)
    }
  }

  func testAScaleKindAddsWithoutTouchingMarks() throws {
    let scales = ScaleKinds(ScaleRegistry.kinds.kinds + [PercentScale.kind], standard: LinearScale())
    let grammar = Grammar(layers: MarkRegistry.layerKinds, transforms: TransformRegistry.kinds, scales: scales)
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", "x,y\n0,0.1\n1,0.25\n2,0.5\n")
    for mark in ["line", "scatter", "bar"] {
      let spec = try SpecLoader.parse(
        "data: {s: data.csv}\naxes:\n  y: {scale: percent}\n  layers: [{\(mark): {data: s, x: x, y: y}}]\n",
        file: "f.yaml", directory: fixture.directory, grammar: grammar)
      let scene = try FigureCompiler.compile(spec, data: try DataLoader.load(spec))
      let labels = scene.groups(role: "axis-y")[0].texts.map(\.plainText)
      XCTAssertTrue(labels.contains("50%"), "\(mark): \(labels)")
    }
    XCTAssertTrue(
      errorText { _ = try Figure(text: "axes: {y: {scale: percent}, layers: []}") }.contains("unknown scale"))
  }
}
