import Foundation
import VellumScene
import VellumSpec

/// Hatching over a filled patch (matplotlib's `hatch`): `/` `\` `|` `-` `+` `x` lines, `o` `O` circles, `.` dots
/// and `*` stars, six per inch for each character and more as characters repeat (`//`), on a one-inch tile aligned
/// to the page, in the patch's edge colour (black without one) at `hatch.linewidth` 1, for black-and-white print.
struct Hatch: Sendable {
  /// The pattern, or the column whose values pick one from the figure's hatch scale.
  var pattern: Encoding<String>
  var color: Color?
  var width: Double

  /// The keys every hatchable mark declares, once.
  static let keys = [
    SpecKey(
      "hatch", Encoding<String>.schema(SpecSchema.string),
      "hatching over the fill: / \\ | - + x lines, o O circles, . dots, * stars; repeat a character for denser "
        + "hatching (matplotlib's hatch); or {column: NAME}, each value its own hatch from the hatch scale",
      default: "none", example: "'//'"),
    SpecKey(
      "hatch_color", SpecSchema.color, "the hatching's colour", default: "the edge colour, else black"),
    SpecKey("hatch_width", SpecSchema.measure, "the hatching's line width in points", defaultValue: 1.0),
  ]

  /// The mark's hatching, if `hatch` is given (and is not `none`).
  static func decode(_ map: SpecMapping) throws -> Hatch? {
    // The style keys are checked whether or not a hatch is drawn: a bad value is an error either way.
    let color = try map.optional("hatch_color") { try decodeColor($0) }
    let width = try map.optional("hatch_width") { try $0.measure("a line width") } ?? 1
    guard let pattern = try map.optional("hatch", { try Encoding.decode($0, constant: decodeHatch) }),
      pattern.constant?.isEmpty != true
    else { return nil }
    return Hatch(pattern: pattern, color: color, width: width)
  }

  /// The column driving the hatch, for the layer's data request.
  var encodings: [(channel: EncodedChannel, column: Located<String>)] {
    pattern.column.map { [(.hatch, $0)] } ?? []
  }

  /// The tile: matplotlib's hatch paths in a unit square (y up) scaled to 72 points (y down).
  func tile(edge: RGB?, alpha: Double) -> TilePattern {
    let pattern = self.pattern.constant ?? ""
    let size = 72.0
    let density = 6
    func count(_ characters: String) -> Int { pattern.filter { characters.contains($0) }.count * density }
    func page(_ x: Double, _ y: Double) -> Point { Point(x * size, (1 - y) * size) }
    var lines: [PathSegment] = []
    func line(_ a: (Double, Double), _ b: (Double, Double)) { lines += [.move(page(a.0, a.1)), .line(page(b.0, b.1))] }
    let horizontal = count("-+")
    for k in 0..<horizontal {
      let y = (Double(k) + 0.5) / Double(horizontal)
      line((0, y), (1, y))
    }
    let vertical = count("|+")
    for k in 0..<vertical {
      let x = (Double(k) + 0.5) / Double(vertical)
      line((x, 0), (x, 1))
    }
    let northEast = count("/xX")
    if northEast > 0 {
      for k in 0...northEast {
        let s = -0.5 + Double(k) / Double(northEast)
        line((s, -s), (1 + s, 1 - s))
      }
    }
    let southEast = count("\\xX")
    if southEast > 0 {
      for k in 0...southEast {
        let s = -0.5 + Double(k) / Double(southEast)
        line((s, 1 + s), (1 + s, s))
      }
    }
    // Shapes on rows offset every other row, as matplotlib's Shapes: circles stroked, dots and stars filled.
    var shapes: [PathSegment] = []
    for (characters, radius, filled) in [("o", 0.2, false), ("O", 0.35, false), (".", 0.1, true), ("*", 1.0 / 3, true)]
    {
      let rows = count(characters)
      guard rows > 0 else { continue }
      let offset = 1.0 / Double(rows)
      let scale = radius * offset
      for row in 0...rows {
        let columns: [Double] =
          row % 2 == 0
          ? (0...rows).map { Double($0) / Double(rows) }
          : (0..<rows).map { offset / 2 + Double($0) * offset }
        for column in columns {
          let center = page(column, Double(row) * offset)
          let outline =
            characters == "*"
            ? PathGeometry.polygon(Self.star(center: center, radius: scale * size))
            : PathGeometry.circle(center: center, radius: scale * size)
          if filled { shapes += outline } else { lines += outline }
        }
      }
    }
    let color = self.color?.rgb ?? edge ?? RGB.black
    return TilePattern(
      size: size, lines: lines, shapes: shapes, paint: Paint(color, opacity: alpha * (self.color?.alpha ?? 1)),
      width: width)
  }

  /// A five-pointed star (matplotlib's unit_regular_star(5), inner radius 0.5).
  private static func star(center: Point, radius: Double) -> [Point] {
    (0..<10).map { index in
      let angle = Double.pi / 2 + Double(index) * Double.pi / 5
      let r = index % 2 == 0 ? radius : radius / 2
      return Point(center.x + r * cos(angle), center.y - r * sin(angle))
    }
  }
}
