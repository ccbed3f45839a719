import CVellumText
import VellumDiagnostics

/// Asks fontconfig which file provides a face, refusing substitutes from another family.
struct FontResolver {
  private let config: OpaquePointer

  init() throws {
    // The process's current configuration, not a private one: Pango's font map starts a thread that calls FcInit,
    // which then finds the configuration loaded instead of parsing fontconfig's XML files a second time.
    try FontBoundary.fontconfig(FcInit(), "fontconfig could not load its configuration")
    config = try FontBoundary.fontconfig(FcConfigReference(nil), "fontconfig could not load its configuration")
  }

  /// The font file and face index fontconfig picks for `key`.
  func resolve(_ key: FontKey) throws -> (path: String, index: Int) {
    let pattern = try FontBoundary.fontconfig(FcPatternCreate(), "cannot create a font pattern")
    defer { FcPatternDestroy(pattern) }
    FcPatternAddString(pattern, FC_FAMILY, key.family)
    prepare(pattern, bold: key.bold, italic: key.italic)
    var result = FcResultNoMatch
    let match = try FontBoundary.fontconfig(
      FcFontMatch(config, pattern, &result), "no font matches '\(key)'", result: result)
    defer { FcPatternDestroy(match) }

    let families = strings(match, FC_FAMILY)
    guard families.contains(where: { $0.caseInsensitiveCompare(key.family) == .orderedSame }) else {
      throw VellumError(
        .font, "font family '\(key.family)' is not installed (fontconfig offered '\(families.first ?? "?")')",
        cause: .detail("fc-list lists the installed families; CMU Serif comes with Debian's fonts-cmu"))
    }
    var weight: Int32 = 0
    var slant: Int32 = 0
    FcPatternGetInteger(match, FC_WEIGHT, 0, &weight)
    FcPatternGetInteger(match, FC_SLANT, 0, &slant)
    if key.bold && weight < FC_WEIGHT_DEMIBOLD {
      throw VellumError(.font, "font family '\(key.family)' has no bold face")
    }
    if key.italic && slant == FC_SLANT_ROMAN {
      throw VellumError(.font, "font family '\(key.family)' has no italic face")
    }
    guard let path = strings(match, FC_FILE).first else {
      throw VellumError(.font, "fontconfig gave no file for '\(key)'")
    }
    var index: Int32 = 0
    FcPatternGetInteger(match, FC_INDEX, 0, &index)
    return (path, Int(index))
  }

  /// The installed face of `family` nearest the weight and slant asked for (a fallback takes what the family
  /// has), or nil when fontconfig would substitute another family.
  func installed(family: String, bold: Bool, italic: Bool) -> (path: String, index: Int, family: String)? {
    guard let pattern = FcPatternCreate() else { return nil }
    defer { FcPatternDestroy(pattern) }
    FcPatternAddString(pattern, FC_FAMILY, family)
    prepare(pattern, bold: bold, italic: italic)
    var result = FcResultNoMatch
    guard let match = FcFontMatch(config, pattern, &result) else { return nil }
    defer { FcPatternDestroy(match) }
    let families = strings(match, FC_FAMILY)
    guard families.contains(where: { $0.caseInsensitiveCompare(family) == .orderedSame }),
      let path = strings(match, FC_FILE).first
    else { return nil }
    var index: Int32 = 0
    FcPatternGetInteger(match, FC_INDEX, 0, &index)
    return (path, Int(index), families.first ?? family)
  }

  /// Faces whose character set holds `scalar`, in fontconfig's order of preference for the style.
  func candidates(for scalar: Unicode.Scalar, bold: Bool, italic: Bool) -> [(path: String, index: Int, family: String)]
  {
    guard let pattern = FcPatternCreate(), let wanted = FcCharSetCreate() else { return [] }
    defer {
      FcPatternDestroy(pattern)
      FcCharSetDestroy(wanted)
    }
    FcCharSetAddChar(wanted, scalar.value)
    FcPatternAddCharSet(pattern, FC_CHARSET, wanted)
    prepare(pattern, bold: bold, italic: italic)
    var result = FcResultNoMatch
    guard let set = FcFontSort(config, pattern, FcFalse, nil, &result) else { return [] }
    defer { FcFontSetDestroy(set) }
    var found: [(path: String, index: Int, family: String)] = []
    for position in 0..<Int(set.pointee.nfont) {
      guard let font = set.pointee.fonts[position] else { continue }
      var charset: OpaquePointer?
      guard FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) == FcResultMatch, let charset,
        FcCharSetHasChar(charset, scalar.value) != 0, let path = strings(font, FC_FILE).first
      else { continue }
      var index: Int32 = 0
      FcPatternGetInteger(font, FC_INDEX, 0, &index)
      found.append((path, Int(index), strings(font, FC_FAMILY).first ?? path))
    }
    return found
  }

  /// Adds the weight and slant asked for, then fontconfig's configured and default substitutions.
  private func prepare(_ pattern: OpaquePointer, bold: Bool, italic: Bool) {
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR)
    FcPatternAddInteger(pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN)
    FcConfigSubstitute(config, pattern, FcMatchPattern)
    FcDefaultSubstitute(pattern)
  }

  private func strings(_ pattern: OpaquePointer, _ object: String) -> [String] {
    var values: [String] = []
    var id: Int32 = 0
    var value: UnsafeMutablePointer<FcChar8>?
    while FcPatternGetString(pattern, object, id, &value) == FcResultMatch, let value {
      values.append(String(cString: value))
      id += 1
    }
    return values
  }
}
