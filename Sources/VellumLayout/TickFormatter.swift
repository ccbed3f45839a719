import Foundation
import VellumSpec

/// Tick label text: literal, or TeX for powers such as 10⁻².
struct TickText: Equatable {
  var text: String
  var isTeX: Bool

  static func literal(_ text: String) -> TickText { TickText(text: text, isTeX: false) }
  static func tex(_ text: String) -> TickText { TickText(text: text, isTeX: true) }
}

/// Turns tick values into label text, with an offset label (×10ⁿ) when values are scaled.
enum TickFormatter {
  static func labels(_ values: [Double], format: AxisSpec.TickFormat, decimals: Int?)
    -> (labels: [TickText], offset: TickText?)
  {
    switch format {
    case .auto:
      // Ticks close together far from zero are written from an added offset (+1e9), as matplotlib's
      // ScalarFormatter does; what is left may still take a ×10ⁿ.
      let offset = additiveOffset(values)
      let shifted = offset == 0 ? values : self.shifted(values, by: offset)
      let largest = shifted.map(abs).max() ?? 0
      let exponent = largest > 0 ? Int(log10(largest).rounded(.down)) : 0
      var (labels, scaled): ([TickText], TickText?) = (plain(shifted, decimals: decimals), nil)
      if exponent >= 6 || exponent <= -5 {
        (labels, scaled) = scientific(shifted, exponent: exponent, decimals: decimals)
      }
      guard offset != 0 else { return (labels, scaled) }
      let added = (offset > 0 ? "+" : "\u{2212}") + shortScientific(abs(offset))
      return (labels, .tex((scaled.map { $0.text } ?? "") + added))
    case .plain:
      return (plain(values, decimals: decimals), nil)
    case .si:
      return (values.map { .literal(si($0, decimals: decimals)) }, nil)
    case .percent:
      let percents = values.map { TickLocator.clean($0 * 100) }
      let places = decimals ?? commonDecimals(percents)
      return (percents.map { .literal(fixed($0, places) + "%") }, nil)
    case .scientific:
      let largest = values.map(abs).max() ?? 0
      return scientific(values, exponent: largest > 0 ? Int(log10(largest).rounded(.down)) : 0, decimals: decimals)
    case .printf(let pattern):
      return (values.map { .literal(minusSign(PrintfPattern.format(pattern, $0))) }, nil)
    }
  }

  /// matplotlib's ScalarFormatter offset (`_compute_offset`, offset threshold 4): when the ticks share their
  /// leading digits, the part they share down to the first digit where they differ, if it is at least 1000 of that
  /// digit's units; else 0.
  static func additiveOffset(_ values: [Double]) -> Double {
    guard let low = values.min(), let high = values.max(), low != high, low.isFinite, high.isFinite,
      !(low <= 0 && 0 <= high)
    else { return 0 }
    let (absMin, absMax) = (min(abs(low), abs(high)), max(abs(low), abs(high)))
    let highest = log10(absMax).rounded(.up)
    func digits(_ value: Double, _ oom: Double) -> Double { (value / pow(10, oom)).rounded(.down) }
    var oom = highest
    while digits(absMin, oom) == digits(absMax, oom), oom > highest - 400 { oom -= 1 }
    oom += 1
    if (absMax - absMin) / pow(10, oom) <= 1e-2 {
      oom = highest
      while !(absMax - absMin > pow(10, oom)), oom > highest - 400 { oom -= 1 }
      oom += 1
    }
    let shared = digits(absMax, oom)
    guard shared >= 1000 else { return 0 }
    return (low < 0 ? -1 : 1) * shared * pow(10, oom)
  }

  /// `values` less `offset`, which leaves the float error of the large values: kept to a thousandth of the ticks'
  /// step, and never finer than the offset's own float spacing, whose noise would show.
  private static func shifted(_ values: [Double], by offset: Double) -> [Double] {
    let sorted = values.sorted()
    let step = zip(sorted, sorted.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.min() ?? 1
    let quantum = max(pow(10, ((log10(step)).rounded(.down)) - 3), pow(10, log10(abs(offset).ulp).rounded(.up)))
    return values.map { (($0 - offset) / quantum).rounded() * quantum }
  }

  /// A number as matplotlib's `format_data` writes an offset: `1e9`, `1.7040672e9` (its significant digits, up to
  /// 12, and its power of ten).
  private static func shortScientific(_ value: Double) -> String {
    let exponent = Int(log10(value).rounded(.down))
    return String(format: "%.12g", value / pow(10, Double(exponent))) + "e\(exponent)"
  }

  private static func plain(_ values: [Double], decimals: Int?) -> [TickText] {
    let places = decimals ?? commonDecimals(values)
    return values.map { .literal(fixed($0, places)) }
  }

  /// Mantissas with an offset label `×10ⁿ`, matplotlib's scientific ScalarFormatter.
  private static func scientific(_ values: [Double], exponent: Int, decimals: Int?) -> ([TickText], TickText?) {
    let scale = pow(10, Double(exponent))
    let mantissas = values.map { TickLocator.clean($0 / scale) }
    let places = decimals ?? commonDecimals(mantissas)
    return (mantissas.map { .literal(fixed($0, places)) }, exponent == 0 ? nil : .tex("$\\times 10^{\(exponent)}$"))
  }

  /// Log and symlog axes label whole powers as base^k under the automatic format; nil when some tick is not a
  /// power (ticks that fell back to linear steps print plainly).
  static func powerLabels(_ values: [Double], base: Double, format: AxisSpec.TickFormat, decimals: Int?)
    -> (labels: [TickText], offset: TickText?)?
  {
    guard format == .auto, values.allSatisfy({ isPower($0, base: base) }) else { return nil }
    return (values.map { power($0, base: base, decimals: decimals) }, nil)
  }

  static func isPower(_ value: Double, base: Double) -> Bool {
    if value == 0 { return true }
    let k = log(abs(value)) / log(base)
    return abs(k - k.rounded()) < 1e-9
  }

  /// `base^k` in TeX for whole powers; other values as decimals.
  static func power(_ value: Double, base: Double, decimals: Int?) -> TickText {
    if value == 0 { return .tex("$0$") }
    let k = log(abs(value)) / log(base)
    guard abs(k - k.rounded()) < 1e-9 else { return .literal(fixed(value, decimals ?? commonDecimals([value]))) }
    let sign = value < 0 ? "-" : ""
    let baseText = base == M_E ? "e" : fixed(base, commonDecimals([base]))
    return .tex("$\(sign)\(baseText)^{\(Int(k.rounded()))}$")
  }

  /// The fewest decimals (up to 10) that print every value exactly, or more (up to 15) until distinct
  /// values print distinctly, so closely spaced ticks never share a label.
  static func commonDecimals(_ values: [Double]) -> Int {
    var chosen = 10
    for places in 0...10 {
      let factor = pow(10, Double(places))
      let exact = values.allSatisfy { value in
        let scaled = value * factor
        return abs(scaled - scaled.rounded()) <= 1e-6 * max(1, abs(scaled))
      }
      if exact {
        chosen = places
        break
      }
    }
    let distinct = Set(values).count
    while chosen < 15, Set(values.map { fixed($0, chosen) }).count < distinct { chosen += 1 }
    return chosen
  }

  /// `value` with `places` decimals and a true minus sign (U+2212).
  static func fixed(_ value: Double, _ places: Int) -> String {
    minusSign(String(format: "%.\(places)f", value))
  }

  /// Replaces the hyphen of a number's sign (after any padding, as `%5.1f` writes it) with U+2212, and drops the
  /// sign of a printed zero.
  static func minusSign(_ text: String) -> String {
    let padding = text.prefix { $0 == " " }
    let rest = text.dropFirst(padding.count)
    guard rest.hasPrefix("-") else { return text }
    let number = rest.dropFirst()
    let digits = number.prefix { $0.isNumber || $0 == "." }
    if !digits.isEmpty, digits.allSatisfy({ $0 == "0" || $0 == "." }) {
      return padding.isEmpty ? String(number) : padding + " " + number
    }
    return padding + "\u{2212}" + number
  }

  /// 5000 → 5k, 2500 → 2.5k, 3e6 → 3M, 0.002 → 2m, 5e-9 → 5n, 0 → 0 (matplotlib's EngFormatter prefixes,
  /// with no space); from 1 to 1000 it prints as is.
  static func si(_ value: Double, decimals: Int?) -> String {
    if value == 0 { return "0" }
    let prefixes: [(Double, String)] = [
      (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"), (1e-12, "p"),
    ]
    for (scale, suffix) in prefixes where abs(value) >= scale * (1 - 1e-9) {
      let scaled = TickLocator.clean(value / scale)
      return fixed(scaled, decimals ?? commonDecimals([scaled])) + suffix
    }
    return fixed(value, decimals ?? commonDecimals([value]))
  }
}
