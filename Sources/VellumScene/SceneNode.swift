import VellumDiagnostics

/// The closed set of things a scene is made of; charts compile down to these.
public indirect enum SceneNode: Sendable, Equatable {
  /// Children sharing a role, e.g. `axis-x` or `series-sdpo`.
  case group(Group)
  case path(PathNode)
  case text(TextNode)
  /// Children drawn only inside a rectangle.
  case clip(Clip)
  /// A raster stretched over a rectangle (a dense heatmap).
  case image(ImageNode)
}

/// Pixels stretched over `rect`, row by row from the top: RGBA, 8 bits a channel, straight alpha.
public struct ImageNode: Sendable, Equatable {
  public var rect: Rect
  public var width: Int
  public var height: Int
  /// `width × height × 4` bytes.
  public var rgba: [UInt8]

  public init(rect: Rect, width: Int, height: Int, rgba: [UInt8]) {
    precondition(rgba.count == width * height * 4, "an image needs width × height RGBA pixels")
    self.rect = rect
    self.width = width
    self.height = height
    self.rgba = rgba
  }
}

/// A named bundle of nodes; its role becomes the SVG id and class.
public struct Group: Sendable, Equatable {
  public var role: String
  public var children: [SceneNode]
  /// Shifts the children; lets a block that moves as a whole (a legend) change one line when it moves.
  public var translation: Point?
  /// How the group's page coordinates map to data (an axes), for tools reading the SVG.
  public var mapping: PlotMapping?
  /// Where the spec declared what the group draws (a layer, an axes, a legend), for checks that point at it; not
  /// written to the SVG.
  public var source: SourceLocation?
  /// Colours that encode data through a colormap (a heatmap, a colorbar's ramp) and text chosen against them: a
  /// dark theme leaves them as they are, as matplotlib's dark style leaves colormaps.
  public var keepsColors: Bool

  public init(
    role: String, children: [SceneNode], translation: Point? = nil, mapping: PlotMapping? = nil,
    source: SourceLocation? = nil, keepsColors: Bool = false
  ) {
    self.role = role
    self.children = children
    self.translation = translation
    self.mapping = mapping
    self.source = source
    self.keepsColors = keepsColors
  }
}

/// Children clipped to `rect`.
public struct Clip: Sendable, Equatable {
  public var rect: Rect
  public var children: [SceneNode]

  public init(rect: Rect, children: [SceneNode]) {
    self.rect = rect
    self.children = children
  }
}

/// One step of a path outline.
public enum PathSegment: Sendable, Equatable {
  case move(Point)
  case line(Point)
  case cubic(Point, Point, Point)
  case close
}

/// A filled and/or stroked outline.
public struct PathNode: Sendable, Equatable {
  public var segments: [PathSegment]
  public var fill: Paint?
  public var stroke: Stroke?
  /// A pattern over the fill, under the stroke (hatching).
  public var pattern: TilePattern?

  public init(segments: [PathSegment], fill: Paint? = nil, stroke: Stroke? = nil, pattern: TilePattern? = nil) {
    self.segments = segments
    self.fill = fill
    self.stroke = stroke
    self.pattern = pattern
  }
}

/// A face at a size; the writer turns distinct ones into CSS classes.
public struct FontStyle: Sendable, Hashable {
  public var family: String
  /// Size in scene units (points).
  public var size: Double
  public var bold: Bool
  public var italic: Bool

  public init(family: String, size: Double, bold: Bool = false, italic: Bool = false) {
    self.family = family
    self.size = size
    self.bold = bold
    self.italic = italic
  }
}

/// Identifies one glyph of one font face (`face` is a short name such as `cmunrm`).
public struct GlyphRef: Sendable, Hashable, Comparable {
  public var face: String
  public var id: UInt32

  public init(face: String, id: UInt32) {
    self.face = face
    self.id = id
  }

  public static func < (a: GlyphRef, b: GlyphRef) -> Bool {
    (a.face, a.id) < (b.face, b.id)
  }
}

/// A glyph's position within its run, in scene units, y down.
public struct PlacedGlyph: Sendable, Equatable {
  public var id: UInt32
  public var x: Double
  public var y: Double

  public init(id: UInt32, x: Double, y: Double) {
    self.id = id
    self.x = x
    self.y = y
  }
}

/// Glyphs of one face at one size, set from `text` (nil when the glyphs have no character,
/// e.g. a tall delimiter; such runs are always drawn as outlines).
public struct GlyphRun: Sendable, Equatable {
  public var text: String?
  public var font: FontStyle
  /// The face the glyph ids belong to; its outlines are in ``Scene/glyphOutlines``.
  public var face: String
  /// Baseline start relative to the text node's origin.
  public var offset: Point
  public var glyphs: [PlacedGlyph]

  public init(text: String?, font: FontStyle, face: String, offset: Point, glyphs: [PlacedGlyph]) {
    self.text = text
    self.font = font
    self.face = face
    self.offset = offset
    self.glyphs = glyphs
  }
}

/// Typeset text: glyph runs and rules (fraction bars, radicals) placed relative to `origin`,
/// the whole optionally rotated about it.
public struct TextNode: Sendable, Equatable {
  public var origin: Point
  /// Degrees, counter-clockwise positive as seen on the page.
  public var rotation: Double
  public var runs: [GlyphRun]
  /// Filled rectangles relative to `origin`.
  public var rules: [Rect]
  public var paint: Paint

  public init(origin: Point, rotation: Double = 0, runs: [GlyphRun], rules: [Rect] = [], paint: Paint = Paint(.black)) {
    self.origin = origin
    self.rotation = rotation
    self.runs = runs
    self.rules = rules
    self.paint = paint
  }

  /// The characters of the text, in order, for titles and accessible names.
  public var plainText: String { runs.compactMap(\.text).joined() }
}

/// A font subset to embed as @font-face, so browsers show text in the fonts layout measured with.
public struct EmbeddedFont: Sendable, Equatable {
  public var family: String
  public var bold: Bool
  public var italic: Bool
  /// True for CFF-flavoured OpenType, false for TrueType outlines.
  public var isCFF: Bool
  public var data: [UInt8]

  public init(family: String, bold: Bool, italic: Bool, isCFF: Bool, data: [UInt8]) {
    self.family = family
    self.bold = bold
    self.italic = italic
    self.isCFF = isCFF
    self.data = data
  }
}

/// A finished drawing: a canvas size, its nodes, and the font files its text was measured with.
public struct Scene: Sendable, Equatable {
  /// Canvas size in points.
  public var width: Double
  public var height: Double
  public var nodes: [SceneNode]
  /// Font files layout measured with; rendering must use exactly these.
  public var fontFiles: [String]
  /// Outlines of every glyph the text uses, 1 unit per em, y down.
  public var glyphOutlines: [GlyphRef: [PathSegment]]
  /// Font subsets for browsers, when the spec asks for them.
  public var embeddedFonts: [EmbeddedFont] = []
  /// The accessible name (SVG `<title>`) and description (`<desc>`).
  public var title: String = "Figure"
  public var summary: String?
  /// Paints that replace these (by the paint they replace) when the reader asks for a dark colour scheme; the SVG
  /// writer states them as CSS (`prefers-color-scheme: dark`), and nothing else draws them. Empty: one look.
  public var darkColors: [RGB: RGB] = [:]

  public init(
    width: Double, height: Double, nodes: [SceneNode], fontFiles: [String],
    glyphOutlines: [GlyphRef: [PathSegment]] = [:]
  ) {
    self.width = width
    self.height = height
    self.nodes = nodes
    self.fontFiles = fontFiles
    self.glyphOutlines = glyphOutlines
  }
}

extension Scene {
  /// Every text node, in drawing order.
  public var textNodes: [TextNode] {
    var found: [TextNode] = []
    func visit(_ node: SceneNode) {
      switch node {
      case .group(let group): group.children.forEach(visit)
      case .clip(let clip): clip.children.forEach(visit)
      case .path, .image: break
      case .text(let text): found.append(text)
      }
    }
    nodes.forEach(visit)
    return found
  }
}
