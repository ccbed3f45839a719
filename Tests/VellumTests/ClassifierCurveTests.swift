import Foundation
import Vellum
import VellumTestSupport
import XCTest

@testable import VellumData
@testable import VellumSpec

/// `roc` and `pr_curve` against scikit-learn's curves and areas (Tests/Reference/classifier_curves.json, from
/// scripts/reference_classifier_curves.py), and their errors.
final class ClassifierCurveTests: XCTestCase {
  private struct Reference: Decodable {
    struct Row: Decodable {
      var model: String
      var score: Double
      var label: Int
    }
    struct Curve: Decodable {
      var fpr: [Double]
      var tpr: [Double]
      var auc: Double
      var recall: [Double]
      var precision: [Double]
      var ap: Double
    }
    var rows: [Row]
    var curves: [String: Curve]
  }

  private func transform(_ yaml: String) throws -> any TransformBody {
    let spec = "data: {d: d.csv}\naxes:\n  layers:\n    - line: {data: d, x: a, y: b, transform: [\(yaml)]}\n"
    return try XCTUnwrap(Figure(text: spec, name: "t.yaml").spec.axes[0].layers[0].series?.source.transforms.first)
  }

  private func reference() throws -> (Reference, Table) {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/classifier_curves.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    let csv =
      "model,score,label\n" + reference.rows.map { "\($0.model),\($0.score),\($0.label)" }.joined(separator: "\n")
    return (reference, try CSVTableReader.read(csv, displayPath: "d.csv", delimiter: ","))
  }

  private func column(_ table: Table, _ name: String, model: String) throws -> [Double] {
    let models = try table.strings(Located("model", at: nil))
    let values = try table.numbers(Located(name, at: nil))
    return zip(models, values).filter { $0.0 == model }.map(\.1)
  }

  private func assertClose(_ actual: [Double], _ expected: [Double], _ what: String) {
    XCTAssertEqual(actual.count, expected.count, what)
    for (a, e) in zip(actual, expected) { XCTAssertEqual(a, e, accuracy: 1e-12, what) }
  }

  func testRocMatchesScikitLearn() throws {
    let (reference, input) = try reference()
    var table = input
    try table.apply(try transform("{roc: {score: score, label: label, by: model}}"))
    for (model, curve) in reference.curves {
      assertClose(try column(table, "fpr", model: model), curve.fpr, "\(model) fpr")
      assertClose(try column(table, "tpr", model: model), curve.tpr, "\(model) tpr")
      let auc = try column(table, "auc", model: model)
      XCTAssertEqual(Set(auc).count, 1)
      XCTAssertEqual(auc[0], curve.auc, accuracy: 1e-12, "\(model) auc")
    }
  }

  func testPrecisionRecallMatchesScikitLearn() throws {
    let (reference, input) = try reference()
    var table = input
    try table.apply(try transform("{pr_curve: {score: score, label: label, by: model}}"))
    for (model, curve) in reference.curves {
      assertClose(try column(table, "recall", model: model), curve.recall, "\(model) recall")
      assertClose(try column(table, "precision", model: model), curve.precision, "\(model) precision")
      XCTAssertEqual(try column(table, "ap", model: model)[0], curve.ap, accuracy: 1e-12, "\(model) ap")
    }
  }

  func testOneClassAndOddLabelsAreLocatedErrors() throws {
    var table = try CSVTableReader.read("score,label\n0.2,0\n0.4,0\n", displayPath: "d.csv", delimiter: ",")
    XCTAssertThrowsError(try table.apply(try transform("{roc: {score: score, label: label}}"))) { error in
      XCTAssertTrue("\(error)".contains("needs both classes"), "\(error)")
    }
    table = try CSVTableReader.read("score,label\n0.2,cat\n0.4,dog\n", displayPath: "d.csv", delimiter: ",")
    XCTAssertThrowsError(try table.apply(try transform("{roc: {score: score, label: label}}"))) { error in
      XCTAssertEqual((error as? VellumError)?.location?.line, 2, "\(error)")
    }
    try table.apply(try transform("{roc: {score: score, label: label, positive: dog}}"))
    XCTAssertEqual(try table.numbers(Located("auc", at: nil)), [1, 1, 1])
  }
}
