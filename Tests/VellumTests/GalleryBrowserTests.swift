import Foundation
import Vellum
import VellumLint
import VellumRaster
import VellumReview
import VellumScene
import VellumTestSupport
import XCTest

/// The gallery in a real browser: each figure as headless Chromium draws it against librsvg's PNG.
/// Skipped when Chromium is missing, unless VELLUM_REQUIRE_BROWSER=1 (as `make gallery-test` sets).
final class GalleryBrowserTests: XCTestCase {
  /// The colour-vision menu (or `#deuteranopia` in the address) shows the figures through an SVG filter of the
  /// same matrices `render --simulate` applies: a red bar becomes the simulated red, to a few levels of 255.
  func testTheGallerySimulatesColourVision() throws {
    _ = try Chromium.path()
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let spec = try fixture.write(
      "bar.yaml",
      """
      size: [4in, 3in]
      data: {d: {values: {x: [a], y: [1]}}}
      axes:
        x: {scale: categorical}
        layers:
          - bar: {x: x, y: y, color: "#d62728", width: 0.9}
      """)
    let folder = fixture.directory.appendingPathComponent("gallery")
    _ = try Gallery.build(specs: [spec], folder: folder)
    let red = RGB(red: 0xd6 / 255.0, green: 0x27 / 255.0, blue: 0x28 / 255.0)
    for (hash, expected) in [
      ("", red), ("#deuteranopia", ColorScience.simulate(red, .deuteranopia)),
      ("#dark,protanopia", ColorScience.simulate(red, .protanopia)),
    ] {
      let shot = fixture.directory.appendingPathComponent("shot\(hash.count).png")
      let url = URL(string: folder.appendingPathComponent("index.html").absoluteString + hash)!
      try Chromium.screenshot(url, width: 800, height: 800, to: shot)
      let image = try RasterImage(png: Array(try Data(contentsOf: shot)))
      let target = [expected.red, expected.green, expected.blue].map { Int(($0 * 255).rounded()) }
      var matching = 0
      for index in stride(from: 0, to: image.rgb.count, by: 3) {
        let pixel = (0..<3).map { Int(image.rgb[index + $0]) }
        if zip(pixel, target).allSatisfy({ abs($0 - $1) <= 4 }) { matching += 1 }
      }
      XCTAssertGreaterThan(matching, 20_000, "\(hash.isEmpty ? "normal" : hash): the bar in \(target)")
    }
  }

  /// The page's button (or `#dark`) swaps every figure for its dark-theme SVG and darkens the page.
  func testTheGalleryTogglesDarkFigures() throws {
    _ = try Chromium.path()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-gallery-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let specs = try PackagePaths.exampleSpecs().prefix(2).map(\.path)
    let files = try Gallery.build(specs: specs, folder: folder)
    let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    XCTAssertTrue(index.contains("<button id=\"theme\""))
    var darkShare: [Double] = []
    for spec in specs {
      let base = URL(fileURLWithPath: spec).deletingPathExtension().lastPathComponent
      XCTAssertTrue(files.contains("\(base)-dark.svg"), base)
      XCTAssertTrue(index.contains("data-dark=\"./\(base)-dark.svg\""), base)
    }
    for hash in ["", "#dark"] {
      let shot = folder.appendingPathComponent("page\(hash.isEmpty ? "" : "-dark").png")
      let url = URL(string: folder.appendingPathComponent("index.html").absoluteString + hash)!
      try Chromium.screenshot(url, width: 900, height: 900, to: shot)
      let image = try RasterImage(png: Array(try Data(contentsOf: shot)))
      var dark = 0
      for y in 0..<image.height { for x in 0..<image.width where image.gray(x, y) < 48 { dark += 1 } }
      darkShare.append(Double(dark) / Double(image.width * image.height))
    }
    // The first examples are heatmaps, whose dark cells are dark either way: the page and canvases make the rest.
    XCTAssertLessThan(darkShare[0], 0.3, "light figures on a light page")
    XCTAssertGreaterThan(darkShare[1], darkShare[0] + 0.4, "dark figures on a dark page")
  }

  func testGalleryFiguresLookTheSameInChromium() throws {
    _ = try Chromium.path()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-gallery-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let specs = try PackagePaths.exampleSpecs().map(\.path)
    let files = try Gallery.build(specs: specs, folder: folder)
    XCTAssertTrue(files.contains("index.html"))
    let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    var report: [String] = []
    for spec in specs {
      let base = URL(fileURLWithPath: spec).deletingPathExtension().lastPathComponent
      XCTAssertTrue(index.contains("src=\"./\(base).svg\""), base)
      let svgURL = folder.appendingPathComponent("\(base).svg")
      let svg = try String(contentsOf: svgURL, encoding: .utf8)
      let scene = try FigureRenderer().scene(specPath: spec)
      // CSS pixels are 1/96 in: the browser draws a 468 pt figure 624 px wide.
      let width = Int((scene.width * 96 / 72).rounded(.up))
      let height = Int((scene.height * 96 / 72).rounded(.up))
      let shot = folder.appendingPathComponent("\(base).chromium.png")
      try Chromium.screenshot(svgURL, width: width, height: height, to: shot)
      let browser = try RasterImage(png: Array(try Data(contentsOf: shot)))
      let reference = try Rasterizer.image(
        svg: svg, width: scene.width, height: scene.height, dpi: 96, fontFiles: scene.fontFiles)
      let w = min(browser.width, reference.width)
      let h = min(browser.height, reference.height)
      var differing = 0
      var ink = 0
      for y in 0..<h {
        for x in 0..<w {
          let a = browser.gray(x, y)
          let b = reference.gray(x, y)
          if b < 128 { ink += 1 }
          if abs(a - b) > 96 { differing += 1 }
        }
      }
      let share = Double(differing) / Double(w * h)
      report.append(
        String(format: "%@: %.3f%% of pixels differ (ink %.1f%%)", base, share * 100, Double(ink) / Double(w * h) * 100)
      )
      XCTAssertLessThan(share, 0.01, "\(base): Chromium and librsvg disagree on \(share * 100)% of pixels")
    }
    print("gallery in Chromium:\n" + report.joined(separator: "\n"))
  }
}
