/// How the writer emits text.
public enum TextMode: String, Sendable, CaseIterable {
  /// `<text>`/`<tspan>` in the figure's fonts: selectable, small, needs the fonts installed to look right.
  case fonts
  /// Glyph outlines defined once in `<defs>` and placed with `<use>`: identical everywhere, no fonts needed.
  case paths
}
