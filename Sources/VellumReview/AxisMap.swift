import Foundation
import VellumSVG
import VellumScene

/// The page ↔ data map of one axis, read back from an axes group's `data-x`/`data-y` attribute.
struct AxisMap {
  var mapping: AxisMapping

  init?(_ text: String) {
    guard let mapping = AxisMappingText.decode(text) else { return nil }
    self.mapping = mapping
  }

  /// The data value at `page`.
  func value(_ page: Double) -> Double { mapping.value(atPage: page) }

  /// How far in data a tenth of a point moves at `page`: what the page can tell apart there.
  func resolution(at page: Double) -> Double { abs(mapping.value(atPage: page + 0.1) - mapping.value(atPage: page)) }

  /// The data value at `page`, printed to the precision a tenth of a point on the page can show: decimals for
  /// fine scales, the value rounded to its shown digits for coarse ones (`125000000`, not `125000615`).
  func format(_ page: Double) -> String {
    let value = mapping.value(atPage: page)
    let resolution = abs(mapping.value(atPage: page + 0.1) - value)
    guard value.isFinite else { return "\(value)" }
    let digits = resolution > 0 && resolution.isFinite ? Int((-log10(resolution)).rounded(.up)) : 4
    if digits < 0 {
      // Whole numbers past the page's precision: keep the significant digits, zero the rest.
      let step = pow(10, Double(-digits))
      let rounded = (value / step).rounded() * step
      return abs(rounded) < 1e18 ? String(Int64(rounded)) : String(format: "%.3e", rounded)
    }
    var text = String(format: "%.\(min(10, digits))f", value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    if text == "-0" { text = "0" }
    return text
  }
}

extension AxisMap {
  /// The scale's kind as a spec names it: `linear`, `log`, `log2`, `logit`, `symlog`.
  var kind: String {
    switch mapping.transform {
    case .linear: return "linear"
    case .logit: return "logit"
    case .log(let base): return base == 10 ? "log" : "log base \(Self.limit(base))"
    case .symlog(let base, let threshold, _):
      return "symlog base \(Self.limit(base)) linthresh \(Self.limit(threshold))"
    }
  }

  /// A limit as the writer stored it: the shortest decimal that reads back as the same number.
  static func limit(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
  }
}
