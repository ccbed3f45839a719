import Foundation
import VellumData
import VellumDiagnostics
import VellumScene
import VellumSpec

/// `contour` / `contourf`: lines of equal value, or the bands between them filled, over gridded data (long `x`, `y`,
/// `value` rows, one per grid point), as matplotlib's contour and contourf draw them: levels from MaxNLocator over
/// the data's range, marching squares with a saddle decided by the cell's mean, line colours from the colormap at
/// each level (or one colour, negative levels dashed), band colours at each band's middle.
struct ContourMark: Mark, SeriesLayerBody {
  /// How the levels are chosen: about this many (matplotlib's `levels=N`) or these values.
  enum Levels: Sendable {
    case count(Int)
    case values([Double])
  }

  var filled: Bool
  var common: SeriesCommon
  var y: Located<String>
  var value: Located<String>
  var levels: Levels
  var map: ContinuousColorSpec.Map
  /// One colour for every line instead of the colormap (negative levels then dashed, as matplotlib).
  var lineColor: Color?
  var width: Double
  /// Each line's level written along it (contour only).
  var labels: ContourLabels?
  var colorbar: ColorbarSpec?
  var location: SourceLocation

  static let lines = layerKind(filled: false)
  static let bands = layerKind(filled: true)

  /// At most this many grid points: a grid is drawn whole, cell by cell.
  static let gridLimit = 4_000_000
  /// At most this many levels.
  static let levelLimit = 1000

  private static func layerKind(filled: Bool) -> LayerKind {
    let name = filled ? "contourf" : "contour"
    var keys =
      SeriesCommon.valueColoredKeys(x: "the column of the grid points' x positions") + [
        SpecKey("y", SpecSchema.string, "the column of the grid points' y positions", example: "b"),
        SpecKey("value", SpecSchema.string, "the column of the values contoured", example: "loss"),
        SpecKey(
          "levels",
          .object([
            "anyOf": .array([
              SpecSchema.bounded(minimum: 1, maximum: Double(levelLimit), integer: true),
              SpecSchema.array(SpecSchema.number),
            ])
          ]),
          "about this many levels (matplotlib's MaxNLocator over the values' range), or the levels themselves, "
            + "increasing", defaultValue: 7, example: "[0.5, 1, 2, 4]"),
        ContinuousColorSpec.declaredKeys[0],
        SpecKey(
          "colorbar", ColorbarSpec.schema, "the colorbar: true, false or its options",
          defaultValue: !filled ? false : true),
      ]
    if !filled {
      keys += [
        SpecKey(
          "color", SpecSchema.color,
          "one colour for every line instead of the colormap; negative levels are then "
            + "dashed, as matplotlib's", default: "the colormap's colour at each level"),
        SpecKey("width", SpecSchema.measure, "line width in points", defaultValue: 1.5),
        SpecKey(
          "labels", ContourLabels.schema,
          "write each line's level along it, the line broken under it (matplotlib's clabel): true, a format, or "
            + "options", defaultValue: false),
      ]
    }
    return LayerKind(
      SpecObject(
        name,
        purpose: filled
          ? "The bands between contour levels filled with the colormap's colour at each band's middle (matplotlib's "
            + "contourf), over gridded data: one row per grid point."
          : "Lines of equal value (matplotlib's contour) over gridded data: one row per grid point, each level in "
            + "the colormap's colour at it.",
        keys: keys, required: ["x", "y", "value"],
        example: "{\(name): {x: a, y: b, value: loss, levels: 8}}"),
      decode: { try ContourMark(map: $0, context: $1, filled: filled) })
  }

  init(map: SpecMapping, context: LayerContext, filled: Bool) throws {
    self.filled = filled
    location = context.node.location
    common = try SeriesCommon(map: map, context: context, defaultAlpha: 1)
    y = try map.required("y") { try $0.located("a column name") }
    value = try map.required("value") { try $0.located("a column name") }
    levels =
      try map.optional("levels") { node -> Levels in
        if node.isSequence {
          let values = try node.list("a list of levels").map { try $0.double("a level") }
          guard !values.isEmpty, values.count <= Self.levelLimit else {
            throw node.error("expected 1 to \(Self.levelLimit) levels, found \(values.count)")
          }
          guard zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw node.error("contour levels must be increasing")
          }
          if filled, values.count < 2 { throw node.error("filled contours need at least two levels") }
          return .values(values)
        }
        let count = try node.int("a number of levels")
        guard (1...Self.levelLimit).contains(count) else {
          throw node.error("expected 1 to \(Self.levelLimit) levels, found \(count)")
        }
        return .count(count)
      } ?? .count(7)
    self.map =
      try map.optional("map") { try ContinuousColorSpec.decodeMap($0) } ?? .named(Located("viridis", at: nil))
    lineColor = try map.optional("color") { try decodeColor($0) }
    width = try map.optional("width") { try $0.measure("a line width") } ?? 1.5
    labels = try map.optional("labels") { try ContourLabels.decode($0) } ?? nil
    colorbar = try map.optional("colorbar") { try ColorbarSpec.decode($0) } ?? (filled ? ColorbarSpec() : nil)
  }

  var request: DataRequest? { DataRequest(series: common, channels: [("value", value)], yPosition: y) }

  func resolve(_ data: LayerData, in context: inout MarkResolution) throws -> [ResolvedLayer] {
    try data.series.map { series in
      let grid = try ContourGrid(
        x: context.positions(series.x, along: .x), y: context.positions(series.y ?? .numeric([]), along: .y),
        values: series["value"], at: value.location)
      let levels = try chosenLevels(grid)
      let points = grid.xs.count * grid.ys.count
      let sparse =
        grid.present * 2 < points
        ? VellumWarning(
          "the contour's grid has values at \(grid.present) of its \(points) points (\(grid.xs.count) x × "
            + "\(grid.ys.count) y values): contours need one row per grid point, and cells missing a corner are "
            + "left out", at: value.location) : nil
      var spec = ContinuousColorSpec(map: map)
      spec.limits = (levels.first!, levels.last! > levels.first! ? levels.last! : levels.first! + 1)
      let scale = try located(at: value.location) { try ContinuousColorScale(spec: spec, values: levels) }
      let geometry: any MarkGeometry
      if filled {
        let polygons = grid.bands(levels)
        let bands = zip(levels, levels.dropFirst()).enumerated().map { index, band in
          let fill = scale((band.0 + band.1) / 2) ?? scale.middle.rgb
          return Geometry.Band(
            polygons: polygons[index], fill: FillStyle(color: fill, alpha: common.alpha, edge: nil, edgeWidth: 0))
        }
        // matplotlib's colorbar of a contourf shows the bands, each in its colour: with evenly spaced levels, the
        // band colours as a discrete map over the levels' range.
        let steps = zip(levels, levels.dropFirst()).map { $1 - $0 }
        var barScale = scale
        if let first = steps.first, steps.allSatisfy({ abs($0 - first) <= 1e-9 * abs(first) }), bands.count >= 2 {
          var discrete = ContinuousColorSpec(map: .list(bands.map { Color(rgb: $0.fill.color) }))
          discrete.levels = bands.count
          discrete.limits = (levels.first!, levels.last!)
          barScale = try located(at: value.location) { try ContinuousColorScale(spec: discrete, values: levels) }
          barScale.boundaries = levels
        }
        geometry = Geometry(
          grid: grid, lines: [], bands: bands, colorbar: colorbar.map { (barScale, $0) }, sparse: sparse)
      } else {
        let lines = levels.map { level -> Geometry.Line in
          let color = lineColor?.rgb ?? scale(level) ?? scale.middle.rgb
          // matplotlib dashes negative levels when the lines share one colour (contour.negative_linestyle).
          let dash: DashPattern = lineColor != nil && level < 0 ? .dashed : .solid
          return Geometry.Line(
            level: level, paths: grid.lines(at: level),
            style: LineStyle(color: color, alpha: common.alpha * (lineColor?.alpha ?? 1), width: width, dash: dash))
        }
        // matplotlib's clabel writes levels as its ScalarFormatter would ticks at them.
        let automatic = TickFormatter.labels(levels, format: .plain, decimals: nil).labels.map(\.text)
        let texts = try labels.map { labels in
          try levels.indices.map { index in try labels.format.text(levels[index]) { _ in automatic[index] } }
        }
        geometry = Geometry(
          grid: grid, lines: lines, bands: [], colorbar: colorbar.map { (scale, $0) }, sparse: sparse,
          labels: labels.flatMap { labels in texts.map { (labels, $0) } })
      }
      return ResolvedLayer(
        geometry: geometry, role: (filled ? "contourf-" : "contour-") + (common.id ?? slug(value.value)),
        legendLabel: nil)
    }
  }

  /// matplotlib's levels: MaxNLocator(N + 1, min_n_ticks=1) over the values' range, keeping at most one level
  /// beyond each end (a line there draws nothing, but sets the colours' range as in matplotlib).
  func chosenLevels(_ grid: ContourGrid) throws -> [Double] {
    guard let (low, high) = grid.range else {
      throw VellumError(.invalidData, "the contour's values are all missing", at: value.location)
    }
    let chosen: [Double]
    switch levels {
    case .values(let values): chosen = values
    case .count(let count):
      let (lo, hi) = low < high ? (low, high) : (low - max(abs(low), 1) * 1e-3, high + max(abs(high), 1) * 1e-3)
      // MaxNLocator's own default steps, finer than an axis's (AutoLocator's 1, 2, 2.5, 5, 10).
      let ticks = TickLocator.rawMaxN(
        low: lo, high: hi, bins: count + 1, minimumInside: 1, steps: [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10])
      let under = ticks.lastIndex { $0 < low } ?? 0
      let over = (ticks.firstIndex { $0 > high }).map { $0 + 1 } ?? ticks.count
      chosen = over - under < 3 ? ticks : Array(ticks[under..<over])
    }
    // A range past Double's (1e308 apart) has no steps to place levels at.
    guard !chosen.isEmpty else {
      throw VellumError(
        .invalidData,
        "no contour levels can be placed over the values' range \(low) to \(high); give the levels as a list",
        at: value.location)
    }
    return chosen
  }

  struct Geometry: MarkGeometry {
    struct Line {
      var level: Double
      var paths: [[Point]]
      var style: LineStyle
    }
    struct Band {
      var polygons: [[Point]]
      var fill: FillStyle
    }

    var grid: ContourGrid
    var lines: [Line]
    var bands: [Band]
    var colorbar: (scale: ContinuousColorScale, spec: ColorbarSpec)?
    /// Said when most grid points lack a value: scattered points rather than a grid.
    var sparse: VellumWarning?
    /// Line labels and each level's text.
    var labels: (spec: ContourLabels, texts: [String])? = nil

    func extent(along axis: PositionAxis, _ transform: ScaleTransform) -> (Double, Double)? {
      VellumLayout.extent(axis == .x ? [grid.xs.first!, grid.xs.last!] : [grid.ys.first!, grid.ys.last!], transform)
    }

    /// Contours fill their grid exactly, as matplotlib's contour sets sticky edges at the grid's ends.
    func stickyEdges(along axis: PositionAxis) -> [Double] {
      axis == .x ? [grid.xs.first!, grid.xs.last!] : [grid.ys.first!, grid.ys.last!]
    }

    func draw(on canvas: MarkCanvas) throws -> MarkDrawing {
      var drawing = MarkDrawing()
      drawing.warnings = sparse.map { [$0] } ?? []
      for band in bands where !band.polygons.isEmpty {
        // One path per band: cells of a band share edges exactly, so the fill shows no seams between them.
        let segments = band.polygons.flatMap { polygon in PathGeometry.polygon(polygon.map { canvas.page($0.x, $0.y) })
        }
        drawing.nodes.append(canvas.patch(segments, band.fill))
      }
      var pages = lines.map { line in line.paths.map { path in path.map { canvas.page($0.x, $0.y) } } }
      var texts: [SceneNode] = []
      if let (spec, strings) = labels {
        let size = spec.size ?? canvas.textSize
        let set = try strings.map { try canvas.setter.set(literal: $0, size: size) }
        let labelled = ContourLabels.label(
          Array(zip(pages, set)).map { (paths: $0.0, text: $0.1) }, inline: spec.inline, spacing: spec.spacing)
        pages = labelled.paths
        texts = labelled.labels.map { level, label in
          guard case .text(var node) = label.node else { return label.node }
          let style = lines[level].style
          node.paint = spec.color.map { Paint($0.rgb, opacity: $0.alpha) } ?? Paint(style.color, opacity: style.alpha)
          return .text(node)
        }
      }
      for (line, paths) in zip(lines, pages) where !paths.isEmpty {
        let segments = paths.flatMap { PathGeometry.polyline($0) }
        drawing.nodes.append(.path(PathNode(segments: segments, stroke: line.style.stroke)))
      }
      drawing.nodes += texts
      return drawing
    }

    func legendGlyph(_ handle: LegendHandle) -> [SceneNode] {
      if let band = bands.first { return [handle.patch(band.fill)] }
      return lines.first.map { [handle.line($0.style)] } ?? []
    }
  }
}

/// Values on a rectangular grid of distinct, increasing x and y positions, and the contour geometry marching squares
/// finds on it. Missing points (and cells touching them) are left out.
struct ContourGrid {
  let xs: [Double]
  let ys: [Double]
  /// z[j * xs.count + i] at (xs[i], ys[j]); NaN where the data have no point.
  let z: [Double]

  init(x: [Double], y: [Double], values: [Double], at location: SourceLocation?) throws {
    let xs = Array(Set(x.filter(\.isFinite))).sorted()
    let ys = Array(Set(y.filter(\.isFinite))).sorted()
    guard xs.count >= 2, ys.count >= 2 else {
      throw VellumError(
        .invalidData, "a contour needs a grid of at least 2 × 2 points, found \(xs.count) x and \(ys.count) y values",
        at: location)
    }
    // Checked before allocating: scattered points would ask for a grid of every x against every y.
    let (cells, overflow) = xs.count.multipliedReportingOverflow(by: ys.count)
    guard !overflow, cells <= ContourMark.gridLimit else {
      throw VellumError(
        .invalidData,
        "a contour needs gridded data (one row per grid point): \(xs.count) x values × \(ys.count) y values make "
          + "more than \(ContourMark.gridLimit) points for \(values.count) rows", at: location)
    }
    let column = Dictionary(uniqueKeysWithValues: xs.enumerated().map { ($1, $0) })
    let row = Dictionary(uniqueKeysWithValues: ys.enumerated().map { ($1, $0) })
    var z = [Double](repeating: .nan, count: cells)
    var seen = [Bool](repeating: false, count: cells)
    for index in values.indices where x[index].isFinite && y[index].isFinite {
      let at = row[y[index]]! * xs.count + column[x[index]]!
      if seen[at] {
        throw VellumError(
          .invalidData,
          "the grid point (\(FormatSpec.plain(x[index])), \(FormatSpec.plain(y[index]))) appears "
            + "twice; aggregate the table first (transform: aggregate)", at: location)
      }
      seen[at] = true
      z[at] = values[index].isFinite ? values[index] : .nan
    }
    self.xs = xs
    self.ys = ys
    self.z = z
  }

  /// How many grid points the data give a value.
  var present: Int { z.filter(\.isFinite).count }

  /// The smallest and largest value, if any.
  var range: (Double, Double)? {
    let present = z.filter(\.isFinite)
    guard let low = present.min(), let high = present.max() else { return nil }
    return (low, high)
  }

  private func value(_ i: Int, _ j: Int) -> Double { z[j * xs.count + i] }

  /// An edge of the grid where a line crosses: the horizontal edge right of point (i, j), or the vertical one above.
  private struct Edge: Hashable, Comparable {
    var i: Int
    var j: Int
    var vertical: Bool

    /// Grid order (row, then column, horizontal first), so lines come out in the same order every run.
    static func < (a: Edge, b: Edge) -> Bool { (a.j, a.i, a.vertical ? 1 : 0) < (b.j, b.i, b.vertical ? 1 : 0) }
  }

  private func crossing(_ edge: Edge, level: Double) -> Point {
    let (i2, j2) = edge.vertical ? (edge.i, edge.j + 1) : (edge.i + 1, edge.j)
    let (a, b) = (value(edge.i, edge.j), value(i2, j2))
    let t = (level - a) / (b - a)
    return Point(xs[edge.i] + (xs[i2] - xs[edge.i]) * t, ys[edge.j] + (ys[j2] - ys[edge.j]) * t)
  }

  /// The lines at `level`: open ones from the grid's edge (or a missing point) to another, closed ones repeating
  /// their first point, as contourpy's mpl2014 algorithm returns them to matplotlib.
  func lines(at level: Double) -> [[Point]] {
    var links: [Edge: [Edge]] = [:]
    for j in 0..<(ys.count - 1) {
      for i in 0..<(xs.count - 1) {
        let corners = [value(i, j), value(i + 1, j), value(i + 1, j + 1), value(i, j + 1)]
        guard corners.allSatisfy(\.isFinite) else { continue }
        let above = corners.map { $0 > level }
        // Sides in order bottom, right, top, left, each between two corners.
        let sides = [
          Edge(i: i, j: j, vertical: false), Edge(i: i + 1, j: j, vertical: true),
          Edge(i: i, j: j + 1, vertical: false), Edge(i: i, j: j, vertical: true),
        ]
        let crossed = (0..<4).filter { above[$0] != above[($0 + 1) % 4] }
        var pairs: [(Edge, Edge)] = []
        if crossed.count == 2 {
          pairs = [(sides[crossed[0]], sides[crossed[1]])]
        } else if crossed.count == 4 {
          // A saddle: the cell's mean decides which corners the lines keep apart.
          let middle = corners.reduce(0, +) / 4 > level
          if middle == above[0] {
            pairs = [(sides[0], sides[1]), (sides[2], sides[3])]
          } else {
            pairs = [(sides[3], sides[0]), (sides[1], sides[2])]
          }
        }
        for (a, b) in pairs {
          links[a, default: []].append(b)
          links[b, default: []].append(a)
        }
      }
    }
    var used = Set<Edge>()
    var paths: [[Point]] = []
    func walk(from start: Edge) -> [Edge] {
      var chain = [start]
      used.insert(start)
      var current = start
      while let next = links[current]?.first(where: { !used.contains($0) }) {
        chain.append(next)
        used.insert(next)
        current = next
      }
      return chain
    }
    // Open lines start at an end (an edge crossed by one cell only), in grid order so output is deterministic.
    let ends = links.filter { $0.value.count == 1 }.keys.sorted()
    for end in ends where !used.contains(end) {
      paths.append(walk(from: end).map { crossing($0, level: level) })
    }
    let rest = links.keys.filter { !used.contains($0) }.sorted()
    for start in rest where !used.contains(start) {
      var loop = walk(from: start).map { crossing($0, level: level) }
      loop.append(loop[0])
      paths.append(loop)
    }
    return paths
  }

  /// The band between each pair of consecutive levels (low < z ≤ high, the lowest band low ≤ z) as polygons, one
  /// per cell piece (whole rows of cells inside a band merged), each the cell clipped where the values
  /// interpolated along its sides cross the two levels. A cell that some level crosses on all four sides (a saddle)
  /// is split into four triangles about its centre (at the corners' mean, as the lines decide saddles) for every
  /// band, so neighbouring bands share one boundary and together cover the grid once.
  func bands(_ levels: [Double]) -> [[[Point]]] {
    let count = max(0, levels.count - 1)
    var polygons = [[[Point]]](repeating: [], count: count)
    for j in 0..<(ys.count - 1) {
      var runs = [Int?](repeating: nil, count: count)
      func closeRun(_ band: Int, _ end: Int) {
        guard let start = runs[band] else { return }
        polygons[band].append([
          Point(xs[start], ys[j]), Point(xs[end], ys[j]), Point(xs[end], ys[j + 1]), Point(xs[start], ys[j + 1]),
        ])
        runs[band] = nil
      }
      for i in 0..<(xs.count - 1) {
        let corners = [value(i, j), value(i + 1, j), value(i + 1, j + 1), value(i, j + 1)]
        guard corners.allSatisfy(\.isFinite) else {
          for band in 0..<count { closeRun(band, i) }
          continue
        }
        let square = [
          (Point(xs[i], ys[j]), corners[0]), (Point(xs[i + 1], ys[j]), corners[1]),
          (Point(xs[i + 1], ys[j + 1]), corners[2]), (Point(xs[i], ys[j + 1]), corners[3]),
        ]
        let saddle = levels.contains { level in
          (0..<4).filter { (corners[$0] > level) != (corners[($0 + 1) % 4] > level) }.count == 4
        }
        let pieces: [[(Point, Double)]]
        if saddle {
          let center = (Point((xs[i] + xs[i + 1]) / 2, (ys[j] + ys[j + 1]) / 2), corners.reduce(0, +) / 4)
          pieces = (0..<4).map { [square[$0], square[($0 + 1) % 4], center] }
        } else {
          pieces = [square]
        }
        let (low, high) = (corners.min()!, corners.max()!)
        for band in 0..<count {
          let (bottom, top) = (levels[band], levels[band + 1])
          let inside = (band == 0 ? low >= bottom : low > bottom) && high <= top
          if inside, !saddle {
            if runs[band] == nil { runs[band] = i }
            continue
          }
          closeRun(band, i)
          // Cells wholly below or above the band add nothing.
          guard high >= bottom, low <= top else { continue }
          for piece in pieces {
            let polygon = Self.clip(Self.clip(piece) { $0 - bottom }) { top - $0 }
            if polygon.count >= 3 { polygons[band].append(polygon.map(\.0)) }
          }
        }
      }
      for band in 0..<count { closeRun(band, xs.count - 1) }
    }
    return polygons
  }

  /// Sutherland–Hodgman: the part of `polygon` where `side` (linear in the value) is not negative, values
  /// interpolated linearly along each side.
  private static func clip(_ polygon: [(Point, Double)], _ side: (Double) -> Double) -> [(Point, Double)] {
    guard !polygon.isEmpty else { return [] }
    var result: [(Point, Double)] = []
    for index in polygon.indices {
      let (a, b) = (polygon[index], polygon[(index + 1) % polygon.count])
      let (sa, sb) = (side(a.1), side(b.1))
      if sa >= 0 { result.append(a) }
      if (sa >= 0) != (sb >= 0), sa != sb {
        let t = sa / (sa - sb)
        result.append(
          (Point(a.0.x + (b.0.x - a.0.x) * t, a.0.y + (b.0.y - a.0.y) * t), a.1 + (b.1 - a.1) * t))
      }
    }
    return result
  }
}
