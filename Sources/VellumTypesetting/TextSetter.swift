import VellumDiagnostics
import VellumFonts
import VellumScene
import VellumSpec

/// A label typeset and measured, ready to place.
public struct SetText: Sendable {
  /// Glyph runs relative to the start of the baseline (y down).
  public var runs: [GlyphRun]
  /// Rules (fraction bars, radical overbars) relative to the start of the baseline (y down).
  public var rules: [Rect]
  /// Advance width in points.
  public var width: Double
  /// Extent above the baseline used for alignment (ink, padded to the text face's "l").
  public var ascent: Double
  /// Extent below the baseline used for alignment (ink, padded to the text face's "p").
  public var descent: Double

  public var height: Double { ascent + descent }
  public var isEmpty: Bool { runs.isEmpty && rules.isEmpty }
  /// The characters set, in order (for messages naming the text).
  public var plainText: String { runs.compactMap(\.text).joined() }
}

/// Typesets labels (TeX subset) and data text (literal), caching results, and collects the fonts
/// and glyph outlines the figure uses.
public final class TextSetter {
  private let typesetter: Typesetter
  private var cache: [String: SetText] = [:]

  public init(families: FontFamilies) {
    typesetter = Typesetter(families: families)
  }

  /// Checks that the fallback families are installed: a missing one is an error, never a silent skip.
  public func requireFallbacksInstalled() throws { try typesetter.requireInstalled(typesetter.families.fallback) }

  public var fontFiles: Set<String> { typesetter.fontFiles }
  /// Whether the math family can set formulas (an OpenType MATH table and math italic letters).
  public var mathFamilyCanSetFormulas: Bool { typesetter.mathFamilyCanSetFormulas }
  public var outlines: [GlyphRef: [PathSegment]] { typesetter.outlines }

  /// Subsets of every face that set text, holding just the characters shown, sorted by face.
  public func embeddedFonts() throws -> [EmbeddedFont] {
    try typesetter.characters.sorted { $0.key < $1.key }.map { _, entry in
      EmbeddedFont(
        family: entry.face.key.family, bold: entry.face.key.bold, italic: entry.face.key.italic,
        isCFF: entry.face.path.lowercased().hasSuffix(".otf"),
        data: try FontSubsetter.subset(entry.face, characters: entry.scalars))
    }
  }

  /// Parses and sets a spec label; errors point at the label.
  public func set(label: Located<String>, size: Double) throws -> SetText {
    // Counted in code points, as JSON Schema's maxLength counts them, so the schema refuses the same labels.
    let characters = label.value.unicodeScalars.count
    guard characters <= Limits.labelCharacters else {
      throw VellumError(
        .invalidSpec,
        "a label of \(characters) characters is longer than the limit of \(Limits.labelCharacters)",
        at: label.location)
    }
    let label = Located(Self.printable(label.value), at: label.location)
    return try cached("tex|\(size)|\(label.value)") {
      try located(at: label.location) { try set(TeXParser.parse(label), size: size) }
    }
  }

  /// Labels come from run names and scripts: whitespace controls become spaces and other control
  /// characters (which no font draws and XML cannot carry) are dropped, rather than failing the figure.
  static func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if ["\t", "\n", "\r"].contains(scalar) {
        result.append(" ")
      } else if scalar.properties.generalCategory != .control {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Sets text exactly as given (data values, tick labels), with no TeX interpretation.
  public func set(literal text: String, size: Double) throws -> SetText {
    let clean = Self.printable(text)
    let text = clean.count > Limits.labelCharacters ? String(clean.prefix(Limits.labelCharacters)) + "…" : clean
    return try cached("literal|\(size)|\(text)") {
      try set(text.isEmpty ? [] : [.text(text, TextStyle())], size: size)
    }
  }

  private func cached(_ key: String, _ make: () throws -> SetText) throws -> SetText {
    if let hit = cache[key] { return hit }
    let result = try make()
    cache[key] = result
    return result
  }

  private func set(_ pieces: [TextPiece], size: Double) throws -> SetText {
    let box = try typesetter.typeset(pieces, size: size)
    let roman = try typesetter.face(TextStyle())
    let scale = size / roman.unitsPerEm
    let runs = box.runs.map { run in
      GlyphRun(
        text: run.text, font: run.font, face: run.face.id, offset: Point(run.x, -run.y),
        glyphs: run.glyphs.map { PlacedGlyph(id: $0.id, x: $0.x, y: -$0.y) })
    }
    let rules = box.rules.map { Rect(x: $0.x, y: -($0.y + $0.height), width: $0.width, height: $0.height) }
    return SetText(
      runs: runs, rules: rules, width: box.width, ascent: max(box.height, roman.lineAscent * scale),
      descent: max(box.depth, roman.lineDescent * scale))
  }
}
