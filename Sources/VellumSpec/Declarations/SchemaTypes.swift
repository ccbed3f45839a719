/// The value types a key can declare (``SpecKey``'s schema): JSON Schema fragments that refuse what the spec's
/// readers refuse, with the same bounds.
public enum SpecSchema {

  public static let string = JSONValue.object(["type": .string("string")])
  // Finite: the decoder refuses .inf (JSON Schema cannot refuse .nan, which no JSON holds).
  public static let number = bounded()
  public static let boolean = JSONValue.object(["type": .string("boolean")])

  // Numbers as SpecNode's readers take them, with the same bounds, so the schema refuses what they refuse.
  /// A drawing measure, as ``SpecNode/measure(_:)`` reads it: 0 to 1000.
  public static let measure = bounded(minimum: 0, maximum: Limits.measure)
  /// A font size, as ``SpecNode/fontSize(_:)`` reads it: above 0, at most 1000.
  public static let fontSize = bounded(above: 0, maximum: Limits.measure)
  /// ``SpecNode/positive(_:)``: above 0.
  public static let positive = bounded(above: 0)
  /// ``SpecNode/nonNegative(_:)``: 0 or more.
  public static let nonNegative = bounded(minimum: 0)
  /// A width in category spacings, as ``SpecNode/fraction(_:of:)`` reads it: above 0, at most 1.
  public static let fraction = bounded(above: 0, maximum: 1)
  /// An opacity, as ``decodeAlpha(_:)`` reads it: 0 to 1.
  public static let opacity = bounded(minimum: 0, maximum: 1)

  /// A number (an integer with `integer`) within bounds; `above` is an exclusive minimum.
  public static func bounded(
    minimum: Double? = nil, above: Double? = nil, maximum: Double? = nil, integer: Bool = false
  ) -> JSONValue {
    var fields: [String: JSONValue] = ["type": .string(integer ? "integer" : "number")]
    if let above {
      fields["exclusiveMinimum"] = .number(above)
    } else {
      fields["minimum"] = .number(minimum ?? -Double.greatestFiniteMagnitude)
    }
    fields["maximum"] = .number(maximum ?? Double.greatestFiniteMagnitude)
    return .object(fields)
  }
  /// A colour: a reference to the document's one definition, since the pattern of every matplotlib colour name is
  /// long and colours are in many places.
  public static let color = JSONValue.object([
    "$ref": .string("#/$defs/color"), "type": .string("string"),
    "description": .string(
      "#rrggbb, rgb()/rgba(), a matplotlib colour name (CSS4, tab:, xkcd:), C0…C9 or a grey level"),
  ])

  /// A colour or `none` (``decodeColorOrNone(_:)``: a background, or a marker's face or edge, left empty).
  public static let colorOrNone = JSONValue.object([
    "$ref": .string("#/$defs/colorOrNone"), "type": .string("string"),
    "description": .string("#rrggbb, rgb()/rgba(), a matplotlib colour name, C0…C9, a grey level, or none"),
  ])

  /// The definitions ``color`` and ``colorOrNone`` refer to, placed in the document's `$defs`.
  static let colorDefinitions: [String: JSONValue] = [
    "color": .object(["type": .string("string"), "pattern": .string(colorPattern(colorForms))]),
    "colorOrNone": .object([
      "type": .string("string"), "pattern": .string(colorPattern([anyCase("none")] + colorForms)),
    ]),
  ]

  /// One regular expression matching any of `forms`, with the spaces `Color(name:)` trims around them.
  static func colorPattern(_ forms: [String]) -> String { "^\\s*(" + forms.joined(separator: "|") + ")\\s*$" }

  /// `name` in any case: JSON Schema patterns have no case-insensitive flag, so each letter is spelled both ways.
  static func anyCase(_ name: String) -> String {
    name.map { character -> String in
      if character.isLetter { return "[\(character.lowercased())\(character.uppercased())]" }
      return "0123456789".contains(character) ? String(character) : "\\" + String(character)
    }.joined()
  }

  /// The colour forms `Color(name:)` reads, as regular expressions: hex, rgb()/rgba(), C0…C9, a grey level or a
  /// named colour (in any case).
  static let colorForms: [String] = {
    let names = Array(ColorNames.table.keys).sorted().map(anyCase).joined(separator: "|")
    // Channels 0–255 and alpha 0–1 as plain decimals; a number with an exponent is left to the tool.
    let exponent = "[-+]?[0-9.]*[eE][-+]?[0-9]+"
    let channel =
      "\\s*(\\+?(25[0-5](\\.0*)?|(2[0-4][0-9]|1[0-9][0-9]|[0-9]{1,2})(\\.[0-9]*)?|\\.[0-9]+)|\(exponent))\\s*"
    let unit = "\\+?(0?\\.[0-9]+|0(\\.[0-9]*)?|1(\\.0*)?)|\(exponent)"
    return [
      "#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})",
      "[rR][gG][bB]\\((\(channel),){2}\(channel)\\)",
      "[rR][gG][bB][aA]\\((\(channel),){3}\\s*(\(unit))\\s*\\)", "[cC][0-9]", unit, "(\(names))",
    ]
  }()
  /// A figure side (``FigureSpec``): above 0 and at most 200 in; a bare number is inches. The text form needs a
  /// non-zero digit and at most five before the point (14400pt is the largest side).
  public static let length = JSONValue.object([
    "anyOf": .array([
      bounded(above: 0, maximum: Limits.figurePoints / 72),
      .object([
        "type": .string("string"),
        "pattern": .string(
          "^\\s*\\+?(?=[0-9.]*[1-9])([0-9]{1,5}(\\.[0-9]*)?|\\.[0-9]+|[0-9.]+[eE][-+]?[0-9]+)\\s*(in|cm|mm|pt|bp)?\\s*$"
        ),
      ]),
    ])
  ])
  /// A margin (``FigureSpec``'s `margins`): 0 or more; a bare number is points.
  public static let margin = JSONValue.object([
    "anyOf": .array([
      bounded(minimum: 0, maximum: Limits.figurePoints),
      .object([
        "type": .string("string"),
        "pattern": .string("^\\s*\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*(in|cm|mm|pt|bp)?\\s*$"),
      ]),
    ])
  ])
  /// A dash (``decodeDash(_:)``): a name, matplotlib's `(offset, (on, off, …))` as text (an even number of
  /// non-negative lengths), or `[offset, [on, off, …]]`.
  public static let dash: JSONValue = {
    let offset = "[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?"
    // Lengths are not negative; `-0` is zero.
    let onOff = "(\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)|-(0+(\\.0*)?|\\.0+))([eE][-+]?[0-9]+)?"
    let separator = "[(), \\[\\]]"
    return .object([
      "anyOf": .array([
        enumeration(DashPattern.named.keys.sorted()),
        .object([
          "type": .string("string"),
          "pattern": .string(
            "^\(separator)*\(offset)(\(separator)+\(onOff)\(separator)+\(onOff))+\(separator)*$"),
        ]),
        .object([
          "type": .string("array"), "minItems": .number(2), "maxItems": .number(2),
          "prefixItems": .array([Self.number, array(measure)]),
        ]),
      ])
    ])
  }()
  /// Label text (TeX subset): at most ``Limits/labelCharacters`` code points, as the typesetter counts them.
  public static let text = JSONValue.object([
    "type": .string("string"), "maxLength": .number(Double(Limits.labelCharacters)),
  ])
  public static let pair = JSONValue.object([
    "type": .string("array"), "items": number, "minItems": .number(2), "maxItems": .number(2),
  ])

  public static func array(_ items: JSONValue) -> JSONValue { .object(["type": .string("array"), "items": items]) }

  /// `list` with at least one item.
  static func nonEmpty(_ list: JSONValue) -> JSONValue { list.setting("minItems", .number(1)) }

  /// Panel rows or columns: 1 to 64, as ``PanelsSpec`` reads them.
  static let panelCount = bounded(minimum: 1, maximum: 64, integer: true)

  public static func enumeration(_ values: [String]) -> JSONValue {
    .object(["type": .string("string"), "enum": .array(values.map(JSONValue.string))])
  }

  /// One of `kinds` written as a one-key mapping (`- line: {…}`, `- sort: step`), as ``SpecNode/tagged(_:kinds:)``
  /// reads a registry's entries.
  public static func tagged(_ kinds: [(name: String, body: JSONValue)]) -> JSONValue {
    .object([
      "oneOf": .array(
        kinds.map { kind in
          .object([
            "type": .string("object"), "additionalProperties": .bool(false),
            "properties": .object([kind.name: kind.body]), "required": .array([.string(kind.name)]),
          ])
        })
    ])
  }

  /// A tick format (``AxisSpec/tickFormat(_:)``): a name, or a printf pattern with exactly one numeric conversion
  /// (`%%` is a literal percent sign).
  static let tickFormat = formatPattern(
    names: AxisSpec.TickFormat.names + ["sci"],
    description: "auto, plain, si, percent, scientific, or a printf pattern such as %.2f")

  /// `auto` or a printf pattern with one numeric conversion (``PrintfPattern``), as value labels take it.
  public static let printf = formatPattern(names: ["auto"], description: "auto, or a printf pattern such as %.1f")

  /// `auto`, a printf pattern, or a Python format spec for numbers (`.1f`, `+.1%`, `,d`; ``FormatSpec``).
  public static let numberFormat = JSONValue.object([
    "anyOf": .array([
      printf,
      .object([
        "type": .string("string"),
        "pattern": .string("^(.?[<>=^])?[-+ ]?z?#?0?[0-9]{0,3}[,_]?(\\.[0-9]{1,2})?[eEfFgG%d]?$"),
      ]),
    ])
  ])

  /// A string that is one of `names` or a printf pattern ``PrintfPattern/isValid(_:)`` accepts: one conversion,
  /// `%%` for a percent sign.
  static func formatPattern(names: [String], description: String) -> JSONValue {
    .object([
      "type": .string("string"), "description": .string(description),
      "pattern": .string("^(\(names.joined(separator: "|")))$|^([^%]|%%)*\(PrintfPattern.conversion)([^%]|%%)*$"),
    ])
  }

  /// Axis limits: two different numbers (``AxisSpec`` refuses equal ones).
  static let limits = pair.setting("uniqueItems", .bool(true))

  /// A value on an axis: a number, or text its scale reads (a date on a time axis, `2h` on a duration axis).
  static let limitValue = JSONValue.object(["anyOf": .array([number, string])])
  /// An axis's limits: two different values its scale reads.
  static let axisLimits = JSONValue.object([
    "type": .string("array"), "items": limitValue, "minItems": .number(2), "maxItems": .number(2),
    "uniqueItems": .bool(true),
  ])

  /// `{value: channel value, …}`.
  static func pins(_ value: JSONValue) -> JSONValue {
    .object(["type": .string("object"), "additionalProperties": value])
  }
}
