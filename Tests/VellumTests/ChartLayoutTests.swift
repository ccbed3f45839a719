import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

@testable import VellumData
@testable import VellumLayout
@testable import VellumSpec
@testable import VellumTypesetting

/// Legend placement, panel geometry and bar geometry.
final class ChartLayoutTests: XCTestCase {
  private func fixtureScene(_ spec: String, csv: String = SpecFixture.csv) throws -> Scene {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", csv)
    return try FigureRenderer().scene(specPath: try fixture.write("figure.yaml", spec))
  }

  private func groups(_ scene: Scene, prefix: String) -> [Group] {
    var found: [Group] = []
    func visit(_ node: SceneNode) {
      switch node {
      case .group(let group):
        if group.role.hasPrefix(prefix) { found.append(group) }
        group.children.forEach(visit)
      case .clip(let clip): clip.children.forEach(visit)
      default: break
      }
    }
    scene.nodes.forEach(visit)
    return found
  }

  private func clipRects(_ scene: Scene) -> [Rect] {
    scene.nodes.compactMap { node -> Rect? in
      guard case .group(let group) = node, group.role.hasPrefix("axes-") else { return nil }
      for case .clip(let clip) in group.children { return clip.rect }
      return nil
    }
  }

  func testBestLegendAvoidsTheData() throws {
    let families = FontFamilies(
      roman: "CMU Serif", sans: "CMU Sans Serif", mono: "CMU Typewriter Text", math: "Latin Modern Math")
    let setter = TextSetter(families: families)
    var spec = LegendSpec(baseFont: FontSpec(family: "CMU Serif", familyLocation: nil, size: 10))
    spec.location = .best
    let layer = ResolvedLayer(
      geometry: ReferenceLineMark.Geometry(
        axis: .y, values: [0], style: LineStyle(color: .black, alpha: 1, width: 1, dash: .solid), label: nil,
        labelPosition: .legend),
      role: "hline-a", legendLabel: Located("a line", at: nil))
    let legend = try LegendLayout(spec: spec, layers: [layer], setter: setter)
    let plot = Rect(x: 0, y: 0, width: 300, height: 200)
    // Data crowding the upper right pushes the legend to the next spot in matplotlib's order, upper left.
    let crowded = (0..<50).map { Point(200 + Double($0 % 10) * 10, Double($0 / 10) * 10) }
    let box = legend.placement(plot: plot, covered: crowded)
    XCTAssertLessThan(box.minX, 50)
    XCTAssertLessThan(box.minY, 20)
    // Data everywhere above the middle: the legend goes to the lower left.
    let top = (0..<300).map { Point(Double($0), Double($0 % 90)) }
    let lower = legend.placement(plot: plot, covered: top)
    XCTAssertGreaterThan(lower.minY, 100)
    XCTAssertFalse(top.contains { lower.contains($0) })
  }

  func testPanelGridGivesEqualAlignedPlotsInsideTheCanvas() throws {
    let spec = PackagePaths.examples.appendingPathComponent("panels.yaml").path
    let scene = try FigureRenderer().scene(specPath: spec)
    let rects = clipRects(scene)
    XCTAssertEqual(rects.count, 3)
    for rect in rects.dropFirst() {
      XCTAssertEqual(rect.width, rects[0].width, accuracy: 1e-9)
      XCTAssertEqual(rect.height, rects[0].height, accuracy: 1e-9)
      XCTAssertEqual(rect.minY, rects[0].minY, accuracy: 1e-9)
    }
    XCTAssertLessThan(rects[0].maxX, rects[1].minX)
    XCTAssertLessThan(rects[1].maxX, rects[2].minX)
    // Shared y: only the first panel labels its y ticks.
    let yAxes = groups(scene, prefix: "axis-y")
    XCTAssertEqual(yAxes.count, 3)
    XCTAssertTrue(yAxes[0].children.contains { if case .text = $0 { return true } else { return false } })
    for axis in yAxes.dropFirst() {
      XCTAssertFalse(axis.children.contains { if case .text = $0 { return true } else { return false } })
    }
    XCTAssertEqual(groups(scene, prefix: "panel-label").count, 3)
    XCTAssertEqual(groups(scene, prefix: "figure-legend").count, 1)
    // The figure legend sits above the panels, inside the canvas, centred over them.
    let legend = try XCTUnwrap(groups(scene, prefix: "legend").first { $0.role == "legend" })
    let corner = try XCTUnwrap(legend.translation)
    XCTAssertGreaterThanOrEqual(corner.y, 0)
    XCTAssertLessThan(corner.y, rects.map(\.minY).min()! - 10)
    XCTAssertGreaterThan(corner.x, rects[0].minX)
    XCTAssertLessThan(corner.x, rects[1].maxX)
  }

  func testTwoByTwoGridWithSharedXHidesInnerXLabels() throws {
    let panel = "  - {title: P, x: {label: Step}, y: {label: Loss}, layers: [{line: {x: step, y: loss}}]}\n"
    let spec =
      "size: [6in, 5in]\ndata: {runs: data.csv}\npanels: {rows: 2, columns: 2, share_x: true}\naxes:\n"
      + String(repeating: panel, count: 4)
    let scene = try fixtureScene(spec)
    let rects = clipRects(scene)
    XCTAssertEqual(rects.count, 4)
    XCTAssertEqual(rects[0].minX, rects[2].minX, accuracy: 1e-9)
    XCTAssertEqual(rects[0].minY, rects[1].minY, accuracy: 1e-9)
    XCTAssertLessThan(rects[0].maxY, rects[2].minY)
    let xAxes = groups(scene, prefix: "axis-x")
    let labelled = xAxes.map { $0.children.contains { if case .text = $0 { return true } else { return false } } }
    XCTAssertEqual(labelled, [false, false, true, true])
  }

  func testGroupedBarsSitSideBySideAndStackedBarsPile() throws {
    let base = "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  x: {scale: categorical}\n  layers:\n"
    let spec = try Figure(text: base + "    - bar: {x: cat, y: value, group: method, width: 0.8}\n", name: "t.yaml")
      .spec
    let layers = try resolve(
      spec.axes[0].layers,
      data: [
        .series([
          SeriesData(name: "m1", x: .categorical(["A", "B"]), values: ["y": [1, 3]], keys: ["method": "m1"]),
          SeriesData(name: "m2", x: .categorical(["A", "B"]), values: ["y": [2, 4]], keys: ["method": "m2"]),
        ])
      ])
    guard let first = (layers[0].geometry as? BarMark.Geometry)?.bars,
      let second = (layers[1].geometry as? BarMark.Geometry)?.bars
    else {
      return XCTFail("expected bars")
    }
    XCTAssertEqual(first.map(\.position), [-0.2, 0.8])
    XCTAssertEqual(second.map(\.position), [0.2, 1.2])
    XCTAssertEqual(first[0].width, 0.4, accuracy: 1e-12)
    XCTAssertNotEqual(layers[0].role, layers[1].role)

    let stackedSpec = try Figure(
      text: base + "    - bar: {x: cat, y: value, group: method, stacked: true}\n", name: "t.yaml"
    ).spec
    let stacked = try resolve(
      stackedSpec.axes[0].layers,
      data: [
        .series([
          SeriesData(name: "m1", x: .categorical(["A", "B"]), values: ["y": [1, 3]], keys: ["method": "m1"]),
          SeriesData(name: "m2", x: .categorical(["A", "B"]), values: ["y": [2, 4]], keys: ["method": "m2"]),
        ])
      ])
    guard let lower = (stacked[0].geometry as? BarMark.Geometry)?.bars,
      let upper = (stacked[1].geometry as? BarMark.Geometry)?.bars
    else {
      return XCTFail("expected bars")
    }
    XCTAssertEqual(lower.map(\.base), [0, 0])
    XCTAssertEqual(upper.map(\.base), [1, 3])
    XCTAssertEqual(upper.map(\.value), [3, 7])
  }

  func testBarWidthIsInXUnitsAndBarWidthIsPerBar() throws {
    let base = "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  layers:\n"
    let data: [LayerData] = [
      .series([
        SeriesData(name: "m1", x: .numeric([0, 30]), values: ["y": [1, 3]], keys: ["method": "m1"]),
        SeriesData(name: "m2", x: .numeric([0, 30]), values: ["y": [2, 4]], keys: ["method": "m2"]),
      ])
    ]
    // matplotlib's meaning: bar(x ± width / 2, width=w) for each group, offsets of one bar width.
    let perBar = try Figure(
      text: base + "    - bar: {x: cat, y: value, group: method, bar_width: 10}\n", name: "t.yaml"
    ).spec
    let bars = try resolve(perBar.axes[0].layers, data: data).map { ($0.geometry as! BarMark.Geometry).bars }
    XCTAssertEqual(bars[0].map(\.position), [-5, 25])
    XCTAssertEqual(bars[1].map(\.position), [5, 35])
    XCTAssertEqual(bars[0][0].width, 10)
    // `width` spans a group's bars together, in x units (more than 1 on a numeric axis).
    let group = try Figure(text: base + "    - bar: {x: cat, y: value, group: method, width: 20}\n", name: "t.yaml")
      .spec
    let grouped = try resolve(group.axes[0].layers, data: data).map { ($0.geometry as! BarMark.Geometry).bars }
    XCTAssertEqual(grouped[0][0].width, 10)
    XCTAssertEqual(grouped[1].map(\.position), [5, 35])
    // `bar_width: {column}`: each bar its own width (matplotlib's bar(width=array)); a bar without one is left out.
    let widths: [LayerData] = [
      .series([SeriesData(name: nil, x: .numeric([0, 30, 60]), values: ["y": [1, 3, 2], "width": [4, 12, .nan]])])
    ]
    let fromColumn = try Figure(text: base + "    - bar: {x: cat, y: value, bar_width: {column: w}}\n", name: "t.yaml")
      .spec
    let own = try resolve(fromColumn.axes[0].layers, data: widths).map { ($0.geometry as! BarMark.Geometry).bars }
    XCTAssertEqual(own[0].prefix(2).map(\.width), [4, 12])
    XCTAssertEqual(own[0].prefix(2).map(\.position), [0, 30])
    XCTAssertTrue(own[0][2].width.isNaN)
    XCTAssertThrowsError(
      try Figure(text: base + "    - bar: {x: cat, y: value, width: 0.5, bar_width: 0.2}\n", name: "t.yaml")
    ) { error in
      XCTAssertTrue("\(error)".contains("not both"), "\(error)")
    }
  }

  /// A Python format spec writes value labels as text templates write numbers; a bad one is refused where written.
  func testValueLabelsTakeAPythonFormatSpec() throws {
    func labels(_ format: String) throws -> [String] {
      let scene = try fixtureScene(
        "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  layers:\n    - bar: {x: step, y: loss, value_labels: '\(format)'}\n"
      )
      return groups(scene, prefix: "annotations")[0].children.compactMap { node -> String? in
        if case .text(let text) = node { return text.plainText } else { return nil }
      }
    }
    XCTAssertEqual(try labels("+.1%"), ["+100.0%", "+50.0%", "+25.0%"])
    XCTAssertEqual(try labels(".2f"), ["1.00", "0.50", "0.25"])
    XCTAssertEqual(try labels("%.1f"), ["1.0", "0.5", "0.2"], "printf still works (%.1f rounds 0.25 to even)")
    XCTAssertThrowsError(
      try fixtureScene(
        "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  layers:\n    - bar: {x: step, y: loss, value_labels: 'q'}\n"))
  }

  func testValueLabelsHaveTheirOwnFormatSizeAndPadAndErrorsTheirWidth() throws {
    let scene = try fixtureScene(
      "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  layers:\n    - bar: {x: step, y: loss, error: loss, "
        + "error_width: 2.5, value_labels: {format: '%.2f', size: 7, pad: 6}}\n")
    let annotations = groups(scene, prefix: "annotations")[0].children.compactMap { node -> TextNode? in
      if case .text(let text) = node { return text } else { return nil }
    }
    XCTAssertEqual(annotations.map(\.plainText), ["1.00", "0.50", "0.25"])
    XCTAssertEqual(annotations[0].runs[0].font.size, 7)
    let bars = groups(scene, prefix: "bars-")[0]
    let whiskers = bars.children.compactMap { node -> PathNode? in
      if case .path(let path) = node, path.fill == nil { return path } else { return nil }
    }
    XCTAssertEqual(whiskers.count, 3)
    XCTAssertTrue(whiskers.allSatisfy { $0.stroke?.width == 2.5 })
    // The pad moves the label off the whisker's end: 6 pt instead of the default 2.
    let defaultPad = try fixtureScene(
      "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  layers:\n    - bar: {x: step, y: loss, error: loss, "
        + "error_width: 2.5, value_labels: {format: '%.2f', size: 7}}\n")
    let near = groups(defaultPad, prefix: "annotations")[0].children.compactMap { node -> TextNode? in
      if case .text(let text) = node { return text } else { return nil }
    }
    // Measured from the whisker's end: the layout makes room for the labels, so the plots differ a little.
    func whiskerTop(_ scene: Scene) -> Double {
      let bars = groups(scene, prefix: "bars-")[0]
      let whisker = bars.children.compactMap { node -> PathNode? in
        if case .path(let path) = node, path.fill == nil { return path } else { return nil }
      }[0]
      return whisker.points.map(\.y).min()!
    }
    XCTAssertEqual(
      (whiskerTop(scene) - annotations[0].origin.y) - (whiskerTop(defaultPad) - near[0].origin.y), 4, accuracy: 1e-9)
  }

  func testMarginsOverridePadPerSide() throws {
    let base =
      "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  frame: none\n  layers:\n    - line: {x: step, y: loss}\n"
    let plain = clipRects(try fixtureScene(base))[0]
    let wide = clipRects(try fixtureScene("margins: {left: 1in, top: 30pt}\n" + base))[0]
    // The left side gains 72 − 10.8 pt of padding, the top 30 − 10.8; right and bottom keep the pad.
    XCTAssertEqual(wide.minX - plain.minX, 72 - 10.8, accuracy: 1e-6)
    XCTAssertEqual(wide.minY - plain.minY, 30 - 10.8, accuracy: 1e-6)
    XCTAssertEqual(wide.maxX, plain.maxX, accuracy: 1e-6)
    XCTAssertEqual(wide.maxY, plain.maxY, accuracy: 1e-6)
    XCTAssertThrowsError(try fixtureScene("margins: {left: wide}\n" + base)) { error in
      XCTAssertTrue("\(error)".contains("1:17: error: expected a margin such as 0.3in"), "\(error)")
    }
  }

  /// seaborn's despine(offset=5): the chosen spines stand 5 pt outside the plot and their ticks go with them.
  func testSpinesPerSideWithAnOffset() throws {
    let spec =
      "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  frame: {top: false, right: false, offset: 5}\n  layers:\n"
      + "    - line: {x: step, y: loss}\n"
    let scene = try fixtureScene(spec)
    let plot = clipRects(scene)[0]
    let spines = scene.groups(role: "frame")[0].paths.map(\.points)
    XCTAssertEqual(spines.count, 2, "bottom and left only")
    XCTAssertEqual(spines[0].map(\.y), [plot.maxY + 5, plot.maxY + 5])
    XCTAssertEqual(spines[1].map(\.x), [plot.minX - 5, plot.minX - 5])
    // The x axis's tick marks start at the moved spine.
    let ticks = try XCTUnwrap(scene.groups(role: "axis-x")[0].paths.first).points
    XCTAssertEqual(ticks.map(\.y).min()!, plot.maxY + 5, accuracy: 1e-9)
  }

  func testWspaceIsAFractionOfTheMeanPlotWidth() throws {
    let panel = "  - layers:\n      - line: {x: step, y: loss}\n"
    let spec =
      "size: [6in, 3in]\ndata: {d: data.csv}\npanels: {columns: 3, wspace: 0.5, hspace: 0.2}\naxes:\n"
      + String(repeating: panel, count: 3)
    let rects = clipRects(try fixtureScene(spec))
    XCTAssertEqual(rects.count, 3)
    // matplotlib's subplots_adjust(wspace=0.5): the gap between plots is half the mean plot width.
    XCTAssertEqual(rects[1].minX - rects[0].maxX, 0.5 * rects[0].width, accuracy: 1e-6)
    XCTAssertEqual(rects[2].minX - rects[1].maxX, 0.5 * rects[0].width, accuracy: 1e-6)
    XCTAssertEqual(rects[0].width, rects[2].width, accuracy: 1e-9)
  }

  func testTextInAxesAndFigureFractionsDoesNotMoveTheLimits() throws {
    let base = "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  layers:\n    - line: {x: step, y: loss}\n"
    let plainScene = try fixtureScene(base)
    // Text at a point off the plot, or in figure fractions, leaves the limits and the layout alone.
    let offPlot = try fixtureScene(
      base + "    - text: {text: far, x: 100, y: 100}\n"
        + "    - text: {text: fig, x: 0.5, y: 0.02, coordinates: figure, anchor: middle}\n")
    XCTAssertEqual(clipRects(offPlot), clipRects(plainScene))
    XCTAssertEqual(
      groups(offPlot, prefix: "axis-x")[0].texts.map(\.plainText),
      groups(plainScene, prefix: "axis-x")[0].texts.map(\.plainText))
    // Text at the plot's corner reaching above it gets room, as matplotlib's tight_layout counts every artist.
    let scene = try fixtureScene(
      base + "    - text: {text: corner, x: 0, y: 1, coordinates: axes, anchor: start}\n"
        + "    - text: {text: far, x: 100, y: 100}\n"
        + "    - text: {text: fig, x: 0.5, y: 0.02, coordinates: figure, anchor: middle}\n")
    XCTAssertGreaterThan(clipRects(scene)[0].minY, clipRects(plainScene)[0].minY + 2)
    let plot = clipRects(scene)[0]
    let texts = groups(scene, prefix: "annotations")[0].children.compactMap { node -> TextNode? in
      if case .text(let text) = node { return text } else { return nil }
    }
    let corner = texts.first { $0.plainText == "corner" }!
    XCTAssertEqual(corner.origin.x, plot.minX, accuracy: 1e-9)
    let figure = texts.first { $0.plainText == "fig" }!
    XCTAssertLessThan(figure.origin.y, 216)
    XCTAssertGreaterThan(figure.origin.y, 216 - 10)
    // The far point is off the canvas: nothing moves it back; a warning says so.
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let (_, warnings) = try Figure(
      contentsOf: try fixture.write("figure.yaml", base + "    - text: {text: far, x: 100, y: 100}\n")
    ).sceneReporting()
    XCTAssertEqual(warnings.count, 1)
    XCTAssertTrue(
      warnings[0].description.contains(":6:13: warning: the text 'far' at (100.0, 100.0) in data coordinates reaches"),
      warnings[0].description)
  }

  /// Resolves one panel's layers the way the figure compiler does, with a colour scale over their data.
  private func resolve(_ layers: [LayerSpec], data: [LayerData]) throws -> [ResolvedLayer] {
    let values = PanelScales.values(layers: layers, data: data)
    let scales = PanelScales(
      color: DiscreteScale(spec: .init(), range: Color.tab10, values: values[.color] ?? []),
      dash: DiscreteScale(spec: .init(), range: PanelScales.dashRange, values: []),
      marker: DiscreteScale(spec: .init(), range: PanelScales.markerRange, values: []),
      hatch: DiscreteScale(spec: .init(), range: PanelScales.hatchRange, values: []))
    var resolution = MarkResolution(palette: Color.tab10, scales: scales)
    return try zip(layers, data).flatMap { try $0.mark.resolve($1, in: &resolution) }
  }

  func testBarsStartTheValueAxisAtZero() throws {
    let scene = try fixtureScene(
      "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  layers:\n    - bar: {x: step, y: loss}\n")
    let bars = groups(scene, prefix: "bars-")
    XCTAssertEqual(bars.count, 1)
    let rects = clipRects(scene)
    // The tallest bar's base lies on the bottom spine: no margin below zero.
    guard case .path(let path) = bars[0].children[0] else { return XCTFail("expected a bar path") }
    let ys = path.segments.compactMap { segment -> Double? in
      if case .line(let p) = segment { return p.y } else { return nil }
    }
    XCTAssertEqual(ys.max()!, rects[0].maxY, accuracy: 1e-6)
  }

  func testGroupKeepsItsColorAcrossLayers() throws {
    let csv = "x,g,y,e\n0,a,1,0.1\n1,a,2,0.1\n0,b,2,0.1\n1,b,3,0.1\n"
    let scene = try fixtureScene(
      "data: {d: data.csv}\naxes:\n  layers:\n    - band: {x: x, center: y, error: e, group: g}\n    - line: {x: x, y: y, group: g}\n",
      csv: csv)
    func fill(_ role: String) -> RGB? {
      guard let group = groups(scene, prefix: role).first, case .path(let path) = group.children.first else {
        return nil
      }
      return path.fill?.color ?? path.stroke?.paint.color
    }
    XCTAssertEqual(fill("band-y-a"), fill("series-y-a"))
    XCTAssertEqual(fill("band-y-b"), fill("series-y-b"))
    XCTAssertNotEqual(fill("series-y-a"), fill("series-y-b"))
  }

  /// One builder serves every side: top and right axes mirror bottom and left, labels outside the plot.
  func testAxisGuideMirrorsAcrossSides() throws {
    let families = FontFamilies(
      roman: "CMU Serif", sans: "CMU Sans Serif", mono: "CMU Typewriter Text", math: "Latin Modern Math")
    let setter = TextSetter(families: families)
    let plot = Rect(x: 100, y: 100, width: 200, height: 150)
    let style = TickStyleSpec(
      direction: .out, length: 3.5, width: 0.8, labelSize: 10, pad: 3.5, mirror: false, color: .black)
    let ticks = AxisTicks(
      values: [0, 0.5, 1], labels: try ["0", "0.5", "1"].map { try setter.set(literal: $0, size: 10) })
    let label = try setter.set(literal: "Label", size: 10)
    var reaches: [AxisSide: Double] = [:]
    for side in [AxisSide.bottom, .top, .left, .right] {
      let (start, end) = side.runsAlongX ? (plot.minX, plot.maxX) : (plot.maxY, plot.minY)
      var guide = AxisGuide(
        side: side, scale: AxisScale(low: 0, high: 1, start: start, end: end), ticks: ticks, style: style)
      guide.label = (label, 4)
      var (offsets, overhangs): ([Rect], [Rect]) = ([], [])
      let (_, boxes) = guide.build(plot: plot, top: plot.minY, offsets: &offsets, overhangs: &overhangs)
      // The label counts only across the axis in the layout (matplotlib's for_layout_only); its whole box overhangs.
      XCTAssertEqual(overhangs.count, 1, "\(side): the axis label")
      XCTAssertEqual(side.runsAlongX ? boxes[4].width : boxes[4].height, 0, "\(side): the label's length left out")
      XCTAssertEqual(
        side.runsAlongX ? overhangs[0].width : overhangs[0].height, label.width, accuracy: 1e-9, "\(side)")
      // The tick marks' band first, reaching exactly their length out; then the text beyond it.
      XCTAssertEqual(boxes.count, 5, "\(side): the tick marks, three tick labels and the axis label")
      XCTAssertEqual(side.reach(of: boxes[0], plot: plot), 3.5, accuracy: 1e-9, "\(side): the ticks' band")
      for box in boxes {
        XCTAssertFalse(box.intersects(plot), "\(side): \(box) overlaps the plot")
      }
      for box in boxes.dropFirst() {
        XCTAssertGreaterThan(side.reach(of: box, plot: plot), 3.5, "\(side): text beyond the ticks")
      }
      reaches[side] = boxes.map { side.reach(of: $0, plot: plot) }.max()
    }
    // A top label stands on its baseline (matplotlib's va='baseline'), so it reaches its descent less far out.
    XCTAssertEqual(reaches[.bottom]! - label.descent, reaches[.top]!, accuracy: 1e-9)
    XCTAssertEqual(reaches[.left]!, reaches[.right]!, accuracy: 1e-9)
  }

  /// `aspect: equal` shrinks the plot about its centre so x and y units are equally long (square cells);
  /// a ratio scales y units against x units.
  func testAspectMakesUnitsEquallyLong() throws {
    let csv = "step,loss\n0,0\n4,2\n"
    for (aspect, ratio) in [("equal", 1.0), ("2", 2.0)] {
      let spec = """
        size: [6in, 3in]
        data: {d: data.csv}
        axes:
          aspect: \(aspect)
          x: {limits: [0, 4]}
          y: {limits: [0, 2]}
          layers: [{line: {x: step, y: loss}}]

        """
      let scene = try fixtureScene(spec, csv: csv)
      let plot = try XCTUnwrap(clipRects(scene).first)
      // 4 x units over 2 y units: height / width = 2 · ratio / 4.
      XCTAssertEqual(plot.height / plot.width, 0.5 * ratio, accuracy: 1e-9, "aspect \(aspect)")
    }
  }

  /// `x: {rotation: 45}` turns tick labels about their right end (matplotlib's `ha='right'`): long category
  /// names that would collide level stand clear of each other, below the plot; out-of-range angles are errors.
  func testRotatedTickLabelsDoNotCollide() throws {
    let csv = "task,score\nMathematical reasoning,1\nCode generation,2\nScientific question answering,3\n"
    let spec = """
      size: [3in, 3in]
      data: {d: data.csv}
      axes:
        x: {scale: categorical, rotation: 45}
        layers: [{bar: {x: task, y: score}}]

      """
    let scene = try fixtureScene(spec, csv: csv)
    let axis = try XCTUnwrap(groups(scene, prefix: "axis-x").first)
    let labels = axis.children.compactMap { node -> TextNode? in
      if case .text(let text) = node { return text } else { return nil }
    }
    XCTAssertEqual(labels.count, 3)
    XCTAssertTrue(labels.allSatisfy { $0.rotation == 45 })
    // Each label's end sits left of and below its start: the next label starts further right.
    let origins = labels.map(\.origin.x)
    XCTAssertEqual(origins, origins.sorted())
    XCTAssertGreaterThan(labels[0].origin.y, try XCTUnwrap(clipRects(scene).first).maxY)
    for (rotation, axis) in [("120", "x"), ("30", "y")] {
      let bad = spec.replacingOccurrences(
        of: "x: {scale: categorical, rotation: 45}", with: "\(axis): {rotation: \(rotation)}")
      XCTAssertThrowsError(try fixtureScene(bad, csv: csv)) { error in
        XCTAssertTrue("\(error)".contains("figure.yaml:4:"), "\(error)")
      }
    }
  }

  /// A figure title (suptitle) sits at the top, over a top figure legend, over the panels.
  func testFigureTitleStandsAboveTheLegendAndPanels() throws {
    let spec = PackagePaths.examples.appendingPathComponent("panels.yaml").path
    let text = try String(contentsOfFile: spec, encoding: .utf8).replacingOccurrences(
      of: "size: [7in, 2.6in]", with: "size: [7in, 2.6in]\ntitle: Three benchmarks")
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write(
      "panels.csv", try String(contentsOf: PackagePaths.examples.appendingPathComponent("panels.csv"), encoding: .utf8))
    let scene = try FigureRenderer().scene(specPath: try fixture.write("panels.yaml", text))
    let title = try XCTUnwrap(groups(scene, prefix: "figure-title").first)
    guard case .text(let node) = title.children.first else { return XCTFail("no title text") }
    let legend = try XCTUnwrap(groups(scene, prefix: "legend").first { $0.role == "legend" })
    XCTAssertLessThan(node.origin.y, try XCTUnwrap(legend.translation).y, "title baseline above the legend's top")
    XCTAssertLessThan(try XCTUnwrap(legend.translation).y, clipRects(scene).map(\.minY).min()!)
    XCTAssertEqual(scene.title, "Three benchmarks")
  }

  /// Bars on a log axis rise from the axis' bottom (matplotlib clips their zero base), not vanish.
  func testBarsOnALogAxisStartAtTheBottom() throws {
    let scene = try fixtureScene(
      "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  y: {scale: log}\n  layers:\n    - bar: {x: step, y: loss}\n")
    let bars = try XCTUnwrap(groups(scene, prefix: "bars-").first)
    let plot = try XCTUnwrap(clipRects(scene).first)
    XCTAssertEqual(bars.children.count, 3)
    for case .path(let path) in bars.children {
      let ys = path.segments.compactMap { segment -> Double? in
        switch segment {
        case .move(let p), .line(let p): return p.y
        default: return nil
        }
      }
      XCTAssertEqual(ys.max()!, plot.maxY, accuracy: 1e-6)
      XCTAssertLessThan(ys.min()!, plot.maxY - 1)
    }
  }

  /// Areas, bands, filled densities and filled histograms on a log axis fill down to its low edge, as bars do and
  /// matplotlib's clipped log scale draws them; a zero baseline used to land a million points above the plot.
  func testFillsOnALogAxisReachDownToItsLowEdge() throws {
    for layer in [
      "area: {x: step, y: loss}", "band: {x: step, lower: zero, upper: loss}",
      "density: {x: loss, fill: true}", "histogram: {x: loss, style: stepfilled}",
    ] {
      let csv = "step,loss,zero\n1,1,0\n2,10,0\n3,100,0\n"
      let scene = try fixtureScene(
        "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  y: {scale: log}\n  layers:\n    - \(layer)\n", csv: csv)
      let plot = try XCTUnwrap(clipRects(scene).first)
      let role = ["area": "area-", "band": "band-", "density": "density-", "histogram": "hist-"][
        String(layer.prefix { $0 != ":" })]!
      let fills = groups(scene, prefix: role).flatMap(\.paths).filter { $0.fill != nil }
      XCTAssertFalse(fills.isEmpty, layer)
      for path in fills {
        let ys = path.points.map(\.y)
        XCTAssertEqual(ys.max()!, plot.maxY, accuracy: 1e-6, layer)
        XCTAssertGreaterThanOrEqual(ys.min()!, plot.minY - 1e-6, layer)
      }
    }
  }

  /// Offset spines (despine) stand outside the plot on all four sides: the layout keeps room for the top and
  /// right ones too, which were drawn on the canvas edge.
  func testOffsetSpinesStayInsideTheCanvas() throws {
    let scene = try fixtureScene(
      "size: [4in, 3in]\ndata: {d: data.csv}\naxes:\n  frame: {offset: 10}\n  layers:\n"
        + "    - line: {x: step, y: loss}\n")
    let frame = try XCTUnwrap(groups(scene, prefix: "frame").first)
    let points = frame.paths.flatMap(\.points)
    XCTAssertEqual(points.count, 8)
    XCTAssertLessThanOrEqual(points.map(\.x).max()!, 288 - 4)
    XCTAssertGreaterThanOrEqual(points.map(\.y).min()!, 4)
  }

  /// `width_ratios` / `height_ratios` share the plot room as matplotlib's gridspec does; counts must match.
  func testPanelRatios() throws {
    let panel = "  - {x: {label: Step}, y: {label: Loss}, layers: [{line: {x: step, y: loss}}]}\n"
    let spec =
      "size: [6in, 5in]\ndata: {runs: data.csv}\npanels: {rows: 2, columns: 2, width_ratios: [2, 1], "
      + "height_ratios: [1, 3], share_x: true, share_y: true}\naxes:\n" + String(repeating: panel, count: 4)
    let rects = clipRects(try fixtureScene(spec))
    XCTAssertEqual(rects[0].width / rects[1].width, 2, accuracy: 1e-9)
    XCTAssertEqual(rects[2].height / rects[0].height, 3, accuracy: 1e-9)
    XCTAssertThrowsError(
      try fixtureScene(spec.replacingOccurrences(of: "width_ratios: [2, 1]", with: "width_ratios: [2]"))
    ) { error in XCTAssertTrue("\(error)".contains("expected 2 column ratios"), "\(error)") }
  }
}
