import Foundation
import VellumTestSupport
import XCTest

@testable import VellumReview

/// The gallery page: hostile file names never become a scheme, a query, a fragment or markup; names that would
/// collide are refused before anything is written.
final class GalleryLinkTests: XCTestCase {
  func testLinksAreRelativeAndPercentEncoded() {
    XCTAssertEqual(link("javascript:alert(1)", "svg"), "./javascript%3Aalert%281%29.svg")
    XCTAssertEqual(link("a#b?c%d\"e<f>\ng", "png"), "./a%23b%3Fc%25d%22e%3Cf%3E%0Ag.png")
    XCTAssertEqual(link("grüße", "pdf"), "./gr%C3%BC%C3%9Fe.pdf")
    XCTAssertEqual(link("plain-name_1.v2", "svg"), "./plain-name_1.v2.svg")
  }

  func testGalleryPageHasNoRawHostileName() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let spec = try fixture.write("javascript:alert(1).yaml", SpecFixture.spec)
    let folder = fixture.directory.appendingPathComponent("gallery")
    _ = try Gallery.build(specs: [spec], folder: folder)
    let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    XCTAssertFalse(page.contains("href=\"javascript:"), page)
    XCTAssertTrue(page.contains("href=\"./javascript%3Aalert%281%29.svg\""))
  }

  func testSpecsNamedAlikeAreRefusedBeforeWriting() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let first = try fixture.write("fig.yaml", SpecFixture.spec)
    try FileManager.default.createDirectory(
      at: fixture.directory.appendingPathComponent("b"), withIntermediateDirectories: true)
    let second = try fixture.write(
      "b/fig.yaml", SpecFixture.spec.replacingOccurrences(of: "data.csv", with: "../data.csv"))
    let folder = fixture.directory.appendingPathComponent("gallery")
    XCTAssertThrowsError(try Gallery.build(specs: [first, second], folder: folder)) { error in
      XCTAssertTrue("\(error)".contains("would both write fig.svg"), "\(error)")
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
  }
}
