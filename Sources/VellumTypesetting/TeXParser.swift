import VellumDiagnostics
import VellumSpec

/// Parses Vellum's TeX subset: text commands, escapes, ligature dashes and quotes, and `$…$` math.
/// Errors name the offending command and its character position in the label.
public struct TeXParser {
  private let scalars: [Unicode.Scalar]
  private let location: SourceLocation?
  private var index = 0
  /// Where each `\left` being read started, innermost last: its body ends at the matching `\right`.
  private var openLefts: [Int] = []

  static let textCommands: [String: @Sendable (inout TextStyle) -> Void] = [
    "textbf": { $0.bold = true }, "textit": { $0.italic = true }, "textsl": { $0.italic = true },
    "emph": { $0.italic.toggle() }, "textrm": { $0.family = .roman }, "textsf": { $0.family = .sans },
    "texttt": { $0.family = .mono }, "textmd": { $0.bold = false }, "textup": { $0.italic = false },
    "textnormal": { $0 = TextStyle() }, "text": { _ in },
  ]

  static let textSymbols: [String: String] = [
    "ldots": "…", "dots": "…", "textendash": "–", "textemdash": "—", "textdegree": "°", "S": "§",
    "P": "¶", "dag": "†", "ddag": "‡", "copyright": "©", "textbullet": "•", "textasciitilde": "~",
    "textbackslash": "\\", "textasciicircum": "^", "textbar": "|", "textless": "<", "textgreater": ">",
    "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}", ",": "\u{2009}", " ": " ", "textmu": "µ",
    ":": "\u{205F}", ";": "\u{2004}", "!": "",
  ]

  init(_ label: Located<String>) {
    scalars = Array(label.value.unicodeScalars)
    location = label.location
  }

  /// Parses the whole label.
  static func parse(_ label: Located<String>) throws -> [TextPiece] {
    var parser = TeXParser(label)
    let pieces = try parser.parseText(style: TextStyle(), closedByBrace: false)
    return trimmed(merged(pieces))
  }

  /// The label's characters without markup, e.g. for ids and accessible names.
  public static func plainText(_ label: Located<String>) -> String {
    guard let pieces = try? parse(label) else { return label.value }
    return pieces.map { piece -> String in
      switch piece {
      case .text(let text, _): return text
      case .math(let nodes): return nodes.map(plainText).joined()
      }
    }.joined()
  }

  private static func plainText(_ node: MathNode) -> String {
    switch node {
    case .symbol(let text, _), .text(let text, _), .operatorName(let text): return text
    case .group(let nodes): return nodes.map(plainText).joined()
    case .scripts(let base, let sup, let sub):
      return (base.map(plainText) ?? "") + (sub.map { "_" + $0.map(plainText).joined() } ?? "")
        + (sup.map { "^" + $0.map(plainText).joined() } ?? "")
    case .fraction(let a, let b): return a.map(plainText).joined() + "/" + b.map(plainText).joined()
    case .radical(let body, _): return "√" + body.map(plainText).joined()
    case .delimited(let l, let body, let r):
      return (l.map(String.init) ?? "") + body.map(plainText).joined() + (r.map(String.init) ?? "")
    case .accent(_, let body, _): return body.map(plainText).joined()
    case .space: return " "
    }
  }

  // MARK: - Errors

  private func error(_ message: String, at position: Int? = nil) -> VellumError {
    let position = (position ?? index) + 1
    return VellumError(.invalidSpec, "\(message) at character \(position) of the label", at: location)
  }

  // MARK: - Text mode

  private mutating func parseText(style: TextStyle, closedByBrace: Bool) throws -> [TextPiece] {
    var pieces: [TextPiece] = []
    var text = ""
    func flush() {
      if !text.isEmpty { pieces.append(.text(text, style)) }
      text = ""
    }
    while index < scalars.count {
      let start = index
      let scalar = scalars[index]
      index += 1
      switch scalar {
      case "}":
        guard closedByBrace else { throw error("unbalanced '}'", at: start) }
        flush()
        return pieces
      case "{":
        flush()
        pieces += try parseText(style: style, closedByBrace: true)
      case "$":
        flush()
        let nodes = try parseMathList(until: "$")
        guard index < scalars.count, scalars[index] == "$" else { throw error("unclosed '$'", at: start) }
        index += 1
        pieces.append(.math(nodes))
      case "\\":
        let name = try commandName(start: start)
        if let escaped = Self.escaped(name) {
          text += escaped
        } else if let symbol = Self.textSymbols[name] {
          text += symbol
        } else if let change = Self.textCommands[name] {
          flush()
          var inner = style
          change(&inner)
          try expect("{", after: name, start: start)
          pieces += try parseText(style: inner, closedByBrace: true)
        } else {
          throw unknownCommand(name, start: start, inMath: false)
        }
      case "~":
        text += "\u{00A0}"
      case "-":
        if peek("-"), peek("-", offset: 1) {
          index += 2
          text += "—"
        } else if peek("-") {
          index += 1
          text += "–"
        } else {
          text += "-"
        }
      case "`":
        if peek("`") {
          index += 1
          text += "“"
        } else {
          text += "‘"
        }
      case "'":
        if peek("'") {
          index += 1
          text += "”"
        } else {
          text += "’"
        }
      case " ", "\t", "\n", "\r":
        if !text.hasSuffix(" ") { text += " " }
      default:
        text.unicodeScalars.append(scalar)
      }
    }
    if closedByBrace { throw error("unclosed '{'") }
    flush()
    return pieces
  }

  private static func escaped(_ name: String) -> String? {
    ["%", "&", "_", "$", "#", "{", "}"].contains(name) ? name : nil
  }

  private func peek(_ scalar: Unicode.Scalar, offset: Int = 0) -> Bool {
    index + offset < scalars.count && scalars[index + offset] == scalar
  }

  /// Reads the name after a backslash: letters, or one other character.
  private mutating func commandName(start: Int) throws -> String {
    guard index < scalars.count else { throw error("the label ends with a lone backslash", at: start) }
    var name = ""
    while index < scalars.count, scalars[index].properties.isAlphabetic, scalars[index].isASCII {
      name.unicodeScalars.append(scalars[index])
      index += 1
    }
    if name.isEmpty {
      name = String(scalars[index])
      index += 1
    } else {
      while index < scalars.count, scalars[index] == " " { index += 1 }
    }
    return name
  }

  private func unknownCommand(_ name: String, start: Int, inMath: Bool) -> VellumError {
    if name == "\\" { return error("line breaks (\\\\) are not supported", at: start) }
    // A command of the other mode: say where it works rather than suggest its own name.
    if Self.knownCommands.contains(name) {
      return error(
        inMath
          ? "'\\\(name)' is a text command, not known in math; write it outside the $…$"
          : "'\\\(name)' is a math command; write it between $…$ (as $\\\(name)$)", at: start)
    }
    if let suggestion = closestMatch(
      to: name, in: Self.knownCommands, caseSensitive: true, maximumDistance: name.count <= 4 ? 1 : 2)
    {
      return error("unknown command '\\\(name)' (did you mean '\\\(suggestion)'?)", at: start)
    }
    return error("unknown command '\\\(name)'", at: start)
  }

  /// Every command name the parser knows, in text or math, for "did you mean" suggestions.
  static let knownCommands: [String] = {
    let names =
      Array(textCommands.keys) + Array(textSymbols.keys) + Array(MathSymbols.spaces.keys)
      + Array(MathSymbols.greek.keys) + Array(MathSymbols.commands.keys) + Array(MathSymbols.operatorNames)
      + Array(MathAlphabet.commands.keys) + Array(MathSymbols.accents.keys)
      + ["frac", "dfrac", "tfrac", "sqrt", "operatorname", "left", "right"]
    // Letters only: a one-character name (\, or \;) is never the intended spelling of a word.
    return Array(Set(names.filter { $0.count > 1 })).sorted()
  }()

  private mutating func expect(_ scalar: Unicode.Scalar, after name: String, start: Int) throws {
    while index < scalars.count, scalars[index] == " " { index += 1 }
    guard index < scalars.count, scalars[index] == scalar else {
      throw error("'\\\(name)' needs an argument in braces", at: start)
    }
    index += 1
  }

  // MARK: - Math mode

  /// Whether the command `\right` (and not a longer name such as `\rightarrow`) starts at `position`.
  private func isRight(at position: Int) -> Bool {
    guard scalars[position] == "\\", position + 5 < scalars.count,
      String(String.UnicodeScalarView(scalars[position + 1..<position + 6])) == "right"
    else { return false }
    let next = position + 6
    return next == scalars.count || !(scalars[next].properties.isAlphabetic && scalars[next].isASCII)
  }

  /// Parses atoms until `closer` (`$` or `}`) or `\right`, leaving the closer unread.
  private mutating func parseMathList(until closer: Unicode.Scalar, alphabet: MathAlphabet = .italic) throws
    -> [MathNode]
  {
    var nodes: [MathNode] = []
    while index < scalars.count {
      let start = index
      let scalar = scalars[index]
      if scalar == closer { return nodes }
      // `\right` as a whole command (not the start of `\rightarrow`) ends a `\left`'s body.
      if isRight(at: index) {
        guard openLefts.isEmpty else { return nodes }
        throw error("'\\right' without a matching '\\left'", at: start)
      }
      index += 1
      switch scalar {
      case " ", "\t", "\n", "\r":
        continue
      case "}":
        throw error("unbalanced '}'", at: start)
      case "$":
        if let left = openLefts.last { throw error("'\\left' without a matching '\\right'", at: left) }
        throw error("'$' inside a formula", at: start)
      case "^", "_":
        let argument = try parseScriptArgument(start: start, alphabet: alphabet)
        try attach(argument, superscript: scalar == "^", to: &nodes, start: start)
      case "'":
        try attach([.symbol("′", .ord)], superscript: true, to: &nodes, start: start, appending: true)
      case "{":
        let inner = try parseMathList(until: "}", alphabet: alphabet)
        try closeBrace(start: start)
        nodes.append(.group(inner))
      case "\\":
        nodes += try parseMathCommand(start: start, alphabet: alphabet)
      default:
        nodes.append(character(scalar, alphabet: alphabet))
      }
    }
    if closer == "}" { throw error("unclosed '{'") }
    return nodes
  }

  private func character(_ scalar: Unicode.Scalar, alphabet: MathAlphabet) -> MathNode {
    let isLetter = scalar.properties.isAlphabetic && scalar.isASCII
    let isDigit = ("0"..."9").contains(scalar)
    if isLetter || isDigit { return .symbol(String(alphabet.map(scalar)), .ord) }
    return .symbol(String(MathSymbols.mathCharacter(scalar)), MathSymbols.characterClass(scalar))
  }

  private mutating func closeBrace(start: Int) throws {
    guard index < scalars.count, scalars[index] == "}" else { throw error("unclosed '{'", at: start) }
    index += 1
  }

  /// A braced group, or the next single atom, as a script or command argument.
  private mutating func parseArgument(start: Int, alphabet: MathAlphabet, what: String) throws -> [MathNode] {
    while index < scalars.count, scalars[index] == " " { index += 1 }
    guard index < scalars.count else { throw error("\(what) is missing its argument", at: start) }
    let scalar = scalars[index]
    let argumentStart = index
    index += 1
    switch scalar {
    case "{":
      let inner = try parseMathList(until: "}", alphabet: alphabet)
      try closeBrace(start: argumentStart)
      return inner
    case "\\":
      return try parseMathCommand(start: argumentStart, alphabet: alphabet)
    case "}", "$", "^", "_":
      throw error("\(what) is missing its argument", at: start)
    default:
      return [character(scalar, alphabet: alphabet)]
    }
  }

  private mutating func parseScriptArgument(start: Int, alphabet: MathAlphabet) throws -> [MathNode] {
    try parseArgument(start: start, alphabet: alphabet, what: scalars[start] == "^" ? "'^'" : "'_'")
  }

  private func attach(
    _ script: [MathNode], superscript: Bool, to nodes: inout [MathNode], start: Int, appending: Bool = false
  ) throws {
    var base: MathNode?
    var sup: [MathNode]?
    var sub: [MathNode]?
    if case .scripts(let b, let p, let s)? = nodes.last {
      (base, sup, sub) = (b, p, s)
      nodes.removeLast()
    } else if let last = nodes.popLast() {
      base = last
    }
    if superscript {
      if sup != nil && !appending { throw error("double superscript", at: start) }
      sup = (sup ?? []) + script
    } else {
      if sub != nil { throw error("double subscript", at: start) }
      sub = script
    }
    nodes.append(.scripts(base: base, sup: sup, sub: sub))
  }

  private mutating func parseMathCommand(start: Int, alphabet: MathAlphabet) throws -> [MathNode] {
    let name = try commandName(start: start)
    if Self.escaped(name) != nil {
      if name == "{" { return [.symbol("{", .open)] }
      if name == "}" { return [.symbol("}", .close)] }
      return [.symbol(name, .ord)]
    }
    if let em = MathSymbols.spaces[name] { return [.space(em)] }
    if let letter = MathSymbols.greek[name] {
      // Uppercase Greek is upright in TeX's italic alphabet; \boldsymbol and \mathbf make Greek bold.
      let isUpper = letter.properties.isUppercase
      return [.symbol(String(isUpper && alphabet == .italic ? letter : alphabet.map(letter)), .ord)]
    }
    if let (symbol, mathClass) = MathSymbols.commands[name] { return [.symbol(symbol, mathClass)] }
    if MathSymbols.operatorNames.contains(name) { return [.operatorName(name)] }
    if let newAlphabet = MathAlphabet.commands[name] {
      try expect("{", after: name, start: start)
      let inner = try parseMathList(until: "}", alphabet: newAlphabet)
      try closeBrace(start: start)
      return [.group(inner)]
    }
    if let accent = MathSymbols.accents[name] {
      let argument = try parseArgument(start: start, alphabet: alphabet, what: "'\\\(name)'")
      return [.accent(accent, argument, wide: MathSymbols.wideAccents.contains(name))]
    }
    if let change = Self.textCommands[name] {
      var style = TextStyle()
      change(&style)
      try expect("{", after: name, start: start)
      let pieces = try parseText(style: style, closedByBrace: true)
      return pieces.map { piece in
        if case .text(let text, let style) = piece { return .text(text, style) }
        if case .math(let nodes) = piece { return .group(nodes) }
        return .group([])
      }
    }
    switch name {
    case "frac", "dfrac", "tfrac":
      let numerator = try parseArgument(start: start, alphabet: alphabet, what: "'\\\(name)'")
      let denominator = try parseArgument(start: start, alphabet: alphabet, what: "'\\\(name)'")
      return [.fraction(numerator, denominator)]
    case "sqrt":
      var degree: [MathNode]?
      while index < scalars.count, scalars[index] == " " { index += 1 }
      if index < scalars.count, scalars[index] == "[" {
        index += 1
        degree = try parseMathList(until: "]", alphabet: alphabet)
        guard index < scalars.count else { throw error("unclosed '[' after '\\sqrt'", at: start) }
        index += 1
      }
      return [.radical(try parseArgument(start: start, alphabet: alphabet, what: "'\\sqrt'"), degree: degree)]
    case "operatorname":
      try expect("{", after: name, start: start)
      var text = ""
      while index < scalars.count, scalars[index] != "}" {
        text.unicodeScalars.append(scalars[index])
        index += 1
      }
      try closeBrace(start: start)
      return [.operatorName(text)]
    case "left":
      let left = try delimiter(after: "left", start: start)
      openLefts.append(start)
      let body = try parseMathList(until: "\u{0}", alphabet: alphabet)
      openLefts.removeLast()
      guard index < scalars.count else { throw error("'\\left' without a matching '\\right'", at: start) }
      let rightStart = index
      index += 1
      _ = try commandName(start: rightStart)
      let right = try delimiter(after: "right", start: rightStart)
      return [.delimited(left: left, body, right: right)]
    case "right":
      throw error("'\\right' without a matching '\\left'", at: start)
    default:
      throw unknownCommand(name, start: start, inMath: true)
    }
  }

  private mutating func delimiter(after command: String, start: Int) throws -> Unicode.Scalar? {
    while index < scalars.count, scalars[index] == " " { index += 1 }
    guard index < scalars.count else { throw error("'\\\(command)' needs a delimiter", at: start) }
    if scalars[index] == "." {
      index += 1
      return nil
    }
    var spelling = String(scalars[index])
    index += 1
    if spelling == "\\" {
      let name = try commandName(start: index - 1)
      spelling += name
    }
    guard let scalar = MathSymbols.delimiters[spelling] else {
      throw error("'\(spelling)' is not a delimiter '\\\(command)' accepts", at: start)
    }
    return scalar
  }

  // MARK: - Tidying

  private static func merged(_ pieces: [TextPiece]) -> [TextPiece] {
    var result: [TextPiece] = []
    for piece in pieces {
      if case .text(let text, let style) = piece, case .text(let previous, let previousStyle)? = result.last,
        style == previousStyle
      {
        result[result.count - 1] = .text(previous + text, style)
      } else if case .text(let text, _) = piece, text.isEmpty {
        continue
      } else {
        result.append(piece)
      }
    }
    return result
  }

  private static func trimmed(_ pieces: [TextPiece]) -> [TextPiece] {
    var pieces = pieces
    if case .text(var text, let style)? = pieces.first {
      while text.hasPrefix(" ") { text.removeFirst() }
      if text.isEmpty { pieces.removeFirst() } else { pieces[0] = .text(text, style) }
    }
    if case .text(var text, let style)? = pieces.last {
      while text.hasSuffix(" ") { text.removeLast() }
      if text.isEmpty { pieces.removeLast() } else { pieces[pieces.count - 1] = .text(text, style) }
    }
    return pieces
  }
}
