import Foundation
import Vellum
import VellumRaster
import VellumScene
import VellumTestSupport
import XCTest

@testable import VellumLayout

/// Dense heatmaps become one image node: the right pixels in the right orientation, and librsvg draws them.
final class HeatmapImageTests: XCTestCase {
  /// A 70 × 70 matrix (4,900 cells) whose value is its column, with row 3 missing.
  private func figure(reverseY: Bool) throws -> (Scene, String) {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    var csv = "r,c,v\n"
    for r in 0..<70 where r != 3 { for c in 0..<70 { csv += "\(r),\(c),\(c)\n" } }
    try fixture.write("data.csv", csv)
    let spec = """
      size: [4in, 4in]
      data: {d: data.csv}
      axes:
        y: {reverse: \(reverseY)}
        layers:
          - heatmap: {x: c, y: r, value: v, map: viridis, colorbar: false}

      """
    let figure = try Figure(contentsOf: try fixture.write("f.yaml", spec))
    return (try figure.scene(), try figure.svg())
  }

  private func imageNode(in scene: Scene) -> ImageNode? {
    var found: ImageNode?
    func visit(_ node: SceneNode) {
      switch node {
      case .group(let group): group.children.forEach(visit)
      case .clip(let clip): clip.children.forEach(visit)
      case .image(let image): found = image
      default: break
      }
    }
    scene.nodes.forEach(visit)
    return found
  }

  func testDenseMatrixIsOneImageWithCellsInPlace() throws {
    let (scene, svg) = try figure(reverseY: false)
    let image = try XCTUnwrap(imageNode(in: scene))
    XCTAssertEqual(image.width % 70, 0)
    XCTAssertEqual(image.height % 70, 0)
    let (kx, ky) = (image.width / 70, image.height / 70)
    func pixel(column: Int, row: Int) -> [UInt8] {
      let offset = (row * ky * image.width + column * kx) * 4
      return Array(image.rgba[offset..<offset + 4])
    }
    // Column 0 is viridis' first colour, column 69 its last, fully opaque.
    XCTAssertEqual(pixel(column: 0, row: 0), [0x44, 0x01, 0x54, 255])
    XCTAssertEqual(pixel(column: 69, row: 0), [0xfd, 0xe7, 0x25, 255])
    // Data row 3 is missing: with y growing up the page it is the fourth pixel row from the bottom.
    XCTAssertEqual(pixel(column: 10, row: 66)[3], 0)
    XCTAssertEqual(pixel(column: 10, row: 3)[3], 255)
    XCTAssertTrue(svg.contains("<image ") && svg.contains("data:image/png;base64,"))
    XCTAssertFalse(svg.contains("id=\"heatmap-v\"><path"), "no cell rectangles")

    let flipped = try XCTUnwrap(imageNode(in: try figure(reverseY: true).0))
    let offset = (3 * ky * flipped.width + 10 * kx) * 4
    XCTAssertEqual(flipped.rgba[offset + 3], 0, "a reversed y axis puts row 3 fourth from the top")
  }

  /// librsvg draws the embedded PNG: the plot's left edge is dark purple, its right edge yellow.
  func testLibrsvgDrawsTheImage() throws {
    let (scene, svg) = try figure(reverseY: false)
    let raster = try Rasterizer.image(
      svg: svg, width: scene.width, height: scene.height, dpi: 72, fontFiles: scene.fontFiles)
    let image = try XCTUnwrap(imageNode(in: scene))
    let y = Int(image.rect.midY)
    let left = raster.rgb[
      (y * raster.width + Int(image.rect.minX) + 2) * 3..<(y * raster.width + Int(image.rect.minX) + 2) * 3 + 3]
    let right = raster.rgb[
      (y * raster.width + Int(image.rect.maxX) - 3) * 3..<(y * raster.width + Int(image.rect.maxX) - 3) * 3 + 3]
    XCTAssertLessThan(Int(left[left.startIndex]), 0x60)
    XCTAssertGreaterThan(Int(right[right.startIndex]), 0xe0)
  }
}
