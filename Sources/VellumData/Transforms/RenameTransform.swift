import VellumDiagnostics
import VellumSpec

/// `rename`: gives columns new names (`{old: new}`).
struct RenameTransform: TableTransform {
  static let kind = TransformKind(
    SpecObject(
      "rename", purpose: "Renames columns: each key is a column, its value the new name.", keys: [],
      shorthand: [.object(["type": "object", "additionalProperties": SpecSchema.string])],
      example: "{rename: {train/loss: train_loss}}"),
    decode: { node in
      let map = try node.mapping("rename", keys: try node.mappingKeys())
      return RenameTransform(
        pairs: try map.entries.map { (try $0.key.located("a column name"), try $0.value.string("a new name")) })
    })

  var pairs: [(from: Located<String>, to: String)]

  /// Renamed all at once, as pandas' rename: `{a: b, b: a}` swaps. A new name that is also a column left as it is,
  /// or another column's new name, would leave two columns of one name and is an error at the renamed column.
  func apply(to table: inout Table, sources: [String: Table]) throws {
    for (from, _) in pairs { try table.require(from) }
    let renamed = Dictionary(pairs.map { ($0.from.value, $0.to) }) { _, last in last }
    var taken: [String: String] = [:]
    for name in table.columnNames {
      let new = renamed[name] ?? name
      if let other = taken[new] {
        let (mover, stayer) = renamed[name] != nil ? (name, other) : (other, name)
        let location = pairs.first { $0.from.value == mover }?.from.location
        throw VellumError(
          .invalidSpec,
          "renaming '\(mover)' to '\(new)' would give two columns that name ('\(stayer)' "
            + (renamed[stayer] != nil ? "is renamed to it too" : "keeps it") + "); rename or drop that one first",
          at: location)
      }
      taken[new] = name
    }
    table.rename(renamed)
  }
}
