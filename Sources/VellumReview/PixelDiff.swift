import Foundation
import Vellum
import VellumRaster

/// Renders two SVGs and highlights the pixels that differ over a faded copy of the new one.
public enum PixelDiff {
  /// The highlight image as PNG and the share of pixels that changed.
  public static func image(old: String, new: String, dpi: Double = 150) throws -> (png: [UInt8], changed: Double) {
    func size(_ svg: String) throws -> (Double, Double) {
      let root = try SVGDocument.parse(Data(svg.utf8), name: "svg")
      let parts = (root.attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
      guard parts.count == 4 else { throw VellumError(.invalidData, "the SVG has no viewBox") }
      return (parts[2], parts[3])
    }
    let (width, height) = try size(new)
    let a = try Rasterizer.image(svg: old, width: width, height: height, dpi: dpi, fontFiles: nil)
    var b = try Rasterizer.image(svg: new, width: width, height: height, dpi: dpi, fontFiles: nil)
    let (imageWidth, imageHeight) = (b.width, b.height)
    // The new image's pixels are overwritten in place (its only reference is dropped first), so the diff holds
    // two RGB copies, six bytes a pixel, besides Cairo's surface while one is drawn.
    var rgb = b.rgb
    b = RasterImage(width: 0, height: 0, rgb: [])
    let sameSize = a.rgb.count == rgb.count
    var changed = 0
    for pixel in 0..<(imageWidth * imageHeight) {
      let i = pixel * 3
      let differs = !sameSize || (0..<3).contains { abs(Int(a.rgb[i + $0]) - Int(rgb[i + $0])) > 24 }
      if differs {
        changed += 1
        (rgb[i], rgb[i + 1], rgb[i + 2]) = (230, 0, 40)
      } else {
        // Fade the unchanged picture to a quarter of its contrast so the changes stand out.
        for c in 0..<3 { rgb[i + c] = UInt8(255 - (255 - Int(rgb[i + c])) / 4) }
      }
    }
    let image = RasterImage(width: imageWidth, height: imageHeight, rgb: rgb)
    return (try Rasterizer.png(image, dpi: dpi), Double(changed) / Double(max(1, imageWidth * imageHeight)))
  }
}
