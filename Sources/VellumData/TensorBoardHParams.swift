import Foundation

extension TensorBoardReader {
  /// TensorBoard's hparams plugin data, as its `plugin_data.proto` lays it out: `SummaryMetadata.plugin_data`
  /// named `hparams` holds `HParamsPluginData`, whose `session_start_info` maps each hyperparameter to a
  /// `google.protobuf.Value` (a number, a string or a bool).
  enum HParams {
    /// The hyperparameters a summary value's metadata carries, or nil when it is not the hparams plugin's session
    /// start (other plugins' metadata, an experiment or session end record).
    static func sessionStart(_ metadata: UnsafeBufferPointer<UInt8>) throws -> [(name: String, value: String)]? {
      // SummaryMetadata: plugin_data = 1 { plugin_name = 1, content = 2 }.
      var reader = ProtobufReader(metadata)
      var plugin: String?
      var content: UnsafeBufferPointer<UInt8>?
      while let (field, wire) = try reader.key() {
        guard field == 1, wire == 2 else {
          try reader.skip(wire)
          continue
        }
        var data = ProtobufReader(try reader.bytes())
        while let (field, wire) = try data.key() {
          switch (field, wire) {
          case (1, 2): plugin = String(decoding: try data.bytes(), as: UTF8.self)
          case (2, 2): content = try data.bytes()
          default: try data.skip(wire)
          }
        }
      }
      guard plugin == "hparams", let content else { return nil }
      // HParamsPluginData: session_start_info = 3 { hparams = 1 (map entries: key = 1, value = 2) }.
      var data = ProtobufReader(content)
      var found: [(name: String, value: String)]?
      while let (field, wire) = try data.key() {
        guard field == 3, wire == 2 else {
          try data.skip(wire)
          continue
        }
        var start = ProtobufReader(try data.bytes())
        var entries: [(name: String, value: String)] = []
        while let (field, wire) = try start.key() {
          guard field == 1, wire == 2 else {
            try start.skip(wire)
            continue
          }
          var entry = ProtobufReader(try start.bytes())
          var name = ""
          var value = ""
          while let (field, wire) = try entry.key() {
            switch (field, wire) {
            case (1, 2): name = String(decoding: try entry.bytes(), as: UTF8.self)
            case (2, 2): value = try Self.value(entry.bytes())
            default: try entry.skip(wire)
            }
          }
          entries.append((name, value))
        }
        found = entries
      }
      return found
    }

    /// A `google.protobuf.Value` as a cell: a number as the table writes numbers, a string as is, a bool as
    /// `true`/`false`, null (and lists or structs, which hparams do not hold) empty.
    private static func value(_ bytes: UnsafeBufferPointer<UInt8>) throws -> String {
      var reader = ProtobufReader(bytes)
      var text = ""
      while let (field, wire) = try reader.key() {
        switch (field, wire) {
        case (2, 1): text = Table.format(Double(bitPattern: try reader.fixed64()))
        case (3, 2): text = String(decoding: try reader.bytes(), as: UTF8.self)
        case (4, 0): text = try reader.varint() != 0 ? "true" : "false"
        default: try reader.skip(wire)
        }
      }
      return text
    }
  }
}
