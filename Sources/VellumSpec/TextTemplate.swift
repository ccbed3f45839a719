import Foundation
import VellumDiagnostics

/// A text with fields `{column}` or `{column:format}` filled from data (`"{model} (AUC = {auc:.3f})"`), the format
/// in Python's format-spec language. Braces that belong to TeX stay TeX: after a command (`\textbf{x}`, also past
/// its optional argument: `\sqrt[3]{x}`), `^`, `_`,
/// another group (`\frac{a}{b}`), or holding anything but a name; `\{` is a literal brace.
public struct TextTemplate: Sendable {
  /// One `{name:format}` in the text.
  public struct Field: Sendable {
    /// The column (or `source.column`) named.
    public var name: String
    public var format: FormatSpec?
    /// The field's characters in the text, for replacing.
    var range: Range<String.Index>
  }

  public var text: Located<String>
  public private(set) var fields: [Field] = []

  /// Finds the fields of `text`; a field with a bad format is an error at the text.
  public init(_ text: Located<String>) throws {
    self.text = text
    let value = text.value
    var index = value.startIndex
    var previous: Character?
    var commandLetters = false
    while index < value.endIndex {
      let character = value[index]
      if character == "\\" {
        // `\{` is a literal brace; `\name` a command whose group follows.
        let next = value.index(after: index)
        if next < value.endIndex, !value[next].isLetter {
          previous = value[next]
          commandLetters = false
          index = value.index(after: next)
          continue
        }
        commandLetters = true
        previous = character
        index = next
        continue
      }
      // A command's optional argument (`\sqrt[3]{x}`): the group after it is still the command's.
      if commandLetters, character == "[", let close = value[index...].firstIndex(of: "]") {
        previous = "]"
        index = value.index(after: close)
        continue
      }
      if character == "{", let close = value[index...].firstIndex(of: "}") {
        let afterTeX = commandLetters || previous.map { "^_}{".contains($0) } == true
        let inside = value[value.index(after: index)..<close]
        if !afterTeX, let field = try Self.field(inside, range: index..<value.index(after: close), in: text) {
          fields.append(field)
          previous = "}"
          commandLetters = false
          index = value.index(after: close)
          continue
        }
      }
      if commandLetters, !character.isLetter { commandLetters = false }
      previous = character
      index = value.index(after: index)
    }
  }

  /// `name` or `name:format` when `inside` is one; nil when the braces are TeX's.
  private static func field(_ inside: Substring, range: Range<String.Index>, in text: Located<String>) throws -> Field?
  {
    let parts = inside.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    let name = parts[0].trimmingCharacters(in: .whitespaces)
    guard let first = name.first, first.isLetter || first == "_",
      !name.contains(where: { "{}\\$^".contains($0) })
    else { return nil }
    var format: FormatSpec?
    if parts.count == 2 {
      do {
        format = try FormatSpec(String(parts[1]))
      } catch let error as FormatSpecError {
        throw VellumError(.invalidSpec, "in the field {\(inside)}: \(error.description)", at: text.location)
      }
    }
    return Field(name: name, format: format, range: range)
  }

  /// Whether the text has no fields and is drawn as written.
  public var isPlain: Bool { fields.isEmpty }

  /// The text with each field replaced by `value(field)` (already TeX-safe text).
  public func filled(_ value: (Field) throws -> String) rethrows -> Located<String> {
    var result = ""
    var index = text.value.startIndex
    for field in fields {
      result += text.value[index..<field.range.lowerBound]
      result += try value(field)
      index = field.range.upperBound
    }
    result += text.value[index...]
    return Located(result, at: text.location)
  }

  /// A cell's value as the field's format writes it, TeX-escaped: numbers for numeric formats (an error naming the
  /// field when the cell is not one), text as it is for `s` or none, numbers without a format in their plain form.
  public static func write(_ cell: String, number: Double?, field: Field, at location: SourceLocation?) throws
    -> String
  {
    do {
      if let number, field.format?.type != "s" {
        return escapeTeX(try field.format?.format(number) ?? FormatSpec.plain(number))
      }
      if let format = field.format {
        guard !format.wantsNumber else {
          throw FormatSpecError("the format needs a number, found '\(cell)'")
        }
        return escapeTeX(format.format(text: cell))
      }
      return escapeTeX(cell)
    } catch let error as FormatSpecError {
      throw VellumError(.invalidData, "in the field {\(field.name)}: \(error.description)", at: location)
    }
  }
}
