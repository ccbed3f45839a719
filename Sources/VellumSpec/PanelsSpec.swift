import VellumDiagnostics

/// How several panels share the figure: a grid, shared axes, and panel labels.
public struct PanelsSpec: Sendable {
  /// Which panels use one range on an axis (matplotlib's `sharex`/`sharey`).
  public enum Sharing: String, Sendable, CaseIterable {
    /// Each panel its own range (false).
    case none
    /// Every panel one range (true).
    case all
    /// The panels of each column one range (`'col'`).
    case columns
    /// The panels of each row one range (`'row'`).
    case rows
  }

  public var rows: Int
  public var columns: Int
  /// Panels sharing one x range; where a column shares it, only the bottom row shows x tick labels and label.
  public var shareX: Sharing
  /// Panels sharing one y range; where a row shares it, only the left column shows y tick labels and label.
  public var shareY: Sharing
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
    shareX = .none
    shareY = .none
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
        "share_x", sharingSchema,
        "one x range for all panels (true), or for each column's (columns, matplotlib's sharex='col'); only the "
          + "bottom row then labels x", defaultValue: false),
      SpecKey(
        "share_y", sharingSchema,
        "one y range for all panels (true), or for each row's (rows, sharey='row'); only the left column then "
          + "labels y", defaultValue: false),
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
    shareX = try map.optional("share_x") { try Self.sharing($0) } ?? .none
    shareY = try map.optional("share_y") { try Self.sharing($0) } ?? .none
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

extension PanelsSpec {
  static let sharingSchema = JSONValue.object([
    "anyOf": .array([SpecSchema.boolean, SpecSchema.enumeration(["columns", "rows"])])
  ])

  /// true, false, columns or rows.
  static func sharing(_ node: SpecNode) throws -> Sharing {
    if let text = node.scalarText, ["columns", "rows"].contains(text) { return text == "columns" ? .columns : .rows }
    if let text = node.scalarText, ["col", "row"].contains(text) {
      throw node.error("write \(text == "col" ? "columns" : "rows") for matplotlib's '\(text)'")
    }
    guard let text = node.scalarText, ["true", "True", "yes", "on", "false", "False", "no", "off"].contains(text) else {
      throw node.error(
        "expected true, false, columns or rows, found \(node.scalarText.map { "'\($0)'" } ?? "a collection")")
    }
    return try node.bool() ? .all : .none
  }
}
