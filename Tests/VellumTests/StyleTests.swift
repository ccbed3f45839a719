import Foundation
import Vellum
import VellumSpec
import VellumTestSupport
import XCTest

/// Venue styles, style precedence, `vellum new` templates, and the compiled-in copies of Templates/.
final class StyleTests: XCTestCase {
  private let train = PackagePaths.examples.appendingPathComponent("selfdistill-train.yaml").path

  /// Each venue's column width (PDF points) and body font, from its LaTeX style file.
  private let venues: [(style: String, width: Double, font: String)] = [
    ("neurips", 396, "TeXGyreTermes"), ("iclr", 396, "TeXGyreTermes"), ("icml", 234, "TeXGyreTermes"),
    ("ieee", 251.059, "TeXGyreTermes"), ("acm", 240.25, "LinLibertineO"), ("nature", 252.283, "TeXGyreHeros"),
  ]

  func testRetargetingGivesVenueWidthAndFonts() throws {
    for venue in venues {
      let outputs = try FigureRenderer(style: venue.style).render(specPath: train, formats: [.svg, .pdf])
      let pdf = PDFFacts(outputs[.pdf]!)
      XCTAssertEqual(pdf.mediaBox[2], venue.width, accuracy: 0.001, venue.style)
      XCTAssertEqual(pdf.mediaBox[3] / pdf.mediaBox[2], 316.8 / 468, accuracy: 0.001, "\(venue.style) keeps the aspect")
      XCTAssertFalse(pdf.hasType3Fonts, venue.style)
      XCTAssertFalse(pdf.fontNames.isEmpty)
      XCTAssertTrue(pdf.fontNames.allSatisfy { $0.contains(venue.font) }, "\(venue.style): \(pdf.fontNames)")
      let descriptors = pdf.text.components(separatedBy: "/Type /FontDescriptor").count - 1
      let programs = ["/FontFile ", "/FontFile2 ", "/FontFile3 "].map { pdf.text.components(separatedBy: $0).count - 1 }
      XCTAssertEqual(descriptors, programs.reduce(0, +), "\(venue.style): every font embedded")
      assertGolden(
        String(decoding: outputs[.svg]!, as: UTF8.self), named: "styles/selfdistill-train.\(venue.style).svg")
    }
  }

  func testSpecKeysOverrideTheStyle() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let spec = SpecFixture.spec.replacingOccurrences(
      of: "size: [4in, 3in]", with: "style: icml\nwidth: column\nfont: {size: 11}")
    let figure = try Figure(contentsOf: try fixture.write("figure.yaml", spec)).spec
    XCTAssertEqual(figure.width, 234)
    XCTAssertEqual(figure.height, 234 * 0.75, accuracy: 1e-9, "the style's aspect")
    XCTAssertEqual(figure.font.size, 11, "the spec's key wins")
    XCTAssertEqual(figure.font.family, "TeX Gyre Termes", "the style's key fills in")
    XCTAssertEqual(figure.axes[0].ticks.direction, .in, "inherited from paper through neurips")
  }

  func testNamedWidthNeedsAStyleAndUnknownStylesSuggest() throws {
    XCTAssertThrowsError(
      try Figure(text: "width: column\naxes: {layers: []}\n", name: "t.yaml")
    ) { error in XCTAssertTrue("\(error)".contains("needs a style"), "\(error)") }
    XCTAssertThrowsError(
      try Figure(text: "style: icm\naxes: {layers: []}\n", name: "t.yaml")
    ) { error in
      XCTAssertTrue("\(error)".contains("did you mean 'icml'"), "\(error)")
      XCTAssertEqual((error as? VellumError)?.location?.line, 1)
    }
  }

  func testEveryTemplateRendersWithoutEdits() throws {
    XCTAssertEqual(FigureTemplates.names, ["bars", "panels", "scaling", "training-curve"])
    for template in FigureTemplates.names {
      let fixture = try SpecFixture()
      defer { fixture.remove() }
      for file in try FigureTemplates.scaffold(template, name: "fig") { try fixture.write(file.name, file.text) }
      let outputs = try FigureRenderer().render(
        specPath: fixture.directory.appendingPathComponent("fig.yaml").path, formats: OutputFormat.allCases)
      XCTAssertEqual(outputs.count, 3, template)
    }
  }

  func testCompiledInCopiesMatchTemplates() throws {
    func check(_ folder: String, _ embedded: [String: String]) throws {
      let url = PackagePaths.root.appendingPathComponent(folder)
      let names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
      XCTAssertEqual(names, embedded.keys.sorted(), "run python3 scripts/embed_templates.py")
      for name in names {
        XCTAssertEqual(
          try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8), embedded[name],
          "\(folder)/\(name) changed: run python3 scripts/embed_templates.py")
      }
    }
    try check("Templates/styles", EmbeddedStyles.files)
    try check("Templates/new", EmbeddedTemplates.files)
  }

  func testStylesAreListedWithDescriptions() {
    let styles = SpecLoader.styles
    XCTAssertEqual(
      Set(styles.map(\.name)),
      ["paper", "neurips", "icml", "iclr", "ieee", "acm", "nature", "colorblind", "grayscale", "matplotlib"])
    XCTAssertTrue(styles.allSatisfy { !$0.description.isEmpty })
  }
}
