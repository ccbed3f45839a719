import VellumFonts
import VellumScene
import VellumSpec

/// A label shaped and measured, ready to place.
struct SetText {
  var spans: [TextSpan]
  /// Advance width in points.
  var width: Double
  /// Extent above the baseline used for alignment (ink, padded to the face's "l").
  var ascent: Double
  /// Extent below the baseline used for alignment (ink, padded to the face's "p").
  var descent: Double

  var height: Double { ascent + descent }
  var isEmpty: Bool { spans.isEmpty }
}

/// Measures rich text with HarfBuzz + FreeType and remembers which font files it used.
final class TextSetter {
  let family: String
  private let fonts: FontLibrary
  private(set) var fontFiles: Set<String> = []
  private var cache: [String: SetText] = [:]

  init(family: String, fonts: FontLibrary = .shared) {
    self.family = family
    self.fonts = fonts
  }

  func set(_ text: RichText, size: Double) throws -> SetText {
    let cacheKey =
      "\(size)|"
      + text.runs.map { "\($0.bold ? "b" : "")\($0.italic ? "i" : "")|\($0.text)" }.joined(separator: "\u{1}")
    if let cached = cache[cacheKey] { return cached }
    var width = 0.0
    var ascent = 0.0
    var descent = 0.0
    var spans: [TextSpan] = []
    for run in text.runs {
      let key = FontKey(family: family, bold: run.bold, italic: run.italic)
      let face = try fonts.face(key)
      fontFiles.insert(face.path)
      let metrics = try fonts.measure(run.text, font: key, size: size)
      width += metrics.advance
      ascent = max(ascent, metrics.ascent)
      descent = max(descent, metrics.descent)
      spans.append(TextSpan(run.text, font: FontStyle(family: family, size: size, bold: run.bold, italic: run.italic)))
    }
    let result = SetText(spans: spans, width: width, ascent: ascent, descent: descent)
    cache[cacheKey] = result
    return result
  }

  /// Parses a spec label and sets it; font errors point at the label.
  func set(label: Located<String>, size: Double) throws -> SetText {
    try located(at: label.location) { try set(RichText.parse(label), size: size) }
  }
}

/// Runs `body`, giving any location-less error the location `location`.
func located<T>(at location: SourceLocation?, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch var error as VellumError where error.location == nil {
    error.location = location
    throw error
  }
}
