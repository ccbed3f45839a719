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
    let b = try Rasterizer.image(svg: new, width: width, height: height, dpi: dpi, fontFiles: nil)
    var rgb = [UInt8](repeating: 255, count: b.rgb.count)
    var changed = 0
    for pixel in 0..<(b.width * b.height) {
      let i = pixel * 3
      let differs = a.rgb.count == b.rgb.count && (0..<3).contains { abs(Int(a.rgb[i + $0]) - Int(b.rgb[i + $0])) > 24 }
      if differs || a.rgb.count != b.rgb.count {
        changed += 1
        (rgb[i], rgb[i + 1], rgb[i + 2]) = (230, 0, 40)
      } else {
        // Fade the unchanged picture to a quarter of its contrast so the changes stand out.
        for c in 0..<3 { rgb[i + c] = UInt8(255 - (255 - Int(b.rgb[i + c])) / 4) }
      }
    }
    let image = RasterImage(width: b.width, height: b.height, rgb: rgb)
    return (try Rasterizer.png(image, dpi: dpi), Double(changed) / Double(max(1, b.width * b.height)))
  }
}
