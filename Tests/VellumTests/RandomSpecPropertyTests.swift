import Foundation
import Vellum
import VellumRaster
import VellumTestSupport
import XCTest

@testable import VellumData

/// Properties over seeded random valid specs: the SVG is well-formed and safe, librsvg draws it, and a
/// second render is byte-identical.
final class RandomSpecPropertyTests: XCTestCase {
  static let cases = 200

  func testRandomSpecsRenderSafelyAndDeterministically() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    var random = SplitMix64(seed: 0x5EED_F16)
    var kinds: [String: Int] = [:]
    for index in 0..<Self.cases {
      let generated = RandomFigure(random: &random)
      try fixture.write("data\(index).csv", generated.csv)
      let path = try fixture.write("case\(index).yaml", generated.spec(data: "data\(index).csv"))
      for kind in generated.kinds { kinds[kind, default: 0] += 1 }
      var renderer = FigureRenderer()
      renderer.textMode = index.isMultiple(of: 2) ? .fonts : .paths
      let first: [OutputFormat: [UInt8]]
      do {
        first = try renderer.render(specPath: path, formats: [.svg, .png])
      } catch {
        XCTFail("case \(index) failed: \(error)\n\(generated.spec(data: "data\(index).csv"))")
        continue
      }
      let svg = String(decoding: first[.svg]!, as: UTF8.self)
      try assertSafe(svg, "case \(index)")
      XCTAssertFalse(svg.contains("nan") || svg.contains("inf"), "case \(index) wrote a non-finite number")
      // librsvg drew the figure: the PNG decodes and has ink (frames, ticks and labels are dark). Decoding is
      // slow in debug builds, so every tenth case.
      if index.isMultiple(of: 10) {
        let image = try RasterImage(png: first[.png]!)
        XCTAssertTrue(image.rgb.contains { $0 < 60 }, "case \(index): the PNG is blank")
      }
      let second = try renderer.render(specPath: path, formats: [.svg, .png])
      XCTAssertEqual(first, second, "case \(index) is not deterministic")
    }
    print("random specs: \(Self.cases) cases, layers \(kinds.sorted { $0.key < $1.key })")
  }
}

/// One random but valid figure: a CSV with a few series and a spec drawing them.
struct RandomFigure {
  var csv = "x,y,lo,hi,err,run\n"
  var kinds: [String] = []
  private var layers: [String] = []
  private var axes: [String] = []
  private var top: [String] = []

  init(random: inout SplitMix64) {
    func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
    func uniform() -> Double { Double(random.next() % 1_000_000) / 1_000_000 }

    let rows = pick([1, 2, 3, 10, 57, 400])
    let runs = pick([1, 2, 3])
    let scale = pick([1e-6, 1e-3, 1, 7, 1000, 1e7])
    let positive = pick([true, false])
    let constant = pick([false, false, false, true])
    // Now and then one wild value (kept positive for log axes), drawn under explicit limits.
    let outlier = pick([nil, nil, nil, nil, 1e300, 1e200, -1e250])
    let clipped = outlier != nil || pick([false, false, false, true])
    for run in 0..<runs {
      let name = pick(["base", "SDPO", "run & <b>", "r\"q\"", "ε-greedy", "a_b"]) + "\(run)"
      var value = uniform()
      for row in 0..<rows {
        value += (uniform() - 0.5) * 0.2
        var y = constant ? scale : (positive ? abs(value) + 0.01 : value) * scale
        if let outlier, row == rows / 2 { y = positive ? abs(outlier) : outlier }
        let err = uniform() * scale * 0.1
        let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        csv += "\(row * 10),\(y),\(y - err),\(y + err),\(err),\(quoted)\n"
      }
    }
    let logY = positive && pick([false, true])
    for _ in 0..<pick([1, 2, 3]) {
      let kind = pick(["line", "scatter", "band", "bar", "area", "errorbar", "hline", "step"])
      kinds.append(kind)
      switch kind {
      case "line":
        layers.append(
          "{line: {x: x, y: y, group: run, width: \(pick([0.5, 1, 2.5])), dash: \(pick(["solid", "dashed", "'(0, (1, 2))'"]))}}"
        )
      case "scatter": layers.append("{scatter: {x: x, y: y, group: run, marker: \(pick(["o", "s", "^", "D"]))}}")
      case "band": layers.append("{band: {x: x, lower: lo, upper: hi, group: run, alpha: \(pick([0.1, 0.3]))}}")
      case "bar": layers.append("{bar: {x: x, y: y, group: run}}")
      case "area": layers.append("{area: {x: x, y: y, group: run, alpha: 0.3}}")
      case "errorbar": layers.append("{errorbar: {x: x, y: y, yerr: err, group: run}}")
      case "step": layers.append("{line: {x: x, y: y, group: run, step: post}}")
      default: layers.append("{hline: {y: \(scale), label: 'ref $\\alpha$'}}")
      }
    }
    var yAxis: [String] = []
    if logY && !kinds.contains("bar") && !kinds.contains("area") { yAxis.append("scale: log, label: '$\\log p$'") }
    if clipped { yAxis.append("limits: [\(positive ? 0.5 * scale : -scale), \(2 * scale)]") }
    if !yAxis.isEmpty { axes.append("y: {\(yAxis.joined(separator: ", "))}") }
    axes.append("title: \(pick(["'Loss'", "'\\textbf{Run} \\& $x^2$'", "'<a> & \"b\"'", "''"]))")
    axes.append("frame: \(pick(["box", "open", "none"]))")
    axes.append("legend: {location: \(pick(["best", "upper right", "lower left", "outside right"]))}")
    axes.append("ticks: {direction: \(pick(["in", "out"]))}")
    top.append("size: [\(pick(["4in", "3.25in", "12cm", "500pt"])), \(pick(["3in", "2.4in", "8cm"]))]")
    top.append("style: \(pick(["paper", "neurips", "ieee", "nature", "colorblind"]))")
  }

  func spec(data: String) -> String {
    top.joined(separator: "\n") + "\ndata: {d: \(data)}\naxes:\n"
      + axes.map { "  \($0)\n" }.joined() + "  layers:\n" + layers.map { "    - \($0)\n" }.joined()
  }
}
