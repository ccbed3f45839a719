import Foundation
import VellumDiagnostics

/// An expression over named values, parsed once and evaluated many times: a `calculate` transform's `expr`
/// (over a table's columns, row by row) or a secondary axis's `forward` and `inverse` (over `x`).
///
/// The grammar, from the loosest binding to the tightest (`{…}` repeats, `[…]` is optional):
///
/// ```
/// formula    = or
/// or         = and { "or" and }
/// and        = not { "and" not }
/// not        = "not" not | comparison
/// comparison = sum [ ("<" | "<=" | ">" | ">=" | "==" | "!=") sum ]
/// sum        = product { ("+" | "-") product }
/// product    = signed { ("*" | "/") signed }
/// signed     = ("-" | "+") signed | value [ "^" signed ]
/// value      = number | name | `name` | "pi" | "e" | "(" formula ")"
///            | function "(" formula { "," formula } ")" | 'text' | "text"
/// ```
///
/// - Numbers: `3`, `0.5`, `.5`, `6e9`, `1.2E-3`.
/// - Names: letters, digits and `_`, not starting with a digit (`train_loss`); any other name in backticks
///   (`` `train/loss` ``). `pi` and `e` are the constants, and `and`, `or`, `not` words of the language: a column
///   with one of these names is written in backticks too (`` `e` ``).
/// - Arithmetic: `+ - * /` (also `−`, `×`, `÷`) and `^` for powers, right-associative and binding tighter than a
///   minus on its left, as Python's `**`: `-x^2` is `-(x^2)`, `2^-1` is 0.5, `2^3^2` is 512.
/// - Comparisons: `< <= > >= == !=` (also `≤ ≥ ≠`) give 1 when they hold and 0 when not. They bind more loosely
///   than arithmetic (`a + 1 > b * 2` compares the two sums) and do not chain: write `a < b and b < c`.
///   As in numpy and pandas, a comparison with a missing value (NaN) is false, except `!=`, which is true.
/// - Logic: `and`, `or`, `not` give 1 or 0. A value is true when it is neither 0 nor missing. `not` binds more
///   loosely than comparisons, `and` than `not`, `or` than `and`: `not a > b or c` is `(not (a > b)) or c`.
/// - Functions: `log` (natural), `log10`, `log2`, `exp`, `sqrt`, `abs`; `min(a, b)`, `max(a, b)` (missing when either is), `pow(a, b)`;
///   `floor(x)`, `ceil(x)`; `round(x)` and `round(x, n)` to n decimals (n a whole number, negative for tens,
///   hundreds…), halves to even as `numpy.round`: `round(2.5)` is 2, `round(0.125, 2)` is 0.12; `clip(x, lo, hi)`
///   as `numpy.clip`; `if(condition, a, b)`, a where the condition is true and b elsewhere (so b where it is
///   missing).
/// - Text: `'SDPO'` or `"a b"` (no escapes: a text holding `'` is written in `"…"`) compares a column's cells as
///   text, with `==` or `!=` only, the column on either side: `method == 'SDPO'`, `'base' != run`. Text is
///   allowed nowhere else; everywhere else a column is read as numbers.
///
/// A function undefined at its arguments (`log(-1)`, `sqrt(-1)`) and arithmetic on a missing value give a missing
/// value (NaN). A formula is at most 1000 characters, with parentheses, calls, signs, powers and `not` nested
/// fewer than 100 deep.
public struct Formula: Sendable, CustomStringConvertible {
  indirect enum Node: Sendable {
    case number(Double)
    /// A name read as a number.
    case variable(String)
    /// `column == 'literal'`, or `!=` when negated: the column read as text.
    case text(column: String, literal: String, negated: Bool)
    case negate(Node)
    case arithmetic(Arithmetic, Node, Node)
    case comparison(Comparison, Node, Node)
    case not(Node)
    case logic(Logic, Node, Node)
    /// A function with all its arguments (defaults filled in).
    case call(Function, [Node])
  }

  enum Arithmetic: Sendable {
    case add, subtract, multiply, divide, power

    func apply(_ x: Double, _ y: Double) -> Double {
      switch self {
      case .add: return x + y
      case .subtract: return x - y
      case .multiply: return x * y
      case .divide: return x / y
      case .power: return Foundation.pow(x, y)
      }
    }
  }

  /// IEEE comparisons: any with NaN is false but `!=`, which is true, as numpy's.
  enum Comparison: Sendable {
    case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual

    func apply(_ x: Double, _ y: Double) -> Double {
      let holds: Bool
      switch self {
      case .less: holds = x < y
      case .lessOrEqual: holds = x <= y
      case .greater: holds = x > y
      case .greaterOrEqual: holds = x >= y
      case .equal: holds = x == y
      case .notEqual: holds = x != y
      }
      return holds ? 1 : 0
    }
  }

  enum Logic: Sendable {
    case and, or

    func apply(_ x: Double, _ y: Double) -> Double {
      let holds = self == .and ? Formula.truth(x) && Formula.truth(y) : Formula.truth(x) || Formula.truth(y)
      return holds ? 1 : 0
    }
  }

  enum Function: String, Sendable, CaseIterable {
    case log, log10, log2, exp, sqrt, abs, min, max, pow, floor, ceil, round, clip
    case `if`

    /// How many arguments a call takes.
    var arity: ClosedRange<Int> {
      switch self {
      case .log, .log10, .log2, .exp, .sqrt, .abs, .floor, .ceil: return 1...1
      case .min, .max, .pow: return 2...2
      case .round: return 1...2
      case .clip, .if: return 3...3
      }
    }

    /// The arguments a call may leave out: `round(x)` is `round(x, 0)`.
    var defaults: [Double] { self == .round ? [0] : [] }

    /// The value at the arguments `x`, `y`, `z` (those past the arity are ignored).
    func apply(_ x: Double, _ y: Double, _ z: Double) -> Double {
      switch self {
      case .log: return Foundation.log(x)
      case .log10: return Foundation.log10(x)
      case .log2: return Foundation.log2(x)
      case .exp: return Foundation.exp(x)
      case .sqrt: return x.squareRoot()
      case .abs: return Swift.abs(x)
      // numpy.minimum and maximum: a missing argument gives a missing result, whichever side it is on.
      case .min: return x.isNaN || y.isNaN ? .nan : Swift.min(x, y)
      case .max: return x.isNaN || y.isNaN ? .nan : Swift.max(x, y)
      case .pow: return Foundation.pow(x, y)
      case .floor: return x.rounded(.down)
      case .ceil: return x.rounded(.up)
      case .round: return Formula.round(x, decimals: y)
      case .clip: return x.isNaN || y.isNaN || z.isNaN ? .nan : Swift.min(Swift.max(x, y), z)
      case .if: return Formula.truth(x) ? y : z
      }
    }
  }

  static let constants: [String: Double] = ["pi": Double.pi, "e": M_E]
  /// The words of the language, which a name must be in backticks to use.
  static let keywords: Set<String> = ["and", "or", "not"]
  static let maximumLength = 1000
  static let maximumDepth = 100

  let root: Node
  /// The text as written.
  public let description: String
  /// Every name the formula reads, each time with where it stands, for checking them against a table's columns.
  public let references: [(name: String, location: SourceLocation?)]
  /// The names read as numbers: every use of a name but a comparison with a text literal.
  public let numberReferences: Set<String>
  /// The names read as text: those compared with a text literal (`method == 'SDPO'`). A name may be in both sets.
  public let textReferences: Set<String>

  /// Parses `text`, allowing only `variables` as names (any name when nil: columns known later, checked with
  /// ``check(against:what:)``); a name with other characters is written in backticks, `` `train/loss` ``.
  /// Errors point into the text when `location` is the position of its first character.
  public init(_ text: String, variables: Set<String>?, location: SourceLocation?) throws {
    var parser = Parser(text: Array(text.unicodeScalars), variables: variables, location: location)
    root = try parser.parseWhole()
    references = parser.references
    description = text
    var numbers: Set<String> = []
    var texts: Set<String> = []
    Self.collect(root, numbers: &numbers, texts: &texts)
    numberReferences = numbers
    textReferences = texts
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

  /// The value with `variables` bound; NaN when a name is unbound or a function is undefined there (log of a
  /// negative number). No name has text here, so a text comparison sees a missing cell: `==` gives 0, `!=` 1.
  public func evaluate(_ variables: [String: Double]) -> Double { Self.evaluate(root, variables) }

  /// The value in each of `rows` rows, each name read from `numbers` (the names in ``numberReferences``) or, when
  /// compared with text, from `texts` (those in ``textReferences``), one value per row. A name absent from them,
  /// or a column shorter than `rows`, reads as missing: NaN, or for text a cell equal to no literal.
  public func evaluate(rows: Int, numbers: [String: [Double]], texts: [String: [String]]) -> [Double] {
    Columns(rows: max(0, rows), numbers: numbers, texts: texts).values(root)
  }

  /// True when neither 0 nor NaN.
  static func truth(_ value: Double) -> Bool { value != 0 && !value.isNaN }

  /// `numpy.round(x, decimals)`: scaled by a power of ten, rounded half to even, scaled back, so it shares
  /// numpy's results where the scaling is inexact (`round(2.675, 2)` is 2.68). NaN unless `decimals` is whole.
  static func round(_ x: Double, decimals: Double) -> Double {
    guard decimals.isFinite, decimals == decimals.rounded() else { return .nan }
    // numpy's power of ten, by repeated multiplication (exact to 1e22); past 400 it is infinite anyway.
    let n = Int(Swift.min(Swift.abs(decimals), 400))
    var scale = 1.0
    for _ in 0..<n { scale *= 10 }
    if decimals >= 0 { return (x * scale).rounded(.toNearestOrEven) / scale }
    return (x / scale).rounded(.toNearestOrEven) * scale
  }

  private static func collect(_ node: Node, numbers: inout Set<String>, texts: inout Set<String>) {
    switch node {
    case .number: break
    case .variable(let name): numbers.insert(name)
    case .text(let column, _, _): texts.insert(column)
    case .negate(let inner), .not(let inner): collect(inner, numbers: &numbers, texts: &texts)
    case .arithmetic(_, let a, let b), .comparison(_, let a, let b), .logic(_, let a, let b):
      collect(a, numbers: &numbers, texts: &texts)
      collect(b, numbers: &numbers, texts: &texts)
    case .call(_, let arguments):
      for argument in arguments { collect(argument, numbers: &numbers, texts: &texts) }
    }
  }

  private static func evaluate(_ node: Node, _ variables: [String: Double]) -> Double {
    switch node {
    case .number(let value): return value
    case .variable(let name): return variables[name] ?? .nan
    case .text(_, _, let negated): return negated ? 1 : 0
    case .negate(let inner): return -evaluate(inner, variables)
    case .arithmetic(let op, let a, let b): return op.apply(evaluate(a, variables), evaluate(b, variables))
    case .comparison(let op, let a, let b): return op.apply(evaluate(a, variables), evaluate(b, variables))
    case .not(let inner): return truth(evaluate(inner, variables)) ? 0 : 1
    case .logic(let op, let a, let b): return op.apply(evaluate(a, variables), evaluate(b, variables))
    case .call(let function, let arguments):
      let values = arguments.map { evaluate($0, variables) }
      return function.apply(values[0], values.count > 1 ? values[1] : 0, values.count > 2 ? values[2] : 0)
    }
  }

  /// Whole-column evaluation: each node once, over every row.
  private struct Columns {
    let rows: Int
    let numbers: [String: [Double]]
    let texts: [String: [String]]

    func values(_ node: Node) -> [Double] {
      switch node {
      case .number(let value): return [Double](repeating: value, count: rows)
      case .variable(let name):
        guard let column = numbers[name] else { return [Double](repeating: .nan, count: rows) }
        if column.count == rows { return column }
        return (0..<rows).map { $0 < column.count ? column[$0] : .nan }
      case .text(let name, let literal, let negated):
        let column = texts[name] ?? []
        return (0..<rows).map { row in (row < column.count && column[row] == literal) != negated ? 1 : 0 }
      case .negate(let inner): return values(inner).map { -$0 }
      case .arithmetic(let op, let a, let b): return combine(values(a), values(b), op.apply)
      case .comparison(let op, let a, let b): return combine(values(a), values(b), op.apply)
      case .not(let inner): return values(inner).map { Formula.truth($0) ? 0 : 1 }
      case .logic(let op, let a, let b): return combine(values(a), values(b), op.apply)
      case .call(let function, let arguments):
        let columns = arguments.map(values)
        switch columns.count {
        case 1: return columns[0].map { function.apply($0, 0, 0) }
        case 2: return combine(columns[0], columns[1]) { function.apply($0, $1, 0) }
        default:
          let (x, y, z) = (columns[0], columns[1], columns[2])
          return (0..<rows).map { function.apply(x[$0], y[$0], z[$0]) }
        }
      }
    }

    private func combine(_ x: [Double], _ y: [Double], _ apply: (Double, Double) -> Double) -> [Double] {
      (0..<rows).map { apply(x[$0], y[$0]) }
    }
  }

  /// A recursive-descent parser, one function per level of the grammar; depth is bounded (at every `not` and
  /// every sign, power or parenthesis) so a hostile formula cannot exhaust the stack.
  private struct Parser {
    /// What a level below comparisons gives: a value, or a text literal only a comparison can take.
    enum Operand {
      case value(Node)
      case text(String, at: Int)
    }

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
      guard text.count <= Formula.maximumLength else {
        throw error("a formula of more than \(Formula.maximumLength) characters", at: 0)
      }
      skipSpaces()
      guard index < text.count else { throw error("expected a formula, found nothing", at: 0) }
      let node = try disjunction()
      skipSpaces()
      if index < text.count { throw unexpected(at: index) }
      return node
    }

    private func error(_ message: String, at offset: Int) -> VellumError {
      VellumError(.invalidSpec, message, at: locate(offset))
    }

    /// A scalar written plainly on one line: its characters follow its first column.
    private func locate(_ offset: Int) -> SourceLocation? {
      location.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column + offset) }
    }

    private func scalar(_ offset: Int) -> Unicode.Scalar? { offset < text.count ? text[offset] : nil }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
      scalar.properties.isAlphabetic || scalar == "_"
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
      isNameStart(scalar) || scalar.properties.numericType != nil
    }

    /// The name written plainly from `offset` on (empty when none starts there).
    private func word(at offset: Int) -> String {
      guard let first = scalar(offset), Self.isNameStart(first) else { return "" }
      var end = offset
      while end < text.count, Self.isNameCharacter(text[end]) { end += 1 }
      return String(String.UnicodeScalarView(text[offset..<end]))
    }

    /// Whether the next word is `keyword` (consumed if so).
    private mutating func keyword(_ keyword: String) -> Bool {
      skipSpaces()
      guard word(at: index) == keyword else { return false }
      index += keyword.unicodeScalars.count
      return true
    }

    /// The error for what stands at `offset` where it cannot, naming the operator meant where it is one the
    /// formula does not have (`&&`, `||`, `!`, `=`, `%`, `**`).
    private func unexpected(at offset: Int) -> VellumError {
      let next = scalar(offset + 1)
      func unsupported(_ written: String, _ advice: String) -> VellumError {
        error("unsupported operator '\(written)': \(advice)", at: offset)
      }
      switch text[offset] {
      case "&": return unsupported(next == "&" ? "&&" : "&", "use 'and'")
      case "|": return unsupported(next == "|" ? "||" : "|", "use 'or'")
      case "!" where next != "=": return unsupported("!", "use 'not'")
      case "=" where next == ">": return unsupported("=>", "use '>='")
      case "=" where next == "<": return unsupported("=<", "use '<='")
      case "=" where next != "=": return unsupported("=", "use '==' to compare")
      case "%": return unsupported("%", "there is no remainder operator (x - n * floor(x / n) is one)")
      case "*" where next == "*": return unsupported("**", "use '^' for powers")
      case "!", "=", "<", ">":
        let written = next == "=" ? "\(text[offset])=" : "\(text[offset])"
        return error("unexpected '\(written)' in formula", at: offset)
      default:
        let name = word(at: offset)
        if Formula.keywords.contains(name.lowercased()), !Formula.keywords.contains(name) {
          return error("unexpected '\(name)' in formula (use '\(name.lowercased())')", at: offset)
        }
        return error("unexpected '\(name.isEmpty ? "\(text[offset])" : name)' in formula", at: offset)
      }
    }

    /// Whether what stands at `offset` is an operator the formula does not have.
    private func isUnsupportedOperator(at offset: Int) -> Bool {
      guard let here = scalar(offset) else { return false }
      let next = scalar(offset + 1)
      switch here {
      case "&", "|", "%": return true
      case "!", "=": return next != "="
      case "*": return next == "*"
      default: return false
      }
    }

    /// `operand` as a number: a text literal here is an error.
    private func number(_ operand: Operand) throws -> Node {
      switch operand {
      case .value(let node): return node
      case .text(let literal, let offset): throw textMisplaced(literal, at: offset)
      }
    }

    private func textMisplaced(_ literal: String, at offset: Int) -> VellumError {
      error(
        "text '\(literal)' can only be compared to a column with == or != (as in name == '\(literal)')",
        at: offset)
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

    /// Counts one level of nesting for the duration of `body`; too deep is an error at `offset` (by default,
    /// what comes next).
    private mutating func nested<T>(at offset: Int? = nil, _ body: (inout Parser) throws -> T) throws -> T {
      depth += 1
      defer { depth -= 1 }
      guard depth < Formula.maximumDepth else {
        skipSpaces()
        throw error("formula nested too deeply", at: offset ?? index)
      }
      return try body(&self)
    }

    private mutating func disjunction() throws -> Node {
      var node = try conjunction()
      while keyword("or") { node = .logic(.or, node, try conjunction()) }
      return node
    }

    private mutating func conjunction() throws -> Node {
      var node = try negation()
      while keyword("and") { node = .logic(.and, node, try negation()) }
      return node
    }

    private mutating func negation() throws -> Node {
      skipSpaces()
      let start = index
      guard keyword("not") else { return try comparison() }
      return .not(try nested(at: start) { try $0.negation() })
    }

    /// The comparison operator next in the text, if any, with how many characters it takes.
    private mutating func comparisonOperator() -> (Comparison, width: Int)? {
      guard let here = peek() else { return nil }
      let equals = scalar(index + 1) == "="
      switch here {
      case "<": return equals ? (.lessOrEqual, 2) : (.less, 1)
      case ">": return equals ? (.greaterOrEqual, 2) : (.greater, 1)
      case "=": return equals ? (.equal, 2) : nil
      case "!": return equals ? (.notEqual, 2) : nil
      case "≤": return (.lessOrEqual, 1)
      case "≥": return (.greaterOrEqual, 1)
      case "≠": return (.notEqual, 1)
      default: return nil
      }
    }

    private mutating func comparison() throws -> Node {
      let left = try sum()
      guard let (op, width) = comparisonOperator() else { return try number(left) }
      index += width
      let right = try sum()
      if comparisonOperator() != nil {
        throw error("comparisons do not chain: write 'a < b and b < c'", at: index)
      }
      switch (left, right) {
      case (.value(let a), .value(let b)):
        return .comparison(op, a, b)
      case (.value(.variable(let name)), .text(let literal, let offset)),
        (.text(let literal, let offset), .value(.variable(let name))):
        guard op == .equal || op == .notEqual else {
          throw error("text '\(literal)' can only be compared with == or !=", at: offset)
        }
        return .text(column: name, literal: literal, negated: op == .notEqual)
      case (.text(let literal, let offset), _), (_, .text(let literal, let offset)):
        throw textMisplaced(literal, at: offset)
      }
    }

    private mutating func sum() throws -> Operand {
      var operand = try product()
      while let op = peek(), op == "+" || op == "-" || op == "−" {
        let left = try number(operand)
        index += 1
        operand = .value(.arithmetic(op == "+" ? .add : .subtract, left, try number(product())))
      }
      return operand
    }

    private mutating func product() throws -> Operand {
      var operand = try signed()
      while let op = peek(), op == "*" || op == "/" || op == "×" || op == "÷" {
        if isUnsupportedOperator(at: index) { throw unexpected(at: index) }
        let left = try number(operand)
        index += 1
        operand = .value(.arithmetic(op == "*" || op == "×" ? .multiply : .divide, left, try number(signed())))
      }
      return operand
    }

    private mutating func signed() throws -> Operand {
      try nested { parser in
        if let op = parser.peek(), op == "-" || op == "+" || op == "−" {
          parser.index += 1
          let inner = try parser.number(parser.signed())
          return .value(op == "+" ? inner : .negate(inner))
        }
        let base = try parser.primary()
        guard parser.peek() == "^" else { return base }
        let left = try parser.number(base)
        parser.index += 1
        // Right-associative, and binding tighter than a leading minus on its right: 2^-1.
        return .value(.arithmetic(.power, left, try parser.number(parser.signed())))
      }
    }

    /// After a parenthesis's or a call's contents: the error when `)` is not next.
    private func missingParenthesis(_ message: String, at start: Int) -> VellumError {
      isUnsupportedOperator(at: index) ? unexpected(at: index) : error(message, at: start)
    }

    private mutating func primary() throws -> Operand {
      guard let next = peek() else { throw error("the formula ends where a value was expected", at: index) }
      let start = index
      if next == "(" {
        index += 1
        let inner = try disjunction()
        guard peek() == ")" else { throw missingParenthesis("missing ')' for the '(' here", at: start) }
        index += 1
        return .value(inner)
      }
      if next == "`" {
        index += 1
        let nameStart = index
        while index < text.count, text[index] != "`" { index += 1 }
        guard index < text.count else { throw error("missing closing ` for the name started here", at: start) }
        let name = String(String.UnicodeScalarView(text[nameStart..<index]))
        index += 1
        return .value(try variable(name, at: start))
      }
      if next == "'" || next == "\"" {
        index += 1
        let literalStart = index
        while index < text.count, text[index] != next { index += 1 }
        guard index < text.count else { throw error("missing closing \(next) for the text started here", at: start) }
        let literal = String(String.UnicodeScalarView(text[literalStart..<index]))
        index += 1
        return .text(literal, at: start)
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
        return .value(.number(value))
      }
      if Self.isNameStart(next) {
        let name = word(at: index)
        index += name.unicodeScalars.count
        if name == "not" {
          throw error(
            "'not' binds more loosely than arithmetic and comparisons: put it in parentheses here, (not …)",
            at: start)
        }
        if Formula.keywords.contains(name) { throw error("expected a value before '\(name)'", at: start) }
        if peek() == "(" { return .value(try call(name, at: start)) }
        if variables?.contains(name) ?? false { return .value(try variable(name, at: start)) }
        if let value = Formula.constants[name] { return .value(.number(value)) }
        return .value(try variable(name, at: start))
      }
      throw unexpected(at: start)
    }

    /// `name(…)`, with the index at its `(`.
    private mutating func call(_ name: String, at start: Int) throws -> Node {
      guard let function = Function(rawValue: name) else {
        throw error(
          unknownNameMessage(name, kind: "function", candidates: Function.allCases.map(\.rawValue).sorted()),
          at: start)
      }
      index += 1
      var arguments: [Node] = []
      if peek() != ")" {
        arguments.append(try disjunction())
        while peek() == "," {
          index += 1
          arguments.append(try disjunction())
        }
      }
      guard peek() == ")" else { throw missingParenthesis("missing ')' after the arguments of \(name)", at: start) }
      index += 1
      let arity = function.arity
      guard arity.contains(arguments.count) else {
        let counts =
          arity.count == 1
          ? "\(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")"
          : "\(arity.lowerBound) or \(arity.upperBound) arguments"
        throw error("\(name) takes \(counts), found \(arguments.count)", at: start)
      }
      let defaults = function.defaults
      let missing = arity.upperBound - arguments.count
      return .call(function, arguments + defaults.suffix(missing).map { .number($0) })
    }
  }
}
