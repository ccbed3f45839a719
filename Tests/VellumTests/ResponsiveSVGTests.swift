import Foundation
import Vellum
import VellumRaster
import VellumTestSupport
import XCTest

/// `svg: {responsive: true}` (and `render --responsive`): the SVG takes its container's width at its own aspect
/// ratio, in a real browser at 300 and 1200 px; PDF and PNG are unchanged.
final class ResponsiveSVGTests: XCTestCase {
  private let spec = PackagePaths.examples.appendingPathComponent("selfdistill-train.yaml").path

  func testTheRootScalesAndTheRastersStayTheSame() throws {
    var responsive = FigureRenderer()
    responsive.responsive = true
    let outputs = try responsive.render(specPath: spec, formats: [.svg, .png])
    let plain = try FigureRenderer().render(specPath: spec, formats: [.svg, .png])
    let svg = String(decoding: outputs[.svg]!, as: UTF8.self)
    let root = svg.split(separator: "\n").first { $0.hasPrefix("<svg") }!
    XCTAssertTrue(root.contains("width=\"100%\"") && !root.contains("height="), String(root))
    XCTAssertTrue(root.contains("viewBox=\"0 0 468 316.8\""), String(root))
    XCTAssertEqual(outputs[.png], plain[.png], "the PNG comes from the sized SVG")
    XCTAssertNotEqual(outputs[.svg], plain[.svg])
  }

  func testItKeepsItsAspectRatioInChromium() throws {
    _ = try Chromium.path()
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    var renderer = FigureRenderer()
    renderer.responsive = true
    let svg = String(decoding: try renderer.render(specPath: spec, formats: [.svg])[.svg]!, as: UTF8.self)
    // Inline in the page, as documentation sites embed figures: a sized SVG keeps its 624 px whatever the column.
    let inline = svg.split(separator: "\n").drop { !$0.hasPrefix("<svg") }.joined(separator: "\n")
    let aspect = 468 / 316.8
    for width in [300, 1200] {
      // A grey page, so the figure's white background shows where the figure is.
      let page = fixture.directory.appendingPathComponent("page-\(width).html")
      try """
      <!doctype html><html><body style="margin:0;background:#808080">
      <div style="width:\(width)px">\(inline)</div></body></html>
      """.write(to: page, atomically: true, encoding: .utf8)
      let shot = fixture.directory.appendingPathComponent("shot-\(width).png")
      try Chromium.screenshot(page, width: 1400, height: 1100, to: shot)
      let image = try RasterImage(png: Array(try Data(contentsOf: shot)))
      // The figure: every pixel not the page's grey.
      var (minX, minY, maxX, maxY) = (Int.max, Int.max, -1, -1)
      for y in 0..<image.height {
        for x in 0..<image.width where abs(image.gray(x, y) - 128) > 8 {
          minX = min(minX, x)
          maxX = max(maxX, x)
          minY = min(minY, y)
          maxY = max(maxY, y)
        }
      }
      let (drawnWidth, drawnHeight) = (Double(maxX - minX + 1), Double(maxY - minY + 1))
      XCTAssertEqual(drawnWidth, Double(width), accuracy: 1, "\(width) px container")
      XCTAssertEqual(drawnHeight, Double(width) / aspect, accuracy: 1.5, "\(width) px container keeps 468:316.8")
    }
  }
}
