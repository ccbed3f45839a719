import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

/// Styles given in a spec, in a style file or on the command line: panels, errors in style files, `extend`, null and
/// wrong-typed references, geometry and overlays.
final class StyleRetargetTests: XCTestCase {
  private static let twoPanels = """
    data: {runs: data.csv}
    axes:
      - layers: [{line: {x: step, y: loss}}]
      - layers: [{line: {x: step, y: loss}}]

    """

  /// `--style` over a spec of several panels keeps each panel's layers and gives the venue's column width.
  func testRetargetingKeepsEveryPanel() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let spec = try fixture.write("f.yaml", Self.twoPanels)
    let figure = try Figure(contentsOf: spec, style: "icml")
    XCTAssertEqual(figure.spec.width, 234, accuracy: 1e-9, "icml's 3.25 in column")
    XCTAssertEqual(try figure.scene().groups(prefix: "series-").count, 2, "both panels keep their line")
  }

  /// A mistake in a style file is located in that file, at its own line, also through `--style`.
  func testStyleFileErrorsNameTheStyleFile() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    try fixture.write("house.yaml", "# house style\nfont:\n  size: 9\n  famly: DejaVu Sans\n")
    let spec = try fixture.write("f.yaml", "style: house.yaml\n" + SpecFixture.spec)
    let text = errorText { _ = try Figure(contentsOf: spec) }
    XCTAssertTrue(text.hasPrefix(fixture.directory.path + "/house.yaml:4:3: error: unknown key 'famly'"), text)
    try fixture.write("other.yaml", "fnt: {size: 9}\n")
    let retargeted = errorText {
      _ = try Figure(
        contentsOf: try fixture.write("g.yaml", SpecFixture.spec), style: fixture.directory.path + "/other.yaml")
    }
    XCTAssertTrue(
      retargeted.hasPrefix(fixture.directory.path + "/other.yaml:1:1: error: unknown key 'fnt'"), retargeted)
  }

  /// `extend:` is read from the style file's folder, wherever the spec lives.
  func testExtendIsRelativeToTheStyleFile() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    for folder in ["styles", "paper"] {
      try FileManager.default.createDirectory(
        at: fixture.directory.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try fixture.write("styles/base.yaml", "font: {size: 13}\n")
    try fixture.write("styles/house.yaml", "extend: base.yaml\npalette: okabe-ito\n")
    try fixture.write("paper/data.csv", SpecFixture.csv)
    let spec = try fixture.write("paper/f.yaml", "style: ../styles/house.yaml\n" + SpecFixture.spec)
    XCTAssertEqual(try Figure(contentsOf: spec).spec.font.size, 13)
  }

  /// `style:` left empty is no style; a list or mapping is an error at it, as for every other key.
  func testStyleReferencesAreTypeChecked() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    XCTAssertNoThrow(try Figure(contentsOf: try fixture.write("a.yaml", "style:\n" + SpecFixture.spec)))
    let listed = errorText {
      _ = try Figure(contentsOf: try fixture.write("b.yaml", "style: [icml]\n" + SpecFixture.spec))
    }
    XCTAssertTrue(listed.contains("b.yaml:1:8: error: expected style: a style name or a style file's path"), listed)
    try fixture.write("s.yaml", "extend: {a: 1}\n")
    let extended = errorText {
      _ = try Figure(contentsOf: try fixture.write("c.yaml", "style: s.yaml\n" + SpecFixture.spec))
    }
    XCTAssertTrue(extended.contains("s.yaml:1:9: error: expected extend:"), extended)
  }

  /// A venue style with only a height keeps the venue's column width.
  func testAHeightAloneKeepsTheColumnWidth() throws {
    let (scene, _) = try SpecFixture.scene(
      "style: icml\nheight: 2in\n" + SpecFixture.spec.replacingOccurrences(of: "size: [4in, 3in]\n", with: ""))
    XCTAssertEqual(scene.width, 234, accuracy: 1e-9)
    XCTAssertEqual(scene.height, 144, accuracy: 1e-9)
  }

  /// An overlay (colorblind, grayscale) changes colours only: the spec's venue keeps its width and `width: column`.
  func testOverlaysKeepTheVenue() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    let body = SpecFixture.spec.replacingOccurrences(of: "size: [4in, 3in]\n", with: "")
    let plain = try fixture.write("a.yaml", "style: icml\n" + body)
    XCTAssertEqual(try Figure(contentsOf: plain, style: "colorblind").spec.width, 234, accuracy: 1e-9)
    let column = try fixture.write("b.yaml", "style: icml\nwidth: column\n" + body)
    XCTAssertEqual(try Figure(contentsOf: column, style: "grayscale").spec.width, 234, accuracy: 1e-9)
  }

  /// Retargeting drops every explicit text size the declarations name (a legend title's, bar value labels').
  func testRetargetingDropsEveryTextSize() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", "c,v\na,3\nb,5\n")
    let spec = try fixture.write(
      "f.yaml",
      """
      data: {b: data.csv}
      axes:
        x: {scale: categorical}
        legend: {title: Method, title_size: 18, font_size: 15}
        layers:
          - bar: {x: c, y: v, label: bars, value_labels: {size: 22}}

      """)
    let sizes = Set(try Figure(contentsOf: spec, style: "icml").scene().textNodes.flatMap(\.runs).map(\.font.size))
    XCTAssertTrue(sizes.allSatisfy { $0 <= 8 }, "\(sizes)")
  }

  /// A relative `--style` path is read from the current folder, as a path typed on the command line.
  func testACommandLineStylePathIsReadFromTheCurrentFolder() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    try fixture.write("data.csv", SpecFixture.csv)
    try FileManager.default.createDirectory(
      at: fixture.directory.appendingPathComponent("figs"), withIntermediateDirectories: true)
    try fixture.write("figs/data.csv", SpecFixture.csv)
    try fixture.write("figs/f.yaml", SpecFixture.spec)
    try fixture.write("house.yaml", "font: {size: 9}\n")
    let result = try runProgram(
      PackagePaths.binary, ["lint", "figs/f.yaml", "--style", "house.yaml"], in: fixture.directory)
    XCTAssertEqual(result.status, 0, result.stderr)
    let missing = try runProgram(
      PackagePaths.binary, ["lint", "figs/f.yaml", "--style", "nosuch.yaml"], in: fixture.directory)
    XCTAssertEqual(missing.status, 2, "a usage error: \(missing.stderr)")
  }
}
