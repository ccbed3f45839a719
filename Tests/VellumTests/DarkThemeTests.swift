import Foundation
import VellumSVG
import VellumScene
import VellumTestSupport
import XCTest

/// `theme: dark`: greys, black and white turn over (the canvas black, text, spines and ticks white), colours stay;
/// the light figure is untouched.
final class DarkThemeTests: XCTestCase {
  private static let spec = """
    size: [4in, 3in]
    data: {d: data.csv}
    axes:
      title: Loss
      layers:
        - line: {x: step, y: loss, color: C0}
        - line: {x: step, y: loss, color: '0.2'}
    """

  private func scene(_ theme: String) throws -> Scene {
    try SpecFixture.scene("theme: \(theme)\n" + Self.spec).scene
  }

  func testGreysTurnOverAndColoursStay() throws {
    let (light, dark) = (try scene("light"), try scene("dark"))
    XCTAssertEqual(light.groups(role: "background").first?.paths.first?.fill?.color.hex, "#ffffff")
    XCTAssertEqual(dark.groups(role: "background").first?.paths.first?.fill?.color.hex, "#000000")
    let title = try XCTUnwrap(dark.groups(role: "title").first?.texts.first)
    XCTAssertEqual(title.paint.color.hex, "#ffffff")
    let strokes = dark.groups(prefix: "series-").compactMap { $0.paths.first?.stroke?.paint.color.hex }
    XCTAssertEqual(strokes, ["#1f77b4", "#cccccc"], "C0 kept, the 0.2 grey turned to 0.8")
    // The same drawing as without a theme (the scenes differ only in the spec lines they point at).
    XCTAssertEqual(
      SVGWriter.write(try scene("light")), SVGWriter.write(try SpecFixture.scene(Self.spec).scene),
      "light is the default look")
  }

  /// What a colormap paints stays: a heatmap's cells, the values written on them (chosen against the kept cell)
  /// and the colorbar's ramp, so a Greys image and its colorbar still read alike.
  func testColormapPaintsKeepTheirColours() throws {
    let spec = """
      theme: dark
      data: {d: data.csv}
      axes:
        x: {scale: categorical}
        y: {scale: categorical}
        layers:
          - heatmap: {x: i, y: j, value: v, map: viridis, annotate: true}
      """
    let csv = "i,j,v\na,a,1\na,b,2\nb,a,3\nb,b,4\n"
    let scene = try SpecFixture.scene(spec, csv: csv).scene
    let heatmap = try XCTUnwrap(scene.groups(prefix: "heatmap-").first)
    XCTAssertTrue(heatmap.keepsColors)
    let written = Dictionary(uniqueKeysWithValues: heatmap.texts.map { ($0.plainText, $0.paint.color.hex) })
    XCTAssertEqual(written["1"], "#ffffff", "white on viridis' dark purple, as in the light figure")
    XCTAssertEqual(written["4"], "#000000", "black on its yellow")
    let ramp = try XCTUnwrap(scene.groups(role: "colorbar-ramp").first)
    XCTAssertEqual(ramp.paths.first?.fill?.color.hex, "#440154")
    let svg = SVGWriter.write(scene, colorScheme: true)
    XCTAssertTrue(svg.contains(##"data-theme="keep" fill="#000000""##), "the kept text's black named on its group")
  }

  func testAThemeIsNamed() {
    XCTAssertTrue("\(SpecFixture.error("theme: dusk\n" + Self.spec)!)".contains("figure.yaml:1:8"))
  }
}
