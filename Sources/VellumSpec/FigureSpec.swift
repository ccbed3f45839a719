import Foundation
import VellumDiagnostics

/// A whole figure as the spec describes it, validated and with defaults filled in.
public struct FigureSpec: Sendable {
  /// The spec file as named on the command line.
  public var file: String
  /// The folder data paths are resolved against.
  public var directory: URL
  /// Canvas width and height in points; layout never changes them.
  public var width: Double
  public var height: Double
  /// Where the size was given (or the spec's start), for errors about room on the canvas.
  public var sizeLocation: SourceLocation
  /// Padding around the figure's content, in multiples of the base font size (matplotlib's tight_layout pad).
  public var pad: Double
  /// How the plot boxes are placed: fitted to their text, or at the `subplots` fractions.
  public var layout = LayoutMode.tight
  public var subplots = SubplotParams()
  /// Per-side overrides of the padding, in points (`margins: {left: 0.5in}`); nil sides use `pad`.
  public var margins: (left: Double?, right: Double?, top: Double?, bottom: Double?) = (nil, nil, nil, nil)

  /// The padding on each side in points: the side's margin if given, else `pad` font sizes.
  public var insets: (left: Double, right: Double, top: Double, bottom: Double) {
    let uniform = pad * font.size
    return (margins.left ?? uniform, margins.right ?? uniform, margins.top ?? uniform, margins.bottom ?? uniform)
  }
  /// Canvas color; nil leaves the SVG transparent.
  public var background: Color?
  /// The figure's look: light as drawn, or dark (greys, black and white turned over, colours kept).
  public var theme = Theme.light

  /// A figure's light or dark look.
  public enum Theme: String, Sendable, CaseIterable { case light, dark, auto }
  public var font: FontSpec
  /// The color cycle series take when they name no color.
  public var palette: [Color]
  /// How column values map to colours, dashes and marker shapes (shared by every panel unless asked otherwise).
  public var scales: ScalesSpec
  /// A text alternative for readers who cannot see the figure (SVG `<desc>`).
  public var alt: String?
  /// Thresholds and silenced checks of `vellum lint`.
  public var lint = LintSpec()
  /// The SVG scales with its container (`svg: {responsive: true}`): `width="100%"`, no fixed height.
  public var svgResponsive = false
  /// Thin lines and bands denser than the page can show (on by default).
  public var decimate: Bool
  /// How SVG output carries text: `fonts` (selectable `<text>`) or `paths` (glyph outlines).
  public var text: TextOutput
  public var data: [DataSourceSpec]
  /// One or more panels, in reading order (row by row).
  public var axes: [AxesSpec]
  public var panels: PanelsSpec
  /// Legends for the whole figure, gathering every panel's entries.
  public var legends: [LegendSpec] = []
  /// A title over every panel (matplotlib's `suptitle`).
  public var title: LabelSpec?
  /// The style files the spec (or `--style`) read, bases included; built-in styles are not files.
  public var styleFiles: [URL] = []
}

/// How the spec asks the SVG to carry text; the writer's own option (`TextMode`) has the same cases.
public enum TextOutput: String, Sendable, CaseIterable {
  /// Selectable text in the figure's fonts.
  case fonts
  /// Glyph outlines: identical everywhere, no fonts needed.
  case paths
}

/// The base font every text element inherits.
public struct FontSpec: Sendable {
  public var family: String
  /// Where the family was named, for errors when it is not installed.
  public var familyLocation: SourceLocation?
  /// Size in points.
  public var size: Double
  /// Faces for `\textsf`, `\texttt` and formulas.
  public var sans = "CMU Sans Serif"
  public var mono = "CMU Typewriter Text"
  /// A font with an OpenType MATH table.
  public var math = FontSpec.defaultMath
  /// The math family formulas fall back to when the one named has no MATH table.
  public static let defaultMath = "Latin Modern Math"
  /// Where formulas take digits and upright letters from: the math family (TeX) or the text family (matplotlib's
  /// mathtext).
  public var mathUpright = MathUpright.math

  /// The family a formula's digits and upright letters come from.
  public enum MathUpright: String, Sendable, CaseIterable { case math, text }
  /// Embed subsets of the fonts in the SVG (@font-face) so browsers draw the same faces.
  public var embed = false
  /// Families tried first for characters the label's face lacks (CJK, symbols), before the built-in list.
  public var fallback: [String] = []
  /// Where the fallback families were named, for errors when one is not installed.
  public var fallbackLocation: SourceLocation?

  public static let defaultFamily = "CMU Serif"
}

/// Where a table comes from.
public struct DataSourceSpec: Sendable {
  /// File formats a data source can be read from.
  public enum FileFormat: String, Sendable, CaseIterable {
    case csv, tsv
    /// JSON Lines: one JSON object per line, as training loggers write.
    case jsonl
    /// JSON: an array of records or an object of columns.
    case json
    /// A NumPy archive (`np.savez`): one array per column, numbers kept binary.
    case npz

    /// The format's name in prose.
    var title: String {
      ["csv": "CSV", "tsv": "TSV", "jsonl": "JSON Lines", "json": "JSON", "npz": "NumPy .npz"][rawValue]!
    }

    /// The format a file name suggests: `.tsv`, `.jsonl`/`.ndjson`, `.json`, `.npz`, else CSV.
    static func guess(_ path: String) -> FileFormat {
      let lower = path.lowercased()
      if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return .tsv }
      if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
      if lower.hasSuffix(".json") { return .json }
      if lower.hasSuffix(".npz") { return .npz }
      return .csv
    }
  }

  public enum Source: Sendable {
    /// A file, resolved relative to the spec's folder.
    case file(URL, displayPath: String, format: FileFormat)
    /// Columns written in the spec itself.
    case inline([(name: String, values: [String])])
    /// Several files (listed, or matched by glob patterns, in sorted path order) read as one table, with an
    /// optional column derived from each file's path.
    case files(FileSet)
    /// A TensorBoard log folder: every event file below it, as a long table of scalars; `runPattern`'s named
    /// groups, matched against each run's path, add columns (`lr=(?<lr>[^,]+)`), and so do the runs'
    /// hyperparameters with `hparams`.
    case tensorboard(URL, displayPath: String, runPattern: Located<String>?, hparams: Bool)
    /// A table computed once from another source by transforms (`{from: preds, transform: [...]}`), shared by
    /// every layer that names it.
    case derived(Derivation)
  }

  /// How a derived source is computed: the source it starts from and the transforms applied, in order.
  public struct Derivation: Sendable {
    public var from: Located<String>
    public var transforms: [any TransformBody]
    /// Where each transform is written, for errors found while it runs.
    public var transformLocations: [SourceLocation]

    /// Every source this one reads: `from`, and the tables its transforms read (a join's).
    public var inputs: [Located<String>] { [from] + transforms.flatMap(\.sources) }
  }

  /// Files read as one table.
  public struct FileSet: Sendable {
    /// Paths or glob patterns (`runs/seed*.csv`) as written, relative to `directory`.
    public var patterns: [String]
    public var directory: URL
    public var format: FileFormat
    /// A text column holding, for each row, its file's name (without extension) or `pathPattern`'s capture.
    public var pathColumn: String?
    /// A regular expression whose first capture group (or whole match) is taken from each file's path.
    public var pathPattern: String?
  }
  public var name: String
  public var source: Source
  public var location: SourceLocation
  /// Cells read as missing besides empty ones and `nan`: pandas' defaults unless `missing` and `missing_defaults`
  /// say otherwise.
  public var missingCells: Set<String> = DataSourceSpec.defaultMissing

  /// What pandas' `read_csv` reads as missing by default (its `na_values`, exactly as written).
  public static let defaultMissing: Set<String> = [
    "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA",
    "NULL", "NaN", "None", "n/a", "nan", "null",
  ]
}

extension FigureSpec {
  static let object = SpecObject(
    "figure",
    purpose: "The whole figure: its size, fonts, data sources and panels. `axes` is the one required key; everything "
      + "else has matplotlib's default.",
    keys: [
      SpecKey(
        "size",
        .object([
          "type": "array", "items": SpecSchema.length, "minItems": 2, "maxItems": 2,
        ]), "the figure's [width, height]: lengths in in, cm, mm, pt or bp; bare numbers are inches",
        defaultValue: "[6.4in, 4.8in]", example: "[5in, 3.4in]"),
      SpecKey(
        "width", .object(["anyOf": .array([SpecSchema.length, SpecSchema.enumeration(["column", "full"])])]),
        "the figure's width: a length, or column/full for the style's column widths",
        default: "the size's width (6.4in)",
        example: "3.5in"),
      SpecKey(
        "height", SpecSchema.length, "the figure's height: a length",
        default: "the size's height (4.8in), or width × aspect",
        example: "2.6in"),
      SpecKey(
        "pad", SpecSchema.measure,
        "margin around the content, in multiples of font.size (matplotlib's tight_layout pad)",
        default: "1.08; with layout: constrained 3 pt (matplotlib's w_pad, h_pad)", example: "0.5"),
      SpecKey(
        "margins", marginsObject.schema, "per-side margins that replace pad on those sides",
        default: "pad on every side", example: "{left: 0.6in}"),
      SpecKey(
        "layout", SpecSchema.enumeration(LayoutMode.allCases.map(\.rawValue)),
        "tight: plot boxes fitted to their text (tight_layout); constrained: fitted with constrained_layout's "
          + "smaller paddings; fixed: at the subplots fractions, as matplotlib without a layout engine",
        default: "tight; fixed when subplots is given"),
      SpecKey(
        "subplots", SubplotParams.object.schema,
        "where the plots lie with layout: fixed, as fractions of the figure (subplots_adjust)",
        example: "{left: 0.15, bottom: 0.15}"),
      SpecKey(
        "theme", SpecSchema.enumeration(Theme.allCases.map(\.rawValue)),
        "light; dark: every grey, black and white turned over (white canvas to black, black text and spines to "
          + "white), colours kept; auto: one SVG, light, that turns dark by the same rule when the reader's browser "
          + "or system asks for a dark colour scheme (PDF and PNG are the light figure)", defaultValue: Theme.light,
        example: "auto"),
      SpecKey(
        "background", SpecSchema.colorOrNone, "the canvas colour, or none for a transparent figure",
        defaultValue: "white"),
      SpecKey("font", FontSpec.object.schema, "the fonts and base size of every text", example: "{size: 9}"),
      SpecKey(
        "palette",
        .object([
          "anyOf": .array([
            SpecSchema.enumeration(Color.palettes.keys.sorted()),
            SpecSchema.nonEmpty(SpecSchema.array(SpecSchema.color)),
          ])
        ]), "the colour cycle series take: a named palette or a list of colours", defaultValue: "tab10"),
      SpecKey(
        "text", SpecSchema.enumeration(TextOutput.allCases.map(\.rawValue)),
        "how the SVG carries text: fonts (selectable text) or paths (glyph outlines)", defaultValue: TextOutput.fonts),
      SpecKey(
        "decimate", SpecSchema.boolean, "thin lines and bands denser than the output can show",
        defaultValue: true),
      SpecKey(
        "svg", svgObject.schema,
        "how the SVG file is written for web pages: {responsive: true} scales it with its page",
        example: "{responsive: true}"),
      SpecKey(
        "lint", LintSpec.object.schema, "thresholds of vellum lint's camera-ready checks, and checks silenced",
        example: "{ignore: [overlap]}"),
      SpecKey(
        "alt", SpecSchema.string, "a description of the figure for readers who cannot see it (SVG <desc>)",
        example: "'Loss falls faster with SDPO'"),
      SpecKey(
        "data", .object(["type": "object", "additionalProperties": .object([:])]),
        "the named data sources: files, TensorBoard logs, inline values, or tables derived from others",
        example: "{runs: runs.csv}"),
      SpecKey("panels", PanelsSpec.object.schema, "how the panels are laid out", example: "{columns: 2}"),
      SpecKey(
        "legend", LegendSpec.schema, "a figure legend gathering every panel's entries, outside the panels",
        default: "none (each panel's own)", example: "{location: outside top, columns: 4}"),
      SpecKey(
        "axes", .object([:]), "one panel, or a list of panels", example: "{layers: [{line: {x: step, y: loss}}]}"),
      SpecKey("scales", ScalesSpec.object.schema, "the figure's discrete colour, dash and marker scales"),
      SpecKey(
        "colors", SpecSchema.pins(SpecSchema.color), "values pinned to colours (short for scales.color.colors)",
        example: "{SDPO: C2}"),
      SpecKey("title", LabelSpec.schema, "a title over every panel (matplotlib's suptitle)", example: "'Ablations'"),
    ],
    required: ["axes"],
    example: "{size: [4in, 3in], data: {runs: runs.csv}, axes: {layers: [{line: {x: step, y: loss}}]}}")

  static let marginsObject = SpecObject(
    "margins",
    purpose: "Margins of chosen sides of the figure, replacing pad there: lengths with a unit, bare numbers in "
      + "points.",
    keys: ["left", "right", "top", "bottom"].map { side in
      SpecKey(side, SpecSchema.margin, "the \(side) margin", default: "pad font sizes", example: "0.5in")
    },
    example: "{margins: {left: 0.6in}, axes: {layers: [{line: {x: step, y: loss}}]}}")

  init(root: SpecNode, directory: URL, grammar: Grammar) throws {
    let map = try root.mapping(Self.object)
    file = root.file
    self.directory = directory
    var width = 6.4 * 72
    var height = 4.8 * 72
    sizeLocation = (map["size"] ?? map["width"] ?? root).location
    if let size = map["size"] {
      let items = try size.list("a figure size [width, height]")
      guard items.count == 2 else {
        throw size.error("expected a figure size [width, height], found \(items.count) values")
      }
      width = try Self.length(items[0])
      height = try Self.length(items[1])
    }
    if let node = map["width"] { width = try Self.length(node) }
    if let node = map["height"] { height = try Self.length(node) }
    self.width = width
    self.height = height
    let subplotsNode = map["subplots"]
    subplots = try subplotsNode.map { try SubplotParams(node: $0) } ?? SubplotParams()
    layout =
      try map.optional("layout") { try decodeEnum($0, what: "layout") } ?? (subplotsNode == nil ? .tight : .fixed)
    if layout != .fixed, let subplotsNode {
      throw subplotsNode.error("subplots place the plots of layout: fixed; drop them or write layout: fixed")
    }
    if let node = map["margins"] {
      let sides = try node.mapping(Self.marginsObject)
      func side(_ key: String) throws -> Double? {
        try sides.optional(key) { node in
          guard let text = node.scalarText, let points = Length.points(text, bareUnit: 1), points >= 0,
            points <= Limits.figurePoints
          else {
            throw node.error("expected a margin such as 0.3in, 6mm or 12pt (bare numbers are points)")
          }
          return points
        }
      }
      margins = (try side("left"), try side("right"), try side("top"), try side("bottom"))
    }
    background =
      try map.optional("background") { node in
        // `none`: no canvas rectangle at all.
        if isNoneColor(node) { return Color?.none }
        return try decodeColor(node)
      } ?? .white
    let font =
      try map.optional("font") { try FontSpec(node: $0) }
      ?? FontSpec(family: FontSpec.defaultFamily, familyLocation: nil, size: 10)
    // constrained_layout's w_pad and h_pad: 3/72 in, whatever the font size.
    pad = try map.optional("pad") { try $0.measure("a pad") } ?? (layout == .constrained ? 3 / font.size : 1.08)
    let data: [DataSourceSpec] =
      try map.optional("data") { node in
        let sources = try node.mapping("data", keys: try Self.sourceNames(node))
        let declared = try sources.entries.map {
          try DataSourceSpec(
            name: $0.key.string(), node: $0.value, directory: directory, transforms: grammar.transforms)
        }
        try DataSourceSpec.checkDerivations(declared)
        return declared
      } ?? []
    self.font = font
    text = try map.optional("text") { try decodeEnum($0, what: "text mode") } ?? .fonts
    decimate = try map.optional("decimate") { try $0.bool() } ?? true
    alt = try map.optional("alt") { try $0.string("a description of the figure") }
    lint = try map.optional("lint") { try LintSpec(node: $0) } ?? LintSpec()
    theme = try map.optional("theme") { try decodeEnum($0, what: "theme") } ?? .light
    svgResponsive =
      try map.optional("svg") { try $0.mapping(Self.svgObject).optional("responsive") { try $0.bool() } ?? false }
      ?? false
    palette =
      try map.optional("palette") { node -> [Color] in
        if let name = node.scalarText {
          guard let colors = Color.palettes[name] else {
            throw node.error(unknownNameMessage(name, kind: "palette", candidates: Color.palettes.keys.sorted()))
          }
          return colors
        }
        let colors = try node.list("a palette name or a list of colors").map(decodeColor)
        guard !colors.isEmpty else { throw node.error("a palette needs at least one color") }
        return colors
      } ?? Color.tab10
    var scales = try map.optional("scales") { try ScalesSpec(node: $0) } ?? ScalesSpec()
    if let colors = map["colors"], !colors.isNull {
      guard scales.color.pinned.isEmpty else {
        throw colors.error("colors are given twice: here and under scales.color.colors")
      }
      scales.color.pinned = try DiscreteScaleSpec.pins(colors, decode: decodeColor)
    }
    self.scales = scales
    self.data = data
    axes = try map.required("axes") { node in
      let items = node.isSequence ? try node.list("a list of panels") : [node]
      guard !items.isEmpty else { throw node.error("'axes' needs at least one panel") }
      // The limit the panels grid holds a figure to, whether or not `panels` is written.
      guard items.count <= 64 else { throw node.error("at most 64 panels are supported, found \(items.count)") }
      return try items.map { try AxesSpec(node: $0, baseFont: font, dataNames: data.map(\.name), grammar: grammar) }
    }
    if axes.count > 1, let faceted = axes.first(where: { $0.facet != nil })?.facet {
      throw VellumError(
        .invalidSpec, "a faceted panel fills the figure's grid; give it as the only entry of 'axes'",
        at: faceted.location)
    }
    let count = axes.count
    panels = try map.optional("panels") { try PanelsSpec(node: $0, count: count) } ?? PanelsSpec(count: count)
    if layout == .fixed, panels.wspace != nil || panels.hspace != nil, let node = map["panels"] {
      throw node.error("with layout: fixed the gaps between plots are subplots: {wspace, hspace}")
    }
    title = try map.optional("title") {
      // matplotlib's tight_layout keeps its pad (pad × font size) between a suptitle and the panels;
      // constrained_layout keeps h_pad below it and h_pad more around the panels.
      try LabelSpec(
        node: $0, what: "figure title", defaultSize: font.size * 1.2,
        defaultPad: (layout == .constrained ? 2 : 1) * pad * font.size)
    }
    var figureDefault = LegendSpec(baseFont: font)
    figureDefault.location = .outsideTop
    legends = try map.optional("legend") { try LegendSpec.list($0, baseFont: font, defaults: figureDefault) } ?? []
    // Small multiples share one legend, right of the panels (seaborn's relplot), unless the spec places it.
    if legends.isEmpty, axes.count == 1, axes[0].facet != nil, axes[0].legendIsDefault {
      var right = LegendSpec(baseFont: font)
      right.location = .outsideRight
      legends = [right]
    }
    // A figure legend replaces the panels' own legends unless a panel asks for one.
    if !legends.isEmpty {
      for i in axes.indices where axes[i].legendIsDefault { axes[i].legends = [] }
    }
  }

  private static func sourceNames(_ node: SpecNode) throws -> [String] {
    guard case .mapping(let mapping) = node.node else {
      throw node.error("expected data sources (a mapping from name to CSV path or columns)")
    }
    return mapping.keys.compactMap { $0.string }
  }

  static func length(_ node: SpecNode) throws -> Double {
    guard let text = node.scalarText, let points = Length.points(text, bareUnit: 72), points >= 1 else {
      throw node.error("expected a length of at least 1pt such as 6.5in, 16cm, 120mm or 468pt")
    }
    guard points <= Limits.figurePoints else {
      throw node.error("a figure side of \(text) is larger than the limit of \(Int(Limits.figurePoints / 72)) in")
    }
    return points
  }
}

extension FigureSpec {
  /// `svg:` — how the SVG file is written (PDF and PNG are unaffected).
  static let svgObject = SpecObject(
    "svg",
    purpose: "How the SVG file is written for web pages and documentation sites; PDF and PNG are unaffected.",
    keys: [
      SpecKey(
        "responsive", SpecSchema.boolean,
        "width=\"100%\" and no fixed height, so the figure scales with its container at its aspect ratio",
        defaultValue: false)
    ],
    example: "{svg: {responsive: true}, axes: {layers: [{line: {x: step, y: loss}}]}}")
}

extension FontSpec {
  static let object = SpecObject(
    "font",
    purpose: "The fonts of every text and the base size other sizes follow (matplotlib's font.size); any "
      + "installed family.",
    keys: [
      SpecKey(
        "family", SpecSchema.string, "the text font family", defaultValue: FontSpec.defaultFamily,
        example: "TeX Gyre Termes"),
      SpecKey("size", SpecSchema.fontSize, "the base font size in points", defaultValue: 10.0),
      SpecKey("sans", SpecSchema.string, "the family of \\textsf{…}", defaultValue: "CMU Sans Serif"),
      SpecKey("mono", SpecSchema.string, "the family of \\texttt{…}", defaultValue: "CMU Typewriter Text"),
      SpecKey(
        "math", SpecSchema.string, "a family with an OpenType MATH table, for $…$", defaultValue: "Latin Modern Math"),
      SpecKey(
        "math_upright", SpecSchema.enumeration(MathUpright.allCases.map(\.rawValue)),
        "where formulas take digits, upright letters and operator names: the math family (as TeX) or the text "
          + "family (as matplotlib's mathtext)", defaultValue: MathUpright.math, example: "text"),
      SpecKey(
        "embed", SpecSchema.boolean, "embed font subsets in the SVG so browsers draw the same faces",
        defaultValue: false),
      SpecKey(
        "fallback", .object(["anyOf": .array([SpecSchema.string, SpecSchema.array(SpecSchema.string)])]),
        "families tried first for characters the font lacks, before the built-in list",
        default: "[] (then WenQuanYi Micro Hei, Noto CJK, DejaVu Sans, Symbola)", example: "[Noto Sans CJK JP]"),
    ],
    example: "{font: {family: CMU Serif, size: 9}, axes: {layers: [{line: {x: step, y: loss}}]}}")

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.object)
    family = try map.optional("family") { try $0.string("a font family") } ?? FontSpec.defaultFamily
    familyLocation = (map["family"] ?? node).location
    size = try map.optional("size") { try $0.fontSize() } ?? 10
    sans = try map.optional("sans") { try $0.string("a font family") } ?? sans
    mono = try map.optional("mono") { try $0.string("a font family") } ?? mono
    math = try map.optional("math") { try $0.string("a font family") } ?? math
    mathUpright = try map.optional("math_upright") { try decodeEnum($0, what: "math upright source") } ?? mathUpright
    embed = try map.optional("embed") { try $0.bool() } ?? false
    fallbackLocation = map["fallback"]?.location
    fallback =
      try map.optional("fallback") { node in
        try node.isSequence
          ? node.list("a list of font families").map { try $0.string("a font family") } : [node.string("a font family")]
      } ?? []
  }
}

extension DataSourceSpec {
  /// A source read from files, a log folder or values written in the spec.
  static let fileObject = SpecObject(
    "data source",
    purpose: "A table read from files (CSV, TSV, JSON Lines, NumPy .npz; a path, a glob or a list read as one "
      + "table), a TensorBoard log folder, or columns written inline; a bare path is short for it.",
    keys: FileFormat.allCases.map { format in
      SpecKey(
        format.rawValue, .object(["anyOf": .array([SpecSchema.string, SpecSchema.array(SpecSchema.string)])]),
        "\(format.title) file(s): a path, a glob pattern such as runs/seed*.\(format.rawValue), or a list, read "
          + "as one table", example: "runs.\(format.rawValue)")
    } + [
      SpecKey(
        "tensorboard", SpecSchema.string,
        "a TensorBoard log folder: every event file below it as columns run, tag, step, wall_time, value",
        example: "logs/"),
      SpecKey(
        "values",
        .object([
          "type": "object",
          "additionalProperties": SpecSchema.array(.object(["type": .array(["string", "number"])])),
        ]), "columns written in the spec: {column: [values…]}", example: "{model: [a, b], params: [7, 13]}"),
      SpecKey(
        "path_column", SpecSchema.string,
        "with several files: a column holding each row's file name (or path_pattern's capture)", example: "seed"),
      SpecKey(
        "path_pattern", SpecSchema.string,
        "a regular expression whose first capture (or whole match) of each file's path fills path_column; on a "
          + "TensorBoard source, its named groups over each run's path add columns",
        example: "'seed(\\d+)'"),
      SpecKey(
        "hparams", SpecSchema.boolean,
        "TensorBoard: a column per hyperparameter the hparams plugin logged, each run's value on its rows",
        defaultValue: false),
      SpecKey(
        "missing", SpecSchema.array(SpecSchema.string),
        "more cells read as missing (gaps), beside empty cells, nan and pandas' defaults (NA, N/A, NULL, None…)",
        example: "['-', '?', '-999']"),
      SpecKey(
        "missing_defaults", SpecSchema.boolean,
        "read pandas' default markers (NA, N/A, #N/A, NULL, null, None…) as missing; false keeps them as text "
          + "(pandas' keep_default_na=False)", defaultValue: true),
    ],
    // One reader per source: a second was ignored without a word.
    exclusive: [["tensorboard", "path_column"]] + readerPairs,
    requiresOneOf: readers.map { [$0] },
    shorthand: [SpecSchema.string, SpecSchema.array(SpecSchema.string)],
    example:
      "{data: {runs: {csv: runs/seed*.csv, path_column: seed}}, axes: {layers: [{line: {x: step, y: loss, group: seed}}]}}"
  )

  /// The keys that say how a source is read: one file format, a TensorBoard folder or inline values.
  static let readers = FileFormat.allCases.map(\.rawValue) + ["tensorboard", "values"]
  static let readerPairs = readers.indices.flatMap { i in readers[(i + 1)...].map { [readers[i], $0] } }

  /// A table computed once from another source, shared by every layer naming it.
  static let derivedObject = SpecObject(
    "derived data source",
    purpose: "A table computed once from another source by transforms and shared by every layer that names it "
      + "(a ROC curve per model, a mean over seeds); derived sources may read each other, without cycles.",
    keys: [
      SpecKey("from", SpecSchema.string, "the data source this one starts from", example: "runs"),
      SpecKey(
        "transform", SpecSchema.array(.object([:])), "transforms applied in order to make this source",
        default: "[]", example: "[{aggregate: {by: step, column: loss}}]"),
    ],
    required: ["from"],
    example:
      "{data: {runs: runs.csv, mean: {from: runs, transform: [{aggregate: {by: step, column: loss}}]}}, axes: {layers: [{line: {data: mean, x: step, y: loss_mean}}]}}"
  )

  /// Every source a derived one reads is declared, and no source reads itself through others.
  static func checkDerivations(_ sources: [DataSourceSpec]) throws {
    let names = sources.map(\.name)
    var inputs: [String: [Located<String>]] = [:]
    for source in sources {
      guard case .derived(let derivation) = source.source else { continue }
      for input in derivation.inputs where !names.contains(input.value) {
        throw VellumError(.invalidSpec, unknownSourceMessage(input.value, candidates: names), at: input.location)
      }
      inputs[source.name] = derivation.inputs
    }
    // Depth-first from each derived source; reaching a source on the current path is a cycle.
    var finished: Set<String> = []
    func visit(_ name: String, path: [String]) throws {
      guard !finished.contains(name), let reads = inputs[name] else { return }
      for input in reads {
        if let start = path.firstIndex(of: input.value) {
          let cycle = (path[start...] + [input.value]).joined(separator: " → ")
          throw VellumError(
            .invalidSpec, "data sources derive from each other in a cycle: \(cycle)", at: input.location)
        }
        try visit(input.value, path: path + [input.value])
      }
      finished.insert(name)
    }
    for name in inputs.keys.sorted() { try visit(name, path: [name]) }
  }

  init(name: String, node: SpecNode, directory: URL, transforms: TransformKinds) throws {
    self.name = name
    location = node.location
    func file(_ path: String, _ format: FileFormat) -> Source {
      let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
      return .file(url.standardizedFileURL, displayPath: path, format: format)
    }
    func isPattern(_ path: String) -> Bool { path.contains { "*?[".contains($0) } }
    if let path = node.scalarText {
      source =
        isPattern(path)
        ? .files(FileSet(patterns: [path], directory: directory, format: FileFormat.guess(path)))
        : file(path, FileFormat.guess(path))
      return
    }
    if node.isSequence {
      let items = try node.list("file paths")
      let paths = try items.map { try $0.string("a file path") }
      guard let first = paths.first else { throw node.error("data source '\(name)' lists no files") }
      // Files read as one table are read one way: a list mixing formats would read the others as the first's.
      let format = FileFormat.guess(first)
      if let index = paths.firstIndex(where: { FileFormat.guess($0) != format }) {
        throw items[index].error(
          "'\(paths[index])' reads as \(FileFormat.guess(paths[index]).title), but '\(first)' as "
            + "\(format.title): the files of one source share a format (give each its own source)")
      }
      source = .files(FileSet(patterns: paths, directory: directory, format: format))
      return
    }
    let formats = FileFormat.allCases.map(\.rawValue)
    let keys = try node.mappingKeys()
    if keys.contains("from") {
      let map = try node.mapping(Self.derivedObject)
      let steps = try map.optional("transform") { try transforms.decodeList($0) } ?? []
      source = .derived(
        Derivation(
          from: try map.required("from") { try $0.located("a data source name") }, transforms: steps.map(\.body),
          transformLocations: steps.map(\.location)))
      return
    }
    let map = try node.mapping(Self.fileObject)
    let extra = try map.optional("missing") { try $0.list("cells read as missing").map { try $0.string("a cell") } }
    let defaults = try map.optional("missing_defaults") { try $0.bool() } ?? true
    missingCells = (defaults ? Self.defaultMissing : []).union(extra ?? [])
    if let folder = try map.optional("tensorboard", { try $0.string("a log folder") }) {
      let url = folder.hasPrefix("/") ? URL(fileURLWithPath: folder) : directory.appendingPathComponent(folder)
      if let column = map["path_column"] {
        throw column.error("a TensorBoard source names each row's run in column 'run'; use path_pattern's named groups")
      }
      let pattern = try map.optional("path_pattern") { node -> Located<String> in
        let text = try node.string("a regular expression")
        guard let regex = try? Regex(text) else { throw node.error("invalid regular expression '\(text)'") }
        _ = regex
        guard text.contains("(?<") else {
          throw node.error("name the groups that become columns, as in 'lr=(?<lr>[^,]+)'")
        }
        return Located(text, at: node.textLocation)
      }
      let hparams = try map.optional("hparams") { try $0.bool() } ?? false
      source = .tensorboard(url.standardizedFileURL, displayPath: folder, runPattern: pattern, hparams: hparams)
      return
    }
    let pathColumn = try map.optional("path_column") { try $0.string("a column name") }
    let pathPattern = try map.optional("path_pattern") { node -> String in
      let text = try node.string("a regular expression")
      guard (try? Regex(text)) != nil else { throw node.error("invalid regular expression '\(text)'") }
      return text
    }
    if pathPattern != nil && pathColumn == nil {
      throw (map["path_pattern"] ?? node).error("path_pattern fills a column; name it with 'path_column'")
    }
    /// One path, or several (a list or a glob pattern) read as one table.
    func paths(_ key: String, _ format: FileFormat) throws -> Source? {
      guard let value = map[key] else { return nil }
      let listed =
        value.isSequence ? try value.list().map { try $0.string("a file path") } : [try value.string("a path")]
      guard !listed.isEmpty else { throw value.error("data source '\(name)' lists no files") }
      if listed.count == 1 && !isPattern(listed[0]) && pathColumn == nil { return file(listed[0], format) }
      return .files(
        FileSet(
          patterns: listed, directory: directory, format: format, pathColumn: pathColumn, pathPattern: pathPattern))
    }
    // The first file format key given wins, in the order the formats are declared.
    for format in FileFormat.allCases {
      if let found = try paths(format.rawValue, format) {
        source = found
        return
      }
    }
    guard let values = map["values"] else {
      let named = formats.map { "'\($0)'" }
      throw node.error(
        "data source '\(name)' needs \(named.dropLast().joined(separator: ", ")) or \(named.last!) (a file path), "
          + "'tensorboard' (a log folder) or 'values' (inline columns)")
    }
    let columns = try values.mapping("inline columns", keys: try values.mappingKeys())
    source = .inline(
      try columns.entries.map { entry in
        (
          try entry.key.string(),
          try entry.value.list("a list of values").map { $0.isNull ? "" : try $0.string("a value") }
        )
      })
  }
}

extension SpecNode {
  public func mappingKeys() throws -> [String] {
    guard case .mapping(let mapping) = node else { throw error("expected a mapping") }
    return mapping.keys.compactMap { $0.string }
  }
}

public func decodeColor(_ node: SpecNode) throws -> Color {
  let text = try node.string("a color")
  guard let color = Color(name: text) else {
    throw node.error("unknown color '\(text)' (expected #rrggbb, a name such as 'black' or 'tab:blue', or C0…C9)")
  }
  return color
}

/// A colour, or matplotlib's `none` (fully transparent) where a marker's face or edge may be left empty.
public func decodeColorOrNone(_ node: SpecNode) throws -> Color {
  if isNoneColor(node) { return Color(red: 0, green: 0, blue: 0, alpha: 0) }
  return try decodeColor(node)
}

/// Whether `node` is matplotlib's colour `none`, in any case and with spaces around it, as colour names are read.
func isNoneColor(_ node: SpecNode) -> Bool {
  node.scalarText?.trimmingCharacters(in: .whitespaces).lowercased() == "none"
}
