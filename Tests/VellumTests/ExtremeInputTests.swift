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

  /// ``outcome(_:csv:)`` of one layer over `data.csv`, with `axis` lines (`y: {scale: log}`) before the layers.
  private func drawn(_ layer: String, csv: String, axis: String = "") -> String {
    outcome("data: {d: data.csv}\naxes:\n\(axis.isEmpty ? "" : "  \(axis)\n")  layers:\n    - \(layer)\n", csv: csv)
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

  /// Found by the number fuzz once it covered every mark (seeds 501–503): contour levels over a range too wide
  /// for any step came out empty and `levels.first!` trapped; hexbin read a categorical y's empty numbers by row.
  func testContourOverAnUnsteppableRangeAndHexbinOnCategories() {
    let csv = "a,b,g\n0,-1e18,p\n1,1.7976931348623157e308,q\n2,1,p\n"
    for layer in ["contour: {x: a, y: g, value: b, labels: true}", "contourf: {x: a, y: g, value: b, levels: 1}"] {
      let result = outcome(
        "data: {d: data.csv}\naxes:\n  y: {scale: categorical}\n  layers:\n    - \(layer)\n", csv: csv)
      XCTAssertTrue(result.contains("no contour levels can be placed over the values' range"), result)
    }
    let hexbin = outcome(
      "data: {d: data.csv}\naxes:\n  y: {scale: categorical}\n  layers:\n    - hexbin: {x: a, y: b}\n", csv: csv)
    XCTAssertTrue(hexbin.contains("hexbin needs numbers for y"), hexbin)
  }

  /// Transforms that named a new column like one the table keeps built two columns of one name, which trapped
  /// later (a Dictionary literal, an index past a column's end): each is now refused at the transform, and a
  /// column listed under both `column` and `columns` is one column.
  func testTransformsNeverWriteAColumnNameTwice() {
    func transformed(_ transform: String, csv: String = "x,y,run\n1,2,a\n2,3,b\n3,,a\n") -> String {
      outcome(
        "data: {d: data.csv}\naxes:\n  layers:\n    - line: {x: x, y: y, transform: [\(transform)]}\n", csv: csv)
    }
    XCTAssertTrue(
      transformed("{bin2d: {x: x, y: y, as: x}}").contains("bin2d's as 'x' is also its x"),
      transformed("{bin2d: {x: x, y: y, as: x}}"))
    XCTAssertTrue(transformed("{bin2d: {x: x, y: x}}").contains("bin2d's x and y are both 'x'"))
    XCTAssertTrue(
      transformed("{unpivot: {columns: [y], key: run}}").contains("two columns named 'run'"),
      transformed("{unpivot: {columns: [y], key: run}}"))
    XCTAssertTrue(
      transformed("{interpolate: {x: x, column: y, columns: [y], points: 3}}").hasPrefix("drawn"),
      transformed("{interpolate: {x: x, column: y, columns: [y], points: 3}}"))
  }

  /// A hexbin gridsize of 1 gives no rows (gridsize / √3) and was reported as "over the limit"; a log base below 1
  /// drew linear labels bunched in a corner (matplotlib's locator asserts a base above 1).
  func testHexbinOfOneColumnAndLogBasesBelowOne() {
    let csv = "a,b\n1,1\n2,4\n3,9\n"
    let hexbin = drawn("hexbin: {x: a, y: b, gridsize: 1}", csv: csv)
    XCTAssertTrue(hexbin.contains("has no cells; give a gridsize of at least 2"), hexbin)
    let log = drawn("line: {x: a, y: b}", csv: csv, axis: "y: {scale: log, base: 0.5}")
    XCTAssertTrue(log.contains("a logarithm base must be above 1, found 0.5"), log)
  }

  /// Found by reading the reference alone: negative error distances were drawn as their size (matplotlib refuses
  /// them), 65 panels passed the 64-panel limit when `panels` was not written, a tick step too fine for its axis
  /// drew no ticks without a word, and a fallback font family that is not installed was skipped silently.
  func testDocumentedLimitsAndRefusalsHold() throws {
    let csv = "x,y,e,g\n1,5,-1,a\n2,6,0.5,b\n"
    let errorbar = drawn("errorbar: {x: x, y: y, yerr: e}", csv: csv)
    XCTAssertTrue(errorbar.contains("'e' holds the error distance -1"), errorbar)
    let bar = drawn("bar: {x: g, y: y, error: e}", csv: csv, axis: "x: {scale: categorical}")
    XCTAssertTrue(bar.contains("'e' holds the error distance -1"), bar)
    let panels = Array(repeating: "{layers: [{line: {x: x, y: y}}]}", count: 65).joined(separator: ", ")
    let many = outcome("data: {d: data.csv}\naxes: [\(panels)]\n", csv: csv)
    XCTAssertTrue(many.contains("at most 64 panels are supported, found 65"), many)
    let (_, warnings) = try SpecFixture.scene(
      "data: {d: data.csv}\naxes:\n  x: {ticks: {step: 0.0001}}\n  layers:\n    - line: {x: x, y: y}\n", csv: csv)
    XCTAssertTrue(
      warnings.contains { $0.message.contains("x ticks every 0.0001 would be more than 10,000 across the axis") },
      "\(warnings)")
    let fallback = outcome(
      "font: {fallback: [No Such Family]}\ndata: {d: data.csv}\naxes:\n  layers:\n    - line: {x: x, y: y}\n",
      csv: csv)
    XCTAssertTrue(fallback.contains("font family 'No Such Family' is not installed"), fallback)
  }

  /// More of the audit: a source naming two readers used one, a list mixing formats read every file as the first's,
  /// text filled into a column of numbers surfaced as a bad data cell, bins and densities past Double's range drew
  /// an empty plot with exit 0, and hatch_width was checked only when a hatch was drawn.
  func testSourcesFillsBinsAndDensitiesRefuseWhatTheyCannotDo() {
    let csv = "x,y\n1,2\n2,\n"
    func result(_ data: String, _ layer: String) -> String {
      outcome("data: \(data)\naxes:\n  layers:\n    - \(layer)\n", csv: csv)
    }
    XCTAssertTrue(
      result("{d: {csv: data.csv, jsonl: data.jsonl}}", "line: {x: x, y: y}").contains(
        "takes 'csv' or 'jsonl', not both"),
      result("{d: {csv: data.csv, jsonl: data.jsonl}}", "line: {x: x, y: y}"))
    XCTAssertTrue(
      result("{d: [data.csv, more.jsonl]}", "line: {x: x, y: y}").contains(
        "'more.jsonl' reads as JSON Lines, but 'data.csv' as CSV"),
      result("{d: [data.csv, more.jsonl]}", "line: {x: x, y: y}"))
    let fill = result("{d: data.csv}", "line: {x: x, y: y, transform: [{fillna: {column: y, value: zero}}]}")
    XCTAssertTrue(fill.contains("fillna's value 'zero' is text, but 'y' holds numbers"), fill)
    let huge = "{d: {values: {x: [1e308, -1e308, 1e200]}}}"
    XCTAssertTrue(
      result(huge, "histogram: {x: x}").contains("a span wider than a Double holds"), result(huge, "histogram: {x: x}"))
    XCTAssertTrue(
      result(huge, "density: {x: x}").contains("variance is past a Double's range"), result(huge, "density: {x: x}"))
    XCTAssertTrue(
      result("{d: data.csv}", "area: {x: x, y: y, hatch_width: -1}").contains("a line width"),
      result("{d: data.csv}", "area: {x: x, y: y, hatch_width: -1}"))
  }
}
