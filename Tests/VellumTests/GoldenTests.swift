import Foundation
import Vellum
import XCTest

/// Every example renders to its committed SVG and scene dump, byte for byte.
final class GoldenTests: XCTestCase {
  func testExamplesMatchGoldens() throws {
    let specs = try PackagePaths.exampleSpecs()
    XCTAssertGreaterThanOrEqual(specs.count, 2)
    for spec in specs {
      let name = spec.deletingPathExtension().lastPathComponent
      let scene = try FigureRenderer().scene(specPath: spec.path)
      assertGolden(SVGWriter.write(scene), named: "\(name).svg")
      assertGolden(SceneDump.render(scene), named: "\(name).scene.txt")
    }
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
