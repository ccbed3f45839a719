import VellumDiagnostics

/// How several panels share the figure: a grid, shared axes, and panel labels.
public struct PanelsSpec: Sendable {
  public var rows: Int
  public var columns: Int
  /// All panels use one x range; only the bottom row shows x tick labels and label.
  public var shareX: Bool
  /// All panels use one y range; only the left column shows y tick labels and label.
  public var shareY: Bool
  /// Labels drawn at each panel's top left, e.g. `(a)`; nil draws none.
  public var labels: [Located<String>]?
  /// The labels are `labels: true`'s (a), (b)…, which a faceted panel re-letters for the panels it makes.
  public var letteredLabels = false
  /// Gap between neighbouring panels' decorations, in points; nil uses the figure pad.
  public var spacing: Double?
  /// Least gap between neighbouring plot areas as a fraction of the mean plot width (height), as matplotlib's
  /// `subplots_adjust(wspace=…, hspace=…)`; decorations still get the room they need.
  public var wspace: Double?
  public var hspace: Double?
  /// Relative plot widths of the columns and heights of the rows (matplotlib's `width_ratios`/`height_ratios`).
  public var widthRatios: [Double]?
  public var heightRatios: [Double]?

  init(count: Int) {
    rows = 1
    columns = count
    shareX = false
    shareY = false
  }
}

extension PanelsSpec {
  /// `labels: true`: bold (a), (b)… for `count` panels.
  public static func letters(_ count: Int, at location: SourceLocation?) -> [Located<String>] {
    (0..<count).map { index in
      let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(index % 26)))
      return Located("\\textbf{(\(letter))}", at: location)
    }
  }

  static let object = SpecObject(
    "panels",
    purpose: "How the figure's panels (the `axes` list) are laid out (matplotlib's subplots): the grid, shared "
      + "axes, panel labels and gaps.",
    keys: [
      SpecKey("rows", SpecSchema.panelCount, "rows of the panel grid", default: "1, or as many as columns need"),
      SpecKey(
        "columns", SpecSchema.panelCount, "columns of the panel grid",
        default: "every panel in one row, or as many as rows need"),
      SpecKey(
        "share_x", SpecSchema.boolean, "one x range for all panels; only the bottom row labels x",
        defaultValue: false),
      SpecKey(
        "share_y", SpecSchema.boolean, "one y range for all panels; only the left column labels y",
        defaultValue: false),
      SpecKey(
        "labels", .object(["anyOf": .array([SpecSchema.boolean, SpecSchema.array(SpecSchema.string)])]),
        "a label at each panel's top left: true for (a), (b)…, or one text per panel", defaultValue: false),
      SpecKey(
        "spacing", SpecSchema.measure, "gap in points between neighbouring panels' decorations",
        default: "the figure's pad"),
      SpecKey(
        "wspace", SpecSchema.bounded(minimum: 0, maximum: 10),
        "least gap between plot areas side by side, as a fraction of the mean plot width (subplots_adjust)",
        example: "0.3"),
      SpecKey(
        "hspace", SpecSchema.bounded(minimum: 0, maximum: 10),
        "least gap between plot areas one above the other, as a fraction of the mean plot height",
        example: "0.3"),
      SpecKey(
        "width_ratios", SpecSchema.array(SpecSchema.positive), "relative widths of the columns' plots",
        example: "[2, 1]"),
      SpecKey(
        "height_ratios", SpecSchema.array(SpecSchema.positive), "relative heights of the rows' plots",
        example: "[1, 2]"),
    ],
    example:
      "{panels: {rows: 2, columns: 2, share_y: true, labels: true}, axes: [{layers: [{line: {x: step, y: loss}}]}, {layers: [{line: {x: step, y: loss}}]}, {layers: [{line: {x: step, y: accuracy}}]}, {layers: [{line: {x: step, y: accuracy}}]}]}"
  )

  init(node: SpecNode, count: Int) throws {
    self.init(count: count)
    let map = try node.mapping(Self.object)
    // Bounded before any arithmetic, so a huge count cannot overflow.
    func dimension(_ node: SpecNode, _ what: String) throws -> Int {
      let value = try node.int("a number of \(what)")
      guard (1...64).contains(value) else { throw node.error("panel \(what) must be between 1 and 64") }
      return value
    }
    let rows = try map.optional("rows") { try dimension($0, "rows") }
    let columns = try map.optional("columns") { try dimension($0, "columns") }
    switch (rows, columns) {
    case (let r?, let c?): (self.rows, self.columns) = (r, c)
    case (let r?, nil): (self.rows, self.columns) = (r, (count + max(r, 1) - 1) / max(r, 1))
    case (nil, let c?): (self.rows, self.columns) = ((count + max(c, 1) - 1) / max(c, 1), c)
    case (nil, nil): break
    }
    guard self.rows >= 1, self.columns >= 1, self.rows * self.columns >= count else {
      throw node.error("a \(self.rows)×\(self.columns) grid cannot hold \(count) panels")
    }
    guard self.rows * self.columns <= 64 else { throw node.error("at most 64 panels are supported") }
    shareX = try map.optional("share_x") { try $0.bool() } ?? false
    shareY = try map.optional("share_y") { try $0.bool() } ?? false
    labels =
      try map.optional("labels") { (node: SpecNode) -> [Located<String>]? in
        if node.scalarText != nil {
          guard try node.bool() else { return nil }
          letteredLabels = true
          return Self.letters(count, at: node.location)
        }
        let labels = try node.list("true or a list of labels").map { try $0.located("a panel label") }
        guard labels.count == count else { throw node.error("expected \(count) panel labels, found \(labels.count)") }
        return labels
      } ?? nil
    spacing = try map.optional("spacing") { try $0.measure("a spacing in points") }
    func fraction(_ node: SpecNode) throws -> Double {
      let value = try node.nonNegative("a fraction of the mean panel size")
      guard value <= 10 else { throw node.error("a panel gap of \(value) panel sizes leaves no room; use at most 10") }
      return value
    }
    wspace = try map.optional("wspace") { try fraction($0) }
    hspace = try map.optional("hspace") { try fraction($0) }
    func ratios(_ node: SpecNode, count: Int, what: String) throws -> [Double] {
      let values = try node.list("a list of ratios").map { try $0.positive("a ratio") }
      guard values.count == count else { throw node.error("expected \(count) \(what) ratios, found \(values.count)") }
      return values
    }
    let (rowCount, columnCount) = (self.rows, self.columns)
    widthRatios = try map.optional("width_ratios") { try ratios($0, count: columnCount, what: "column") }
    heightRatios = try map.optional("height_ratios") { try ratios($0, count: rowCount, what: "row") }
  }
}
