import CVellumZlib
import Foundation
import Vellum
import VellumImage
import VellumSVG
import VellumTestSupport
import XCTest

@testable import VellumFonts
@testable import VellumRaster

/// PDF and PNG output: sizes, fonts, resolution metadata, font pinning.
final class RasterTests: XCTestCase {
  private func render(_ name: String) throws -> [OutputFormat: [UInt8]] {
    try FigureRenderer().render(
      specPath: PackagePaths.examples.appendingPathComponent(name).path, formats: [.pdf, .png])
  }

  func testTrainingFigureSizesAndFonts() throws {
    let outputs = try render("selfdistill-train.yaml")
    let pdf = PDFFacts(outputs[.pdf]!)
    XCTAssertEqual(pdf.mediaBox, [0, 0, 468, 316.8])
    XCTAssertFalse(pdf.hasType3Fonts)
    XCTAssertTrue(
      pdf.fontNames.allSatisfy { pdf.text.contains("/FontFile2") && $0.contains("CMUSerif") }, "\(pdf.fontNames)")
    XCTAssertTrue(pdf.fontNames.contains { $0.hasSuffix("CMUSerif-Bold") }, "bold SDPO entry: \(pdf.fontNames)")
    XCTAssertTrue(pdf.fontNames.contains { $0.hasSuffix("CMUSerif-Roman") })
    let png = PNGFacts(outputs[.png]!)
    XCTAssertEqual(png.size, [1950, 1320])
    XCTAssertEqual(png.pixelsPerMetre, 11811)
    XCTAssertFalse(png.chunkTypes.contains("tIME"))
  }

  func testScalingFigureSizesAndFonts() throws {
    let outputs = try render("selfdistill-scaling.yaml")
    let pdf = PDFFacts(outputs[.pdf]!)
    XCTAssertEqual(pdf.mediaBox, [0, 0, 720, 360])
    XCTAssertFalse(pdf.hasType3Fonts)
    XCTAssertTrue(pdf.fontNames.contains { $0.hasSuffix("CMUSerif-Italic") }, "italic y label: \(pdf.fontNames)")
    XCTAssertTrue(pdf.fontNames.contains { $0.hasSuffix("CMUSerif-Bold") })
    XCTAssertEqual(PNGFacts(outputs[.png]!).size, [3000, 1500])
  }

  /// pdffonts' "emb yes" and "no Type 3", read from the PDF: every font has an embedded font program.
  func testEveryExampleEmbedsAllFontsWithoutType3() throws {
    for spec in try PackagePaths.exampleSpecs() {
      for mode in TextMode.allCases {
        let pdf = PDFFacts(try FigureRenderer(textMode: mode).render(specPath: spec.path, formats: [.pdf])[.pdf]!)
        XCTAssertFalse(pdf.hasType3Fonts, spec.lastPathComponent)
        let descriptors = pdf.text.components(separatedBy: "/Type /FontDescriptor").count - 1
        let programs = ["/FontFile ", "/FontFile2 ", "/FontFile3 "].map {
          pdf.text.components(separatedBy: $0).count - 1
        }
        XCTAssertEqual(descriptors, programs.reduce(0, +), "\(spec.lastPathComponent) \(mode)")
        if mode == .paths {
          XCTAssertEqual(descriptors, 0, "paths mode draws outlines, no fonts")
        } else {
          XCTAssertGreaterThan(descriptors, 0)
        }
      }
    }
  }

  func testDPIOptionScalesPixels() throws {
    let spec = PackagePaths.examples.appendingPathComponent("selfdistill-train.yaml").path
    let png = PNGFacts(try FigureRenderer(dpi: 72).render(specPath: spec, formats: [.png])[.png]!)
    XCTAssertEqual(png.size, [468, 317])
    XCTAssertEqual(png.pixelsPerMetre, 2835)
  }

  /// Text asks for one family while only another is pinned: the pinned file must draw it, both ways round,
  /// which also shows that re-pinning within one process takes effect.
  func testRenderingUsesOnlyPinnedFonts() throws {
    let cmu = try FontLibrary.shared.face(FontKey(family: "CMU Serif")).path
    guard let dejavu = try? FontLibrary.shared.face(FontKey(family: "DejaVu Sans")).path else {
      throw XCTSkip("DejaVu Sans is not installed")
    }
    func fonts(asking family: String, pinned file: String) throws -> [String] {
      let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="20pt" viewBox="0 0 100 20">\
        <text x="1" y="15" style="font-family:'\(family)';font-size:12px">Pinned</text></svg>
        """
      return PDFFacts(try Rasterizer.pdf(svg: svg, width: 100, height: 20, fontFiles: [file])).fontNames
    }
    let cmuOnly = try fonts(asking: "DejaVu Sans", pinned: cmu)
    XCTAssertTrue(cmuOnly.count == 1 && cmuOnly[0].contains("CMUSerif"), "\(cmuOnly)")
    let dejavuOnly = try fonts(asking: "CMU Serif", pinned: dejavu)
    XCTAssertTrue(dejavuOnly.count == 1 && dejavuOnly[0].contains("DejaVuSans"), "\(dejavuOnly)")
  }

  func testMalformedSVGBecomesTypedError() {
    XCTAssertThrowsError(try Rasterizer.png(svg: "<svg", width: 10, height: 10, dpi: 72, fontFiles: [])) { error in
      guard let error = error as? VellumError else { return XCTFail("untyped error \(error)") }
      XCTAssertEqual(error.code, .render)
      guard case .library(.librsvg, _, let message)? = error.cause else {
        return XCTFail("expected librsvg's cause, found \(String(describing: error.cause))")
      }
      XCTAssertFalse(message.isEmpty)
    }
  }

  /// A font file FreeType cannot open comes back through the FreeType funnel with FreeType's own status.
  func testUnreadableFontBecomesTypedFreeTypeError() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let path = try fixture.write("broken.ttf", "not a font")
    XCTAssertThrowsError(try FontLibrary.shared.face(file: path)) { error in
      guard let error = error as? VellumError, case .library(.freetype, let status?, let message)? = error.cause else {
        return XCTFail("expected a FreeType cause, found \(error)")
      }
      XCTAssertEqual(error.code, .font)
      XCTAssertNotEqual(status, 0)
      XCTAssertFalse(message.isEmpty)
      XCTAssertTrue("\(error)".contains("FreeType"), "\(error)")
    }
  }

  /// A zlib failure names zlib and its status.
  func testZlibStatusBecomesTypedError() {
    XCTAssertThrowsError(try ZlibBoundary.check(Z_STREAM_ERROR, "PNG compression failed")) { error in
      guard let error = error as? VellumError, case .library(.zlib, Z_STREAM_ERROR?, _)? = error.cause else {
        return XCTFail("expected a zlib cause, found \(error)")
      }
    }
    XCTAssertNoThrow(try ZlibBoundary.check(Z_OK, "fine"))
  }
}

/// Facts read from Cairo's uncompressed PDF object dictionaries.
struct PDFFacts {
  let text: String

  init(_ bytes: [UInt8]) {
    text = String(decoding: bytes.map { $0 < 128 ? $0 : 32 }, as: UTF8.self)
  }

  var mediaBox: [Double] {
    guard let range = text.range(of: "/MediaBox [") else { return [] }
    let rest = text[range.upperBound...].prefix { $0 != "]" }
    return rest.split(separator: " ").compactMap { Double($0) }
  }

  var fontNames: [String] {
    text.components(separatedBy: "/FontName /").dropFirst().map { String($0.prefix { !" /\n>".contains($0) }) }
  }

  var hasType3Fonts: Bool { text.contains("/Subtype /Type3") }
}

/// Facts read from PNG chunks.
struct PNGFacts {
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  private func uint32(_ offset: Int) -> Int {
    bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
  }

  var chunkTypes: [String] {
    var types: [String] = []
    var offset = 8
    while offset + 8 <= bytes.count {
      let length = uint32(offset)
      types.append(String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self))
      offset += 12 + length
    }
    return types
  }

  var size: [Int] { [uint32(16), uint32(20)] }

  var pixelsPerMetre: Int? {
    var offset = 8
    while offset + 8 <= bytes.count {
      let length = uint32(offset)
      if String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self) == "pHYs" { return uint32(offset + 8) }
      offset += 12 + length
    }
    return nil
  }
}
