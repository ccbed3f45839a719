import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// Bars dodged by one column and stacked by the layer's groups (grouped-and-stacked bars), value labels in each
/// segment and past each stack, and a hatch that follows a column through the figure's hatch scale.
final class GroupedStackedBarTests: XCTestCase {
  private static let csv = """
    model,batch,stage,ms
    A,b1,prefill,10
    A,b1,decode,30
    A,b16,prefill,25
    A,b16,decode,60
    B,b1,prefill,12
    B,b1,decode,1
    B,b16,prefill,20
    B,b16,decode,50

    """

  private static func spec(_ extra: String = "", labels: String = "{place: center, totals: true}") -> String {
    """
    size: [4in, 3in]
    data: {d: data.csv}
    axes:
      x: {scale: categorical}
      layers:
        - bar: {x: model, y: ms, group: stage, dodge: batch, hatch: {column: batch}, value_labels: \(labels)\(extra)}
    """
  }

  /// Each bar's extent on the page, by its series' group id.
  private func bars(_ scene: Scene) -> [String: [Rect]] {
    var found: [String: [Rect]] = [:]
    for group in scene.groups(prefix: "bars-") {
      found[group.role] = group.paths.filter { $0.fill != nil }.map { path in
        let points = path.segments.compactMap { segment -> Point? in
          if case .move(let p) = segment { return p }
          if case .line(let p) = segment { return p }
          return nil
        }
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
      }
    }
    return found
  }

  func testDodgedValuesStandSideBySideEachAStackOfTheGroups() throws {
    let scene = try SpecFixture.scene(Self.spec(), csv: Self.csv).scene
    let found = bars(scene)
    // Split by stage (group) and batch (hatch): four series of two bars.
    let prefillB1 = try XCTUnwrap(found["bars-ms-prefill-b1"])
    let decodeB1 = try XCTUnwrap(found["bars-ms-decode-b1"])
    let prefillB16 = try XCTUnwrap(found["bars-ms-prefill-b16"])
    let decodeB16 = try XCTUnwrap(found["bars-ms-decode-b16"])
    // At model A: batch 1 left of batch 16, side by side, each 0.4 of a category wide.
    XCTAssertLessThan(prefillB1[0].maxX, prefillB16[0].minX + 0.01)
    XCTAssertEqual(prefillB1[0].width, prefillB16[0].width, accuracy: 1e-9)
    XCTAssertEqual(prefillB1[0].minX, decodeB1[0].minX, accuracy: 1e-9, "decode stacks on prefill in its slot")
    XCTAssertEqual(decodeB1[0].maxY, prefillB1[0].minY, accuracy: 1e-6, "decode starts where prefill ends")
    // Heights in proportion to the values: 30 over 10, and 60 over 25.
    XCTAssertEqual(decodeB1[0].height / prefillB1[0].height, 3, accuracy: 1e-6)
    XCTAssertEqual(decodeB16[0].height / prefillB16[0].height, 60.0 / 25, accuracy: 1e-6)
  }

  func testSegmentLabelsSitInTheirMiddleTotalsPastTheStackAndTooSmallOnesAreLeftOut() throws {
    let scene = try SpecFixture.scene(Self.spec(), csv: Self.csv).scene
    let texts = scene.groups(prefix: "annotations").flatMap(\.texts).map(\.plainText)
    // B's decode at batch 1 (1 ms) is too thin for its label; every other segment and all four totals are written.
    XCTAssertEqual(texts.filter { $0 == "1" }.count, 0, "\(texts)")
    for value in ["10", "30", "25", "60", "12", "20", "50", "40", "85", "13", "70"] {
      XCTAssertTrue(texts.contains(value), "\(value) missing from \(texts)")
    }
    let totalsOnly = try SpecFixture.scene(Self.spec(labels: "{place: none, totals: true}"), csv: Self.csv).scene
    XCTAssertEqual(
      totalsOnly.groups(prefix: "annotations").flatMap(\.texts).map(\.plainText).sorted(), ["13", "40", "70", "85"])
  }

  func testAHatchColumnTakesItsPatternsFromTheHatchScaleAndGetsItsOwnLegend() throws {
    let pinned = Self.spec() + "\n  legend: [{scale: hatch}, {scale: color}]\nscales: {hatch: {hatches: {b1: xx}}}"
    let scene = try SpecFixture.scene(pinned, csv: Self.csv).scene
    let patterns = scene.groups(prefix: "bars-").map { group in
      (group.role, group.paths.compactMap(\.pattern).first)
    }
    // b1 pinned to 'xx' (both diagonals, 12 per inch each: 13 lines across the tile each way), b16 the range's first
    // unpinned hatch: none.
    for (role, pattern) in patterns {
      if role.hasSuffix("-b1") {
        let lines = try XCTUnwrap(pattern, role).lines
        XCTAssertEqual(lines.filter { if case .move = $0 { true } else { false } }.count, 26, role)
      } else {
        XCTAssertNil(pattern, role)
      }
    }
    let legends = scene.groups(role: "legend")
    XCTAssertEqual(legends.count, 2)
    let hatchEntries = legends[0].groups(prefix: "legend-")
    XCTAssertEqual(hatchEntries.flatMap(\.texts).map(\.plainText), ["b1", "b16"])
    // Black hatching on white, as matplotlib's Patch(facecolor='white', hatch=…) proxies.
    let handle = try XCTUnwrap(hatchEntries[0].paths.first { $0.pattern != nil })
    XCTAssertEqual(handle.pattern?.paint.color.hex, "#000000")
    XCTAssertTrue(hatchEntries[0].paths.contains { $0.fill?.color.hex == "#ffffff" })
    // The colour legend's patches are plain.
    XCTAssertTrue(legends[1].groups(prefix: "legend-").flatMap(\.paths).allSatisfy { $0.pattern == nil })
  }

  func testDodgeWithStackedFalseAndTotalsWithoutStacksAreLocated() throws {
    let error = SpecFixture.error(Self.spec(", stacked: false"), csv: Self.csv)
    XCTAssertEqual(error?.location?.line, 6)
    XCTAssertTrue(error?.message.contains("drop stacked: false") == true, "\(String(describing: error))")
    let totals = SpecFixture.error(
      "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  layers:\n    - bar: {x: step, y: loss, value_labels: {totals: true}}\n"
    )
    XCTAssertTrue(totals?.message.contains("add stacked: true or dodge") == true, "\(String(describing: totals))")
    XCTAssertEqual(totals?.location?.line, 5)
  }
}
