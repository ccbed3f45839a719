import VellumScene
import VellumSpec

/// Text over text: two texts whose ink boxes, turned with them, still meet when each is drawn in by a tenth of its
/// height (tick labels too close, a label on an annotation), each pair once.
struct OverlapCheck: LintCheck {
  let check = LintSpec.Check.overlap

  func findings(in figure: DrawnFigure, context: LintContext) -> [LintFinding] {
    // A sweep along x: only texts whose x ranges meet are compared.
    let texts = figure.texts.filter { $0.box.width > 0 && $0.box.height > 0 }.sorted { $0.box.minX < $1.box.minX }
    var findings: [LintFinding] = []
    var active: [DrawnFigure.Text] = []
    for text in texts {
      active.removeAll { $0.box.maxX <= text.box.minX }
      for other in active where text.box.intersects(other.box) {
        // Turned labels' boxes meet long before their ink does: compare the turned boxes, each drawn in by a tenth of
        // its height so glyphs that merely touch pass.
        guard Self.intersect(Self.shrunk(text.quad), Self.shrunk(other.quad)) else { continue }
        findings.append(
          LintFinding(
            check: check,
            message: "text '\(other.node.plainText)' (\(other.role)) and '\(text.node.plainText)' (\(text.role)) "
              + "overlap; move, rotate or shorten one", location: text.source ?? other.source ?? context.figureLocation)
        )
        if findings.count >= 20 { return findings }
      }
      active.append(text)
    }
    return findings
  }

  /// The quad drawn in toward its centre by a tenth of its shorter side.
  static func shrunk(_ quad: [Point]) -> [Point] {
    let center = Point(quad.map(\.x).reduce(0, +) / 4, quad.map(\.y).reduce(0, +) / 4)
    func length(_ a: Point, _ b: Point) -> Double {
      ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
    let shorter = min(length(quad[0], quad[1]), length(quad[1], quad[2]))
    return quad.map { p in
      let d = length(p, center)
      guard d > 0 else { return p }
      let t = min(1, 0.1 * shorter / d)
      return Point(p.x + (center.x - p.x) * t, p.y + (center.y - p.y) * t)
    }
  }

  /// Two convex quads meet unless an edge of one separates them (the separating axis test).
  static func intersect(_ a: [Point], _ b: [Point]) -> Bool {
    for polygon in [a, b] {
      for i in 0..<polygon.count {
        let (p, q) = (polygon[i], polygon[(i + 1) % polygon.count])
        let normal = Point(q.y - p.y, p.x - q.x)
        let project = { (point: Point) in point.x * normal.x + point.y * normal.y }
        let (aLow, aHigh) = (a.map(project).min()!, a.map(project).max()!)
        let (bLow, bHigh) = (b.map(project).min()!, b.map(project).max()!)
        if aHigh <= bLow || bHigh <= aLow { return false }
      }
    }
    return true
  }
}
