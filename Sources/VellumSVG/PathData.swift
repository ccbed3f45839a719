import VellumScene

/// SVG path data in the writer's number format.
enum PathData {
  /// `M x yL x y…Z`, every coordinate multiplied by `scale`.
  static func string(_ segments: [PathSegment], scale: Double = 1) -> String {
    var d: [UInt8] = []
    d.reserveCapacity(segments.count * 16)
    func point(_ command: Unicode.Scalar?, _ p: Point) {
      d.append(command.map { UInt8($0.value) } ?? UInt8(ascii: " "))
      NumberFormat.write(p.x * scale, into: &d)
      d.append(UInt8(ascii: " "))
      NumberFormat.write(p.y * scale, into: &d)
    }
    for segment in segments {
      switch segment {
      case .move(let p): point("M", p)
      case .line(let p): point("L", p)
      case .cubic(let c1, let c2, let p):
        point("C", c1)
        point(nil, c2)
        point(nil, p)
      case .close: d.append(UInt8(ascii: "Z"))
      }
    }
    return String(decoding: d, as: UTF8.self)
  }
}

/// Names of glyph outlines in `<defs>`, from face and glyph id.
enum GlyphIDs {
  /// Outlines are written in thousandths of an em, so coordinates keep their precision as integers.
  static let unitsPerEm = 1000.0

  static func id(_ ref: GlyphRef) -> String { "glyph-\(ref.face)-\(ref.id)" }
}
