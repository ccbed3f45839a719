import VellumSVG

/// The id'd groups of a Vellum SVG with what each draws itself: the shared reading of `vellum diff` and
/// `vellum textconv`.
enum ChartGroups {
  /// A group's own content: its texts, its path data, and how its axes maps data.
  struct Group {
    var id: String
    /// The group's role (`series`, `scatter`, `axis`, `legend`…), from its class.
    var role: String
    var texts: [String] = []
    var paths: [String] = []
    /// Each path's paint (fill, stroke, widths, opacities, dashes), in the order of `paths`.
    var paints: [[String: String]] = []
    var other: [String] = []
    var scales: (x: AxisMap?, y: AxisMap?)
  }

  static func read(_ root: SVGElement) -> [Group] {
    var result: [String: Group] = [:]
    var order: [String] = []
    var scales: [String: (AxisMap?, AxisMap?)] = [:]
    var axesOf: [String: String] = [:]
    func visit(_ element: SVGElement, axes: String?) {
      var axes = axes
      if element.name == "g", let id = element.attributes["id"] {
        if let x = element.attributes["data-x"], let y = element.attributes["data-y"] {
          scales[id] = (AxisMap(x), AxisMap(y))
          axes = id
        }
        axesOf[id] = axes
        if result[id] == nil {
          order.append(id)
          result[id] = Group(id: id, role: element.attributes["class"] ?? "", scales: (nil, nil))
        }
        for child in element.children { collect(child, into: id, axes: axes) }
      }
      for child in element.children { visit(child, axes: axes) }
    }
    func collect(_ element: SVGElement, into id: String, axes: String?) {
      switch element.name {
      case "text": result[id]!.texts.append(element.spokenText)
      case "path":
        result[id]!.paths.append(element.attributes["d"] ?? "")
        result[id]!.paints.append(element.attributes.filter { $0.key != "d" })
      case "g" where element.attributes["id"] != nil: return
      default:
        if ["use", "rect", "clipPath"].contains(element.name) {
          result[id]!.other.append(
            element.attributes.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " "))
        }
      }
      if element.name == "g" || element.name == "clipPath" {
        for child in element.children { collect(child, into: id, axes: axes) }
      }
    }
    visit(root, axes: nil)
    return order.map { id in
      var content = result[id]!
      if let axes = axesOf[id] ?? nil, let maps = scales[axes] { content.scales = maps }
      return content
    }
  }

}
