import VellumDiagnostics

/// A decoded layer. Its meaning (keys, data, drawing) belongs to the mark kind that decoded it; the spec
/// stage keeps it opaque and asks it only which columns it reads.
public protocol LayerBody: Sendable {
  /// The table and columns this layer plots; nil for layers whose values are written in the spec.
  var request: DataRequest? { get }
  /// The layer with each text its spec gives (an annotation, a reference line's label, a colorbar label) passed
  /// through `fill`, which fills template fields from the data. A series' legend label is filled per series instead.
  func fillingTexts(_ fill: (Located<String>) throws -> Located<String>) throws -> any LayerBody
}

/// A layer drawing series from a table, with the fields every such layer has.
public protocol SeriesLayerBody: LayerBody {
  var common: SeriesCommon { get set }
}

extension LayerBody {
  /// A series layer's colorbar label filled; other layers have no spec text unless they say so.
  public func fillingTexts(_ fill: (Located<String>) throws -> Located<String>) throws -> any LayerBody {
    guard var layer = self as? any SeriesLayerBody, let label = layer.common.continuousColor?.colorbar?.label else {
      return self
    }
    layer.common.continuousColor!.colorbar!.label = try fill(label)
    return layer
  }
}

/// One entry of a panel's `layers`: the kind's name and its decoded body.
public struct LayerSpec: Sendable {
  public var kind: String
  public var body: any LayerBody
  public var location: SourceLocation
  /// The axes the layer is drawn against: the primary x and y unless `axis` names a secondary one.
  public var axes = LayerAxes()

  public init(kind: String, body: any LayerBody, location: SourceLocation) {
    self.kind = kind
    self.body = body
    self.location = location
  }

  /// The layer's series fields, for layers that read data.
  public var series: SeriesCommon? { body.request?.series }
}

/// What a layer asks of the data stage: rows of one source, a position column, and named channels.
public struct DataRequest: Sendable {
  public var series: SeriesCommon
  /// Columns read as numbers, by the channel name the mark uses for them (`y`, `lower`, `yerr`…).
  public var channels: [(name: String, column: Located<String>)]
  /// Discrete channels driven by columns (the series' colour, and the mark's dash or marker shape).
  public var encodings: [(channel: EncodedChannel, column: Located<String>)]
  /// The `x` column lies along the y axis (horizontal bars), so that axis decides whether it is categorical.
  public var positionAlongY: Bool
  /// A second position column along the y axis, read as categories when that axis is categorical (heatmap rows).
  public var yPosition: Located<String>?
  /// Columns read as text, by channel name (labels of a text layer).
  public var textChannels: [(name: String, column: Located<String>)] = []
  /// How a text channel writes numbers, by channel name (`text: {column: gain, format: "+.1f"}`); without one,
  /// computed numbers take their plain form.
  public var textFormats: [String: FormatSpec] = [:]

  /// `encodings` are the mark's own (dash, marker); the series' colour encoding is added here.
  public init(
    series: SeriesCommon, channels: [(name: String, column: Located<String>)],
    encodings: [(channel: EncodedChannel, column: Located<String>)] = [], positionAlongY: Bool = false,
    yPosition: Located<String>? = nil
  ) {
    self.yPosition = yPosition
    self.series = series
    self.channels = channels
    // A colormap's column is read as numbers beside the mark's own channels.
    if let continuous = series.continuousColor, !channels.contains(where: { $0.name == "color" }) {
      self.channels.append(("color", continuous.column))
    }
    self.encodings = (series.colorColumn.map { [(EncodedChannel.color, $0)] } ?? []) + encodings
    self.positionAlongY = positionAlongY
  }

  /// Columns that split the rows into series, in order, each once: `group`, then every encoded column.
  public var splitColumns: [Located<String>] {
    var columns: [Located<String>] = []
    for column in [series.group].compactMap({ $0 }) + encodings.map(\.column)
    where !columns.contains(where: { $0.value == column.value }) {
      columns.append(column)
    }
    return columns
  }
}

/// What a layer decoder may consult besides its own keys.
public struct LayerContext {
  /// The layer's body node, for errors about the layer as a whole.
  public var node: SpecNode
  /// Names of the figure's data sources.
  public var dataNames: [String]
  /// The transforms a layer's `transform` list may use.
  public var transforms: TransformKinds
}

/// How one layer kind is read from a spec: its declaration (keys, schema, reference section) and its decoder.
/// A kind written in two ways with different keys (`text` as one annotation or as labels of rows) declares
/// each form, and says which form a layer's body is.
public struct LayerKind: Sendable {
  public let name: String
  /// Each form's keys with `axis`, which every layer takes.
  public let forms: [SpecObject]
  /// The index of the form a body is written in; throws when the body mixes forms.
  let form: @Sendable (SpecNode) throws -> Int
  public let decode: @Sendable (SpecMapping, LayerContext) throws -> any LayerBody

  public init(_ object: SpecObject, decode: @escaping @Sendable (SpecMapping, LayerContext) throws -> any LayerBody) {
    self.init(name: object.name, forms: [object], form: { _ in 0 }, decode: decode)
  }

  /// A kind written in one of two forms told apart by the body itself (`isSecond`); a key only the other form
  /// declares is an error at the key, worded by `misplaced(key, writtenAsSecond)`.
  public init(
    name: String, first: SpecObject, second: SpecObject, isSecond: @escaping @Sendable (SpecMapping) throws -> Bool,
    misplaced: @escaping @Sendable (String, Bool) -> String,
    decode: @escaping @Sendable (SpecMapping, LayerContext) throws -> any LayerBody
  ) {
    self.init(
      name: name, forms: [first, second],
      form: { body in
        let keys = try body.mappingKeys()
        let map = try body.mapping(name, keys: keys)
        let written = try isSecond(map)
        let (own, other) = written ? (second, first) : (first, second)
        if let stray = keys.first(where: { own.key($0) == nil && other.key($0) != nil }) {
          throw map[stray]!.error(misplaced(stray, written))
        }
        return written ? 1 : 0
      }, decode: decode)
  }

  public init(
    name: String, forms: [SpecObject], form: @escaping @Sendable (SpecNode) throws -> Int,
    decode: @escaping @Sendable (SpecMapping, LayerContext) throws -> any LayerBody
  ) {
    self.name = name
    self.forms = forms.map { $0.adding([LayerAxes.declaration]) }
    self.form = form
    self.decode = decode
  }
}

/// The layer kinds a spec may use, in the order the schema and error messages list them.
public struct LayerKinds: Sendable {
  public let kinds: [LayerKind]

  public init(_ kinds: [LayerKind]) {
    precondition(Set(kinds.map(\.name)).count == kinds.count, "two layer kinds share a name")
    self.kinds = kinds
  }

  public var names: [String] { kinds.map(\.name) }

  func decode(_ node: SpecNode, dataNames: [String], transforms: TransformKinds) throws -> LayerSpec {
    let (name, body) = try node.tagged("layer", kinds: names)
    let kind = kinds.first { $0.name == name }!
    let map = try body.mapping(kind.forms[try kind.form(body)])
    let context = LayerContext(node: body, dataNames: dataNames, transforms: transforms)
    var layer = LayerSpec(kind: name, body: try kind.decode(map, context), location: body.location)
    layer.axes = try map.optional(LayerAxes.key) { try LayerAxes(node: $0) } ?? LayerAxes()
    return layer
  }
}

/// Which of a panel's axes a layer is drawn against (`axis: y2`, `axis: x2` or `axis: [x2, y2]`), as
/// matplotlib's `twinx`/`twiny` axes share the other coordinate with the primary axes.
public struct LayerAxes: Sendable {
  /// The axis the layer's x values lie along: `x`, or the top axis `x2`.
  public var x = "x"
  /// The axis the layer's y values lie along: `y`, or the right axis `y2`.
  public var y = "y"
  public var location: SourceLocation?

  static let key = "axis"
  static let names = ["x", "y", "x2", "y2"]
  static let declaration = SpecKey(
    key, .object(["anyOf": .array([SpecSchema.enumeration(names), SpecSchema.array(SpecSchema.enumeration(names))])]),
    "the secondary axes the layer is drawn against: x2 (top), y2 (right) or [x2, y2]", default: "[x, y]",
    example: "y2")

  public init() {}

  /// Names are the panel's axis keys; one starting with x is the layer's x axis, with y its y axis.
  init(node: SpecNode) throws {
    location = node.location
    let items = node.isSequence ? try node.list("axis names") : [node]
    for item in items {
      let name = try item.string("an axis name (x2 or y2)")
      guard Self.names.contains(name) else {
        throw item.error(unknownNameMessage(name, kind: "axis", candidates: Self.names))
      }
      if name.hasPrefix("x") { x = name } else { y = name }
    }
  }

  /// The axis names the layer is drawn against that are not the primary x and y.
  public var secondary: [String] { [x, y].filter { $0 != "x" && $0 != "y" } }
}

/// Which table a layer reads and how the rows are transformed first.
public struct LayerSource: Sendable {
  /// Name of a data source declared under `data`.
  public var data: Located<String>
  public var transforms: [any TransformBody]
  /// Where each transform is written, for errors found while it runs.
  public var transformLocations: [SourceLocation] = []
  /// The transforms as written, without where (``SpecNode/canonicalText``): layers with the same source and key
  /// compute their rows once, however many lines apart they write the chain. nil: not shared.
  public var transformKey: String?
}

/// What every data-reading layer has: its table, x column, optional grouping, label and paint.
public struct SeriesCommon: Sendable {
  public var id: String?
  public var source: LayerSource
  public var x: Located<String>
  /// Splits the rows into one series per distinct value of this column, each with its own legend entry, and
  /// colours them by value unless `color` says otherwise.
  public var group: Located<String>?
  public var label: Located<String>?
  /// The layer's series get legend entries (`legend: false`, or a label written as null or '', leaves them out,
  /// as matplotlib's `label='_nolegend_'`).
  public var inLegend = true
  /// A constant colour, or a column whose values the figure's colour scale maps.
  public var colorEncoding: Encoding<Color>?
  /// A numeric column mapped through a colormap (`color: {column: loss, map: viridis}`), with its colorbar.
  public var continuousColor: ContinuousColor?
  public var alpha: Double
  public var location: SourceLocation
  /// What rows with a missing plotted value do: skipped (the default, so sparse logs draw connected lines) or
  /// kept as gaps (`missing: gap`, matplotlib's NaN breaks).
  public var missing: MissingValues = .skip

  /// How a layer treats rows whose plotted columns are empty or NaN.
  public enum MissingValues: String, Sendable, CaseIterable {
    case skip, gap
  }

  /// The constant colour the spec names, if any.
  public var color: Color? { colorEncoding?.constant }

  /// The column colours come from: `color: {column: …}`, else `group` when no constant colour is named.
  public var colorColumn: Located<String>? {
    switch colorEncoding {
    case .column(let column): return column
    case .constant: return nil
    case nil: return continuousColor == nil ? group : nil
    }
  }

  /// The shared keys of a mark whose colours come from its own values (a heatmap, contours, hexagons): none of a
  /// series' group, label, colour or missing rule.
  public static func valueColoredKeys(x: String) -> [SpecKey] {
    keys(x: x).filter { ["id", "data", "transform", "x", "alpha"].contains($0.name) }
  }

  /// The keys every data-reading mark shares; `x` says what the mark's x column is, `alpha` its default opacity.
  public static func keys(x: String, alpha: Double = 1) -> [SpecKey] {
    [
      SpecKey(
        "id", SpecSchema.string, "a stable id for the layer's SVG group, so diffs follow it", example: "baseline"),
      SpecKey(
        "data", SpecSchema.string, "the data source the layer reads, by name", default: "the only source",
        example: "runs"),
      SpecKey(
        "transform", SpecSchema.array(.object([:])), "transforms applied to the source's rows before drawing, in order",
        default: "[]", example: "[{filter: {method: SDPO}}]"),
      SpecKey("x", SpecSchema.string, x, example: "step"),
      SpecKey(
        "group", SpecSchema.string,
        "a column splitting the rows into series, each with its own colour and legend entry",
        example: "method"),
      SpecKey(
        "label", SpecSchema.text,
        "the legend label (TeX subset); with group, each series is labelled by its value, or by this label with its "
          + "{column:format} fields filled per series; null or '' leaves the layer out of the legend",
        example: "'{model} (AUC = {auc:.3f})'"),
      SpecKey(
        "legend", SpecSchema.boolean, "list the layer's series in legends (false: a band or fill behind a line)",
        defaultValue: true),
      SpecKey("color", colorSchema, colorMeaning, default: "the next palette colour", example: "C1"),
      SpecKey("alpha", SpecSchema.opacity, "opacity of the layer, 0 to 1", defaultValue: alpha),
      SpecKey(
        "missing", SpecSchema.enumeration(MissingValues.allCases.map(\.rawValue)),
        "rows with a missing plotted value: skip them (lines stay connected) or gap (break the line there)",
        defaultValue: MissingValues.skip),
    ]
  }

  static let colorMeaning =
    "a constant colour, {column: NAME} to colour series by value through the figure's scale, or {column, map, …} "
    + "to colour each point through a colormap"

  /// A constant, a column encoding, or a colormap encoding with its colorbar.
  static var colorSchema: JSONValue {
    .object([
      "anyOf": .array([
        SpecSchema.color, Encoding<Color>.columnObject.schema,
        colormapEncoding.schema,
      ])
    ])
  }

  /// `color: {column, map, …}`: numbers through a colormap.
  static let colormapEncoding = SpecObject(
    "colormap encoding",
    purpose: "Colours each point by a numeric column through a colormap, with a colorbar that explains it.",
    keys: [SpecKey("column", SpecSchema.string, "the numeric column mapped to colours", example: "loss")]
      + ContinuousColorSpec.declaredKeys
      + [SpecKey("colorbar", ColorbarSpec.schema, "the colorbar: true, false or its options", defaultValue: true)],
    required: ["column"], rules: ContinuousColorSpec.rules,
    example: "{scatter: {x: a, y: b, color: {column: loss, norm: linear, map: magma}}}")

  /// Reads the keys every data-reading mark shares; `defaultAlpha` is the mark kind's own opacity. `position`, when
  /// given, is the column the layer places along its axis instead of its `x` key (a reference line's `y` or stat).
  public init(
    map: SpecMapping, context: LayerContext, defaultAlpha: Double, position: Located<String>? = nil
  ) throws {
    location = context.node.location
    id = try map.optional("id") { try $0.string("an id") }
    source = try LayerSource(map: map, dataNames: context.dataNames, transforms: context.transforms)
    x = try position ?? map.required("x") { try $0.located("a column name") }
    group = try map.optional("group") { try $0.located("a column name") }
    label = try map.optional("label") { try $0.located("a label") }
    let unlabelled = map["label"].map { $0.isNull || $0.scalarText == "" } ?? false
    inLegend = try !unlabelled && (map.optional("legend") { try $0.bool() } ?? true)
    let colorNode = map["color"]
    if let node = colorNode, node.isMapping, try node.mappingKeys().contains(where: { $0 != "column" }) {
      // Colormap keys beside `column` make the column continuous: numbers through a colormap.
      let mapping = try node.mapping(Self.colormapEncoding)
      continuousColor = ContinuousColor(
        column: try mapping.required("column") { try $0.located("a column name") },
        spec: try ContinuousColorSpec(map: mapping),
        colorbar: try mapping["colorbar"].map { try ColorbarSpec.decode($0) } ?? ColorbarSpec())
      colorEncoding = nil
    } else {
      colorEncoding = try map.optional("color") { try Encoding.decode($0, constant: decodeColor) }
    }
    alpha = try map.optional("alpha") { try decodeAlpha($0) } ?? defaultAlpha
    missing = try map.optional("missing") { try decodeEnum($0, what: "missing-value rule") } ?? .skip
  }
}

/// A numeric column whose values become colours through a colormap, and the colorbar that explains them.
public struct ContinuousColor: Sendable {
  public var column: Located<String>
  public var spec: ContinuousColorSpec
  /// nil: no colorbar (`colorbar: false`).
  public var colorbar: ColorbarSpec?
}
