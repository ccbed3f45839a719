/// TeX's atom classes, which decide the spacing between neighbours.
enum MathClass: Int {
  case ord, op, bin, rel, open, close, punct, inner
}

/// The symbol tables of Vellum's TeX subset: what each command and character stands for in math mode.
enum MathSymbols {
  /// Greek letters; lowercase (and the var forms) are set italic, uppercase upright, as TeX does.
  static let greek: [String: Unicode.Scalar] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "varkappa": "ϰ", "lambda": "λ",
    "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ",
    "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ",
    "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
    "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
  ]

  /// Commands that stand for one symbol of a given class.
  static let commands: [String: (String, MathClass)] = [
    // binary operators
    "pm": ("±", .bin), "mp": ("∓", .bin), "times": ("×", .bin), "cdot": ("⋅", .bin), "div": ("÷", .bin),
    "ast": ("∗", .bin), "star": ("⋆", .bin), "circ": ("∘", .bin), "bullet": ("∙", .bin), "cap": ("∩", .bin),
    "cup": ("∪", .bin), "wedge": ("∧", .bin), "land": ("∧", .bin), "vee": ("∨", .bin), "lor": ("∨", .bin),
    "oplus": ("⊕", .bin), "otimes": ("⊗", .bin), "setminus": ("∖", .bin),
    // relations
    "leq": ("≤", .rel), "le": ("≤", .rel), "geq": ("≥", .rel), "ge": ("≥", .rel), "neq": ("≠", .rel),
    "ne": ("≠", .rel), "approx": ("≈", .rel), "sim": ("∼", .rel), "simeq": ("≃", .rel), "cong": ("≅", .rel),
    "equiv": ("≡", .rel), "propto": ("∝", .rel), "ll": ("≪", .rel), "gg": ("≫", .rel), "in": ("∈", .rel),
    "notin": ("∉", .rel), "ni": ("∋", .rel), "subset": ("⊂", .rel), "supset": ("⊃", .rel),
    "subseteq": ("⊆", .rel), "supseteq": ("⊇", .rel), "perp": ("⊥", .rel), "mid": ("∣", .rel),
    "parallel": ("∥", .rel), "models": ("⊨", .rel),
    // arrows
    "to": ("→", .rel), "rightarrow": ("→", .rel), "leftarrow": ("←", .rel), "gets": ("←", .rel),
    "leftrightarrow": ("↔", .rel), "Rightarrow": ("⇒", .rel), "Leftarrow": ("⇐", .rel),
    "Leftrightarrow": ("⇔", .rel), "iff": ("⟺", .rel), "implies": ("⟹", .rel), "mapsto": ("↦", .rel),
    "uparrow": ("↑", .rel), "downarrow": ("↓", .rel), "longrightarrow": ("⟶", .rel),
    "longleftarrow": ("⟵", .rel), "nearrow": ("↗", .rel), "searrow": ("↘", .rel),
    // large operators
    "sum": ("∑", .op), "prod": ("∏", .op), "coprod": ("∐", .op), "int": ("∫", .op), "iint": ("∬", .op),
    "oint": ("∮", .op), "bigcup": ("⋃", .op), "bigcap": ("⋂", .op), "bigoplus": ("⨁", .op),
    "bigotimes": ("⨂", .op),
    // ordinary symbols
    "infty": ("∞", .ord), "partial": ("\u{1D715}", .ord), "nabla": ("∇", .ord), "forall": ("∀", .ord),
    "exists": ("∃", .ord), "neg": ("¬", .ord), "lnot": ("¬", .ord), "emptyset": ("∅", .ord),
    "varnothing": ("∅", .ord), "ell": ("ℓ", .ord), "hbar": ("ℏ", .ord), "prime": ("′", .ord),
    "angle": ("∠", .ord), "triangle": ("△", .ord), "top": ("⊤", .ord), "bot": ("⊥", .ord),
    "ldots": ("…", .inner), "cdots": ("⋯", .inner), "vdots": ("⋮", .ord), "dots": ("…", .inner),
    "degree": ("°", .ord), "Re": ("ℜ", .ord), "Im": ("ℑ", .ord), "aleph": ("ℵ", .ord),
    // delimiters
    "langle": ("⟨", .open), "rangle": ("⟩", .close), "lfloor": ("⌊", .open), "rfloor": ("⌋", .close),
    "lceil": ("⌈", .open), "rceil": ("⌉", .close), "lbrace": ("{", .open), "rbrace": ("}", .close),
    "vert": ("|", .ord), "Vert": ("‖", .ord), "|": ("‖", .ord),
    // punctuation-like
    "colon": (":", .punct),
  ]

  /// Upright operator names set in roman type with operator spacing.
  static let operatorNames: Set<String> = [
    "log", "ln", "lg", "exp", "min", "max", "arg", "argmin", "argmax", "sin", "cos", "tan", "cot", "sec",
    "csc", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan", "lim", "liminf", "limsup", "sup", "inf",
    "det", "dim", "ker", "deg", "gcd", "hom", "Pr", "tr", "Tr", "var", "Var", "Cov", "softmax", "sgn",
  ]

  /// Delimiters that \left and \right accept, by their spelling after the command.
  static let delimiters: [String: Unicode.Scalar] = [
    "(": "(", ")": ")", "[": "[", "]": "]", "\\{": "{", "\\}": "}", "|": "|", "\\|": "‖", "/": "/",
    "\\langle": "⟨", "\\rangle": "⟩", "\\lfloor": "⌊", "\\rfloor": "⌋", "\\lceil": "⌈", "\\rceil": "⌉",
    "\\lbrace": "{", "\\rbrace": "}", "\\vert": "|", "\\Vert": "‖", "<": "⟨", ">": "⟩",
  ]

  /// Accents that stretch to cover their whole argument.
  static let wideAccents: Set<String> = ["widehat", "widetilde", "overline"]

  /// Accent commands and the combining mark each draws above its argument.
  static let accents: [String: Unicode.Scalar] = [
    "hat": "\u{0302}", "widehat": "\u{0302}", "bar": "\u{0304}", "overline": "\u{0304}", "tilde": "\u{0303}",
    "widetilde": "\u{0303}", "vec": "\u{20D7}", "dot": "\u{0307}", "ddot": "\u{0308}", "check": "\u{030C}",
    "acute": "\u{0301}", "grave": "\u{0300}", "breve": "\u{0306}",
  ]

  /// Spacing commands, in mu (1/18 em) or em.
  static let spaces: [String: Double] = [
    ",": 3.0 / 18, ":": 4.0 / 18, ">": 4.0 / 18, ";": 5.0 / 18, "!": -3.0 / 18, " ": 0.25, "quad": 1,
    "qquad": 2, "enspace": 0.5, "thinspace": 3.0 / 18,
  ]

  /// Class of a plain character typed in math mode.
  static func characterClass(_ scalar: Unicode.Scalar) -> MathClass {
    switch scalar {
    case "+", "-", "*", "\u{2212}": return .bin
    case "=", "<", ">", ":": return .rel
    case "(", "[": return .open
    case ")", "]": return .close
    case ",", ";": return .punct
    default: return .ord
    }
  }

  /// Characters typed in math mode that TeX draws differently.
  static func mathCharacter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar {
    case "-": return "\u{2212}"
    case "*": return "\u{2217}"
    case "'": return "\u{2032}"
    default: return scalar
    }
  }
}

/// The math alphabets of \mathrm, \mathbf, \mathcal… mapped onto Unicode's mathematical alphanumerics.
enum MathAlphabet: String {
  case italic, roman, bold, boldItalic, cal, blackboard, fraktur, sans, mono

  /// `\boldsymbol` and `\bm` embolden a formula as written: italic letters and lowercase Greek in bold italic,
  /// digits and uppercase Greek in bold upright (as TeX's bold math fonts draw them).
  static let commands: [String: MathAlphabet] = [
    "mathrm": .roman, "mathbf": .bold, "mathit": .italic, "mathcal": .cal, "mathbb": .blackboard,
    "mathfrak": .fraktur, "mathsf": .sans, "mathtt": .mono, "mathnormal": .italic, "boldsymbol": .boldItalic,
    "bm": .boldItalic,
  ]

  /// The code point to draw for `scalar` in this alphabet.
  func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let v = scalar.value
    let isUpper = (0x41...0x5A).contains(v)
    let isLower = (0x61...0x7A).contains(v)
    let isDigit = (0x30...0x39).contains(v)
    func at(_ base: UInt32, _ offset: UInt32) -> Unicode.Scalar { Unicode.Scalar(base + offset)! }
    switch self {
    case .roman:
      return scalar
    case .italic:
      if scalar == "h" { return "\u{210E}" }
      if isUpper { return at(0x1D434, v - 0x41) }
      if isLower { return at(0x1D44E, v - 0x61) }
      if (0x3B1...0x3C9).contains(v) { return at(0x1D6FC, v - 0x3B1) }
      let variants: [UInt32: UInt32] = [
        0x3F5: 0x1D716, 0x3D1: 0x1D717, 0x3F0: 0x1D718, 0x3D5: 0x1D719, 0x3F1: 0x1D71A, 0x3D6: 0x1D71B,
      ]
      if let mapped = variants[v] { return at(mapped, 0) }
      return scalar
    case .bold:
      if isUpper { return at(0x1D400, v - 0x41) }
      if isLower { return at(0x1D41A, v - 0x61) }
      if isDigit { return at(0x1D7CE, v - 0x30) }
      if (0x391...0x3A9).contains(v) { return at(0x1D6A8, v - 0x391) }
      if (0x3B1...0x3C9).contains(v) { return at(0x1D6C2, v - 0x3B1) }
      return scalar
    case .boldItalic:
      if isUpper { return at(0x1D468, v - 0x41) }
      if isLower { return at(0x1D482, v - 0x61) }
      if isDigit { return at(0x1D7CE, v - 0x30) }
      if (0x391...0x3A9).contains(v) { return at(0x1D6A8, v - 0x391) }
      if (0x3B1...0x3C9).contains(v) { return at(0x1D736, v - 0x3B1) }
      let variants: [UInt32: UInt32] = [
        0x3F5: 0x1D750, 0x3D1: 0x1D751, 0x3F0: 0x1D752, 0x3D5: 0x1D753, 0x3F1: 0x1D754, 0x3D6: 0x1D755,
      ]
      if let mapped = variants[v] { return at(mapped, 0) }
      return scalar
    case .fraktur:
      let holes: [UInt32: UInt32] = [0x43: 0x212D, 0x48: 0x210C, 0x49: 0x2111, 0x52: 0x211C, 0x5A: 0x2128]
      if let hole = holes[v] { return at(hole, 0) }
      if isUpper { return at(0x1D504, v - 0x41) }
      if isLower { return at(0x1D51E, v - 0x61) }
      return scalar
    case .cal:
      let holes: [UInt32: UInt32] = [
        0x42: 0x212C, 0x45: 0x2130, 0x46: 0x2131, 0x48: 0x210B, 0x49: 0x2110, 0x4C: 0x2112, 0x4D: 0x2133,
        0x52: 0x211B, 0x65: 0x212F, 0x67: 0x210A, 0x6F: 0x2134,
      ]
      if let hole = holes[v] { return at(hole, 0) }
      if isUpper { return at(0x1D49C, v - 0x41) }
      if isLower { return at(0x1D4B6, v - 0x61) }
      return scalar
    case .blackboard:
      let holes: [UInt32: UInt32] = [
        0x43: 0x2102, 0x48: 0x210D, 0x4E: 0x2115, 0x50: 0x2119, 0x51: 0x211A, 0x52: 0x211D, 0x5A: 0x2124,
      ]
      if let hole = holes[v] { return at(hole, 0) }
      if isUpper { return at(0x1D538, v - 0x41) }
      if isLower { return at(0x1D552, v - 0x61) }
      if isDigit { return at(0x1D7D8, v - 0x30) }
      return scalar
    case .sans:
      if isUpper { return at(0x1D5A0, v - 0x41) }
      if isLower { return at(0x1D5BA, v - 0x61) }
      if isDigit { return at(0x1D7E2, v - 0x30) }
      return scalar
    case .mono:
      if isUpper { return at(0x1D670, v - 0x41) }
      if isLower { return at(0x1D68A, v - 0x61) }
      if isDigit { return at(0x1D7F6, v - 0x30) }
      return scalar
    }
  }
}
