import Foundation
import VellumScene
import VellumTestSupport
import XCTest

@testable import VellumLint

/// The colour arithmetic of `vellum lint` against colour-science (Tests/Reference/color_science.json, from
/// scripts/reference_color_science.py): CIELAB of 22 colours, CIEDE2000 of their 231 pairs, and Machado et al.'s
/// (2009) protanopia, deuteranopia and tritanopia of each; WCAG contrast against its definition's fixed points.
final class ColorScienceTests: XCTestCase {
  private struct Reference: Decodable {
    struct Entry: Decodable {
      var hex: String
      var lab: [Double]
      var protanopia: [Double]
      var deuteranopia: [Double]
      var tritanopia: [Double]
    }
    struct Pair: Decodable {
      var a: String
      var b: String
      var delta_e: Double
    }
    var colours: [Entry]
    var pairs: [Pair]
  }

  private func reference() throws -> Reference {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/color_science.json")
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }

  private func rgb(_ hex: String) -> RGB {
    let value = Int(hex.dropFirst(), radix: 16)!
    return RGB(
      red: Double((value >> 16) & 255) / 255, green: Double((value >> 8) & 255) / 255, blue: Double(value & 255) / 255)
  }

  func testLabAndSimulationsMatchColourScience() throws {
    let reference = try reference()
    XCTAssertEqual(reference.colours.count, 22)
    for entry in reference.colours {
      let lab = ColorScience.lab(rgb(entry.hex))
      XCTAssertEqual(lab.l, entry.lab[0], accuracy: 1e-4, entry.hex)
      XCTAssertEqual(lab.a, entry.lab[1], accuracy: 1e-4, entry.hex)
      XCTAssertEqual(lab.b, entry.lab[2], accuracy: 1e-4, entry.hex)
      for (deficiency, expected) in [
        (ColorScience.Deficiency.protanopia, entry.protanopia), (.deuteranopia, entry.deuteranopia),
        (.tritanopia, entry.tritanopia),
      ] {
        let simulated = ColorScience.simulate(rgb(entry.hex), deficiency)
        XCTAssertEqual(simulated.red, expected[0], accuracy: 1e-5, "\(entry.hex) \(deficiency)")
        XCTAssertEqual(simulated.green, expected[1], accuracy: 1e-5, "\(entry.hex) \(deficiency)")
        XCTAssertEqual(simulated.blue, expected[2], accuracy: 1e-5, "\(entry.hex) \(deficiency)")
      }
    }
  }

  func testDeltaE2000MatchesColourScience() throws {
    let reference = try reference()
    XCTAssertEqual(reference.pairs.count, 231)
    // From colour-science's own Lab values: near-neutral colours' hues swing with the fifth decimal of a and b.
    var labs: [String: (l: Double, a: Double, b: Double)] = [:]
    for entry in reference.colours { labs[entry.hex] = (entry.lab[0], entry.lab[1], entry.lab[2]) }
    for pair in reference.pairs {
      let ours = ColorScience.deltaE2000(labs[pair.a]!, labs[pair.b]!)
      XCTAssertEqual(ours, pair.delta_e, accuracy: 1e-4, "\(pair.a) \(pair.b)")
    }
  }

  /// WCAG 2's fixed points: black on white is 21:1, a colour on itself 1:1, #767676 on white the AA limit 4.54.
  func testContrastRatios() {
    XCTAssertEqual(
      ColorScience.contrast(RGB(red: 0, green: 0, blue: 0), RGB(red: 1, green: 1, blue: 1)), 21, accuracy: 1e-9)
    XCTAssertEqual(ColorScience.contrast(rgb("#3484bf"), rgb("#3484bf")), 1, accuracy: 1e-12)
    XCTAssertEqual(ColorScience.contrast(rgb("#767676"), RGB(red: 1, green: 1, blue: 1)), 4.54, accuracy: 0.01)
  }
}
