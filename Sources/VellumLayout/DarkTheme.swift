import VellumScene

/// `theme: dark`: the figure on a black canvas, as matplotlib's dark_background style draws it. The rule is one line:
/// every achromatic paint (white, black, the greys of text, spines, ticks, grid, legend frames, colorbar outlines,
/// grey series) turns over (lightness v → 1 − v); every colour, and every embedded image, stays as it is.
enum DarkTheme {
  static func apply(to scene: Scene) -> Scene {
    scene.recolored(images: false) { color in
      let (low, high) = (min(color.red, color.green, color.blue), max(color.red, color.green, color.blue))
      // Greys only: a hue (even a dark one) keeps its meaning in the data.
      guard high - low < 0.02 else { return color }
      return RGB(red: 1 - color.red, green: 1 - color.green, blue: 1 - color.blue)
    }
  }
}
