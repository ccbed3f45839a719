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
    var points: [Double]
    /// Every registered colormap (and `_r`) at `points`.
    var maps: [String: [String]]
    /// Every colour name matplotlib's to_rgba knows, as to_hex.
    var names: [String: String]
  }

  private func reference() throws -> Reference {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/colormaps.json")
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }

  func testColoursMatchMatplotlib() throws {
    let reference = try reference()
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

  /// Every colormap matplotlib registers, forward and `_r`, at five points over [0, 1].
  func testEveryMatplotlibColormapAtFivePoints() throws {
    let reference = try reference()
    XCTAssertGreaterThanOrEqual(reference.maps.count, 180)
    XCTAssertEqual(Set(ContinuousColorSpec.colormapNames), Set(reference.maps.keys), "the same names as matplotlib")
    for (name, colors) in reference.maps {
      var spec = ContinuousColorSpec(map: .named(Located(name, at: nil)))
      spec.limits = (0, 1)
      let scale = try ContinuousColorScale(spec: spec, values: [])
      XCTAssertEqual(reference.points.map { scale($0)?.hex }, colors, name)
    }
  }

  /// Every colour name matplotlib knows (single letters, tab:, CSS4, xkcd:) reads as its colour, in any case.
  func testEveryMatplotlibColourName() throws {
    let reference = try reference()
    XCTAssertEqual(reference.names.count, 8 + 10 + 148 + 949)
    for (name, hex) in reference.names {
      XCTAssertEqual(Color(name: name)?.rgb.hex, hex, name)
      if name.count > 1 { XCTAssertEqual(Color(name: name.uppercased())?.rgb.hex, hex, name.uppercased()) }
    }
    XCTAssertEqual(Color(name: "xkcd:sky blue")?.rgb.hex, "#75bbfd")
    XCTAssertEqual(Color(name: "tab:grey")?.rgb.hex, "#7f7f7f", "grey spelled either way")
    XCTAssertNil(Color(name: "skyblu"))
  }
}
