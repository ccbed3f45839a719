import VellumScene

/// SVG path data in the writer's number format.
enum PathData {
  /// `M x yL x y…Z`, every coordinate multiplied by `scale`.
  static func string(_ segments: [PathSegment], scale: Double = 1) -> String {
    func n(_ value: Double) -> String { NumberFormat.format(value * scale) }
    var d = ""
    for segment in segments {
      switch segment {
      case .move(let p): d += "M\(n(p.x)) \(n(p.y))"
      case .line(let p): d += "L\(n(p.x)) \(n(p.y))"
      case .cubic(let c1, let c2, let p): d += "C\(n(c1.x)) \(n(c1.y)) \(n(c2.x)) \(n(c2.y)) \(n(p.x)) \(n(p.y))"
      case .close: d += "Z"
      }
    }
    return d
  }
}

/// Names of glyph outlines in `<defs>`, from face and glyph id.
enum GlyphIDs {
  /// Outlines are written in thousandths of an em, so coordinates keep their precision as integers.
  static let unitsPerEm = 1000.0

  static func id(_ ref: GlyphRef) -> String { "glyph-\(ref.face)-\(ref.id)" }
}
