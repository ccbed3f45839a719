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
