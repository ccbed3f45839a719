import Foundation
import VellumDiagnostics
import VellumTestSupport
import XCTest

@testable import VellumSpec

/// Templates in text: Python's format specs (checked against what Python wrote, scripts/reference_formats.py),
/// the plain number form without float noise, and which braces are fields and which are TeX.
final class TextTemplateTests: XCTestCase {
  private struct Reference: Decodable {
    struct Case: Decodable {
      var value: Double
      var spec: String
      var text: String
    }
    struct TextCase: Decodable {
      var value: String
      var spec: String
      var text: String
    }
    struct Plain: Decodable {
      var value: Double
      var text: String
    }
    var numbers: [Case]
    var texts: [TextCase]
    var plain: [Plain]
  }

  private func reference() throws -> Reference {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/format_spec.json")
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }

  func testNumbersAsPythonFormatsThem() throws {
    let cases = try reference().numbers
    XCTAssertGreaterThan(cases.count, 900)
    var wrong: [String] = []
    for item in cases {
      let written = try FormatSpec(item.spec).format(item.value)
      if written != item.text { wrong.append("format(\(item.value), '\(item.spec)'): \(written) ≠ \(item.text)") }
    }
    XCTAssertEqual(wrong, [], "\(wrong.count) of \(cases.count) differ")
  }

  func testTextAsPythonFormatsIt() throws {
    for item in try reference().texts {
      XCTAssertEqual(try FormatSpec(item.spec).format(text: item.value), item.text, item.spec)
    }
  }

  func testPlainNumbersHaveNoFloatNoise() throws {
    for item in try reference().plain {
      XCTAssertEqual(FormatSpec.plain(item.value), item.text, "\(item.value)")
    }
    XCTAssertEqual(FormatSpec.plain(14.400000000000006), "14.4")
    XCTAssertEqual(FormatSpec.plain(-0.10000000000000142), "-0.1")
    XCTAssertEqual(FormatSpec.plain(0.1 + 0.2), "0.3")
  }

  func testBadSpecsSayWhatIsWrong() {
    for (spec, fragment) in [
      (".f", "needs a precision"), ("q", "not a format"), (".3x", "not a format"), ("99999f", "limit"),
      (".3d", "not allowed with type d"), ("+s", "needs a number"),
    ] {
      XCTAssertThrowsError(try FormatSpec(spec), spec) { error in
        XCTAssertTrue("\(error)".contains(fragment), "\(spec): \(error)")
      }
    }
    XCTAssertThrowsError(try FormatSpec("d").format(2.5))
  }

  private func fields(_ text: String) throws -> [String] {
    try TextTemplate(Located(text, at: nil)).fields.map { $0.name + ($0.format == nil ? "" : ":") }
  }

  func testFieldsAndTeXBraces() throws {
    XCTAssertEqual(try fields("{model} (AUC = {auc:.3f})"), ["model", "auc:"])
    XCTAssertEqual(try fields("$\\mathrm{AUC} = {auc:.3f}$"), ["auc:"])
    XCTAssertEqual(try fields("\\textbf{SDPO} and $10^{3}$, $x_{t}$, $\\frac{a}{b}$, {\\bf x}"), [])
    XCTAssertEqual(try fields("\\{model\\} literal"), [])
    // A command's optional argument keeps the group after it TeX's: `\sqrt[3]{n}` drew column n's value.
    XCTAssertEqual(try fields("$\\sqrt[3]{n}$ and $\\sqrt[n]{x}$ for {n}"), ["n"])
    XCTAssertEqual(try fields("ECE = {ece:.2%}"), ["ece:"])
    XCTAssertEqual(try fields("{val loss:.2f} {runs.auc}"), ["val loss:", "runs.auc"])
    XCTAssertThrowsError(try TextTemplate(Located("{auc:.3q}", at: SourceLocation(file: "s.yaml", line: 3, column: 9))))
    { error in
      XCTAssertEqual((error as? VellumError)?.location?.line, 3)
      XCTAssertTrue("\(error)".contains("{auc:.3q}"), "\(error)")
    }
  }

  func testFillingEscapesValues() throws {
    let template = try TextTemplate(Located("{model} (AUC = {auc:.3f}, {share:.1%})", at: nil))
    let filled = try template.filled { field in
      switch field.name {
      case "model": return try TextTemplate.write("big_model", number: nil, field: field, at: nil)
      case "auc": return try TextTemplate.write("0.91234", number: 0.91234, field: field, at: nil)
      default: return try TextTemplate.write("0.5", number: 0.5, field: field, at: nil)
      }
    }
    XCTAssertEqual(filled.value, "big\\_model (AUC = 0.912, 50.0\\%)")
  }
}
