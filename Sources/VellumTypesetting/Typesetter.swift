import VellumDiagnostics
import VellumFonts
import VellumScene
import VellumSpec

/// Sets labels: text runs in the text faces and formulas in the math face, all measured with
/// HarfBuzz on the files fontconfig resolves. Remembers every font file and glyph outline it used.
final class Typesetter {
  let families: FontFamilies
  private let fonts: FontLibrary
  private(set) var fontFiles: Set<String> = []
  private(set) var outlines: [GlyphRef: [PathSegment]] = [:]
  /// Characters shown as text, by face, for embedding font subsets.
  private(set) var characters: [String: (face: FontFace, scalars: Set<Unicode.Scalar>)] = [:]

  init(families: FontFamilies, fonts: FontLibrary = .shared) {
    self.families = families
    self.fonts = fonts
  }

  /// Throws the font error of the first of `families` that is not installed.
  func requireInstalled(_ families: [String]) throws {
    for family in families { _ = try fonts.face(FontKey(family: family)) }
  }

  func face(_ style: TextStyle) throws -> FontFace {
    let family: String
    switch style.family {
    case .roman: family = families.roman
    case .sans: family = families.sans
    case .mono: family = families.mono
    }
    return try use(FontKey(family: family, bold: style.bold, italic: style.italic))
  }

  /// Whether the math family can set formulas: an OpenType MATH table and the math italic letters (DejaVu Sans has
  /// a table but no 𝑎). True when the family cannot be found: setting then says why.
  var mathFamilyCanSetFormulas: Bool {
    guard let face = try? fonts.face(FontKey(family: families.math)) else { return true }
    return face.hasMath && face.glyph(for: "\u{1D44E}") != nil
  }

  /// The face a formula's upright run `text` is set in: the text family's for digits and Latin letters when
  /// ``FontFamilies/uprightFromText`` asks for it, else the math family's.
  func mathFace(for text: String) throws -> FontFace {
    if families.uprightFromText, !text.isEmpty,
      text.unicodeScalars.allSatisfy({
        ("0"..."9").contains($0) || ("A"..."Z").contains($0) || ("a"..."z").contains($0)
      }),
      let face = try? use(FontKey(family: families.roman))
    {
      return face
    }
    return try mathFace()
  }

  func mathFace() throws -> FontFace {
    let face = try use(FontKey(family: families.math))
    guard face.hasMath else {
      throw VellumError(.font, "font '\(families.math)' has no OpenType MATH table, so it cannot set formulas")
    }
    return face
  }

  private func use(_ key: FontKey) throws -> FontFace {
    let face = try fonts.face(key)
    fontFiles.insert(face.path)
    return face
  }

  /// CSS-facing description of a face at a size.
  func fontStyle(_ face: FontFace, size: Double) -> FontStyle {
    FontStyle(family: face.key.family, size: size, bold: face.key.bold, italic: face.key.italic)
  }

  /// Typesets a parsed label at `size` points: text pieces in sequence, formulas in TeX's text style.
  func typeset(_ pieces: [TextPiece], size: Double) throws -> TypesetBox {
    var box = TypesetBox()
    for piece in pieces {
      switch piece {
      case .text(let text, let style):
        box.append(try textBox(text, style: style, size: size))
      case .math(let nodes):
        box.append(try MathLayout(typesetter: self, baseSize: size).layout(nodes, style: MathStyle(level: 0)))
      }
    }
    return box
  }

  /// Text shaped in the face for `style`; stretches of characters the face lacks (CJK in Computer Modern,
  /// symbols) are shaped in a fallback face that has them, measured by the same HarfBuzz layout.
  func textBox(_ text: String, style: TextStyle, size: Double) throws -> TypesetBox {
    let primary = try face(style)
    let pieces = try fallbackPieces(text, primary: primary, style: style)
    if pieces.allSatisfy({ $0.face === primary }) {
      return try shapedBox(text, face: primary, size: size, features: [])
    }
    var box = TypesetBox()
    for piece in pieces {
      box.append(try shapedBox(piece.text, face: piece.face, size: size, features: []))
    }
    return box
  }

  /// `text` cut where the face drawing it changes: the primary face wherever it has every character of a
  /// cluster, else the first fallback that does.
  private func fallbackPieces(_ text: String, primary: FontFace, style: TextStyle) throws -> [(
    text: String, face: FontFace
  )] {
    let characters = Array(text)
    var faces: [FontFace] = []
    faces.reserveCapacity(characters.count)
    for character in characters {
      // Joiners and variation selectors draw nothing: a face need not have them.
      let drawn = character.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint }
      guard let missing = drawn.first(where: { primary.glyph(for: $0) == nil }) else {
        faces.append(primary)
        continue
      }
      guard
        let fallback = try fonts.fallbackFace(
          for: missing, bold: style.bold, italic: style.italic, preferred: families.fallback)
      else {
        let tried = ([primary.key.family] + families.fallback + FontLibrary.defaultFallbacks).joined(separator: ", ")
        throw VellumError(
          .font,
          String(
            format: "no installed font has a glyph for '%@' (U+%04X); tried %@ and fontconfig's fallbacks",
            String(character), missing.value, tried))
      }
      fontFiles.insert(fallback.path)
      faces.append(fallback)
    }
    // Spaces between two stretches of one fallback face join them, so a right-to-left phrase is shaped (and
    // ordered) as one run; spaces next to the primary face's text stay in it.
    var index = 0
    while index < characters.count {
      guard characters[index].isWhitespace, index > 0, faces[index - 1] !== primary else {
        index += 1
        continue
      }
      var end = index
      while end < characters.count && characters[end].isWhitespace { end += 1 }
      let face = faces[index - 1]
      if end < characters.count, faces[end] === face,
        characters[index..<end].allSatisfy({ $0.unicodeScalars.allSatisfy { face.glyph(for: $0) != nil } })
      {
        for position in index..<end { faces[position] = face }
      }
      index = end
    }
    var pieces: [(text: String, face: FontFace)] = []
    for (character, face) in zip(characters, faces) {
      if let last = pieces.last, last.face === face {
        pieces[pieces.count - 1].text.append(character)
      } else {
        pieces.append((String(character), face))
      }
    }
    return pieces
  }

  /// `text` shaped in `face`; a single glyph also reports its italic correction and accent point.
  func shapedBox(_ text: String, face: FontFace, size: Double, features: [String]) throws -> TypesetBox {
    let shaped = try face.shape(text, features: features)
    let scale = size / face.unitsPerEm
    let nominal = text.unicodeScalars.count == 1 ? face.glyph(for: text.unicodeScalars.first!) : nil
    // A run whose only glyph is not the character's own (a script-size variant) has no text to show.
    let showsText = shaped.glyphs.count != 1 || nominal == nil || shaped.glyphs[0].id == nominal
    var box = TypesetBox(
      width: shaped.advance * scale, height: max(0, shaped.top * scale), depth: max(0, -shaped.bottom * scale))
    box.runs = [
      run(
        text: showsText ? text : nil, face: face, size: size,
        glyphs: shaped.glyphs.map { ($0.id, $0.x * scale, $0.y * scale) })
    ]
    if shaped.glyphs.count == 1, let glyph = shaped.glyphs.first {
      box.isCharacter = true
      box.italicCorrection = face.italicCorrection(glyph.id) * scale
      box.accentAttachment = face.topAccentAttachment(glyph.id).map { $0 * scale }
    }
    return box
  }

  /// One glyph by id (size variants, accents), drawn from its outline.
  func glyphBox(_ glyph: UInt32, face: FontFace, size: Double) -> TypesetBox {
    let scale = size / face.unitsPerEm
    let ink = face.extents(glyph)
    var box = TypesetBox(
      width: face.advance(glyph) * scale, height: max(0, (ink?.yMax ?? 0) * scale),
      depth: max(0, -(ink?.yMin ?? 0) * scale))
    box.runs = [run(text: nil, face: face, size: size, glyphs: [(glyph, 0, 0)])]
    box.isCharacter = true
    box.italicCorrection = face.italicCorrection(glyph) * scale
    box.accentAttachment = face.topAccentAttachment(glyph).map { $0 * scale }
    return box
  }

  private func run(text: String?, face: FontFace, size: Double, glyphs: [(id: UInt32, x: Double, y: Double)])
    -> TypesetRun
  {
    for glyph in glyphs { registerOutline(glyph.id, face: face) }
    if let text { characters[face.id, default: (face, [])].scalars.formUnion(text.unicodeScalars) }
    return TypesetRun(text: text, font: fontStyle(face, size: size), face: face, x: 0, y: 0, glyphs: glyphs)
  }

  private func registerOutline(_ glyph: UInt32, face: FontFace) {
    let ref = GlyphRef(face: face.id, id: glyph)
    guard outlines[ref] == nil else { return }
    outlines[ref] = GlyphOutlineConverter.segments(face.outline(glyph), unitsPerEm: face.unitsPerEm)
  }
}

/// The four faces a label may draw from.
public struct FontFamilies: Sendable {
  public var roman: String
  public var sans: String
  public var mono: String
  public var math: String
  /// Families tried first for characters the others lack (`font.fallback`).
  public var fallback: [String]
  /// Digits and upright Latin letters in formulas come from the text family (`roman`), as matplotlib's mathtext
  /// sets them in its text font; otherwise from the math family, as TeX does.
  public var uprightFromText = false

  public init(
    roman: String, sans: String, mono: String, math: String, fallback: [String] = [], uprightFromText: Bool = false
  ) {
    self.roman = roman
    self.sans = sans
    self.mono = mono
    self.math = math
    self.fallback = fallback
    self.uprightFromText = uprightFromText
  }
}

/// Turns font outlines (font units, y up, quadratic or cubic) into scene paths (1 unit per em, y down).
enum GlyphOutlineConverter {
  static func segments(_ commands: [OutlineCommand], unitsPerEm: Double) -> [PathSegment] {
    func p(_ x: Double, _ y: Double) -> Point { Point(x / unitsPerEm, -y / unitsPerEm) }
    var segments: [PathSegment] = []
    var current = Point(0, 0)
    for command in commands {
      switch command {
      case .move(let x, let y):
        current = p(x, y)
        segments.append(.move(current))
      case .line(let x, let y):
        current = p(x, y)
        segments.append(.line(current))
      case .quadratic(let cx, let cy, let x, let y):
        let control = p(cx, cy)
        let end = p(x, y)
        // A quadratic is the cubic with controls two thirds of the way to its control point.
        let c1 = Point(current.x + 2 / 3 * (control.x - current.x), current.y + 2 / 3 * (control.y - current.y))
        let c2 = Point(end.x + 2 / 3 * (control.x - end.x), end.y + 2 / 3 * (control.y - end.y))
        segments.append(.cubic(c1, c2, end))
        current = end
      case .cubic(let c1x, let c1y, let c2x, let c2y, let x, let y):
        current = p(x, y)
        segments.append(.cubic(p(c1x, c1y), p(c2x, c2y), current))
      case .close:
        segments.append(.close)
      }
    }
    return segments
  }
}
