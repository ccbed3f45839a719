import Foundation
import VellumReview
import VellumTestSupport
import XCTest

/// `vellum embed`: the markup for each documentation site, one image where the figure follows the reader's scheme
/// itself, a light and a dark file where the site switches.
final class EmbedTests: XCTestCase {
  func testEachSiteGetsItsMarkup() {
    func snippet(_ site: EmbedSnippet.Site, follows: Bool) -> String {
      EmbedSnippet.snippet(
        site: site, light: "fig/a b.svg", dark: "fig/a b-dark.svg", alt: "Loss [log]", followsScheme: follows)
    }
    XCTAssertEqual(snippet(.github, follows: true), "![Loss [log\\]](fig/a%20b.svg)")
    XCTAssertEqual(
      snippet(.html, follows: true), "<img src=\"fig/a%20b.svg\" alt=\"Loss [log]\" style=\"max-width:100%\">")
    for site in [EmbedSnippet.Site.github, .html] {
      let picture = snippet(site, follows: false)
      XCTAssertTrue(picture.contains("<source media=\"(prefers-color-scheme: dark)\" srcset=\"fig/a%20b-dark.svg\">"))
      XCTAssertTrue(picture.contains("<img src=\"fig/a%20b.svg\""))
      XCTAssertTrue(EmbedSnippet.needsDarkFile(site: site, followsScheme: false))
      XCTAssertFalse(EmbedSnippet.needsDarkFile(site: site, followsScheme: true))
    }
    // The documentation themes' toggles are the page's: always both files.
    for follows in [false, true] {
      XCTAssertEqual(
        snippet(.mkdocs, follows: follows),
        "![Loss [log\\]](fig/a%20b.svg#only-light)\n![Loss [log\\]](fig/a%20b-dark.svg#only-dark)")
      let rst = snippet(.sphinx, follows: follows)
      XCTAssertTrue(
        rst.contains(".. image:: fig/a b.svg\n   :alt: Loss [log]\n   :class: only-light"), "reST takes paths")
      XCTAssertTrue(rst.contains(".. image:: fig/a b-dark.svg\n   :alt: Loss [log]\n   :class: only-dark"))
      XCTAssertTrue(EmbedSnippet.needsDarkFile(site: .mkdocs, followsScheme: follows))
    }
    // Markup in an alt text stays text.
    XCTAssertTrue(
      EmbedSnippet.snippet(site: .html, light: "a.svg", dark: "b.svg", alt: "<b>\"x\"</b>", followsScheme: true)
        .contains("alt=\"&lt;b&gt;&quot;x&quot;&lt;/b&gt;\""))
  }

  func testTheCommandLinksFromThePage() throws {
    let spec = PackagePaths.examples.appendingPathComponent("selfdistill-train.yaml").path
    let docs = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-embed-\(UUID().uuidString)/docs")
    let out = docs.deletingLastPathComponent().appendingPathComponent("figures")
    let result = try runProgram(
      PackagePaths.binary, ["embed", spec, "--site", "mkdocs", "--out", out.path, "--from", docs.path])
    XCTAssertEqual(result.status, 0, result.stderr)
    let text = String(decoding: result.stdout, as: UTF8.self)
    XCTAssertTrue(text.hasPrefix("![Accuracy on LiveCodeBench v6"), text)
    XCTAssertTrue(text.contains("](../figures/selfdistill-train.svg#only-light)"), text)
    XCTAssertTrue(text.contains("](../figures/selfdistill-train-dark.svg#only-dark)"), text)
    XCTAssertTrue(result.stderr.contains("--theme dark --stdout svg >"), result.stderr)
  }
}
