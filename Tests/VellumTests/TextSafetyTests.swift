import Foundation
import Vellum
import VellumTestSupport
import XCTest

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Hostile labels and data values (markup, quotes, control characters, scripts, very long strings)
/// still give well-formed SVG with nothing executable or external in it, in both text modes.
final class TextSafetyTests: XCTestCase {
  static let hostile = [
    "<script>alert(1)</script>",
    "a &amp; b < c > d",
    "\"double\" and 'single' quotes",
    "ends with ]]> and <!-- a comment -->",
    "<a href=\"http://example.com\">link</a>",
    "javascript:alert(1)",
    "<svg onload=\"alert(1)\">",
    "bell\u{07}nul\u{01}tab\tcr\r",
    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;",
    String(repeating: "long ", count: 390),
  ]

  func testHostileLabelsAndValuesGiveSafeWellFormedSVG() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    // Data values become legend entries, ids and classes without TeX; labels go through the TeX parser,
    // so their TeX-special characters are escaped the way a user would write them.
    var csv = "step,loss,run\n"
    for (index, value) in Self.hostile.enumerated() {
      let quoted = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      csv += "0,\(index),\(quoted)\n1,\(index + 1),\(quoted)\n"
    }
    try fixture.write("data.csv", csv)
    for (index, value) in Self.hostile.enumerated() {
      let label = yamlQuoted(value.replacingOccurrences(of: "&", with: "\\&"))
      // Titles and axis labels must fit the canvas (a clear layout error otherwise), so they get a prefix.
      let short = yamlQuoted(String(value.prefix(40)).replacingOccurrences(of: "&", with: "\\&"))
      let spec = """
        alt: \(label)
        data: {runs: data.csv}
        axes:
          title: \(short)
          x: {label: \(short)}
          layers:
            - line: {x: step, y: loss, group: run}
            - text: {x: 0.5, y: 1, text: \(label)}

        """
      let path = try fixture.write("case\(index).yaml", spec)
      for mode in TextMode.allCases {
        var renderer = FigureRenderer()
        renderer.textMode = mode
        let outputs = try renderer.render(specPath: path, formats: [.svg, .png])
        let svg = String(decoding: outputs[.svg]!, as: UTF8.self)
        try assertSafe(svg, "case \(index) (\(mode))")
        XCTAssertFalse(outputs[.png]!.isEmpty, "librsvg drew case \(index)")
      }
    }
  }

  /// Right-to-left scripts shape and draw with a font that has them; in Computer Modern, which lacks them, they
  /// fall back to one that has them (DejaVu Sans), shaped as one right-to-left run.
  func testRightToLeftTextNeedsAFontWithItsGlyphs() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let body =
      "data: {d: {values: {x: [1, 2], y: [1, 2]}}}\naxes: {title: 'loss עברית خسارة', layers: [{line: {x: x, y: y, label: 'مرحبا'}}]}\n"
    let dejaVu = try fixture.write("rtl.yaml", "font: {family: DejaVu Sans}\n" + body)
    let svg = String(
      decoding: try FigureRenderer().render(specPath: dejaVu, formats: [.svg, .png])[.svg]!, as: UTF8.self)
    try assertSafe(svg, "right-to-left")
    let cmu = try fixture.write("cmu.yaml", body)
    let fallback = String(decoding: try FigureRenderer().render(specPath: cmu, formats: [.svg])[.svg]!, as: UTF8.self)
    try assertSafe(fallback, "right-to-left in a fallback")
    XCTAssertTrue(fallback.contains("DejaVu Sans"), "the Hebrew and Arabic come from DejaVu Sans")
    XCTAssertTrue(fallback.contains(">עברית خسارة<"), "one right-to-left run, its space included")
  }

  func testAuditCatchesUnsafeMarkup() {
    for unsafe in [
      "<svg><script>x()</script></svg>", "<svg><g onclick=\"x()\"/></svg>",
      "<svg><use href=\"http://example.com/a.svg#g\"/></svg>", "<svg><a href=\"#x\"/></svg>",
    ] {
      let parser = XMLParser(data: Data(unsafe.utf8))
      let audit = MarkupAudit()
      parser.delegate = audit
      XCTAssertTrue(parser.parse())
      XCTAssertFalse(audit.problems.isEmpty, unsafe)
    }
    XCTAssertFalse(XMLParser(data: Data("<svg><text>a & b</text></svg>".utf8)).parse())
  }

  /// Double-quoted YAML with every character that YAML would read specially escaped.
  private func yamlQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case _ where scalar.value < 0x20: result += String(format: "\\x%02X", scalar.value)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}

/// Parses `svg` with a strict XML parser and fails on scripts, event handlers and external references.
func assertSafe(_ svg: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
  let parser = XMLParser(data: Data(svg.utf8))
  let audit = MarkupAudit()
  parser.delegate = audit
  XCTAssertTrue(
    parser.parse(), "\(name): not well-formed XML: \(String(describing: parser.parserError))", file: file, line: line)
  XCTAssertEqual(audit.problems, [], name, file: file, line: line)
  XCTAssertFalse(svg.contains("<!DOCTYPE") || svg.contains("<!ENTITY"), name, file: file, line: line)
}

/// Collects anything an inline SVG could execute or fetch.
final class MarkupAudit: NSObject, XMLParserDelegate {
  var problems: [String] = []

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    let allowed: Set<String> = [
      "svg", "g", "path", "text", "tspan", "title", "desc", "style", "defs", "clipPath", "use", "rect",
    ]
    if !allowed.contains(name) { problems.append("element <\(name)>") }
    for (key, value) in attributes {
      if key.lowercased().hasPrefix("on") { problems.append("event handler \(key)") }
      if key.hasSuffix("href"), !value.hasPrefix("#") { problems.append("external \(key)=\(value)") }
      if value.lowercased().contains("javascript:") && key != "aria-label" {
        problems.append("javascript: in \(key)")
      }
    }
  }
}
