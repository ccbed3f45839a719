import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// Categorical axes: a categorical y for marks that read `y`, labels placed in slots along y as along x (dumbbell
/// and slope charts), with a time y read from dates the same way; and category tick labels from another column.
final class CategoricalYTests: XCTestCase {
  private static let csv = """
    task,model,score
    ARC,base,40
    ARC,tuned,55
    MMLU,base,60
    MMLU,tuned,62
    GSM8K,base,20
    GSM8K,tuned,45

    """

  /// The page y of every point a group's paths pass through.
  private func ys(_ group: Group) -> [Double] {
    group.paths.flatMap(\.segments).compactMap { segment -> Double? in
      switch segment {
      case .move(let p), .line(let p): return p.y
      default: return nil
      }
    }
  }

  func testLinesAndScattersPlaceLabelsInSlots() throws {
    let spec = """
      size: [4, 3]
      data: {s: data.csv}
      axes:
        y: {scale: categorical, reverse: true}
        layers:
          - line: {data: s, x: score, y: task, group: task, color: grey, legend: false}
          - scatter: {data: s, x: score, y: task, group: model}
          - errorbar: {data: s, x: score, y: task, xerr: score, legend: false}
      """
    let scene = try SpecFixture.scene(spec, csv: Self.csv).scene
    let labels = scene.groups(role: "axis-y")[0].texts.map(\.plainText)
    XCTAssertEqual(labels, ["ARC", "MMLU", "GSM8K"])
    let axes = scene.groups(role: "axes-0")[0]
    let y = try XCTUnwrap(axes.mapping?.y)
    // Reversed: ARC (slot 0) at the top, GSM8K (slot 2) at the bottom.
    XCTAssertLessThan(y.map(0), y.map(2))
    let lines = axes.groups(prefix: "series-")
    XCTAssertEqual(lines.count, 3)
    for (slot, line) in lines.enumerated() {
      let pageYs = Set(ys(line).map { ($0 * 1000).rounded() / 1000 })
      XCTAssertEqual(pageYs, [((y.map(Double(slot))) * 1000).rounded() / 1000], "\(line.role) lies in slot \(slot)")
    }
  }

  func testTimeOnYReadsDates() throws {
    let csv = "run,finished\na,2024-01-05\nb,2024-03-20\nc,2024-06-01\n"
    let spec = """
      size: [4, 3]
      data: {s: data.csv}
      axes:
        x: {scale: categorical}
        y: {scale: time}
        layers: [{scatter: {data: s, x: run, y: finished}}]
      """
    let scene = try SpecFixture.scene(spec, csv: csv).scene
    let labels = scene.groups(role: "axis-y")[0].texts.map(\.plainText)
    XCTAssertTrue(labels.contains("Feb") && labels.contains("Jun"), "\(labels)")
    XCTAssertTrue(labels.contains("2024"), "the year where it rolls over, or in the offset: \(labels)")
  }

  func testTickLabelsFromAColumn() throws {
    let csv = "id,name,score\nT1,Reasoning,40\nT2,Coding,55\nT1,Reasoning (again),41\nT3,Math,20\n"
    let spec = """
      data: {s: data.csv}
      axes:
        x: {scale: categorical, ticks: {labels: {column: name}}}
        layers: [{scatter: {data: s, x: id, y: score}}]
      """
    let scene = try SpecFixture.scene(spec, csv: csv).scene
    XCTAssertEqual(
      scene.groups(role: "axis-x")[0].texts.map(\.plainText), ["Reasoning", "Coding", "Math"],
      "each category's first row names it")
    let linear = spec.replacingOccurrences(of: "scale: categorical, ", with: "")
    let error = try XCTUnwrap(SpecFixture.error(linear, csv: csv))
    XCTAssertTrue(error.description.contains("figure.yaml:3:"), error.description)
    XCTAssertTrue(error.description.contains("scale: categorical"), error.description)
  }
}
