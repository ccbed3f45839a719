import Foundation
import Vellum
import VellumTestSupport
import XCTest

/// `docs/spec.md` is generated from the schema's definitions and must be fresh; the schema explains its keys.
final class SpecReferenceTests: XCTestCase {
  func testCommittedReferenceIsFresh() throws {
    let committed = try String(
      contentsOf: PackagePaths.root.appendingPathComponent("docs/spec.md"), encoding: .utf8)
    XCTAssertTrue(
      committed == Figure.schemaMarkdown,
      "docs/spec.md is stale: run `vellum schema --markdown > docs/spec.md`\n"
        + lineDiff(expected: committed, actual: Figure.schemaMarkdown))
  }

  /// The indexes of layer and transform kinds give every kind its meaning and an example, including kinds
  /// written in two forms (`hline` at a number or from data), whose help sits on the forms.
  func testEveryKindInTheIndexesIsExplained() {
    for index in ["## Under `layers`", "## Under `transform`"] {
      let section =
        Figure.schemaMarkdown.components(separatedBy: index).dropFirst().first?
        .components(separatedBy: "\n## ").first ?? ""
      let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
      XCTAssertGreaterThan(rows.count, 10, index)
      for row in rows {
        let cells = row.replacingOccurrences(of: "\\|", with: "/").split(
          separator: "|", omittingEmptySubsequences: false
        ).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        XCTAssertFalse(cells[4].isEmpty, "\(index): \(cells[1]) has no meaning")
        XCTAssertFalse(cells[5].isEmpty, "\(index): \(cells[1]) has no example")
      }
    }
  }

  func testEveryPropertyHasADescription() {
    var (total, described) = (0, 0)
    func walk(_ node: JSONValue) {
      switch node {
      case .array(let items): items.forEach(walk)
      case .object(let fields):
        if case .object(let properties)? = fields["properties"] {
          for value in properties.values {
            total += 1
            if case .object(let attributes) = value, attributes["description"] != nil { described += 1 }
          }
        }
        fields.values.forEach(walk)
      default: break
      }
    }
    walk(Figure.schema)
    XCTAssertGreaterThan(total, 1000)
    XCTAssertGreaterThanOrEqual(Double(described) / Double(total), 0.95, "\(described) of \(total) described")
  }
}
