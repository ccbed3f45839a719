import Foundation
import VellumScene
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumLayout

/// Colormaps and norms against matplotlib (Tests/Reference/colormaps.json, scripts/reference_colormaps.py).
final class ContinuousColorScaleTests: XCTestCase {
  private struct Reference: Decodable {
    struct Case: Decodable {
      struct Spec: Decodable {
        var map: MapName
        var limits: [Double]
        var norm: String?
        var center: Double?
        var linthresh: Double?
        var levels: Int?
      }
      var name: String
      var spec: Spec
      var colors: [String?]
    }
    enum MapName: Decodable {
      case name(String)
      case list([String])
      init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let name = try? container.decode(String.self) {
          self = .name(name)
        } else {
          self = .list(try container.decode([String].self))
        }
      }
    }
    var values: [Double?]
    var cases: [Case]
  }

  func testColoursMatchMatplotlib() throws {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/colormaps.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    XCTAssertEqual(reference.cases.count, 7)
    for item in reference.cases {
      let map: ContinuousColorSpec.Map
      switch item.spec.map {
      case .name(let name): map = .named(Located(name, at: nil))
      case .list(let colors): map = .list(colors.map { Color(hex: $0)! })
      }
      var spec = ContinuousColorSpec(map: map)
      spec.limits = (item.spec.limits[0], item.spec.limits[1])
      spec.levels = item.spec.levels
      switch item.spec.norm {
      case "log": spec.norm = .log
      case "symlog": spec.norm = .symlog(linthresh: item.spec.linthresh!)
      default: spec.norm = item.spec.center.map { .centered($0) } ?? .linear
      }
      let scale = try ContinuousColorScale(spec: spec, values: [])
      for (value, expected) in zip(reference.values, item.colors) {
        XCTAssertEqual(scale(value ?? .nan)?.hex, expected, "\(item.name) at \(String(describing: value))")
      }
    }
  }

  func testUnknownColormapSuggestsAName() {
    XCTAssertThrowsError(
      try ContinuousColorScale(spec: ContinuousColorSpec(map: .named(Located("virdis", at: nil))), values: [1])
    ) { error in XCTAssertTrue("\(error)".contains("did you mean 'viridis'"), "\(error)") }
    var log = ContinuousColorSpec(map: .named(Located("viridis", at: nil)))
    log.norm = .log
    XCTAssertThrowsError(try ContinuousColorScale(spec: log, values: [-1, 0])) { error in
      XCTAssertTrue("\(error)".contains("positive"), "\(error)")
    }
  }
}
