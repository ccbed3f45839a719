import Foundation
import PropertyBased
import Testing
import Vellum
import VellumSpec
import VellumTestSupport

/// Extreme numbers through every kind of mark, transform and scale, in-process: a figure either renders (and its
/// SVG is written) or is refused with a located error; a trap would end the test process, so it fails the run.
/// The numbers are the ones that break arithmetic: ±1e±308, subnormals, NaN, signed zeros, equal values, huge spans
/// with tiny gaps.
@Suite struct ExtremeNumberProperties {
  /// Cell texts of the generated data.
  static let numbers = [
    "0", "-0", "1", "-1", "2.5", "1e308", "-1e308", "1.7976931348623157e308", "1e-308", "5e-324", "-5e-324", "nan",
    "1e18", "1e18", "1e-300", "1.0000000000000002", "123456789.123", "-1e15", "", "3",
  ]

  /// Layers over columns `a` (positions), `b` (values) and `g` (a group label).
  static let layers = [
    "line: {data: d, x: a, y: b}",
    "scatter: {data: d, x: a, y: b, size: {column: b}, opacity: {column: a}}",
    "scatter: {data: d, x: a, y: b, color: {column: b, map: viridis}}",
    "bar: {data: d, x: g, y: b}",
    "area: {data: d, x: a, y: b}",
    "band: {data: d, x: a, lower: a, upper: b}",
    "errorbar: {data: d, x: a, y: b, yerr: b}",
    "histogram: {data: d, x: b}",
    "density: {data: d, x: b}",
    "ecdf: {data: d, x: b}",
    "box: {data: d, x: g, y: b}",
    "violin: {data: d, x: g, y: b}",
    "strip: {data: d, x: g, y: b}",
    "heatmap: {data: d, x: a, y: b, value: b}",
    "text: {data: d, x: a, y: b, text: g}",
    "line: {data: d, x: a, y: b, transform: [{rolling: {column: b, window: 2}}]}",
    "line: {data: d, x: a, y: b_mean, transform: [{aggregate: {by: a, column: b}}]}",
    "line: {data: d, x: a, y: b, transform: [{cumulative: {column: b}}]}",
    "line: {data: d, x: a, y: b, transform: [{normalize: {column: b}}]}",
    "line: {data: d, x: a, y: b, transform: [{calculate: {c: 'a * b + 1e308'}}]}",
  ]

  /// Axes the layers are drawn on.
  static let axes = [
    "", "x: {scale: log}", "y: {scale: symlog}", "y: {scale: logit}", "x: {scale: time}",
    "x: {scale: duration, unit: h}", "x: {limits: [1e-300, 1e300]}", "y: {reverse: true, minor: true}",
    "x: {ticks: {step: 1e-300}}", "y: {format: '%d'}", "facet: {column: g}", "x: {scale: categorical}",
  ]

  private static let cells = Gen.element(of: numbers).compactMap { $0 }.array(of: 1...6)

  /// Generated figures per run: `VELLUM_PROPERTY_RUNS` (make fuzz asks for 20,000), else 300.
  private static let runs = ProcessInfo.processInfo.environment["VELLUM_PROPERTY_RUNS"].flatMap { Int($0) } ?? 300

  @Test func extremeNumbersRenderOrFailWithALocatedError() async throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    await propertyCheck(
      count: Self.runs, input: Self.cells, Self.cells, Gen.element(of: Self.layers).compactMap { $0 },
      Gen.element(of: Self.axes).compactMap { $0 }
    ) { a, b, layer, axis in
      let rows = zip(a, b).enumerated().map { index, pair in "\(pair.0),\(pair.1),g\(index % 2)" }
      let csv = "a,b,g\n" + rows.joined(separator: "\n") + "\n"
      let spec = "data: {d: data.csv}\naxes:\n  \(axis)\n  layers:\n    - \(layer)\n"
      do {
        try fixture.write("data.csv", csv)
        let figure = try Figure(text: spec, name: "f.yaml", directory: fixture.directory)
        _ = try figure.svg()
      } catch let error as VellumError {
        // Refused input names where: the spec's line and column, or the data file's row.
        #expect(
          error.location != nil || error.description.contains("data.csv"),
          "unlocated error for \(layer) / \(axis) over \(csv): \(error)")
      } catch {
        Issue.record("not a VellumError for \(layer) / \(axis): \(error)")
      }
    }
  }
}
