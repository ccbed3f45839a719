import Foundation
import Vellum
import VellumTestSupport
import XCTest

@testable import VellumData
@testable import VellumLayout

/// Inputs that used to trap the binary (issue 28): each now draws or gives a located error, in process, so a trap
/// here would end the test run.
final class ExtremeInputTests: XCTestCase {
  private func outcome(_ spec: String, csv: String) -> String {
    do {
      let (scene, _) = try SpecFixture.scene(spec, csv: csv)
      return
        "drawn: \(scene.groups(prefix: "heatmap").count + scene.groups(prefix: "density").count + scene.groups(prefix: "violin").count) groups"
    } catch {
      return "\(error)"
    }
  }

  /// A 64 × 64 lattice plus one cell far away (1e18), or two columns 1e-300 apart: the raster path counted the
  /// lattice in Int and overflowed.
  func testHeatmapCellsFarApartRelativeToTheirSpacing() {
    var csv = "x,y,v\n"
    for i in 0..<64 { for j in 0..<64 { csv += "\(i),\(j),\(Double(i * j))\n" } }
    let spec = "data: {d: data.csv}\naxes:\n  layers:\n    - heatmap: {x: x, y: y, value: v, colorbar: false}\n"
    XCTAssertTrue(outcome(spec, csv: csv + "1e18,0,1\n").hasPrefix("drawn"), outcome(spec, csv: csv + "1e18,0,1\n"))
    let tiny = csv + "1e-300,0,1\n"
    let result = outcome(spec, csv: tiny)
    XCTAssertTrue(result.hasPrefix("drawn") || result.contains("error:"), result)
  }

  /// A heatmap whose cells fit no image is refused by its cell count before a rectangle is built (a 4,100² grid
  /// off any lattice used to build 16.8 M elements, 9.5 GB, before the scene's limit refused them).
  func testHeatmapCellCountIsCheckedBeforeDrawing() {
    XCTAssertNoThrow(try HeatmapMark.Geometry.checkElements(cells: 900_000, annotated: false))
    XCTAssertThrowsError(try HeatmapMark.Geometry.checkElements(cells: 450_001, annotated: true)) { error in
      XCTAssertTrue("\(error)".contains("would draw 900002 elements"), "\(error)")
    }
    XCTAssertThrowsError(try HeatmapMark.Geometry.checkElements(cells: 16_810_000, annotated: false))
  }

  /// A whole log base too large for an Int trapped in the minor ticks (`2..<Int(base)`), and one of 10¹⁵ looped
  /// that many times (found by `scripts/fuzz_numbers.py`, seed 2026): past 10,000 minor ticks there are none.
  func testHugeLogBasesDrawWithoutMinorTicks() throws {
    for base in ["1e308", "9223372036854775807", "1e15", "1e4"] {
      let spec = "data: {d: data.csv}\naxes:\n  x: {scale: log, base: \(base)}\n  layers:\n    - line: {x: a, y: b}\n"
      let (scene, _) = try SpecFixture.scene(spec, csv: "a,b\n1,0.5\n2,-1e18\n3,0.25\n")
      XCTAssertFalse(scene.groups(prefix: "series").isEmpty, base)
    }
    XCTAssertEqual(LogScale(base: 1e308).minorTicks(majors: [1], low: 1, high: 1e300), [])
    XCTAssertEqual(LogScale(base: 10_000).minorTicks(majors: [1], low: 1, high: 1e4), [])
    XCTAssertEqual(LogScale(base: 10).minorTicks(majors: [1, 10], low: 1, high: 10), [2, 3, 4, 5, 6, 7, 8, 9])
    XCTAssertEqual(LogScale(base: 1002).minorTicks(majors: [1], low: 1, high: 1002).count, 1000)
  }

  /// Edges a subnormal apart made the equal-bin guess infinite, and its conversion to Int trapped (found by
  /// `scripts/fuzz_numbers.py`): such values are binned by bisection.
  func testBinsASubnormalWideAreFoundByBisection() {
    XCTAssertEqual(Binning.counts([0, 5e-324, 5e-324], edges: [0, 5e-324, 1e-323]), [1, 2])
  }

  /// Over 20,000 samples the KDE bins them; a 1e15 bandwidth made the kernel's reach overflow Int.
  func testDensityAndViolinWithAHugeBandwidth() {
    var csv = "g,v\n"
    for i in 0..<25_000 { csv += "\(i % 2 == 0 ? "a" : "b"),\(Double(i % 997) / 10)\n" }
    for layer in ["density: {x: v, bandwidth: 1e15}", "violin: {x: g, y: v, bandwidth: 1e15}"] {
      let spec =
        "data: {d: data.csv}\naxes:\n  x: {scale: \(layer.hasPrefix("violin") ? "categorical" : "linear")}\n"
        + "  layers:\n    - \(layer)\n"
      XCTAssertTrue(outcome(spec, csv: csv).hasPrefix("drawn"), outcome(spec, csv: csv))
    }
  }

  /// A named capture that is also a kept column made two columns of one name (a Dictionary trap); a spread naming
  /// no capture was ignored.
  func testUnpivotCaptureClashesAndUnknownSpread() {
    let csv = "Step,a - loss,b - loss\n1,2,3\n"
    func unpivot(_ options: String) -> String {
      outcome(
        "data: {d: data.csv}\naxes:\n  layers:\n    - line: {x: Step, y: value, transform: [{unpivot: {\(options)}}]}\n",
        csv: csv)
    }
    XCTAssertTrue(
      unpivot("pattern: '^(?<Step>.*) - loss$'").contains("capture 'Step' is also a column"),
      unpivot("pattern: '^(?<Step>.*) - loss$'"))
    XCTAssertTrue(
      unpivot("pattern: '^(?<run>.*) - (?<metric>.*)$', spread: nosuch").contains(
        "spread 'nosuch' names no capture of the pattern (captures: run, metric)"),
      unpivot("pattern: '^(?<run>.*) - (?<metric>.*)$', spread: nosuch"))
    XCTAssertTrue(unpivot("pattern: '^(.*) - loss$', spread: x").contains("the pattern names none"))
    XCTAssertTrue(unpivot("columns: [a - loss], spread: x").contains("'spread' picks a capture of 'pattern'"))
  }

  /// The warning for a series with no plotted values names the columns with no empty alternative.
  func testMissingValuesWarningNamesItsColumns() throws {
    let (_, warnings) = try SpecFixture.scene(
      "data: {d: data.csv}\naxes:\n  layers:\n    - line: {x: step, y: loss}\n", csv: "step,loss\n1,\n2,\n3,1\n")
    XCTAssertTrue(warnings.contains { $0.message.contains("lack a plotted value (step or loss)") }, "\(warnings)")
    let (_, histogram) = try SpecFixture.scene(
      "data: {d: data.csv}\naxes:\n  layers:\n    - histogram: {x: v}\n", csv: "v\nnan\nnan\n1\n")
    XCTAssertTrue(histogram.contains { $0.message.contains("lack a plotted value (v);") }, "\(histogram)")
  }
}
