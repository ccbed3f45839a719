import VellumScene

/// How a figure looks to a reader with a colour-vision deficiency: every colour of the scene (fills, strokes, text,
/// hatching, embedded images) as Machado et al. (2009) simulate it, for `vellum render --simulate`.
public enum ColorVisionPreview {
  /// The scene with each colour simulated; geometry and text unchanged.
  public static func apply(_ deficiency: ColorScience.Deficiency, to scene: Scene) -> Scene {
    var cache: [RGB: RGB] = [:]
    func color(_ rgb: RGB) -> RGB {
      if let known = cache[rgb] { return known }
      let simulated = ColorScience.simulate(rgb, deficiency)
      cache[rgb] = simulated
      return simulated
    }
    func paint(_ p: Paint) -> Paint { Paint(color(p.color), opacity: p.opacity) }
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
      case .image(var image):
        var rgba = image.rgba
        var index = 0
        while index + 3 < rgba.count {
          let simulated = color(
            RGB(
              red: Double(rgba[index]) / 255, green: Double(rgba[index + 1]) / 255, blue: Double(rgba[index + 2]) / 255)
          )
          rgba[index] = UInt8((simulated.red * 255).rounded())
          rgba[index + 1] = UInt8((simulated.green * 255).rounded())
          rgba[index + 2] = UInt8((simulated.blue * 255).rounded())
          index += 4
        }
        image.rgba = rgba
        return .image(image)
      }
    }
    var simulated = scene
    simulated.nodes = scene.nodes.map(recolor)
    return simulated
  }
}
