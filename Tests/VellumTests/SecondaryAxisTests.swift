import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

@testable import VellumSpec

/// Twin axes (x2, y2), secondary axes computed by a function, coloured axes, and the formulas they use.
final class SecondaryAxisTests: XCTestCase {
  private let csv = "step,loss,lr\n0,4.0,0\n100,3.0,0.0003\n200,2.5,0.0002\n300,2.2,0.0001\n"

  private func scene(_ spec: String) throws -> Scene { try SpecFixture.scene(spec, csv: csv).scene }

  private func error(_ spec: String) throws -> VellumError {
    try XCTUnwrap(SpecFixture.error(spec, csv: csv), "expected an error")
  }

  private static let twin = """
    size: [4in, 3in]
    data:
      runs: data.csv
    axes:
      x: {label: Step}
      y: {label: Loss, color: tab:blue}
      y2: {label: Learning rate, color: tab:red}
      x2: {label: Epoch, function: {forward: 'x / 100', inverse: 'x * 100'}}
      layers:
        - line: {x: step, y: loss, label: loss, color: tab:blue}
        - line: {x: step, y: lr, label: lr, color: tab:red, axis: y2}
    """

  func testTwinAxisTakesItsOwnLayersLimitsAndColour() throws {
    let scene = try scene(Self.twin)
    let yAxes = scene.groups(role: "axis-y")
    XCTAssertEqual(yAxes.count, 2)
    let left = yAxes[0].texts.map(\.plainText)
    let right = yAxes[1].texts.map(\.plainText)
    XCTAssertTrue(left.contains("3.0"), "\(left)")
    XCTAssertFalse(left.contains { $0.hasPrefix("0.000") }, "the loss axis must not take the lr data: \(left)")
    XCTAssertEqual(right, ["0.0000", "0.0001", "0.0002", "0.0003", "Learning rate"])
    XCTAssertFalse(right.contains("3.0"), "\(right)")
    // Tick labels, label and tick marks of the right axis in its colour.
    let red = "#d62728"
    XCTAssertTrue(yAxes[1].texts.allSatisfy { $0.paint.color.hex == red })
    XCTAssertTrue(yAxes[0].texts.allSatisfy { $0.paint.color.hex == "#1f77b4" })
    let strokes = yAxes[1].children.compactMap {
      if case .path(let path) = $0 { return path.stroke } else { return nil }
    }
    XCTAssertFalse(strokes.isEmpty)
    XCTAssertTrue(strokes.allSatisfy { $0.paint.color.hex == red })
    // An axis colour leaves the spines black, as matplotlib's tick_params(colors=) does; the frame colours them.
    func spineColors(_ scene: Scene) -> [String] {
      scene.groups(role: "frame")[0].children.compactMap { node -> String? in
        if case .path(let path) = node { return path.stroke?.paint.color.hex } else { return nil }
      }
    }
    XCTAssertEqual(spineColors(scene), ["#000000"], "one black box")
    let coloured = try self.scene(
      Self.twin.replacingOccurrences(
        of: "  x: {label: Step}\n", with: "  x: {label: Step}\n  frame: {left: tab:blue, right: tab:red}\n"))
    XCTAssertEqual(spineColors(coloured), ["#000000", "#1f77b4", "#000000", red], "bottom, left, top, right")
    // Both series in the legend.
    let legend = scene.groups(role: "legend")
    XCTAssertEqual(legend.count, 1)
  }

  func testTwinLineSpansThePlotHeightOfItsOwnAxis() throws {
    let scene = try scene(Self.twin)
    let plot = try XCTUnwrap(scene.groups(role: "axes-0")[0].clipRect)
    let ys = try XCTUnwrap(scene.groups(role: "series-lr")[0].paths.first).points.map(\.y)
    // 0…0.0003 padded by 5 % on each side: the highest point sits 1/22 of the height below the top.
    XCTAssertEqual(ys.min()!, plot.minY + plot.height / 22, accuracy: 0.01)
    XCTAssertEqual(ys.max()!, plot.maxY - plot.height / 22, accuracy: 0.01)
  }

  func testFunctionAxisLabelsTheForwardValues() throws {
    let scene = try scene(Self.twin)
    let top = scene.groups(role: "axis-x")[1]
    let labels = top.texts.map(\.plainText)
    XCTAssertTrue(labels.contains("Epoch"))
    // Limits 0…300 padded to −15…315 → epochs −0.15…3.15, with as many ticks as the bottom axis.
    XCTAssertEqual(labels.filter { $0 != "Epoch" }, ["0", "1", "2", "3"])
    // Each epoch tick stands over the step tick of the same value (1 epoch = 100 steps).
    let bottom = scene.groups(role: "axis-x")[0]
    XCTAssertEqual(bottom.texts.map(\.plainText).prefix(4), ["0", "100", "200", "300"])
    func tickXs(_ group: Group) -> [Double] {
      guard case .path(let path) = group.children[0] else { return [] }
      return path.segments.compactMap {
        if case .move(let p) = $0 { return (p.x * 100).rounded() / 100 } else { return nil }
      }
    }
    XCTAssertEqual(tickXs(top), tickXs(bottom))
  }

  func testBadSecondaryAxesAreLocatedErrors() throws {
    let missing = try error(
      Self.twin.replacingOccurrences(of: "  y2: {label: Learning rate, color: tab:red}\n", with: ""))
    XCTAssertEqual(missing.location?.line, 10)
    XCTAssertTrue(missing.message.contains("the panel has no y2 axis"), missing.message)

    let onFunction = try error(Self.twin.replacingOccurrences(of: "axis: y2}", with: "axis: [x2, y2]}"))
    XCTAssertTrue(onFunction.message.contains("'x2' is a function of the x axis"), onFunction.message)

    let unknown = try error(Self.twin.replacingOccurrences(of: "axis: y2}", with: "axis: y3}"))
    XCTAssertTrue(unknown.message.contains("unknown axis 'y3'"), unknown.message)

    let categorical = try error(
      Self.twin.replacingOccurrences(of: "y2: {label: Learning rate,", with: "y2: {scale: categorical,"))
    XCTAssertTrue(categorical.message.contains("cannot be categorical"), categorical.message)

    let inverse = try error(Self.twin.replacingOccurrences(of: "inverse: 'x * 100'", with: "inverse: 'x * 10'"))
    XCTAssertTrue(inverse.message.contains("the inverse does not undo forward"), inverse.message)
    XCTAssertEqual(inverse.location?.line, 8)

    let primary = try error(
      Self.twin.replacingOccurrences(
        of: "x: {label: Step}", with: "x: {label: Step, function: {forward: x, inverse: x}}"))
    XCTAssertTrue(primary.message.contains("only a secondary axis (x2)"), primary.message)

    let formula = try error(Self.twin.replacingOccurrences(of: "forward: 'x / 100'", with: "forward: 'x / (100'"))
    XCTAssertTrue(formula.message.contains("missing ')'"), formula.message)
    XCTAssertEqual(formula.location?.line, 8)
  }

  func testExpressionsEvaluateLikePython() throws {
    func value(_ text: String, _ x: Double = 3) throws -> Double {
      try Formula(text, variables: ["x"], location: nil).evaluate(["x": x])
    }
    // Values as Python computes them (operator precedence of ** and unary minus included).
    XCTAssertEqual(try value("x / 2500 + 1"), 3 / 2500 + 1)
    XCTAssertEqual(try value("-x^2"), -9)
    XCTAssertEqual(try value("2^-1"), 0.5)
    XCTAssertEqual(try value("2^3^2"), 512)
    XCTAssertEqual(try value("(1 + x) * 2 - 4 / 8"), 7.5)
    XCTAssertEqual(try value("log10(x * 1e3)"), log10(3000))
    XCTAssertEqual(try value("6 * 1.2e9 * x"), 6 * 1.2e9 * 3)
    XCTAssertEqual(
      try value("max(x, 10) + min(x, 1) + pow(x, 2) + abs(-x) + sqrt(16) + exp(0) + log(e)"), 10 + 1 + 9 + 3 + 4 + 1 + 1
    )
    XCTAssertEqual(try value("2 * pi"), 2 * Double.pi)
    XCTAssertTrue(try value("log(x)", -1).isNaN)
  }

  func testBadExpressionsPointIntoTheFormula() throws {
    func failure(_ text: String) -> VellumError? {
      do {
        _ = try Formula(text, variables: ["x"], location: SourceLocation(file: "f.yaml", line: 3, column: 10))
        return nil
      } catch let error as VellumError { return error } catch { return nil }
    }
    XCTAssertEqual(failure("x +")?.message, "the formula ends where a value was expected")
    XCTAssertEqual(failure("x +")?.location?.column, 13)
    XCTAssertEqual(failure("sine(x)")?.message.contains("did you mean 'sin"), false)
    XCTAssertTrue(failure("sine(x)")!.message.contains("unknown function 'sine'"))
    XCTAssertTrue(failure("y * 2")!.message.contains("unknown name 'y'"))
    XCTAssertEqual(failure("y * 2")?.location?.column, 10)
    XCTAssertTrue(failure("max(x)")!.message.contains("max takes 2 arguments, found 1"))
    XCTAssertTrue(failure("x $ 2")!.message.contains("unexpected '$'"))
    XCTAssertEqual(failure("x $ 2")?.location?.column, 12)
    XCTAssertNotNil(failure(String(repeating: "(", count: 200) + "x" + String(repeating: ")", count: 200)))
    XCTAssertNotNil(failure(""))
  }
}
