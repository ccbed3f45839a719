import Foundation
import VellumDiagnostics
import XCTest

@testable import VellumSpec

/// The formula language of `calculate` and secondary axes: values, precedence, missing values, text comparisons,
/// and errors that point at the character at fault.
final class FormulaTests: XCTestCase {
  /// Where the formula's first character stands in the spec: errors add their offset to column 10.
  private let location = SourceLocation(file: "t.yaml", line: 4, column: 10)

  private func formula(_ text: String) throws -> Formula {
    try Formula(text, variables: nil, location: location)
  }

  private func value(_ text: String, _ variables: [String: Double] = [:]) throws -> Double {
    try formula(text).evaluate(variables)
  }

  private func failure(_ text: String, variables: Set<String>? = nil) -> VellumError? {
    do {
      _ = try Formula(text, variables: variables, location: location)
      return nil
    } catch let error as VellumError { return error } catch { return nil }
  }

  /// `text` fails with exactly `message`, located at `column` of line 4.
  private func assertError(
    _ text: String, _ message: String, column: Int, file: StaticString = #filePath, line: UInt = #line
  ) {
    guard let error = failure(text) else { return XCTFail("'\(text)' parsed", file: file, line: line) }
    XCTAssertEqual(error.message, message, text, file: file, line: line)
    XCTAssertEqual(error.location?.line, 4, text, file: file, line: line)
    XCTAssertEqual(error.location?.column, column, text, file: file, line: line)
  }

  func testArithmeticIsAsBefore() throws {
    XCTAssertEqual(try value("tokens * 6 * params", ["tokens": 2e9, "params": 7e9]), 2e9 * 6 * 7e9)
    XCTAssertEqual(try value("2^-1"), 0.5)
    XCTAssertEqual(try value("-2^2"), -4)
    XCTAssertEqual(try value("2^3^2"), 512)
    XCTAssertEqual(try value("x / 1000", ["x": 3]), 0.003)
    XCTAssertEqual(try value("log10(x)", ["x": 1000]), 3)
    XCTAssertEqual(try value("(1 + x) * 2 - 4 / 8", ["x": 3]), 7.5)
    XCTAssertEqual(try value("x ÷ 4 × 2 − 1", ["x": 6]), 2)
    XCTAssertEqual(try value("`train/loss` * 2", ["train/loss": 1.5]), 3)
    XCTAssertEqual(try value("2 * pi + e"), 2 * Double.pi + M_E)
    XCTAssertTrue(try value("log(x)", ["x": -1]).isNaN)
    XCTAssertTrue(try value("x + 1").isNaN, "an unbound name reads as missing")
  }

  func testComparisonsGiveOneOrZeroBelowArithmetic() throws {
    XCTAssertEqual(try value("2 < 3"), 1)
    XCTAssertEqual(try value("3 < 2"), 0)
    XCTAssertEqual(try value("2 <= 2"), 1)
    XCTAssertEqual(try value("2 > 2"), 0)
    XCTAssertEqual(try value("2 >= 2"), 1)
    XCTAssertEqual(try value("2 == 2"), 1)
    XCTAssertEqual(try value("2 != 2"), 0)
    XCTAssertEqual(try value("2 ≤ 1"), 0)
    XCTAssertEqual(try value("2 ≥ 1"), 1)
    XCTAssertEqual(try value("2 ≠ 1"), 1)
    // Arithmetic first: (1 + 2 * 3) > 6.
    XCTAssertEqual(try value("1 + 2 * 3 > 6"), 1)
    XCTAssertEqual(try value("-1 < x - 2", ["x": 2]), 1)
    XCTAssertEqual(try value("(batch_size > 1)", ["batch_size": 8]), 1)
    XCTAssertEqual(try value("(batch_size > 1) * 10 + 1", ["batch_size": 1]), 1)
    XCTAssertEqual(try value("(1 == 1) == 1"), 1)
  }

  func testLogicPrecedence() throws {
    XCTAssertEqual(try value("1 and 1"), 1)
    XCTAssertEqual(try value("1 and 0"), 0)
    XCTAssertEqual(try value("0 or 3"), 1)
    XCTAssertEqual(try value("0 or 0"), 0)
    XCTAssertEqual(try value("not 0"), 1)
    XCTAssertEqual(try value("not -2"), 0)
    XCTAssertEqual(try value("not not 5"), 1)
    XCTAssertEqual(try value("not(0)"), 1)
    // not binds more loosely than comparisons: not (1 > 2).
    XCTAssertEqual(try value("not 1 > 2"), 1)
    // and binds more tightly than or; not more tightly than and.
    XCTAssertEqual(try value("1 or 0 and 0"), 1)
    XCTAssertEqual(try value("(1 or 0) and 0"), 0)
    XCTAssertEqual(try value("not 0 and 0"), 0)
    XCTAssertEqual(try value("not (0 and 0)"), 1)
    XCTAssertEqual(try value("x > 1 and x < 5", ["x": 3]), 1)
    XCTAssertEqual(try value("x > 1 and x < 5", ["x": 6]), 0)
  }

  func testMissingValuesInComparisonsAndLogic() throws {
    let missing = ["x": Double.nan]
    for op in ["<", "<=", ">", ">=", "=="] {
      XCTAssertEqual(try value("x \(op) 1", missing), 0, op)
      XCTAssertEqual(try value("1 \(op) x", missing), 0, op)
    }
    XCTAssertEqual(try value("x != 1", missing), 1)
    XCTAssertEqual(try value("x != x", missing), 1)
    // A missing value is false.
    XCTAssertEqual(try value("x and 1", missing), 0)
    XCTAssertEqual(try value("x or 1", missing), 1)
    XCTAssertEqual(try value("not x", missing), 1)
    XCTAssertEqual(try value("if(x, 1, 2)", missing), 2)
  }

  func testFunctions() throws {
    XCTAssertEqual(try value("if(x > 1, 10, 20)", ["x": 2]), 10)
    XCTAssertEqual(try value("if(x > 1, 10, 20)", ["x": 0]), 20)
    // numpy.round: halves to even, at the scaled value.
    XCTAssertEqual(try value("round(2.5)"), 2)
    XCTAssertEqual(try value("round(3.5)"), 4)
    XCTAssertEqual(try value("round(-2.5)"), -2)
    XCTAssertEqual(try value("round(0.125, 2)"), 0.12)
    XCTAssertEqual(try value("round(0.375, 2)"), 0.38)
    XCTAssertEqual(try value("round(2.675, 2)"), 2.68)
    XCTAssertEqual(try value("round(1234.5, -1)"), 1230)
    XCTAssertEqual(try value("round(1250, -2)"), 1200)
    XCTAssertTrue(try value("round(1.25, 0.5)").isNaN, "decimals must be whole")
    XCTAssertEqual(try value("floor(2.7) + floor(-2.1)"), 2 - 3)
    XCTAssertEqual(try value("ceil(2.1) + ceil(-2.7)"), 3 - 2)
    XCTAssertEqual(try value("clip(5, 0, 3)"), 3)
    XCTAssertEqual(try value("clip(-5, 0, 3)"), 0)
    XCTAssertEqual(try value("clip(2, 0, 3)"), 2)
    XCTAssertTrue(try value("clip(x, 0, 3)", ["x": .nan]).isNaN)
    XCTAssertEqual(try value("max(x, 10) + min(x, 1) + pow(x, 2) + abs(-x) + sqrt(16)", ["x": 3]), 10 + 1 + 9 + 3 + 4)
  }

  func testTextComparisonsReadColumnsAsText() throws {
    let selected = try formula("method == 'SDPO' and lr > 0.001")
    XCTAssertEqual(selected.textReferences, ["method"])
    XCTAssertEqual(selected.numberReferences, ["lr"])
    XCTAssertEqual(selected.references.map(\.name), ["method", "lr"])
    XCTAssertEqual(
      selected.evaluate(
        rows: 4, numbers: ["lr": [0.01, 0.01, 0.0001, .nan]], texts: ["method": ["SDPO", "GRPO", "SDPO", "SDPO"]]),
      [1, 0, 0, 0])

    // The column on either side, double quotes, != and if.
    let other = try formula("if(\"a b\" == run, x, -x) + (run != 'c')")
    XCTAssertEqual(other.textReferences, ["run"])
    XCTAssertEqual(other.numberReferences, ["x"])
    XCTAssertEqual(
      other.evaluate(rows: 3, numbers: ["x": [1, 2, 3]], texts: ["run": ["a b", "c", "d"]]), [2, -2, -2])

    // A name read both ways is in both sets.
    let both = try formula("m == 'x' or m > 2")
    XCTAssertEqual(both.textReferences, ["m"])
    XCTAssertEqual(both.numberReferences, ["m"])
    XCTAssertEqual(both.evaluate(rows: 3, numbers: ["m": [1, 3, .nan]], texts: ["m": ["x", "3", ""]]), [1, 1, 0])

    // Text not supplied is a missing cell: == is false, != true. The scalar evaluation has no text at all.
    let unequal = try formula("'SDPO' != method")
    XCTAssertEqual(unequal.evaluate(rows: 2, numbers: [:], texts: [:]), [1, 1])
    XCTAssertEqual(unequal.evaluate(["method": 1]), 1)
    XCTAssertEqual(try value("method == 'SDPO'", ["method": 1]), 0)

    // check(against:) covers names compared with text.
    XCTAssertThrowsError(try selected.check(against: ["lr", "methods"], what: "column")) { error in
      XCTAssertTrue("\(error)".contains("unknown column 'method'"), "\(error)")
    }
  }

  func testColumnsEvaluateAsRowByRow() throws {
    let texts = [
      "x > 1 and y < 0 or not x", "if(x, y, -y) + round(x * 10, 1)", "clip(x, -1, y)", "floor(x) - ceil(y)",
      "x != y", "not x >= y", "tokens * 6 * params", "2^-x", "log10(abs(x)) / 1000",
    ]
    let x: [Double] = [0, 1, -1, 2.5, .nan, 3, -0.125, 1e9]
    let y: [Double] = [1, .nan, 0, -2, 4, 3, 0.5, -1e9]
    let numbers = ["x": x, "y": y, "tokens": y, "params": x]
    for text in texts {
      let whole = try formula(text).evaluate(rows: x.count, numbers: numbers, texts: [:])
      XCTAssertEqual(whole.count, x.count)
      for row in 0..<x.count {
        let single = try value(text, numbers.mapValues { $0[row] })
        XCTAssertTrue(
          single == whole[row] || (single.isNaN && whole[row].isNaN), "\(text) row \(row): \(single) \(whole[row])")
      }
    }
    XCTAssertEqual(try formula("x + 1").evaluate(rows: 0, numbers: ["x": []], texts: [:]), [])
  }

  func testErrorsNameTheOperatorMeant() {
    assertError("x && y", "unsupported operator '&&': use 'and'", column: 12)
    assertError("x || y", "unsupported operator '||': use 'or'", column: 12)
    assertError("!x", "unsupported operator '!': use 'not'", column: 10)
    assertError("x = 1", "unsupported operator '=': use '==' to compare", column: 12)
    assertError("(x = 1)", "unsupported operator '=': use '==' to compare", column: 13)
    assertError("x => 1", "unsupported operator '=>': use '>='", column: 12)
    assertError(
      "x % 2", "unsupported operator '%': there is no remainder operator (x - n * floor(x / n) is one)", column: 12)
    assertError("x ** 2", "unsupported operator '**': use '^' for powers", column: 12)
    assertError("x > 1 AND y", "unexpected 'AND' in formula (use 'and')", column: 16)
    assertError("1 < x < 2", "comparisons do not chain: write 'a < b and b < c'", column: 16)
    assertError(
      "x + not y", "'not' binds more loosely than arithmetic and comparisons: put it in parentheses here, (not …)",
      column: 14)
    assertError("and x", "expected a value before 'and'", column: 10)
    assertError("x or", "the formula ends where a value was expected", column: 14)
    assertError("x $ 2", "unexpected '$' in formula", column: 12)
    assertError("x / (100", "missing ')' for the '(' here", column: 14)
  }

  func testFunctionErrors() {
    assertError("round(x, 1, 2)", "round takes 1 or 2 arguments, found 3", column: 10)
    assertError("round()", "round takes 1 or 2 arguments, found 0", column: 10)
    assertError("if(x, 1)", "if takes 3 arguments, found 2", column: 10)
    assertError("clip(x)", "clip takes 3 arguments, found 1", column: 10)
    assertError("floor(x, 2)", "floor takes 1 argument, found 2", column: 10)
    assertError("1 + rnd(x)", "unknown function 'rnd' (did you mean 'round'?)", column: 14)
  }

  func testTextOnlyInEqualityWithAColumn() {
    let misplaced = { (literal: String) in
      "text '\(literal)' can only be compared to a column with == or != (as in name == '\(literal)')"
    }
    assertError("'SDPO'", misplaced("SDPO"), column: 10)
    assertError("method + 'SDPO'", misplaced("SDPO"), column: 19)
    assertError("log('a')", misplaced("a"), column: 14)
    assertError("x + 1 == 'a'", misplaced("a"), column: 19)
    assertError("'a' == 'b'", misplaced("a"), column: 10)
    assertError("not 'a'", misplaced("a"), column: 14)
    assertError("m < 'a'", "text 'a' can only be compared with == or !=", column: 14)
    assertError("m == 'abc", "missing closing ' for the text started here", column: 15)
  }

  func testDepthAndLengthAreBounded() throws {
    let tooLong = "a formula of more than 1000 characters"
    assertError(String(repeating: "(", count: 5000) + "x" + String(repeating: ")", count: 5000), tooLong, column: 10)
    assertError(String(repeating: "not ", count: 5000) + "x", tooLong, column: 10)
    // Under the length bound, the depth bound stops each recursive path at the 100th level.
    let deep = "formula nested too deeply"
    assertError(String(repeating: "(", count: 400) + "x" + String(repeating: ")", count: 400), deep, column: 109)
    assertError(String(repeating: "not ", count: 240) + "x", deep, column: 10 + 4 * 99)
    assertError(String(repeating: "-", count: 900) + "x", deep, column: 109)
    assertError(String(repeating: "2^", count: 450) + "2", deep, column: 10 + 2 * 99)
    assertError(String(repeating: "abs(", count: 150) + "x" + String(repeating: ")", count: 150), deep, column: 406)
    XCTAssertEqual(try value(String(repeating: "(", count: 90) + "1" + String(repeating: ")", count: 90)), 1)
    XCTAssertEqual(try value(String(repeating: "not ", count: 98) + "3"), 1)
    XCTAssertEqual(try value(Array(repeating: "1", count: 150).joined(separator: " and ")), 1)
  }
}
