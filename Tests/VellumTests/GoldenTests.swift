import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

/// Every example renders to its committed SVG and scene dump, byte for byte.
final class GoldenTests: XCTestCase {
  func testExamplesMatchGoldens() throws {
    let specs = try PackagePaths.exampleSpecs()
    XCTAssertGreaterThanOrEqual(specs.count, 2)
    for spec in specs {
      let name = spec.deletingPathExtension().lastPathComponent
      assertGolden(try FigureRenderer().svg(specPath: spec.path), named: "\(name).svg")
      assertGolden(SceneDump.render(try FigureRenderer().scene(specPath: spec.path)), named: "\(name).scene.txt")
    }
  }

  func testTypesettingExampleInPathsMode() throws {
    let spec = PackagePaths.examples.appendingPathComponent("typesetting.yaml").path
    assertGolden(try FigureRenderer(textMode: .paths).svg(specPath: spec), named: "typesetting.paths.svg")
  }

  func testRerunIsByteIdentical() throws {
    for spec in try PackagePaths.exampleSpecs() {
      let first = try FigureRenderer().render(specPath: spec.path, formats: OutputFormat.allCases)
      let second = try FigureRenderer().render(specPath: spec.path, formats: OutputFormat.allCases)
      for format in OutputFormat.allCases {
        XCTAssertEqual(first[format], second[format], "\(spec.lastPathComponent) \(format) differs between runs")
      }
    }
  }
}
