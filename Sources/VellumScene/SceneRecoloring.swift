extension Scene {
  /// The scene with every paint's colour passed through `recolor` (fills, strokes, text, hatching; embedded images'
  /// pixels too when `images` is set), geometry and opacities unchanged: one walk for every whole-figure recolouring
  /// (a dark theme, a colour-vision preview). With `keeping`, groups that keep their colours are left alone.
  public func recolored(images: Bool, keeping: Bool = false, _ recolor: (RGB) -> RGB) -> Scene {
    func paint(_ p: Paint) -> Paint { Paint(recolor(p.color), opacity: p.opacity) }
    func recoloring(_ node: SceneNode) -> SceneNode {
      switch node {
      case .group(var group):
        if keeping && group.keepsColors { return node }
        group.children = group.children.map(recoloring)
        return .group(group)
      case .clip(var clip):
        clip.children = clip.children.map(recoloring)
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
      case .image(var image):
        guard images else { return node }
        var index = 0
        while index + 3 < image.rgba.count {
          let color = recolor(
            RGB(
              red: Double(image.rgba[index]) / 255, green: Double(image.rgba[index + 1]) / 255,
              blue: Double(image.rgba[index + 2]) / 255))
          image.rgba[index] = UInt8((min(max(color.red, 0), 1) * 255).rounded())
          image.rgba[index + 1] = UInt8((min(max(color.green, 0), 1) * 255).rounded())
          image.rgba[index + 2] = UInt8((min(max(color.blue, 0), 1) * 255).rounded())
          index += 4
        }
        return .image(image)
      }
    }
    var recolored = self
    recolored.nodes = nodes.map(recoloring)
    return recolored
  }
}
