import Foundation
import Vellum
import VellumLint
import VellumRaster
import VellumSVG
import VellumScene
import VellumTestSupport
import XCTest

/// `theme: auto` (and `render --theme auto`): one SVG, light in a light page and dark, by the dark theme's rule, when
/// the reader asks for a dark colour scheme; its PDF and PNG are the light figure's, byte for byte.
final class ColorSchemeTests: XCTestCase {
  private let spec = PackagePaths.examples.appendingPathComponent("selfdistill-train.yaml").path

  private func renderer(_ theme: FigureSpec.Theme?, dpi: Double = 300) -> FigureRenderer {
    var renderer = FigureRenderer(dpi: dpi)
    renderer.theme = theme
    return renderer
  }

  func testEveryExampleRastersAsItsLightFigureAndRendersDark() throws {
    let examples = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.examples.path)
      .filter { $0.hasSuffix(".yaml") }.sorted()
    XCTAssertGreaterThan(examples.count, 20)
    for name in examples {
      let path = PackagePaths.examples.appendingPathComponent(name).path
      // 40 dpi keeps the test quick; the PNG is written from the same one-scheme SVG at any resolution.
      let auto = try renderer(.auto, dpi: 40).render(specPath: path, formats: [.svg, .png])
      let light = try renderer(.light, dpi: 40).render(specPath: path, formats: [.svg, .png])
      XCTAssertEqual(auto[.png], light[.png], "\(name): the PNG of theme auto is the light one")
      let svg = String(decoding: auto[.svg]!, as: UTF8.self)
      XCTAssertTrue(svg.contains("@media (prefers-color-scheme:dark){"), name)
      let dark = try renderer(.dark, dpi: 40).render(specPath: path, formats: [.svg])
      XCTAssertNotEqual(dark[.svg], light[.svg], "\(name) renders dark")
    }
  }

  /// The README shows figure (a) dark beside its light golden, and the auto file itself (which GitHub draws in the
  /// reader's scheme).
  func testThemeGoldens() throws {
    for theme in [FigureSpec.Theme.dark, .auto] {
      var renderer = FigureRenderer()
      renderer.theme = theme
      let svg = try renderer.render(specPath: spec, formats: [.svg])[.svg]!
      assertGolden(String(decoding: svg, as: UTF8.self), named: "themes/selfdistill-train.\(theme.rawValue).svg")
    }
  }

  /// Inline in one page, two figures keep to themselves: text rules apply under a class named by their content,
  /// and clip rectangles are named by their geometry, so a font or a plot box of one never reaches the other.
  func testInlinedFiguresKeepToThemselves() throws {
    let body = "data: {d: data.csv}\naxes: {layers: [{line: {x: step, y: loss}}]}\n"
    let serif = try SpecFixture.scene("size: [3in, 2in]\n" + body).scene
    let sans = try SpecFixture.scene("font: {family: DejaVu Sans}\nsize: [4in, 2in]\n" + body).scene
    let (a, b) = (SVGWriter.write(serif), SVGWriter.write(sans))
    func scope(_ svg: String) throws -> String {
      String(try XCTUnwrap(svg.firstMatch(of: #/class="(vellum-[0-9a-f]{12})/#)?.1))
    }
    let (first, second) = (try scope(a), try scope(b))
    XCTAssertNotEqual(first, second)
    XCTAssertTrue(a.contains(".\(first) text{font-family:"), "the base rule is scoped")
    XCTAssertFalse(a.contains("\ntext{"), "no rule reaches every text of the page")
    func clips(_ svg: String) -> Set<String> { Set(svg.matches(of: #/clipPath id="([^"]+)"/#).map { String($0.1) }) }
    XCTAssertTrue(clips(a).isDisjoint(with: clips(b)), "different plot boxes, different ids")
    XCTAssertEqual(clips(a), clips(SVGWriter.write(serif)), "the same box, the same id")
  }

  func testTheSchemeRulesAreTheDarkThemesColours() throws {
    let svg = String(decoding: try renderer(.auto).render(specPath: spec, formats: [.svg])[.svg]!, as: UTF8.self)
    // Body unchanged from the light figure: only the style block differs.
    let light = String(decoding: try renderer(nil).render(specPath: spec, formats: [.svg])[.svg]!, as: UTF8.self)
    func body(_ text: String) -> String {
      text.replacingOccurrences(of: #"<style>[\s\S]*</style>"#, with: "", options: .regularExpression)
    }
    XCTAssertEqual(
      body(svg).replacingOccurrences(of: #" vellum-auto""#, with: "\""), body(light),
      "only the root's class and the style block differ")
    // Colormap paints (a colorbar's ramp, heatmap cells) keep their colours: the rules pass over them.
    let kept = ":not([data-theme=keep]):not([data-theme=keep] *)"
    for rule in [
      "svg.vellum-auto{fill:#ffffff}", ##".vellum-auto [fill="#ffffff"]\##(kept){fill:#000000}"##,
      ##".vellum-auto [stroke="#000000"]\##(kept){stroke:#ffffff}"##,
    ] {
      XCTAssertTrue(svg.contains(rule), rule)
    }
    // A colour (a series' green) has no rule: hues keep their meaning.
    XCTAssertFalse(svg.contains(##"[stroke="#2ca02c"]"##))
  }

  /// The same file as `<img>`, as `<object>` and inline: on a white page in the light scheme, on a black page in the
  /// dark scheme. Inline, its rules leave the page's own elements be.
  func testItFollowsTheReadersSchemeInChromium() throws {
    _ = try Chromium.path()
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let svg = try renderer(.auto).render(specPath: spec, formats: [.svg])[.svg]!
    try Data(svg).write(to: fixture.directory.appendingPathComponent("figure.svg"))
    let text = String(decoding: svg, as: UTF8.self)
    // Where the axes are (points) and the x tick labels' anchors, from the SVG itself; drawn at 2 px a point.
    let scale = 2.0
    let axes = try XCTUnwrap(
      text.firstMatch(of: #/data-x="linear \S+ \S+ ([\d.]+) ([\d.]+)" data-y="linear \S+ \S+ ([\d.]+) ([\d.]+)"/#))
    let (left, right, bottom, top) = (Double(axes.1)!, Double(axes.2)!, Double(axes.3)!, Double(axes.4)!)
    let xAxis = try XCTUnwrap(text.firstMatch(of: #/<g id="axis-x"[\s\S]*?</g>/#)).0
    let labels = xAxis.matches(of: #/<text class="t\d+" x="([\d.]+)" y="([\d.]+)">[^<]*</text>/#).map {
      (Double($0.1)!, Double($0.2)!)
    }
    XCTAssertGreaterThanOrEqual(labels.count, 3)
    let width = Int(468 * scale)
    let inline = text.split(separator: "\n").drop { !$0.hasPrefix("<svg") }.joined(separator: "\n")
    let embeddings = [
      "img": "<img src=\"figure.svg\" style=\"width:\(width)px\">",
      "object":
        "<object data=\"figure.svg\" type=\"image/svg+xml\" style=\"width:\(width)px;height:\(Int(316.8 * scale))px\">"
        + "</object>",
      "inline": "<div style=\"width:\(width)px\"><style>svg.vellum-auto{width:100%;height:auto}</style>\(inline)</div>",
    ]
    for (embedding, markup) in embeddings.sorted(by: { $0.key < $1.key }) {
      for (dark, page) in [(false, "#ffffff"), (true, "#000000")] {
        let html = fixture.directory.appendingPathComponent("page-\(embedding)-\(dark).html")
        // A white square of the page's own, right of the figure: the figure's rules must not turn it black.
        try """
        <!doctype html><html><body style="margin:0;background:\(page)">
        <svg width="20" height="20" style="position:absolute;left:960px;top:10px"><rect width="20" height="20" fill="#ffffff"/></svg>
        \(markup)</body></html>
        """.write(to: html, atomically: true, encoding: .utf8)
        let shot = fixture.directory.appendingPathComponent("shot-\(embedding)-\(dark).png")
        try Chromium.screenshot(html, width: 1000, height: 700, dark: dark, to: shot)
        let image = try RasterImage(png: Array(try Data(contentsOf: shot)))
        func color(_ x: Int, _ y: Int) -> RGB {
          let i = (y * image.width + x) * 3
          return RGB(
            red: Double(image.rgb[i]) / 255, green: Double(image.rgb[i + 1]) / 255, blue: Double(image.rgb[i + 2]) / 255
          )
        }
        /// The pixel in the box (points) that differs most from `background`: a glyph's or a line's full colour.
        func strongest(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, against background: RGB) -> RGB {
          var best = background
          for y in Int(y0 * scale)...Int(y1 * scale) {
            for x in Int(x0 * scale)...Int(x1 * scale) {
              let pixel = color(x, y)
              if ColorScience.contrast(pixel, background) > ColorScience.contrast(best, background) { best = pixel }
            }
          }
          return best
        }
        XCTAssertEqual(ColorScience.luminance(color(970, 20)), 1, accuracy: 0.02, "\(embedding): the page's square")
        // The figure's canvas, inside the axes away from the data: white in the light scheme, black in the dark.
        let canvas = color(Int(10 * scale), Int(10 * scale))
        XCTAssertEqual(
          ColorScience.luminance(canvas), dark ? 0 : 1, accuracy: 0.02, "\(embedding) canvas, dark: \(dark)")
        // The left spine.
        let spine = strongest(left - 2, (top + bottom) / 2 - 5, left + 2, (top + bottom) / 2 + 5, against: canvas)
        XCTAssertEqual(ColorScience.luminance(spine), dark ? 1 : 0, accuracy: 0.05, "\(embedding) spine, dark: \(dark)")
        // Each x tick label reads at WCAG 4.5:1 or more against the canvas.
        for (x, baseline) in labels.prefix(5) {
          let glyph = strongest(x, baseline - 8, x + 8, baseline, against: canvas)
          XCTAssertGreaterThanOrEqual(
            ColorScience.contrast(glyph, canvas), 4.5, "\(embedding) tick label at \(x), dark: \(dark)")
          XCTAssertLessThan(ColorScience.luminance(glyph), dark ? 2 : 0.2, "dark text on light")
          XCTAssertGreaterThan(ColorScience.luminance(glyph), dark ? 0.6 : -1, "light text on dark")
        }
        _ = right
      }
    }
  }
}
