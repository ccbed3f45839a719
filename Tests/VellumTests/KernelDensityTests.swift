import Foundation
import VellumSpec
import VellumTestSupport
import XCTest

@testable import VellumData

/// Gaussian KDE against scipy.stats.gaussian_kde (Tests/Reference/kde.json, from scripts/reference_kde.py).
final class KernelDensityTests: XCTestCase {
  private struct Reference: Decodable {
    struct Case: Decodable {
      var sample: String
      var bandwidth: Rule
      var factor: Double
      var sigma: Double
      var density: [Double]
    }
    enum Rule: Decodable {
      case name(String)
      case factor(Double)
      init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let name = try? container.decode(String.self) {
          self = .name(name)
        } else {
          self = .factor(try container.decode(Double.self))
        }
      }
    }
    var samples: [String: [Double]]
    var points: [Double]
    var cases: [Case]
  }

  func testDensityMatchesScipyWithinOnePartInABillion() throws {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/kde.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    XCTAssertEqual(reference.cases.count, 9)
    for item in reference.cases {
      let bandwidth: Bandwidth
      switch item.bandwidth {
      case .name("scott"): bandwidth = .scott
      case .name("silverman"): bandwidth = .silverman
      case .name(let other): return XCTFail("unknown rule \(other)")
      case .factor(let value): bandwidth = .factor(value)
      }
      let kde = try KernelDensity(try XCTUnwrap(reference.samples[item.sample]), bandwidth: bandwidth)
      let what = "\(item.sample) \(item.bandwidth)"
      XCTAssertEqual(kde.factor, item.factor, accuracy: 1e-12 * item.factor, what)
      XCTAssertEqual(kde.sigma, item.sigma, accuracy: 1e-12 * item.sigma, what)
      for (x, expected) in zip(reference.points, item.density) {
        let actual = kde(x)
        // Relative error ≤ 1e-9 where the density is representable; deep in the tails both are ~0.
        XCTAssertEqual(actual, expected, accuracy: max(1e-9 * expected, 1e-300), "\(what) at \(x)")
      }
    }
  }

  func testTooFewOrIdenticalSamplesAreErrors() {
    XCTAssertThrowsError(try KernelDensity([1], bandwidth: .scott))
    XCTAssertThrowsError(try KernelDensity([2, 2, 2, .nan], bandwidth: .scott)) { error in
      XCTAssertTrue("\(error)".contains("differ"), "\(error)")
    }
  }

  /// Binned evaluation of a large sample stays within 1e-5 of the exact sums (checked on 50,000 samples).
  func testBinnedDensityOfALargeSampleMatchesTheExactSums() throws {
    var random = SplitMix64(seed: 4)
    let samples = (0..<50_000).map { _ -> Double in
      // Box–Muller: a normal sample from two uniforms.
      let (u, v) = (max(random.unit(), 1e-12), random.unit())
      return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
    let kde = try KernelDensity(samples, bandwidth: .scott)
    let points = kde.grid(cut: 3, count: 60)
    let binned = kde.density(at: points)
    for (x, value) in zip(points, binned) {
      let exact = kde(x)
      XCTAssertEqual(value, exact, accuracy: 1e-5 * max(exact, 1e-3), "at \(x)")
    }
  }
}
