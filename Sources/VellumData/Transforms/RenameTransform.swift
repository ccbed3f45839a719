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

  func apply(to table: inout Table, sources: [String: Table]) throws {
    for (from, to) in pairs { try table.rename(from, to: to) }
  }
}
