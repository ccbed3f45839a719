import VellumDiagnostics

/// Where the grid of plots lies when the layout is fixed, as matplotlib's `subplotpars` (`fig.subplots_adjust`):
/// the plots' outer edges as fractions of the figure from its left and bottom, and the gaps between them as
/// fractions of the mean plot width and height.
public struct SubplotParams: Sendable, Equatable {
  public var left = 0.125
  public var right = 0.9
  public var bottom = 0.11
  public var top = 0.88
  public var wspace = 0.2
  public var hspace = 0.2

  public init() {}

  static let object = SpecObject(
    "subplots",
    purpose: "With layout: fixed, where the plots lie, as matplotlib's subplotpars (subplots_adjust): edges as "
      + "fractions of the figure, gaps as fractions of the mean plot size.",
    keys: [
      SpecKey(
        "left", SpecSchema.bounded(minimum: 0, maximum: 1), "the plots' left edge, from the figure's left",
        defaultValue: 0.125),
      SpecKey(
        "right", SpecSchema.bounded(minimum: 0, maximum: 1), "the plots' right edge, from the figure's left",
        defaultValue: 0.9),
      SpecKey(
        "bottom", SpecSchema.bounded(minimum: 0, maximum: 1), "the plots' bottom edge, from the figure's bottom",
        defaultValue: 0.11),
      SpecKey(
        "top", SpecSchema.bounded(minimum: 0, maximum: 1), "the plots' top edge, from the figure's bottom",
        defaultValue: 0.88),
      SpecKey(
        "wspace", SpecSchema.bounded(minimum: 0, maximum: 10), "gap between columns, a fraction of the mean plot width",
        defaultValue: 0.2),
      SpecKey(
        "hspace", SpecSchema.bounded(minimum: 0, maximum: 10), "gap between rows, a fraction of the mean plot height",
        defaultValue: 0.2),
    ],
    example: "{layout: fixed, subplots: {left: 0.15, bottom: 0.15}, axes: {layers: [{line: {x: step, y: loss}}]}}")

  init(node: SpecNode) throws {
    let map = try node.mapping(Self.object)
    func fraction(_ key: String, _ value: Double) throws -> Double {
      try map.optional(key) { node in
        let value = try node.double("a fraction of the figure")
        guard (0...1).contains(value) else {
          throw node.error("expected a fraction of the figure from 0 to 1, found \(value)")
        }
        return value
      } ?? value
    }
    left = try fraction("left", left)
    right = try fraction("right", right)
    bottom = try fraction("bottom", bottom)
    top = try fraction("top", top)
    func gap(_ key: String, _ value: Double) throws -> Double {
      try map.optional(key) { node in
        let value = try node.nonNegative("a fraction of the mean plot size")
        guard value <= 10 else { throw node.error("a gap of \(value) plot sizes leaves no room; use at most 10") }
        return value
      } ?? value
    }
    wspace = try gap("wspace", wspace)
    hspace = try gap("hspace", hspace)
    guard left < right else {
      throw (map["left"] ?? map["right"] ?? node).error("subplots: left (\(left)) must be less than right (\(right))")
    }
    guard bottom < top else {
      throw (map["bottom"] ?? map["top"] ?? node).error("subplots: bottom (\(bottom)) must be less than top (\(top))")
    }
  }
}

/// How the plot boxes are placed.
public enum LayoutMode: String, Sendable, CaseIterable {
  /// Fitted to their text (matplotlib's tight_layout, pad 1.08).
  case tight
  /// At the `subplots` fractions, whatever the text needs (matplotlib without a layout engine).
  case fixed
  /// Fitted to their text with matplotlib's constrained_layout paddings: 3 pt at the figure's edges
  /// (w_pad, h_pad), 3 pt on each side of a panel or 1 % of the figure shared by the columns (wspace, hspace 0.02),
  /// a colorbar 5 % of its plot's width away.
  case constrained
}
