/// The closed set of things a scene is made of; charts compile down to these.
public indirect enum SceneNode: Sendable, Equatable {
  /// Children sharing a role, e.g. `axis-x` or `series-sdpo`.
  case group(Group)
  case path(PathNode)
  case text(TextNode)
  /// Children drawn only inside a rectangle.
  case clip(Clip)
}

/// A named bundle of nodes; its role becomes the SVG id and class.
public struct Group: Sendable, Equatable {
  public var role: String
  public var children: [SceneNode]

  public init(role: String, children: [SceneNode]) {
    self.role = role
    self.children = children
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

  public init(segments: [PathSegment], fill: Paint? = nil, stroke: Stroke? = nil) {
    self.segments = segments
    self.fill = fill
    self.stroke = stroke
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

/// A stretch of text in one style.
public struct TextSpan: Sendable, Equatable {
  public var text: String
  public var font: FontStyle

  public init(_ text: String, font: FontStyle) {
    self.text = text
    self.font = font
  }
}

/// A line of text whose baseline starts, centers or ends at `origin`, optionally rotated about it.
public struct TextNode: Sendable, Equatable {
  public enum Anchor: String, Sendable { case start, middle, end }

  public var origin: Point
  public var anchor: Anchor
  /// Degrees, counter-clockwise positive as seen on the page.
  public var rotation: Double
  public var spans: [TextSpan]
  public var paint: Paint

  public init(origin: Point, anchor: Anchor, rotation: Double = 0, spans: [TextSpan], paint: Paint = Paint(.black)) {
    self.origin = origin
    self.anchor = anchor
    self.rotation = rotation
    self.spans = spans
    self.paint = paint
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

  public init(width: Double, height: Double, nodes: [SceneNode], fontFiles: [String]) {
    self.width = width
    self.height = height
    self.nodes = nodes
    self.fontFiles = fontFiles
  }
}
