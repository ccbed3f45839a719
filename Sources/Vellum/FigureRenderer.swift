import Foundation
import VellumRaster

/// Runs the whole pipeline for one spec: Spec → Data → Layout → Scene → SVG → Raster.
public struct FigureRenderer {
  /// Pixels per inch of PNG output.
  public var dpi: Double

  public init(dpi: Double = 300) {
    self.dpi = dpi
  }

  /// Loads, validates and lays out the spec at `path`.
  public func scene(specPath path: String) throws -> Scene {
    let spec = try SpecLoader.load(path: path)
    return try FigureCompiler.compile(spec, data: try DataLoader.load(spec))
  }

  /// Renders the spec at `path` to every requested format, entirely in memory.
  public func render(specPath path: String, formats: [OutputFormat]) throws -> [OutputFormat: [UInt8]] {
    let scene = try scene(specPath: path)
    let svg = SVGWriter.write(scene)
    var outputs: [OutputFormat: [UInt8]] = [:]
    for format in formats {
      switch format {
      case .svg:
        outputs[.svg] = Array(svg.utf8)
      case .pdf:
        outputs[.pdf] = try Rasterizer.pdf(
          svg: svg, width: scene.width, height: scene.height, fontFiles: scene.fontFiles)
      case .png:
        outputs[.png] = try Rasterizer.png(
          svg: svg, width: scene.width, height: scene.height, dpi: dpi, fontFiles: scene.fontFiles)
      }
    }
    return outputs
  }
}
