import Foundation

/// An arithmetic expression over named variables, parsed once and evaluated many times: numbers, `+ - * / ^`,
/// parentheses, the constants `pi` and `e`, and the functions `log` (natural), `log10`, `log2`, `exp`, `sqrt`,
/// `abs`, `min`, `max` and `pow`. Used where a spec writes a formula, such as a secondary axis's `forward`.
public struct Formula: Sendable, CustomStringConvertible {
  indirect enum Node: Sendable {
    case number(Double)
    case variable(String)
    case negate(Node)
    case binary(Character, Node, Node)
    case call(String, [Node])
  }

  let root: Node
  /// The text as written.
  public let description: String
  /// Every variable the formula names, with where it stands, for checking them against a table's columns.
  public let references: [(name: String, location: SourceLocation?)]

  /// Functions by name and how many arguments each takes.
  static let functions: [String: Int] = [
    "log": 1, "log10": 1, "log2": 1, "exp": 1, "sqrt": 1, "abs": 1, "min": 2, "max": 2, "pow": 2,
  ]
  static let constants: [String: Double] = ["pi": Double.pi, "e": M_E]

  /// Parses `text`, allowing only `variables` as names (any name when nil: columns known later, checked with
  /// ``check(against:what:)``); a name with other characters is written in backticks, `` `train/loss` ``.
  /// Errors point into the text when `location` is the position of its first character.
  public init(_ text: String, variables: Set<String>?, location: SourceLocation?) throws {
    var parser = Parser(text: Array(text.unicodeScalars), variables: variables, location: location)
    root = try parser.parseWhole()
    references = parser.references
    description = text
  }

  /// An error naming the first variable that is not in `available` (with a did-you-mean), located at it.
  public func check(against available: [String], what: String) throws {
    for reference in references where !available.contains(reference.name) {
      throw VellumError(
        .invalidData,
        unknownNameMessage(reference.name, kind: what, candidates: available) + " in formula '\(description)'",
        at: reference.location)
    }
  }

  /// The value with `variables` bound; NaN when a function is undefined there (log of a negative number).
  public func evaluate(_ variables: [String: Double]) -> Double { Self.evaluate(root, variables) }

  private static func evaluate(_ node: Node, _ variables: [String: Double]) -> Double {
    switch node {
    case .number(let value): return value
    case .variable(let name): return variables[name] ?? .nan
    case .negate(let inner): return -evaluate(inner, variables)
    case .binary(let op, let a, let b):
      let (x, y) = (evaluate(a, variables), evaluate(b, variables))
      switch op {
      case "+": return x + y
      case "-": return x - y
      case "*": return x * y
      case "/": return x / y
      default: return Foundation.pow(x, y)
      }
    case .call(let name, let arguments):
      let values = arguments.map { evaluate($0, variables) }
      switch name {
      case "log": return Foundation.log(values[0])
      case "log10": return Foundation.log10(values[0])
      case "log2": return Foundation.log2(values[0])
      case "exp": return Foundation.exp(values[0])
      case "sqrt": return values[0].squareRoot()
      case "abs": return Swift.abs(values[0])
      case "min": return Swift.min(values[0], values[1])
      case "max": return Swift.max(values[0], values[1])
      default: return Foundation.pow(values[0], values[1])
      }
    }
  }

  /// A recursive-descent parser; depth is bounded so a hostile formula cannot exhaust the stack.
  private struct Parser {
    let text: [Unicode.Scalar]
    let variables: Set<String>?
    let location: SourceLocation?
    var index = 0
    var depth = 0
    var references: [(name: String, location: SourceLocation?)] = []

    init(text: [Unicode.Scalar], variables: Set<String>?, location: SourceLocation?) {
      self.text = text
      self.variables = variables
      self.location = location
    }

    mutating func parseWhole() throws -> Node {
      guard text.count <= 1000 else { throw error("a formula of more than 1000 characters", at: 0) }
      skipSpaces()
      guard index < text.count else { throw error("expected a formula, found nothing", at: 0) }
      let node = try sum()
      skipSpaces()
      if index < text.count { throw error("unexpected '\(text[index])' in formula", at: index) }
      return node
    }

    private func error(_ message: String, at offset: Int) -> VellumError {
      VellumError(.invalidSpec, message, at: locate(offset))
    }

    /// A scalar written plainly on one line: its characters follow its first column.
    private func locate(_ offset: Int) -> SourceLocation? {
      location.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column + offset) }
    }

    private mutating func variable(_ name: String, at start: Int) throws -> Node {
      if let variables, !variables.contains(name) {
        throw error(
          unknownNameMessage(name, kind: "name", candidates: variables.sorted() + Formula.constants.keys.sorted()),
          at: start)
      }
      references.append((name, locate(start)))
      return .variable(name)
    }

    private mutating func skipSpaces() {
      while index < text.count, text[index].properties.isWhitespace { index += 1 }
    }

    private mutating func peek() -> Unicode.Scalar? {
      skipSpaces()
      return index < text.count ? text[index] : nil
    }

    private mutating func sum() throws -> Node {
      var node = try product()
      while let op = peek(), op == "+" || op == "-" {
        index += 1
        node = .binary(Character(op), node, try product())
      }
      return node
    }

    private mutating func product() throws -> Node {
      var node = try unary()
      while let op = peek(), op == "*" || op == "/" || op == "×" || op == "÷" {
        index += 1
        node = .binary(op == "*" || op == "×" ? "*" : "/", node, try unary())
      }
      return node
    }

    private mutating func unary() throws -> Node {
      depth += 1
      defer { depth -= 1 }
      guard depth < 100 else { throw error("formula nested too deeply", at: index) }
      if let op = peek(), op == "-" || op == "+" || op == "−" {
        index += 1
        let inner = try unary()
        return op == "+" ? inner : .negate(inner)
      }
      let base = try primary()
      if peek() == "^" {
        index += 1
        // Right-associative, and binding tighter than a leading minus on its right: 2^-1.
        return .binary("^", base, try unary())
      }
      return base
    }

    private mutating func primary() throws -> Node {
      guard let next = peek() else { throw error("the formula ends where a value was expected", at: index) }
      let start = index
      if next == "(" {
        index += 1
        let inner = try sum()
        guard peek() == ")" else { throw error("missing ')' for the '(' here", at: start) }
        index += 1
        return inner
      }
      if next == "`" {
        index += 1
        let nameStart = index
        while index < text.count, text[index] != "`" { index += 1 }
        guard index < text.count else { throw error("missing closing ` for the name started here", at: start) }
        let name = String(String.UnicodeScalarView(text[nameStart..<index]))
        index += 1
        return try variable(name, at: start)
      }
      if next.properties.numericType != nil || next == "." {
        while index < text.count, text[index].properties.numericType != nil || text[index] == "." { index += 1 }
        if index < text.count, text[index] == "e" || text[index] == "E" {
          var probe = index + 1
          if probe < text.count, text[probe] == "+" || text[probe] == "-" { probe += 1 }
          if probe < text.count, text[probe].properties.numericType != nil {
            index = probe
            while index < text.count, text[index].properties.numericType != nil { index += 1 }
          }
        }
        let literal = String(String.UnicodeScalarView(text[start..<index]))
        guard let value = Double(literal) else { throw error("'\(literal)' is not a number", at: start) }
        return .number(value)
      }
      if next.properties.isAlphabetic || next == "_" {
        while index < text.count,
          text[index].properties.isAlphabetic || text[index].properties.numericType != nil || text[index] == "_"
        {
          index += 1
        }
        let name = String(String.UnicodeScalarView(text[start..<index]))
        if peek() == "(" {
          guard let arity = Formula.functions[name] else {
            throw error(
              unknownNameMessage(name, kind: "function", candidates: Formula.functions.keys.sorted()), at: start)
          }
          index += 1
          var arguments = [try sum()]
          while peek() == "," {
            index += 1
            arguments.append(try sum())
          }
          guard peek() == ")" else { throw error("missing ')' after the arguments of \(name)", at: start) }
          index += 1
          guard arguments.count == arity else {
            throw error("\(name) takes \(arity) argument\(arity == 1 ? "" : "s"), found \(arguments.count)", at: start)
          }
          return .call(name, arguments)
        }
        if variables?.contains(name) ?? false { return try variable(name, at: start) }
        if let value = Formula.constants[name] { return .number(value) }
        return try variable(name, at: start)
      }
      throw error("unexpected '\(next)' in formula", at: start)
    }
  }
}
