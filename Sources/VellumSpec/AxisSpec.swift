import Foundation

/// One axis: its label, limits, scale, tick placement and tick label format.
public struct AxisSpec: Sendable {
  public enum Scale: String, Sendable, CaseIterable {
    case linear
    /// Logarithmic with `base`; non-positive values are left out.
    case log
    /// Linear within ±`linthresh`, logarithmic beyond (matplotlib's symlog).
    case symlog
    /// Values are labels placed at 0, 1, 2… in order of first appearance.
    case categorical
  }

  /// Where ticks go.
  public enum TickPlacement: Sendable {
    /// Nice steps chosen from the axis length, like matplotlib's MaxNLocator (decades on log axes).
    case auto
    /// Every multiple of the step inside the limits (matplotlib's MultipleLocator).
    case step(Double)
    /// Exactly these values, optionally with their own labels.
    case values([Double], labels: [Located<String>]?)
  }

  /// How tick values become text.
  public enum TickFormat: Equatable, Sendable {
    /// As few decimals as tell all ticks apart; scientific with a ×10ⁿ offset label for very large or
    /// small values (matplotlib's ScalarFormatter). On log axes: powers such as 10⁻².
    case auto
    /// Like `auto` but never scientific.
    case plain
    /// SI suffixes: 5000 → 5k, 2500000 → 2.5M, 0 → 0.
    case si
    /// Fractions as percentages: 0.25 → 25%.
    case percent
    /// Always scientific, with the power of ten in an offset label.
    case scientific
    /// A printf pattern with one number, e.g. `%.2f`, `%d ms`, `%.1e`.
    case printf(String)

    static let names = ["auto", "plain", "si", "percent", "scientific"]
  }

  public var name: String
  public var label: LabelSpec?
  public var limits: (Double, Double)?
  public var scale: Scale
  /// Logarithm base for `log` and `symlog`.
  public var base: Double
  /// Half-width of the linear region of `symlog`.
  public var linthresh: Double
  /// Length of the linear region of a symlog axis in decades (matplotlib's `linscale`).
  public var linscale: Double = 1
  /// Draw the axis from high to low.
  public var reverse: Bool
  public var ticks: TickPlacement
  /// Minor ticks between the major ones (log axes: 2…9 × each decade).
  public var minor: Bool
  public var format: TickFormat
  /// Fixed number of decimals, overriding the format's choice.
  public var decimals: Int?
  /// Where the spec declared this axis (for errors about its data).
  public var location: SourceLocation?
  /// Tick labels turned this many degrees counter-clockwise (x axes), anchored at their end like matplotlib's
  /// `rotation=45, ha='right'` (or their start for negative angles).
  public var rotation: Double = 0
  /// `rotation: auto`: turn tick labels 45° (then 90°) only when they would collide, then show every n-th.
  public var autoRotation = false
  /// Colours the axis's spine, ticks, tick labels and label (a twin axis in its line's colour); nil: the frame's
  /// and ticks' own colours.
  public var color: Color?
  /// A secondary axis computed from the primary one (matplotlib's `secondary_xaxis`): its ticks show
  /// `forward(value)`; no layer is drawn against it.
  public var function: AxisFunction?

  init(name: String, baseFont: FontSpec) {
    self.name = name
    scale = .linear
    base = 10
    linthresh = 1
    reverse = false
    ticks = .auto
    minor = false
    format = .auto
  }
}

extension AxisSpec {
  static let keys = [
    "label", "limits", "scale", "base", "linthresh", "linscale", "reverse", "ticks", "minor", "format", "decimals",
    "rotation", "color", "function",
  ]

  init(node: SpecNode, name: String, baseFont: FontSpec) throws {
    self.init(name: name, baseFont: baseFont)
    location = node.location
    let map = try node.mapping("the \(name) axis", keys: Self.keys)
    label = try map.optional("label") {
      try LabelSpec(node: $0, what: "\(name) label", defaultSize: baseFont.size, defaultPad: 4)
    }
    scale = try map.optional("scale") { try decodeEnum($0, what: "scale") } ?? .linear
    base =
      try map.optional("base") { node in
        let value = try node.positive("a logarithm base")
        guard value != 1 else { throw node.error("a logarithm base must not be 1") }
        return value
      } ?? 10
    linthresh = try map.optional("linthresh") { try $0.positive("a linear threshold") } ?? 1
    linscale = try map.optional("linscale") { try $0.positive("a linear scale in decades") } ?? 1
    reverse = try map.optional("reverse") { try $0.bool() } ?? false
    limits = try map.optional("limits") { node in
      let items = try node.list("limits [low, high]")
      guard items.count == 2 else { throw node.error("expected limits [low, high], found \(items.count) values") }
      let low = try items[0].double("a limit")
      let high = try items[1].double("a limit")
      guard low != high else { throw node.error("limits must differ, found [\(low), \(high)]") }
      if scale == .log && (low <= 0 || high <= 0) {
        throw node.error("limits of a log axis must be positive, found [\(low), \(high)]")
      }
      return (low, high)
    }
    ticks = try map.optional("ticks") { try Self.placement($0) } ?? .auto
    minor = try map.optional("minor") { try $0.bool() } ?? false
    format = try map.optional("format") { try Self.tickFormat($0) } ?? .auto
    rotation =
      try map.optional("rotation") { node in
        guard name.hasPrefix("x") else {
          throw node.error("rotation turns the x axis' tick labels; y labels stay level")
        }
        if node.scalarText == "auto" {
          autoRotation = true
          return 0
        }
        let value = try node.double("an angle in degrees, or auto")
        guard (-90...90).contains(value) else {
          throw node.error("tick label rotation must be between -90 and 90 degrees, found \(value)")
        }
        return value
      } ?? 0
    color = try map.optional("color") { try decodeColor($0) }
    function = try map.optional("function") { node in
      guard name.hasSuffix("2") else {
        throw node.error("only a secondary axis (\(name)2) can be a function of another axis")
      }
      return try AxisFunction(node: node)
    }
    decimals = try map.optional("decimals") { node in
      let value = try node.int("a number of decimals")
      guard (0...12).contains(value) else { throw node.error("decimals must be between 0 and 12") }
      return value
    }
  }

  /// `auto`, `plain`, `si`, `percent`, `scientific` or a printf pattern.
  public static func tickFormat(_ node: SpecNode) throws -> TickFormat {
    let text = try node.string("a tick format")
    switch text {
    case "auto": return .auto
    case "plain": return .plain
    case "si": return .si
    case "percent": return .percent
    case "scientific", "sci": return .scientific
    default:
      guard text.contains("%") else {
        throw node.error(
          unknownNameMessage(text, kind: "tick format", candidates: TickFormat.names)
            + "; or a printf pattern such as %.2f")
      }
      guard PrintfPattern.isValid(text) else {
        throw node.error("tick format '\(text)' needs exactly one %d, %f, %e or %g (with optional flags and precision)")
      }
      return .printf(text)
    }
  }

  private static func placement(_ node: SpecNode) throws -> TickPlacement {
    if node.isSequence {
      return .values(try node.list().map { try $0.double("a tick value") }, labels: nil)
    }
    if node.scalarText == "auto" { return .auto }
    let map = try node.mapping("ticks", keys: ["step", "values", "labels"])
    if let step = try map.optional("step", { try $0.positive("a tick step") }) {
      if map["values"] != nil { throw node.error("give either 'step' or 'values' for ticks, not both") }
      return .step(step)
    }
    guard let values = try map.optional("values", { try $0.list().map { try $0.double("a tick value") } }) else {
      throw node.error("ticks need 'step' or 'values'")
    }
    let labels = try map.optional("labels") { try $0.list().map { try $0.located("a tick label") } }
    if let labels, labels.count != values.count, let labelNode = map["labels"] {
      throw labelNode.error("expected \(values.count) tick labels (one per value), found \(labels.count)")
    }
    return .values(values, labels: labels)
  }
}

/// A secondary axis's values as a function of its primary axis's: `forward` maps a primary value to the
/// secondary one, `inverse` maps back (both formulas in `x`).
public struct AxisFunction: Sendable {
  public var forward: Formula
  public var inverse: Formula
  public var location: SourceLocation?

  static let keys = ["forward", "inverse"]

  init(node: SpecNode) throws {
    let map = try node.mapping("an axis function {forward, inverse}", keys: Self.keys)
    location = node.location
    func formula(_ key: String) throws -> Formula {
      try map.required(key) { node in
        try Formula(node.string("a formula in x, e.g. x / 1000"), variables: ["x"], location: node.textLocation)
      }
    }
    forward = try formula("forward")
    inverse = try formula("inverse")
    // Checked at a few points, so a forward that is not increasing or decreasing, or an inverse that does not
    // undo it, is found before ticks are placed by it.
    for probe in [0.5, 1, 2, 10, 100] {
      let there = forward.evaluate(["x": probe])
      guard there.isFinite else { continue }
      let back = inverse.evaluate(["x": there])
      if back.isFinite, abs(back - probe) > 1e-6 * max(1, abs(probe)) {
        throw node.error(
          "the inverse does not undo forward: forward(\(probe)) = \(there), inverse of that = \(back)")
      }
    }
  }
}

/// A printf pattern holding exactly one numeric conversion, safe to hand to `String(format:)`.
public enum PrintfPattern {
  /// The one numeric conversion a pattern holds (the schema's format patterns use it too).
  static let conversion = #"%[-+ 0#]*[0-9]{0,2}(\.[0-9]{1,2})?[dfeEgG]"#

  public static func isValid(_ pattern: String) -> Bool {
    let withoutEscapes = pattern.replacingOccurrences(of: "%%", with: "")
    let matches = withoutEscapes.ranges(of: try! Regex(conversion))
    return matches.count == 1 && withoutEscapes.filter { $0 == "%" }.count == 1
  }

  /// Formats `value`; `%d` takes the value rounded to an integer.
  public static func format(_ pattern: String, _ value: Double) -> String {
    let unescaped = pattern.replacingOccurrences(of: "%%", with: "")
    guard let range = unescaped.firstRange(of: try! Regex(conversion)), unescaped[range].hasSuffix("d") else {
      return String(format: pattern, value)
    }
    // Swift's Int is 64-bit: widen the conversion so no platform reads half of it.
    let widened = pattern.replacingOccurrences(of: String(unescaped[range]), with: unescaped[range].dropLast() + "ld")
    // Beyond Int's range (or non-finite) the integer conversion would trap: print the rounded double.
    guard let integer = Int(exactly: value.rounded()) else {
      return String(format: pattern.replacingOccurrences(of: String(unescaped[range]), with: "%.0f"), value)
    }
    return String(format: widened, integer)
  }
}
