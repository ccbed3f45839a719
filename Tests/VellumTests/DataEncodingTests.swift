import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

/// Channels read from columns: asymmetric error bars, and text labels at every row.
final class DataEncodingTests: XCTestCase {
  private let csv =
    "x,y,low,high,minus,plus,name\n1,10,8,13,2,3,first_model\n2,20,15,21,5,1,second\n3,15,14,18,1,3,third\n"

  private func whiskers(_ layer: String) throws -> [[Point]] {
    let spec = "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  y: {limits: [0, 30]}\n  layers:\n    - \(layer)\n"
    let scene = try SpecFixture.scene(spec, csv: csv).scene
    let axes = scene.groups(role: "axes-0")[0]
    let mapping = try XCTUnwrap(axes.mapping)
    // Back to data units (linear axes), so the test reads like the spec.
    func unmap(_ axis: AxisMapping, _ page: Double) -> Double {
      axis.low + (page - axis.start) / (axis.end - axis.start) * (axis.high - axis.low)
    }
    return try XCTUnwrap(scene.groups(prefix: "errorbar").first).paths.map { path in
      path.points.map { Point(unmap(mapping.x, $0.x), unmap(mapping.y, $0.y)) }
    }
  }

  func testErrorBarsFromBoundsAndFromMinusPlusColumns() throws {
    let bounds = try whiskers("errorbar: {x: x, y: y, lower: low, upper: high}")
    XCTAssertEqual(bounds.count, 3)
    XCTAssertEqual(bounds[1][0].y, 15, accuracy: 1e-9)
    XCTAssertEqual(bounds[1][1].y, 21, accuracy: 1e-9)
    let asymmetric = try whiskers("errorbar: {x: x, y: y, yerr: [minus, plus]}")
    XCTAssertEqual(asymmetric[0][0].y, 8, accuracy: 1e-9)
    XCTAssertEqual(asymmetric[0][1].y, 13, accuracy: 1e-9)
    XCTAssertNotNil(
      SpecFixture.error("data: {d: data.csv}\naxes:\n  layers:\n    - errorbar: {x: x, y: y, lower: low}\n", csv: csv))
    let both = SpecFixture.error(
      "data: {d: data.csv}\naxes:\n  layers:\n    - errorbar: {x: x, y: y, yerr: minus, lower: low, upper: high}\n",
      csv: csv)
    XCTAssertTrue(both?.message.contains("not both") ?? false, "\(String(describing: both))")
  }

  func testTextLabelsComeFromAColumnAndNudgeApart() throws {
    let spec = """
      size: [4in, 3in]
      data: {d: data.csv}
      axes:
        layers:
          - scatter: {x: x, y: y}
          - text: {x: x, y: y, text: {column: name}, nudge: true}
      """
    let scene = try SpecFixture.scene(spec, csv: csv).scene
    let labels = try XCTUnwrap(scene.groups(role: "annotations").first).texts
    // Literal text: the underscore is not TeX.
    XCTAssertEqual(labels.map(\.plainText), ["first_model", "second", "third"])
    XCTAssertTrue(labels.allSatisfy { $0.paint.color == .black })
    // A label for one annotation keeps rejecting table keys.
    let mixed = SpecFixture.error(
      "data: {d: data.csv}\naxes:\n  layers:\n    - text: {text: hi, x: 1, y: 2, nudge: true}\n", csv: csv)
    XCTAssertTrue(mixed?.message.contains("'nudge' belongs to text labelling rows") ?? false)
  }

  func testBarValueLabelsFromAColumn() throws {
    let spec = """
      size: [4in, 3in]
      data: {d: data.csv}
      axes:
        x: {scale: categorical}
        layers:
          - bar: {x: name, y: y, value_labels: {column: name, size: 7}}
      """
    let scene = try SpecFixture.scene(spec, csv: csv).scene
    let labels = try XCTUnwrap(scene.groups(role: "annotations").first).texts
    XCTAssertEqual(labels.map(\.plainText), ["first_model", "second", "third"])
    XCTAssertEqual(labels[0].runs[0].font.size, 7)
    let both = SpecFixture.error(spec.replacingOccurrences(of: "size: 7", with: "format: '%.1f'"), csv: csv)
    XCTAssertTrue(both?.message.contains("not both") ?? false, "\(String(describing: both))")
  }
}
