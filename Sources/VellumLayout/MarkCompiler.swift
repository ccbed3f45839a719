import VellumScene

/// Turns resolved layers into scene groups in page coordinates.
struct MarkCompiler {
  let xScale: AxisScale
  let yScale: AxisScale
  let plot: Rect

  /// The layer's group and the page points it covers (for choosing a legend spot).
  func compile(_ layer: ResolvedLayer) -> (node: SceneNode, points: [Point]) {
    switch layer.mark {
    case .line(let x, let y, let style, let marker):
      let points = zip(x, y).map { Point(xScale.map($0), yScale.map($1)) }
      var children: [SceneNode] = []
      let segments = PathGeometry.polyline(points)
      if !segments.isEmpty && style.width > 0 {
        children.append(.path(PathNode(segments: segments, stroke: style.stroke)))
      }
      if let marker, marker.size > 0 {
        children += points.filter { $0.x.isFinite && $0.y.isFinite }.map { marker.node(at: $0) }
      }
      return (.group(Group(role: layer.role, children: children)), points)
    case .band(let x, let lower, let upper, let color, let alpha, let edgeWidth):
      var children: [SceneNode] = []
      var covered: [Point] = []
      let paint = Paint(color, opacity: alpha)
      let stroke = edgeWidth > 0 ? Stroke(paint, width: edgeWidth, join: .round) : nil
      for run in finiteRuns(x: x, lower: lower, upper: upper) {
        let top = run.map { Point(xScale.map(x[$0]), yScale.map(upper[$0])) }
        let bottom = run.reversed().map { Point(xScale.map(x[$0]), yScale.map(lower[$0])) }
        covered += top + bottom
        children.append(.path(PathNode(segments: PathGeometry.polygon(top + bottom), fill: paint, stroke: stroke)))
      }
      return (.group(Group(role: layer.role, children: children)), covered)
    case .hline(let y, let style):
      let page = yScale.map(y)
      let points = [Point(plot.minX, page), Point(plot.maxX, page)]
      return (
        .group(
          Group(
            role: layer.role, children: [.path(PathNode(segments: PathGeometry.polyline(points), stroke: style.stroke))]
          )), points
      )
    case .vline(let x, let style):
      let page = xScale.map(x)
      let points = [Point(page, plot.maxY), Point(page, plot.minY)]
      return (
        .group(
          Group(
            role: layer.role, children: [.path(PathNode(segments: PathGeometry.polyline(points), stroke: style.stroke))]
          )), points
      )
    }
  }

  /// Index ranges where x, lower and upper are all finite; a NaN splits the band.
  private func finiteRuns(x: [Double], lower: [Double], upper: [Double]) -> [[Int]] {
    var runs: [[Int]] = []
    var current: [Int] = []
    for i in x.indices {
      if x[i].isFinite && lower[i].isFinite && upper[i].isFinite {
        current.append(i)
      } else if !current.isEmpty {
        runs.append(current)
        current = []
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }
}
