import Foundation
import VellumScene
import VellumTestSupport
import XCTest

/// Text computed from data: template fields in legend labels (per series), titles, axis labels and annotations;
/// text labels with a format; reference lines at a column's values or a statistic per group, labelled at the line;
/// annotations placed in their own coordinates with matplotlib's arrow styles.
final class TextFromDataTests: XCTestCase {
  private static let csv = """
    model,fpr,tpr,auc,gain
    A,0,0,0.91234,0.30000000000000004
    A,0.5,0.9,0.91234,14.400000000000006
    A,1,1,0.91234,-0.10000000000000142
    B,0,0,0.7,1
    B,0.5,0.6,0.7,2
    B,1,1,0.7,3
    """

  /// Every text drawn in the scene, its runs joined, in drawing order.
  private func texts(_ nodes: [SceneNode]) -> [String] {
    nodes.flatMap { node -> [String] in
      switch node {
      case .text(let text): return [text.runs.map { $0.text ?? "" }.joined()]
      case .group(let group): return texts(group.children)
      case .clip(let clip): return texts(clip.children)
      default: return []
      }
    }
  }

  private func drawn(_ spec: String) throws -> [String] {
    texts(try SpecFixture.scene(spec, csv: Self.csv).scene.nodes)
  }

  func testLegendLabelsAreFilledPerSeries() throws {
    let texts = try drawn(
      """
      data: {roc: data.csv}
      axes:
        layers:
          - line: {x: fpr, y: tpr, group: model, label: '{model} (AUC = {auc:.3f})'}
      """)
    XCTAssertTrue(texts.contains("A (AUC = 0.912)"), "\(texts)")
    XCTAssertTrue(texts.contains("B (AUC = 0.700)"), "\(texts)")
  }

  func testAColumnWithSeveralValuesInOneSeriesIsALocatedError() {
    let error = SpecFixture.error(
      """
      data: {roc: data.csv}
      axes:
        layers:
          - line: {x: fpr, y: tpr, group: model, label: '{model}: {tpr:.2f}'}
      """, csv: Self.csv)
    XCTAssertEqual(error?.location?.line, 4)
    XCTAssertTrue(error?.message.contains("several values") == true, "\(String(describing: error))")
  }

  func testTitlesLabelsAndAnnotationsReadOneValuedColumnsAndOtherSources() throws {
    let texts = try drawn(
      """
      data: {roc: data.csv, summary: {values: {ece: [0.04213], n: [12345]}}}
      title: 'n = {summary.n:,d}'
      axes:
        title: 'ECE {summary.ece:.1%}'
        x: {label: 'FPR at ECE {summary.ece:.3f}'}
        layers:
          - line: {data: roc, x: fpr, y: tpr, group: model}
          - text: {text: 'ECE = {summary.ece:.2%}', x: 0.05, y: 0.9, coordinates: axes}
      """)
    for expected in ["n = 12,345", "ECE 4.2%", "FPR at ECE 0.042", "ECE = 4.21%"] {
      XCTAssertTrue(texts.contains(expected), "\(expected) in \(texts)")
    }
    let error = SpecFixture.error(
      """
      data: {roc: data.csv}
      axes:
        title: 'AUC {aucc:.3f}'
        layers:
          - line: {x: fpr, y: tpr, group: model}
      """, csv: Self.csv)
    XCTAssertEqual(error?.location?.line, 3)
    XCTAssertTrue(error?.message.contains("did you mean {auc}") == true, "\(String(describing: error))")
  }

  func testTeXBracesStayTeX() throws {
    let texts = try drawn(
      """
      data: {roc: data.csv}
      axes:
        x: {label: '$10^{3}$ \\textbf{steps}'}
        layers:
          - line: {x: fpr, y: tpr}
      """)
    XCTAssertFalse(texts.contains { $0.contains("{") }, "\(texts)")
  }

  func testTextLabelsWriteComputedNumbersWithoutFloatNoise() throws {
    let plain = try drawn(
      """
      data: {roc: data.csv}
      axes:
        layers:
          - text: {text: {column: gain}, x: fpr, y: tpr, transform: [{calculate: {as: gain, expr: 'gain * 1'}}]}
      """)
    XCTAssertTrue(plain.contains("0.3") && plain.contains("14.4") && plain.contains("-0.1"), "\(plain)")
    let formatted = try drawn(
      """
      data: {roc: data.csv}
      axes:
        layers:
          - text: {text: {column: gain, format: '+.1f'}, x: fpr, y: tpr}
      """)
    XCTAssertTrue(
      formatted.contains("+0.3") && formatted.contains("+14.4") && formatted.contains("-0.1"), "\(formatted)")
  }

  private func lines(_ scene: Scene, prefix: String) -> [PathNode] {
    scene.groups(prefix: prefix).flatMap(\.paths)
  }

  func testReferenceLinesFromAColumnAndFromAStatisticPerGroup() throws {
    let (scene, _) = try SpecFixture.scene(
      """
      data: {roc: data.csv, restarts: {values: {step: [0.25, 0.75]}}}
      axes:
        x: {limits: [0, 1]}
        layers:
          - line: {data: roc, x: fpr, y: tpr, group: model}
          - vline: {data: restarts, x: step, color: grey, label: restart, label_position: end}
          - hline: {data: roc, y: {stat: mean, of: tpr}, group: model, dash: dashed, label: 'mean {model}'}
      """, csv: Self.csv)
    let restarts = lines(scene, prefix: "vline-")
    XCTAssertEqual(restarts.count, 2)
    let plot = try XCTUnwrap(scene.groups(role: "axes-0").first?.clipRect)
    let xs = restarts.map { $0.points[0].x }.sorted()
    XCTAssertEqual(xs[0], plot.minX + 0.25 * plot.width, accuracy: 0.01)
    XCTAssertEqual(xs[1], plot.minX + 0.75 * plot.width, accuracy: 0.01)
    // One mean line per model, in the model's colour: A's tpr mean is 1.9/3, B's 1.6/3.
    let means = lines(scene, prefix: "hline-")
    XCTAssertEqual(means.count, 2)
    let series = scene.groups(prefix: "series-").flatMap(\.paths)
    XCTAssertEqual(
      Set(means.compactMap { $0.stroke?.paint.color.hex }), Set(series.compactMap { $0.stroke?.paint.color.hex }))
    let texts = texts(scene.nodes)
    XCTAssertEqual(texts.filter { $0 == "restart" }.count, 2, "written at each line, not in the legend: \(texts)")
    XCTAssertTrue(texts.contains("mean A") && texts.contains("mean B"), "\(texts)")
    let error = SpecFixture.error(
      """
      data: {roc: data.csv}
      axes:
        layers:
          - vline: {x: {stat: mode, of: fpr}}
      """, csv: Self.csv)
    XCTAssertEqual(error?.location?.line, 4)
  }

  func testSpansBetweenTwoColumnsPerRow() throws {
    let (scene, _) = try SpecFixture.scene(
      """
      data: {roc: data.csv, outages: {values: {start: [0.1, 0.6], end: [0.2, 0.9]}}}
      axes:
        x: {limits: [0, 1]}
        layers:
          - line: {data: roc, x: fpr, y: tpr}
          - vspan: {data: outages, x: [start, end], color: grey, alpha: 0.3, label: outage}
      """, csv: Self.csv)
    let plot = try XCTUnwrap(scene.groups(role: "axes-0").first?.clipRect)
    let band = try XCTUnwrap(scene.groups(prefix: "vspan-").first?.paths.first)
    let xs = Set(band.points.map { (($0.x - plot.minX) / plot.width * 1000).rounded() / 1000 })
    XCTAssertEqual(xs, [0.1, 0.2, 0.6, 0.9])
    XCTAssertNotNil(
      SpecFixture.error(
        """
        data: {roc: data.csv}
        axes:
          layers:
            - vspan: {x: [fpr, tpr], label: a, id: b, color: red, data: roc, group: model, dash: dashed}
        """, csv: Self.csv))
  }

  func testArrowStylesAndTextCoordinates() throws {
    func arrow(_ style: String) throws -> [PathNode] {
      let (scene, _) = try SpecFixture.scene(
        """
        axes:
          x: {limits: [0, 10]}
          y: {limits: [0, 10]}
          layers:
            - text: {id: a, text: 'best', x: 5, y: 5, text_at: [1, 9], arrow: \(style)}
        """)
      return try XCTUnwrap(scene.groups(role: "annotations").first).paths
    }
    // An open head is stroked, never filled; a filled head is one more path.
    let open = try arrow("'->'")
    XCTAssertEqual(open.count, 1)
    XCTAssertNil(open[0].fill)
    XCTAssertEqual(open[0].segments.filter { if case .move = $0 { true } else { false } }.count, 2)
    let filled = try arrow("'-|>'")
    XCTAssertEqual(filled.count, 2)
    XCTAssertNotNil(filled[1].fill)
    XCTAssertEqual(try arrow("'<->'")[0].segments.filter { if case .move = $0 { true } else { false } }.count, 3)
    XCTAssertNotNil(try arrow("fancy")[0].fill)
    // arc3 bows the path away from the straight line between its ends.
    let curved = try arrow("{style: '-', connection: 'arc3,rad=0.3'}")[0].points
    let straight = try arrow("'-'")[0].points
    let middle = curved[curved.count / 2]
    let (a, b) = (straight.first!, straight.last!)
    let away = abs((b.x - a.x) * (a.y - middle.y) - (a.x - middle.x) * (b.y - a.y)) / hypot(b.x - a.x, b.y - a.y)
    XCTAssertGreaterThan(away, 10)
    XCTAssertNotNil(
      SpecFixture.error(
        """
        axes:
          layers:
            - text: {text: 'x', x: 1, y: 1, text_at: [2, 2], offset: [3, 3]}
        """))
    XCTAssertNotNil(
      SpecFixture.error(
        """
        axes:
          layers:
            - text: {text: 'x', x: 1, y: 1, text_at: [2, 2], arrow: {connection: 'arc4,rad=1'}}
        """))
  }
}
