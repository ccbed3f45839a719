import VellumScene

/// `theme: dark`: the figure on a black canvas, as matplotlib's dark_background style draws it. The rule is one line:
/// every achromatic paint (white, black, the greys of text, spines, ticks, grid, legend frames, colorbar outlines,
/// grey series) turns over (lightness v → 1 − v); every colour, and every embedded image, stays as it is.
enum DarkTheme {
  static func apply(to scene: Scene) -> Scene {
    func turn(_ color: RGB) -> RGB {
      let (low, high) = (min(color.red, color.green, color.blue), max(color.red, color.green, color.blue))
      // Greys only: a hue (even a dark one) keeps its meaning in the data.
      guard high - low < 0.02 else { return color }
      return RGB(red: 1 - color.red, green: 1 - color.green, blue: 1 - color.blue)
    }
    func paint(_ p: Paint) -> Paint { Paint(turn(p.color), opacity: p.opacity) }
    func recolor(_ node: SceneNode) -> SceneNode {
      switch node {
      case .group(var group):
        group.children = group.children.map(recolor)
        return .group(group)
      case .clip(var clip):
        clip.children = clip.children.map(recolor)
        return .clip(clip)
      case .path(var path):
        path.fill = path.fill.map(paint)
        if var stroke = path.stroke {
          stroke.paint = paint(stroke.paint)
          path.stroke = stroke
        }
        if var pattern = path.pattern {
          pattern.paint = paint(pattern.paint)
          path.pattern = pattern
        }
        return .path(path)
      case .text(var text):
        text.paint = paint(text.paint)
        return .text(text)
      case .image:
        return node
      }
    }
    var dark = scene
    dark.nodes = scene.nodes.map(recolor)
    return dark
  }
}
