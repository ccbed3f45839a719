import VellumScene

/// How a figure looks to a reader with a colour-vision deficiency: every colour of the scene (fills, strokes, text,
/// hatching, embedded images) as Machado et al. (2009) simulate it, for `vellum render --simulate`.
public enum ColorVisionPreview {
  /// The scene with each colour simulated; geometry and text unchanged.
  public static func apply(_ deficiency: ColorScience.Deficiency, to scene: Scene) -> Scene {
    // An image repeats few colours many times: each is simulated once.
    var cache: [RGB: RGB] = [:]
    return scene.recolored(images: true) { rgb in
      if let known = cache[rgb] { return known }
      let simulated = ColorScience.simulate(rgb, deficiency)
      cache[rgb] = simulated
      return simulated
    }
  }
}
