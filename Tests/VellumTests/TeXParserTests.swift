import VellumDiagnostics
import VellumSpec
import XCTest

@testable import VellumLayout
@testable import VellumTypesetting

/// The TeX subset's syntax: each construct parses to what it means.
final class TeXParserTests: XCTestCase {
  private func parse(_ text: String) throws -> [TextPiece] {
    try TeXParser.parse(Located(text, at: nil))
  }

  private func math(_ text: String) throws -> [MathNode] {
    guard case .math(let nodes)? = try parse(text).first else {
      XCTFail("expected a formula in \(text)")
      return []
    }
    return nodes
  }

  func testTextCommandsSetStyles() throws {
    let pieces = try parse(#"\textbf{B} \textit{I} \emph{E} \textsf{S} \texttt{T} \textrm{R} \text{x}"#)
    let styled = pieces.compactMap { piece -> (String, TextStyle)? in
      if case .text(let text, let style) = piece { return (text, style) }
      return nil
    }
    XCTAssertEqual(styled.map(\.0), ["B", " ", "I", " ", "E", " ", "S", " ", "T", " R x"])
    XCTAssertTrue(styled[0].1.bold)
    XCTAssertTrue(styled[2].1.italic)
    XCTAssertTrue(styled[4].1.italic)
    XCTAssertEqual(styled[6].1.family, .sans)
    XCTAssertEqual(styled[8].1.family, .mono)
  }

  func testEscapesDashesQuotesAndTies() throws {
    let pieces = try parse(##"50\% \& a\_b \$ \# \{x\} a~b 1--2 a---b ``q'' `s'"##)
    XCTAssertEqual(pieces, [.text("50% & a_b $ # {x} a\u{00A0}b 1–2 a—b “q” ‘s’", TextStyle())])
  }

  func testMathLettersAreItalicDigitsUprightMinusIsTrue() throws {
    XCTAssertEqual(
      try math("$x-1$"), [.symbol("\u{1D465}", .ord), .symbol("\u{2212}", .bin), .symbol("1", .ord)])
  }

  func testGreekFollowsTeX() throws {
    XCTAssertEqual(
      try math(#"$\alpha\Gamma\varepsilon$"#),
      [
        .symbol("\u{1D6FC}", .ord), .symbol("Γ", .ord), .symbol("\u{1D700}", .ord),
      ])
  }

  func testScriptsAttachToTheirBase() throws {
    XCTAssertEqual(
      try math("$x_i^2$"),
      [
        .scripts(base: .symbol("\u{1D465}", .ord), sup: [.symbol("2", .ord)], sub: [.symbol("\u{1D456}", .ord)])
      ])
    XCTAssertEqual(
      try math("$x^{10}$"),
      [
        .scripts(base: .symbol("\u{1D465}", .ord), sup: [.symbol("1", .ord), .symbol("0", .ord)], sub: nil)
      ])
  }

  func testFractionRadicalDelimitersAccents() throws {
    XCTAssertEqual(try math(#"$\frac{a}{2}$"#), [.fraction([.symbol("\u{1D44E}", .ord)], [.symbol("2", .ord)])])
    XCTAssertEqual(try math(#"$\sqrt[3]{8}$"#), [.radical([.symbol("8", .ord)], degree: [.symbol("3", .ord)])])
    XCTAssertEqual(try math(#"$\left( 1 \right.$"#), [.delimited(left: "(", [.symbol("1", .ord)], right: nil)])
    XCTAssertEqual(try math(#"$\hat{x}$"#), [.accent("\u{0302}", [.symbol("\u{1D465}", .ord)], wide: false)])
  }

  func testMathAlphabets() throws {
    XCTAssertEqual(
      try math(#"$\mathbb{R}\mathcal{L}\mathbf{W}\mathrm{d}\mathsf{A}\mathtt{t}$"#),
      [
        .group([.symbol("ℝ", .ord)]), .group([.symbol("ℒ", .ord)]), .group([.symbol("\u{1D416}", .ord)]),
        .group([.symbol("d", .ord)]), .group([.symbol("\u{1D5A0}", .ord)]), .group([.symbol("\u{1D69D}", .ord)]),
      ])
  }

  func testOperatorsRelationsArrowsSpacing() throws {
    XCTAssertEqual(
      try math(#"$\log\pm\leq\to\sum\,\quad$"#),
      [
        .operatorName("log"), .symbol("±", .bin), .symbol("≤", .rel), .symbol("→", .rel), .symbol("∑", .op),
        .space(3.0 / 18), .space(1),
      ])
  }

  func testUnknownCommandNamesItselfAndItsPosition() {
    XCTAssertThrowsError(try parse(#"loss $\alpha + \foo$"#)) { error in
      XCTAssertEqual((error as? VellumError)?.message, "unknown command '\\foo' at character 16 of the label")
    }
  }

  func testUnbalancedInputIsAnError() {
    for bad in ["$x", "{a", "a}", #"\textbf x"#, "$x^$", #"$\left( x$"#, "$x^1^2$", "trailing \\"] {
      XCTAssertThrowsError(try parse(bad), bad)
    }
  }

  func testPlainTextDropsMarkup() {
    XCTAssertEqual(TeXParser.plainText(Located(#"\textbf{SDPO} $\alpha_1$"#, at: nil)), "SDPO 𝛼_1")
  }

  /// The drawn characters of a formula's symbols, in order.
  private func symbols(_ nodes: [MathNode]) -> String {
    nodes.map { node -> String in
      switch node {
      case .symbol(let text, _): return text
      case .group(let inner): return symbols(inner)
      case .scripts(let base, _, _): return base.map { symbols([$0]) } ?? ""
      default: return ""
      }
    }.joined()
  }

  func testBoldSymbolIsBoldItalicAndBoldGreek() throws {
    // \boldsymbol: italic letters and lowercase Greek bold italic, uppercase Greek and digits bold upright.
    XCTAssertEqual(symbols(try math(#"$\boldsymbol{\theta x \Sigma 2}$"#)), "\u{1D73D}\u{1D499}\u{1D6BA}\u{1D7D0}")
    XCTAssertEqual(symbols(try math(#"$\bm{\alpha}$"#)), "\u{1D736}")
    // \mathbf: upright bold, Greek included (it was drawn as a plain θ before).
    XCTAssertEqual(symbols(try math(#"$\mathbf{W\theta}$"#)), "\u{1D416}\u{1D6C9}")
    XCTAssertEqual(symbols(try math(#"$\mathfrak{gR}\mathbb{R}$"#)), "\u{1D524}\u{211C}\u{211D}")
  }

  func testSpacingAndEscapesInTextAndMath() throws {
    guard case .text(let text, _)? = try parse(##"50\% \& \#3 a\;b c\!d"##).first else { return XCTFail() }
    XCTAssertEqual(text, "50% & #3 a\u{2004}b cd")
    XCTAssertEqual(
      try math(#"$a\,b\;c\!d$"#).compactMap { if case .space(let em) = $0 { return em } else { return nil } },
      [3.0 / 18, 5.0 / 18, -3.0 / 18])
  }

  func testUnknownCommandSuggestsTheKnownOne() {
    for (label, suggestion) in [
      (#"$\lamda$"#, #"\lambda"#), (#"$\Lamda$"#, #"\Lambda"#), (#"\textbff{x}"#, #"\textbf"#),
      (#"$\boldsymbl{x}$"#, #"\boldsymbol"#), (#"$\operatornme{f}$"#, #"\operatorname"#),
    ] {
      XCTAssertThrowsError(try parse(label)) { error in
        XCTAssertTrue("\(error)".contains("(did you mean '\(suggestion)'?)"), "\(label): \(error)")
      }
    }
    XCTAssertThrowsError(try parse(#"$\zzzzzz$"#)) { error in
      XCTAssertFalse("\(error)".contains("did you mean"), "\(error)")
    }
  }

  /// `\rightarrow` and its kin are arrows, not `\right` before a delimiter; a stray or missing `\right` says so.
  func testCommandsStartingWithRightAreTheirOwn() throws {
    XCTAssertNoThrow(try parse(#"$a \rightarrow b$"#))
    XCTAssertNoThrow(try parse(#"$\left( \frac{a}{b} \right)$"#))
    XCTAssertThrowsError(try parse(#"$\left( x$"#)) { error in
      XCTAssertTrue("\(error)".contains("'\\left' without a matching '\\right'"), "\(error)")
    }
    XCTAssertThrowsError(try parse(#"$x \right)$"#)) { error in
      XCTAssertTrue("\(error)".contains("'\\right' without a matching '\\left'"), "\(error)")
    }
  }

  /// A command of the other mode says where it works instead of suggesting its own name.
  func testACommandOfTheOtherModeSaysWhereItWorks() throws {
    XCTAssertThrowsError(try parse(#"a \rightarrow b"#)) { error in
      XCTAssertTrue("\(error)".contains("is a math command; write it between $…$"), "\(error)")
    }
    XCTAssertThrowsError(try parse(#"$x^\dag$"#)) { error in
      XCTAssertTrue("\(error)".contains("is a text command, not known in math"), "\(error)")
    }
  }
}
