import Foundation
import Vellum

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A parsed SVG element: enough of the tree to compare two figures.
final class SVGElement {
  let name: String
  let attributes: [String: String]
  var text = ""
  var children: [SVGElement] = []

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// All text below this element, in order.
  var allText: String { text + children.map(\.allText).joined() }

  /// A `<text>`'s words as a reader says them: runs of `<tspan>`s set above the first one's baseline marked `^`,
  /// below it `_` (braced when longer than one character), so `10⁸` reads `10^8` and `10⁻³` reads `10^{−3}`.
  var spokenText: String {
    let spans = children.filter { $0.name == "tspan" }
    guard let baseline = spans.first?.attributes["y"].flatMap(Double.init) else { return allText }
    var result = text
    var run = ""
    var mark = ""
    func close() {
      guard !run.isEmpty else { return }
      result += run.count > 1 ? "\(mark){\(run)}" : mark + run
      run = ""
    }
    for child in children {
      let y = child.attributes["y"].flatMap(Double.init) ?? baseline
      let shift = y < baseline - 0.5 ? "^" : y > baseline + 0.5 ? "_" : ""
      if shift != mark {
        close()
        mark = shift
      }
      if shift.isEmpty { result += child.allText } else { run += child.allText }
    }
    close()
    return result
  }

  /// Every element below this one (depth first), with the id of its nearest group.
  func walk(group: String = "", _ visit: (SVGElement, String) -> Void) {
    let current = name == "g" ? (attributes["id"] ?? group) : group
    visit(self, group)
    for child in children { child.walk(group: current, visit) }
  }
}

/// Reads an SVG file into ``SVGElement``s with Foundation's XML parser.
final class SVGDocument: NSObject, XMLParserDelegate {
  /// Deepest element nesting read: Vellum's SVGs nest a few levels; a hostile file nested 30,000 deep would
  /// overflow the stack when the tree is walked or freed.
  static let maximumDepth = 500

  private var stack: [SVGElement] = []
  private(set) var root: SVGElement?
  private var tooDeep = false

  static func parse(_ data: Data, name: String) throws -> SVGElement {
    // Foundation's XML parser traps on a name or attribute that is not valid UTF-8 (libxml2 hands it bytes
    // `String(cString:)`-style and it force-unwraps): such a file is refused before it gets there.
    guard String(validating: data, as: UTF8.self) != nil else {
      throw VellumError(.invalidData, "'\(name)' is not UTF-8 text; it is not a figure Vellum wrote")
    }
    let document = SVGDocument()
    let parser = XMLParser(data: data)
    parser.delegate = document
    let parsed = parser.parse()
    if document.tooDeep {
      throw VellumError(
        .invalidData, "'\(name)' nests elements more than \(maximumDepth) deep; it is not a figure Vellum wrote")
    }
    guard parsed, let root = document.root else {
      throw VellumError(
        .invalidData, "'\(name)' is not well-formed SVG", cause: parser.parserError.map { .detail("\($0)") })
    }
    return root
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    guard stack.count < Self.maximumDepth else {
      tooDeep = true
      parser.abortParsing()
      return
    }
    let element = SVGElement(name: elementName, attributes: attributes)
    stack.last?.children.append(element)
    if stack.isEmpty { root = element }
    stack.append(element)
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    if !stack.isEmpty { stack.removeLast() }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    stack.last?.text += string
  }
}
