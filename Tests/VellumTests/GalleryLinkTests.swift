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
    let (first, second) = try fixture.writeSpecsNamedAlike("fig.yaml")
    let folder = fixture.directory.appendingPathComponent("gallery")
    XCTAssertThrowsError(try Gallery.build(specs: [first, second], folder: folder)) { error in
      XCTAssertTrue("\(error)".contains("would both write fig.svg"), "\(error)")
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
  }

  func testGalleryCopiesDataCaptionsWithTheTitleAndFillsThePageWidth() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try FileManager.default.createDirectory(
      at: fixture.directory.appendingPathComponent("logs"), withIntermediateDirectories: true)
    try fixture.write("logs/run a.csv", SpecFixture.csv)
    let titled = try fixture.write(
      "titled.yaml",
      SpecFixture.spec.replacingOccurrences(of: "data.csv", with: "'logs/run a.csv'")
        .replacingOccurrences(of: "axes:\n", with: "axes:\n  title: Loss <falls>\n"))
    try fixture.write("data.csv", SpecFixture.csv)
    let untitled = try fixture.write("plain.yaml", SpecFixture.spec)
    let folder = fixture.directory.appendingPathComponent("gallery")
    _ = try Gallery.build(specs: [titled, untitled], folder: folder)
    // The data beside the copied specs, at the same relative paths: the gallery's specs render as they are.
    XCTAssertEqual(
      try Data(contentsOf: folder.appendingPathComponent("logs/run a.csv")), Data(SpecFixture.csv.utf8))
    XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("data.csv").path))
    XCTAssertEqual(
      try runVellum(["render", folder.appendingPathComponent("titled.yaml").path, "--format", "svg"]).status, 0)
    let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
    XCTAssertTrue(page.contains("<figcaption>Loss &lt;falls&gt; <small>(titled)</small>"), page)
    XCTAssertTrue(page.contains("<figcaption><strong>plain</strong>"), page)
    XCTAssertTrue(page.contains("data: <a href=\"./logs/run%20a.csv\">logs/run a.csv</a>"), page)
    XCTAssertTrue(page.contains("img{width:100%;height:auto"))
  }
}
