import VellumDiagnostics

/// A decoded transform. Its meaning (keys, rule, execution) belongs to the unit that decoded it; the spec stage
/// keeps it opaque, as it keeps a layer's body.
public protocol TransformBody: Sendable {
  /// Data sources this transform reads besides the table it transforms (a join's other table).
  var sources: [Located<String>] { get }
  /// Values rows must equal to pass (a filter's `column: value`), which tell apart layers reading one column.
  var selectedValues: [String] { get }
}

extension TransformBody {
  public var sources: [Located<String>] { [] }
  public var selectedValues: [String] { [] }
}

/// How one transform is read from a spec: its declaration (keys, schema, reference) and its decoder.
public struct TransformKind: Sendable {
  public let object: SpecObject
  public let decode: @Sendable (SpecNode) throws -> any TransformBody

  public init(_ object: SpecObject, decode: @escaping @Sendable (SpecNode) throws -> any TransformBody) {
    self.object = object
    self.decode = decode
  }

  public var name: String { object.name }
}

/// The transforms a spec may use, in the order the schema and error messages list them.
public struct TransformKinds: Sendable {
  public let kinds: [TransformKind]

  public init(_ kinds: [TransformKind]) {
    precondition(Set(kinds.map(\.name)).count == kinds.count, "two transforms share a name")
    self.kinds = kinds
  }

  public var names: [String] { kinds.map(\.name) }

  /// Reads `- NAME: body` with the kind it names.
  public func decode(_ node: SpecNode) throws -> any TransformBody {
    let (name, body) = try node.tagged("transform", kinds: names)
    return try kinds.first { $0.name == name }!.decode(body)
  }

  /// `transform: [...]`, with where each step is written.
  func decodeList(_ node: SpecNode) throws -> [(body: any TransformBody, location: SourceLocation)] {
    try node.list("a list of transforms").map { (try decode($0), $0.location) }
  }

  /// The schema of one transform: a one-key mapping of any kind.
  public var schema: JSONValue { SpecSchema.tagged(kinds.map { ($0.name, $0.object.schema) }) }
}

/// What a spec's layers, transforms and axis scales can be: the registries the later stages own, handed to the
/// decoder.
public struct Grammar: Sendable {
  public let layers: LayerKinds
  public let transforms: TransformKinds
  public let scales: ScaleKinds

  public init(layers: LayerKinds, transforms: TransformKinds, scales: ScaleKinds) {
    self.layers = layers
    self.transforms = transforms
    self.scales = scales
  }
}
