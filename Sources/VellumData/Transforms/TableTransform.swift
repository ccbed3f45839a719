import VellumDiagnostics
import VellumSpec

/// A transform unit: its declaration and decoder (``TransformKind``) and the rule that rewrites a table.
protocol TableTransform: TransformBody {
  /// Rewrites `table`; `sources` are the figure's other tables, for transforms that read one (``sources``).
  func apply(to table: inout Table, sources: [String: Table]) throws
}

extension Table {
  /// Applies one decoded transform; `sources` holds the tables its ``TransformBody/sources`` name.
  mutating func apply(_ transform: any TransformBody, sources: [String: Table] = [:]) throws {
    guard let unit = transform as? any TableTransform else {
      throw VellumError(.invalidSpec, "internal error: \(type(of: transform)) is not a registered transform")
    }
    try unit.apply(to: &self, sources: sources)
    // A column name written twice (an output named like a column the table keeps) would leave two columns no
    // name tells apart; pandas refuses such tables too (melt: "cannot contain duplicate names").
    var seen: Set<String> = []
    if let twice = columnNames.first(where: { !seen.insert($0).inserted }) {
      throw VellumError(
        .invalidSpec,
        "this transform would leave two columns named '\(twice)' (a new column named like one the table keeps, "
          + "or a column listed twice); give them different names")
    }
  }
}

/// Keys several transforms share, each declared with the meaning its transform gives it.
enum TransformKeys {
  /// One column name or a list of them.
  static let names = JSONValue.object(["anyOf": .array([SpecSchema.string, SpecSchema.array(SpecSchema.string)])])

  static func column(_ meaning: String, example: String = "loss") -> SpecKey {
    SpecKey("column", SpecSchema.string, meaning, example: example)
  }

  static func columns(_ meaning: String, example: String = "[loss, accuracy]") -> SpecKey {
    SpecKey("columns", SpecSchema.array(SpecSchema.string), meaning, example: example)
  }

  static func by(_ meaning: String) -> SpecKey {
    SpecKey("by", names, meaning, default: "[]", example: "run")
  }

  /// `as` for transforms writing one new column per input column (or over it when left out).
  static func newNames(_ meaning: String) -> SpecKey {
    SpecKey("as", names, meaning, default: "the input column", example: "loss_change")
  }
}

extension SpecNode {
  /// A column name or a list of them.
  func columnNames() throws -> [Located<String>] {
    isSequence ? try list().map { try $0.located("a column name") } : [try located("a column name")]
  }
}

extension SpecMapping {
  /// `column` and `columns` together, in that order after the list; `required` refuses neither.
  func columnList(required: Bool = true) throws -> [Located<String>] {
    var list = try optional("columns") { try $0.list().map { try $0.located("a column name") } } ?? []
    if let column = try optional("column", { try $0.located("a column name") }) { list.append(column) }
    if required && list.isEmpty { throw owner.error("\(what) needs 'column' or 'columns'") }
    // A column named twice (in both keys, say) is one column, transformed once.
    var seen: Set<String> = []
    return list.filter { seen.insert($0.value).inserted }
  }

  /// `by`: the columns that split rows into groups (none when left out).
  func groups() throws -> [Located<String>] { try optional("by") { try $0.columnNames() } ?? [] }

  /// `as` naming one new column per input column.
  func newNames(count: Int) throws -> [String]? {
    try optional("as") { node in
      let items = node.isSequence ? try node.list() : [node]
      guard items.count == count else { throw node.error("expected \(count) new column names, found \(items.count)") }
      return try items.map { try $0.string("a column name") }
    }
  }

  /// A required column name under `key`.
  func column(_ key: String = "column") throws -> Located<String> {
    try required(key) { try $0.located("a column name") }
  }
}
