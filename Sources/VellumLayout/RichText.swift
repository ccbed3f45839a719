import VellumSpec

/// A label parsed from Vellum's TeX subset into runs of one weight and slant.
struct RichText: Equatable {
  struct Run: Equatable {
    var text: String
    var bold: Bool
    var italic: Bool
  }

  var runs: [Run]

  /// The text without styling, e.g. for ids.
  var plain: String { runs.map(\.text).joined() }

  /// Text to show literally (data values), with no TeX interpretation.
  static func literal(_ text: String) -> RichText {
    RichText(runs: text.isEmpty ? [] : [Run(text: text, bold: false, italic: false)])
  }

  /// Parses `\textbf{…}`, `\textit{…}`, `\emph{…}`, `\textrm{…}`, groups, escapes (`\% \& \_ \$ \# \{ \}`),
  /// `~`, `--` and `---`; whitespace collapses as in TeX.
  static func parse(_ source: Located<String>) throws -> RichText {
    var parser = RichTextParser(scalars: Array(source.value.unicodeScalars), location: source.location)
    let runs = try parser.parseGroup(bold: false, italic: false, closedBy: nil)
    return RichText(runs: merge(trimmed(runs)))
  }

  private static func trimmed(_ runs: [Run]) -> [Run] {
    var runs = runs
    while let first = runs.first, first.text.hasPrefix(" ") {
      runs[0].text.removeFirst()
      if runs[0].text.isEmpty { runs.removeFirst() }
    }
    while let last = runs.last, last.text.hasSuffix(" ") {
      runs[runs.count - 1].text.removeLast()
      if runs[runs.count - 1].text.isEmpty { runs.removeLast() }
    }
    return runs
  }

  private static func merge(_ runs: [Run]) -> [Run] {
    var merged: [Run] = []
    for run in runs where !run.text.isEmpty {
      if let last = merged.last, last.bold == run.bold, last.italic == run.italic {
        merged[merged.count - 1].text += run.text
      } else {
        merged.append(run)
      }
    }
    return merged
  }
}

private struct RichTextParser {
  let scalars: [Unicode.Scalar]
  let location: SourceLocation?
  var index = 0

  static let styleCommands: [String: (bold: Bool?, italic: Bool?)] = [
    "textbf": (true, nil), "textit": (nil, true), "emph": (nil, true), "textrm": (false, false),
    "textnormal": (false, false), "textmd": (false, nil), "textup": (nil, false), "textsl": (nil, true),
  ]
  static let escapes: Set<Unicode.Scalar> = ["%", "&", "_", "$", "#", "{", "}", " ", ","]

  init(scalars: [Unicode.Scalar], location: SourceLocation?) {
    self.scalars = scalars
    self.location = location
  }

  func error(_ message: String) -> VellumError {
    VellumError(.invalidSpec, message, at: location)
  }

  mutating func parseGroup(bold: Bool, italic: Bool, closedBy closer: Unicode.Scalar?) throws -> [RichText.Run] {
    var runs: [RichText.Run] = []
    var text = ""
    func flush() {
      if !text.isEmpty { runs.append(RichText.Run(text: text, bold: bold, italic: italic)) }
      text = ""
    }
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      switch scalar {
      case "}":
        guard closer == "}" else { throw error("unbalanced '}' in label") }
        flush()
        return runs
      case "{":
        flush()
        runs += try parseGroup(bold: bold, italic: italic, closedBy: "}")
      case "\\":
        guard index < scalars.count else { throw error("label ends with a lone backslash") }
        let next = scalars[index]
        if Self.escapes.contains(next) {
          index += 1
          text.unicodeScalars.append(next == "," ? "\u{2009}" : next)
          continue
        }
        if next == "\\" { throw error("line breaks (\\\\) are not supported in labels") }
        var name = ""
        while index < scalars.count, scalars[index].properties.isAlphabetic {
          name.unicodeScalars.append(scalars[index])
          index += 1
        }
        guard let style = Self.styleCommands[name] else {
          let supported = Self.styleCommands.keys.sorted().map { "\\" + $0 }.joined(separator: ", ")
          throw error(
            "unsupported command '\\\(name.isEmpty ? String(next) : name)' in label (supported: \(supported))")
        }
        while index < scalars.count, scalars[index] == " " { index += 1 }
        guard index < scalars.count, scalars[index] == "{" else {
          throw error("'\\\(name)' needs an argument in braces")
        }
        index += 1
        flush()
        runs += try parseGroup(bold: style.bold ?? bold, italic: style.italic ?? italic, closedBy: "}")
      case "$":
        throw error("math mode ($…$) is not supported yet in labels; write \\$ for a dollar sign")
      case "~":
        text += "\u{00A0}"
      case "-":
        if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] == "-" {
          index += 2
          text += "\u{2014}"
        } else if index < scalars.count, scalars[index] == "-" {
          index += 1
          text += "\u{2013}"
        } else {
          text += "-"
        }
      case " ", "\t", "\n", "\r":
        if !text.hasSuffix(" ") && !(text.isEmpty && runs.last?.text.hasSuffix(" ") == true) { text += " " }
      default:
        text.unicodeScalars.append(scalar)
      }
    }
    if closer != nil { throw error("unclosed '{' in label") }
    flush()
    return runs
  }
}
