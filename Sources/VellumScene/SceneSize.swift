import VellumDiagnostics

/// How much a scene draws: what its SVG, PDF and PNG cost to write grows with these counts.
public struct SceneSize: Sendable, Equatable {
  /// Elements the SVG writer emits for the nodes: groups, clips, paths, texts (one per glyph run), images.
  public var elements = 0
  /// Path segments (moves, lines, curves, closes) over every path.
  public var segments = 0
  /// The top-level group (by role) below a panel holding the most elements, e.g. `scatter-y`.
  public var largestRole: String?
  /// Where the spec writes the layer of ``largestRole``, when its group says.
  public var largestSource: SourceLocation?

  /// Counts given directly (for checking limits without a scene of that size).
  public init(elements: Int, segments: Int, largestRole: String? = nil) {
    self.elements = elements
    self.segments = segments
    self.largestRole = largestRole
  }

  /// Counts `scene`'s nodes without recursion, so a deeply nested scene is counted in bounded stack.
  public init(_ scene: Scene) {
    var stack: [(node: SceneNode, role: String?)] = scene.nodes.map { ($0, nil) }
    var perRole: [String: Int] = [:]
    var sources: [String: SourceLocation] = [:]
    while let (node, role) = stack.popLast() {
      elements += 1
      if let role { perRole[role, default: 0] += 1 }
      switch node {
      case .group(let group):
        // The innermost role names the part (a layer's group inside its panel's).
        stack += group.children.map { ($0, group.role) }
        if let source = group.source { sources[group.role] = source }
      case .clip(let clip): stack += clip.children.map { ($0, role) }
      case .path(let path): segments += path.segments.count
      case .text(let text): elements += max(0, text.runs.count - 1)
      case .image: break
      }
    }
    // The most elements; a tie goes to the first role by name, so the message does not depend on hashing.
    largestRole = perRole.min { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key
    largestSource = largestRole.flatMap { sources[$0] }
  }
}
