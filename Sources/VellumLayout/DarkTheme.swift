import VellumScene

/// `theme: dark`: the figure on a black canvas, as matplotlib's dark_background style draws it. The rule is one line:
/// every achromatic paint (white, black, the greys of text, spines, ticks, grid, legend frames, colorbar outlines,
/// grey series) turns over (lightness v → 1 − v); every colour, every embedded image, and whatever a colormap
/// paints
/// (heatmap cells and the values written on them, colour-mapped marks, a colorbar's ramp) stays as it is.
enum DarkTheme {
  static func apply(to scene: Scene) -> Scene { scene.recolored(images: false, keeping: true, dark) }

  /// `theme: auto`: the light scene, with each of its paints that the dark rule changes (and black, the colour of
  /// text that names none) mapped to its dark counterpart, for the SVG to switch to in a dark colour scheme.
  static func colorScheme(of scene: Scene) -> Scene {
    var used: Set<RGB> = [.black]
    _ = scene.recolored(images: false) { color in
      used.insert(color)
      return color
    }
    var scene = scene
    scene.darkColors = Dictionary(uniqueKeysWithValues: used.map { ($0, dark($0)) }.filter { $0.0 != $0.1 })
    return scene
  }

  /// The rule: greys only turn over; a hue (even a dark one) keeps its meaning in the data.
  private static func dark(_ color: RGB) -> RGB {
    let (low, high) = (min(color.red, color.green, color.blue), max(color.red, color.green, color.blue))
    guard high - low < 0.02 else { return color }
    return RGB(red: 1 - color.red, green: 1 - color.green, blue: 1 - color.blue)
  }
}
