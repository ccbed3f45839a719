import Foundation
import VellumDiagnostics

/// One axis: its label, limits, scale, tick placement and tick label format.
public struct AxisSpec: Sendable {
  /// Where ticks go.
  public enum TickPlacement: Sendable {
    /// Nice steps chosen from the axis length, like matplotlib's MaxNLocator (decades on log axes).
    case auto
    /// Every multiple of the step inside the limits (matplotlib's MultipleLocator).
    case step(Double)
    /// Exactly these values, optionally with their own labels.
    case values([Double], labels: [Located<String>]?)
    /// Every `months` calendar months (a time axis's `1 month`, `1 year`).
    case months(Int)
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
  /// The axis runs along the page's x direction (x, x2), not its y.
  public var runsAlongX: Bool { name.hasPrefix("x") }
  public var limits: (Double, Double)?
  /// Categorical axes: the column whose values label the categories (`ticks: {labels: {column: …}}`).
  public var labelColumn: Located<String>?
  /// The scale kind's name (`linear`, `log`, `time`…) and its decoded keys.
  public var scaleName: String
  public var scale: any ScaleBody
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
  /// Colours the axis's ticks, tick labels and label, not its spine (a twin axis in its line's colour, as
  /// matplotlib's `tick_params(colors=…)`); nil: the ticks' own colours.
  public var color: Color?
  /// A secondary axis computed from the primary one (matplotlib's `secondary_xaxis`): its ticks show
  /// `forward(value)`; no layer is drawn against it.
  public var function: AxisFunction?

  init(name: String, scales: ScaleKinds) {
    self.name = name
    scaleName = scales.kinds[0].name
    scale = scales.standard
    reverse = false
    ticks = .auto
    minor = false
    format = .auto
  }
}

extension AxisSpec {
  /// An axis of a panel: x and y, and the secondary x2 (top) and y2 (right); ``ScaleKinds`` adds `scale` and each
  /// scale kind's keys.
  static let object = SpecObject(
    "axis",
    purpose: "One axis of a panel (x, y, or the secondary x2 at the top and y2 at the right): its label, range, "
      + "scale, ticks and tick labels.",
    keys: [
      SpecKey("label", LabelSpec.schema, "the axis label (TeX subset), or {text, size, pad}", example: "'Step'"),
      SpecKey(
        "limits", SpecSchema.axisLimits,
        "the axis range [low, high] in data units, dates on a time axis ([high, low] runs backwards)",
        default: "the data's range with 5 % margins (matplotlib's)", example: "[0, 1]"),
      SpecKey("reverse", SpecSchema.boolean, "draw the axis from high to low", defaultValue: false),
      SpecKey(
        "ticks", tickObject.schema, "where ticks go: auto, a list of values, {step}, or {values, labels}",
        defaultValue: "auto"),
      SpecKey(
        "minor", SpecSchema.boolean, "minor ticks between the major ones",
        default:
          "true on a log axis (matplotlib's LogLocator subs: 2 … base − 1 times each power of a whole base of 3 or "
          + "more; none where that would be over 10,000), else false"),
      SpecKey(
        "format", SpecSchema.tickFormat,
        "tick label format: auto, plain, si, percent, scientific, or a printf pattern", defaultValue: "auto"),
      SpecKey(
        "decimals", SpecSchema.bounded(minimum: 0, maximum: 12, integer: true),
        "fixed digits after the decimal point in tick labels", default: "as many as the ticks need"),
      SpecKey(
        "rotation",
        .object([
          "anyOf": .array([
            SpecSchema.bounded(minimum: -90, maximum: 90),
            SpecSchema.enumeration(["auto"]),
          ])
        ]),
        "x axes: tick label angle in degrees, or auto (level, else 45°, 90°, then every n-th label)",
        defaultValue: 0.0),
      SpecKey(
        "color", SpecSchema.color,
        "colour of the axis's ticks, tick labels and label (not its spine: frame colours that)",
        default: "the frame's and ticks' colours"),
      SpecKey(
        "function", AxisFunction.object.schema,
        "secondary axes: ticks computed from the primary axis by formulas in x (matplotlib's secondary_xaxis)"),
    ],
    example: "{axes: {x: {label: Step, minor: true}, y: {limits: [0, 1]}, layers: [{line: {x: step, y: loss}}]}}")

  /// `ticks: {labels: {column: NAME}}`: each category labelled from another column.
  static let labelColumnObject = SpecObject(
    "tick label column",
    purpose: "Categorical tick labels from a column: each category (an id, a short code) shows the value another "
      + "column holds in its rows, the first row's where they differ.",
    keys: [SpecKey("column", SpecSchema.string, "the column holding each category's label", example: "task_name")],
    required: ["column"],
    example:
      "{axes: {x: {scale: categorical, ticks: {labels: {column: skill}}}, layers: [{bar: {x: task, y: score}}]}}")

  /// `ticks` on an axis: where the ticks go.
  static let tickObject = SpecObject(
    "axis ticks",
    purpose: "Where an axis's ticks go: auto (matplotlib's locator), a list of values, every `step`, or chosen "
      + "values with their own labels.",
    keys: [
      SpecKey(
        "step", .object(["anyOf": .array([SpecSchema.positive, SpecSchema.string])]),
        "a tick every step data units (time and duration axes: 6h, 1 month, 1 year…)", example: "0.25"),
      SpecKey(
        "values", SpecSchema.array(SpecSchema.limitValue), "tick positions in data units (dates on a time axis)",
        example: "[0, 0.5, 1]"),
      SpecKey(
        "labels",
        .object(["anyOf": .array([SpecSchema.array(SpecSchema.string), labelColumnObject.schema])]),
        "one label (TeX subset) per value, instead of numbers; or, on a categorical axis, {column: NAME} to label "
          + "each category with that column's value in its rows",
        example: "[low, mid, high]"),
    ],
    exclusive: [["step", "values"]], requiresOneOf: [["step"], ["values"], ["labels"]],
    shorthand: [SpecSchema.enumeration(["auto"]), SpecSchema.array(SpecSchema.limitValue)],
    rules: [
      // A list of labels names the values it labels; labels from a column label the categories themselves.
      .object([
        "if": .object(["properties": .object(["labels": .object(["type": "array"])]), "required": ["labels"]]),
        "then": .object(["required": ["values"]]),
      ])
    ],
    example: "{axes: {x: {ticks: {values: [1, 2, 3], labels: [a, b, c]}}, layers: [{line: {x: step, y: loss}}]}}")

  init(node: SpecNode, name: String, baseFont: FontSpec, scales: ScaleKinds) throws {
    self.init(name: name, scales: scales)
    location = node.location
    let map = try node.mapping(scales.axisObject)
    label = try map.optional("label") {
      try LabelSpec(node: $0, what: "\(name) label", defaultSize: baseFont.size, defaultPad: 4)
    }
    (scaleName, scale) = try scales.decode(map)
    reverse = try map.optional("reverse") { try $0.bool() } ?? false
    let scale = scale
    limits = try map.optional("limits") { node in
      let items = try node.list("limits [low, high]")
      guard items.count == 2 else { throw node.error("expected limits [low, high], found \(items.count) values") }
      let low = try scale.value(items[0])
      let high = try scale.value(items[1])
      guard low != high else { throw node.error("limits must differ, found [\(low), \(high)]") }
      try scale.checkLimits(low, high, at: node)
      return (low, high)
    }
    ticks =
      try map.optional("ticks") { node in
        if node.isMapping, let labels = try node.mapping(Self.tickObject)["labels"], labels.isMapping {
          guard scale.isCategorical else {
            throw labels.error("labels from a column label categories; give the axis scale: categorical")
          }
          guard try node.mapping(Self.tickObject).entries.count == 1 else {
            throw node.error("tick labels from a column label every category; give no step or values beside them")
          }
          labelColumn = try labels.mapping(Self.labelColumnObject).required("column") {
            try $0.located("a column name")
          }
          return .auto
        }
        return try Self.placement(node, scale: scale)
      } ?? .auto
    // matplotlib ticks a log axis's minor values (2…9 × 10ⁿ) unasked; a linear one's only when told.
    minor = try map.optional("minor") { try $0.bool() } ?? (scaleName == "log")
    format =
      try map.optional("format") { node in
        let format = try Self.tickFormat(node)
        guard scale.takesNumberFormats || format == .auto else {
          throw node.error("a \(scaleName) axis labels its ticks itself; leave format out (or auto)")
        }
        return format
      } ?? .auto
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

  private static func placement(_ node: SpecNode, scale: any ScaleBody) throws -> TickPlacement {
    if node.isSequence {
      return .values(try node.list().map { try scale.value($0) }, labels: nil)
    }
    if node.scalarText == "auto" { return .auto }
    let map = try node.mapping(tickObject)
    if let step = try map.optional("step", { try scale.step($0) }) {
      if map["values"] != nil { throw node.error("give either 'step' or 'values' for ticks, not both") }
      if let labels = map["labels"] { throw labels.error("tick labels go with 'values', one label per value") }
      return step
    }
    guard let values = try map.optional("values", { try $0.list().map { try scale.value($0) } }) else {
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

  static let object = SpecObject(
    "axis function",
    purpose: "A secondary axis whose values are a function of its primary axis's (matplotlib's secondary_xaxis "
      + "functions): both directions as formulas in x.",
    keys: [
      SpecKey("forward", SpecSchema.string, "this axis's value from the primary axis's value x", example: "'x / 2500'"),
      SpecKey("inverse", SpecSchema.string, "the primary axis's value from this axis's value x", example: "'x * 2500'"),
    ],
    required: ["forward", "inverse"],
    example:
      "{axes: {x2: {label: Epoch, function: {forward: x / 2500, inverse: x * 2500}}, layers: [{line: {x: step, y: loss}}]}}"
  )

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.object)
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

  /// Formats `value`; `%d` takes its integer part, as Python's `'%d' % value` (matplotlib's FormatStrFormatter).
  public static func format(_ pattern: String, _ value: Double) -> String {
    let unescaped = pattern.replacingOccurrences(of: "%%", with: "")
    guard let range = unescaped.firstRange(of: try! Regex(conversion)), unescaped[range].hasSuffix("d") else {
      return String(format: pattern, value)
    }
    // Swift's Int is 64-bit: widen the conversion so no platform reads half of it.
    let widened = pattern.replacingOccurrences(of: String(unescaped[range]), with: unescaped[range].dropLast() + "ld")
    // Beyond Int's range (or non-finite) the integer conversion would trap: print the rounded double.
    guard let integer = Int(exactly: value.rounded(.towardZero)) else {
      return String(
        format: pattern.replacingOccurrences(of: String(unescaped[range]), with: "%.0f"), value.rounded(.towardZero))
    }
    return String(format: widened, integer)
  }
}
