import VellumDiagnostics

/// Small multiples (ggplot2's `facet_wrap` and `facet_grid`, seaborn's `relplot(col=…, row=…)`): the axes block
/// drawn once per value of a column, each panel showing the rows with that value.
public struct FacetSpec: Sendable {
  /// One panel per value, wrapped into rows of `wrap`; or, with `row`, the columns of a grid.
  public var column: Located<String>?
  /// The rows of a grid: one per value.
  public var row: Located<String>?
  /// Panels per row when wrapping.
  public var wrap: Int?
  /// Every panel takes the same x (y) range; only the outer panels label it.
  public var shareX: PanelsSpec.Sharing
  public var shareY: PanelsSpec.Sharing
  public var location: SourceLocation

  static let object = SpecObject(
    "facet",
    purpose: "Small multiples: the panel drawn once per value of `column` (wrapped into rows of `wrap`) or per "
      + "`row` × `column` pair, each with the rows of its value, on shared axes with one legend. The panel's "
      + "`title` is a template over {value}, {row} and {column}.",
    keys: [
      SpecKey(
        "column", SpecSchema.string, "a panel per value of this column, in order of first appearance",
        example: "model"),
      SpecKey("row", SpecSchema.string, "a row of panels per value of this column (a grid with column)"),
      SpecKey(
        "wrap", SpecSchema.panelCount, "panels per row when only column is given",
        default: "the rounded-up square root of the panel count"),
      SpecKey(
        "share", SpecSchema.enumeration(["both", "x", "y", "none"]),
        "which axes every panel shares (one range, labels on the outer panels only)", defaultValue: "both"),
    ],
    requiresOneOf: [["column"], ["row"]], needs: ["wrap": ["column"]],
    example:
      "{axes: {facet: {column: seed, wrap: 2}, title: 'seed {value}', layers: [{line: {x: step, y: loss}}]}}")

  init(node: SpecNode) throws {
    location = node.location
    let map = try node.mapping(Self.object)
    let column = try map.optional("column") { try $0.located("a column name") }
    let row = try map.optional("row") { try $0.located("a column name") }
    self.column = column
    self.row = row
    guard column != nil || row != nil else { throw node.error("facet needs 'column' (and 'row' for a grid)") }
    wrap = try map.optional("wrap") { node in
      let value = try node.int("a number of panels per row")
      guard (1...64).contains(value) else { throw node.error("wrap must be between 1 and 64, found \(value)") }
      if row != nil { throw node.error("wrap applies to a facet by column alone; a grid has one column per value") }
      return value
    }
    let share =
      try map.optional("share") { node -> String in
        let text = try node.string("both, x, y or none")
        guard ["both", "x", "y", "none"].contains(text) else {
          throw node.error(unknownNameMessage(text, kind: "share", candidates: ["both", "x", "y", "none"]))
        }
        return text
      } ?? "both"
    shareX = share == "both" || share == "x" ? .all : .none
    shareY = share == "both" || share == "y" ? .all : .none
  }
}
