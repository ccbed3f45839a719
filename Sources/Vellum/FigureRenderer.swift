import Foundation
import Synchronization
import VellumRaster
import VellumSVG

/// Runs the whole pipeline for one spec: Spec → Data → Layout → Scene → SVG → Raster.
public struct FigureRenderer: Sendable {
  /// Pixels per inch of PNG output.
  public var dpi: Double
  /// Overrides the spec's text mode when set.
  public var textMode: TextMode?
  /// Retargets the figure to this style (name or path) when set, as `--style` does.
  public var style: String?
  /// Embeds font subsets in the SVG whatever the spec says (for pages viewed in browsers).
  public var embedFonts: Bool
  /// A change to the laid-out scene before it is written (a colour-vision preview); nil writes it as laid out.
  public var adjustScene: (@Sendable (Scene) -> Scene)?
  /// Write the SVG to scale with its container (`width="100%"`), whatever the spec says; nil follows the spec.
  public var responsive: Bool?
  /// Draw the figure in this theme (`render --theme`), whatever the spec or its style says; nil follows the spec.
  public var theme: FigureSpec.Theme?

  /// A renderer with PNG resolution `dpi`, and optional text-mode, style and font-embedding overrides.
  public init(dpi: Double = 300, textMode: TextMode? = nil, style: String? = nil, embedFonts: Bool = false) {
    self.dpi = dpi
    self.textMode = textMode
    self.style = style
    self.embedFonts = embedFonts
  }

  /// Loads, validates and lays out the spec at `path`.
  public func scene(specPath path: String) throws -> Scene {
    try Figure(contentsOf: path, style: style).scene(embedFonts: embedFonts)
  }

  /// The SVG the spec at `path` gives.
  public func svg(specPath path: String) throws -> String {
    try Figure(contentsOf: path, style: style).svg(textMode: textMode, embedFonts: embedFonts)
  }

  /// Renders the spec at `path` to every requested format, entirely in memory.
  public func render(specPath path: String, formats: [OutputFormat]) throws -> [OutputFormat: [UInt8]] {
    try render(Figure(contentsOf: path, style: style), formats: formats)
  }

  /// Renders `figure` to every requested format, entirely in memory.
  public func render(_ figure: Figure, formats: [OutputFormat]) throws -> [OutputFormat: [UInt8]] {
    try renderReporting(figure, formats: formats).outputs
  }

  /// Renders the spec at `path` and returns the warnings layout found beside the outputs.
  public func renderReporting(specPath path: String, formats: [OutputFormat]) throws
    -> (outputs: [OutputFormat: [UInt8]], warnings: [VellumWarning])
  {
    try renderReporting(Figure(contentsOf: path, style: style), formats: formats)
  }

  /// Renders `figure` and returns the warnings layout found beside the outputs.
  public func renderReporting(_ figure: Figure, formats: [OutputFormat]) throws
    -> (outputs: [OutputFormat: [UInt8]], warnings: [VellumWarning])
  {
    let (outputs, warnings, _) = try renderKeepingScene(figure, formats: formats)
    return (outputs, warnings)
  }

  /// The same, with the laid-out scene the outputs were drawn from (its title, say), so a caller lays it out once.
  public func renderKeepingScene(_ figure: Figure, formats: [OutputFormat]) throws
    -> (outputs: [OutputFormat: [UInt8]], warnings: [VellumWarning], scene: Scene)
  {
    let figure = theme.map(figure.theming) ?? figure
    var (scene, warnings) = try figure.sceneReporting(embedFonts: embedFonts)
    if let adjustScene { scene = adjustScene(scene) }
    // librsvg draws the SVG without the dark colour scheme's rules: an `auto` figure's PDF and PNG are its light look.
    let svg = SVGWriter.write(scene, textMode: textMode ?? TextMode(figure.spec.text), colorScheme: false)
    // PDF and PNG are independent renderings of the same SVG: draw them at the same time, the PNG (the longer, and
    // the one that deflates its rows on every core) on this thread, the PDF on another. Not `concurrentPerform`:
    // libdispatch runs an apply nested in one of two iterations on a single core, so the PNG's bands would
    // deflate one after another even once the PDF was done.
    let jobs = formats.filter { $0 != .svg }.sorted { $0 == .png && $1 != .png }
    let results = Mutex<(outputs: [OutputFormat: [UInt8]], failure: (any Error)?)>(([:], nil))
    let (width, height, fontFiles, dpi) = (scene.width, scene.height, scene.fontFiles, dpi)
    let render: @Sendable (OutputFormat) -> Void = { format in
      do {
        let bytes: [UInt8]
        switch format {
        case .pdf:
          bytes = try Rasterizer.pdf(svg: svg, width: width, height: height, fontFiles: fontFiles)
        default:
          bytes = try Rasterizer.png(svg: svg, width: width, height: height, dpi: dpi, fontFiles: fontFiles)
        }
        results.withLock { $0.outputs[format] = bytes }
      } catch {
        results.withLock { $0.failure = $0.failure ?? error }
      }
    }
    let others = DispatchGroup()
    for format in jobs.dropFirst() { DispatchQueue.global().async(group: others) { render(format) } }
    if let first = jobs.first { render(first) }
    others.wait()
    var (outputs, failure) = results.withLock { $0 }
    if let failure { throw failure }
    if formats.contains(.svg) {
      // PDF and PNG come from the sized, one-scheme SVG; the file differs only in its root's size attributes
      // (responsive) and its dark-scheme rules (theme: auto).
      let responsive = self.responsive ?? figure.spec.svgResponsive
      outputs[.svg] = Array(
        (responsive || !scene.darkColors.isEmpty
          ? SVGWriter.write(scene, textMode: textMode ?? TextMode(figure.spec.text), responsive: responsive) : svg)
          .utf8)
    }
    return (outputs, warnings, scene)
  }
}
