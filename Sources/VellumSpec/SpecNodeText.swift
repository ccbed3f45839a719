import Yams

extension SpecNode {
  /// The node as written, without where: scalars with their quoting, mappings and lists in order. Two nodes with
  /// the same text decode to the same value, wherever they stand; nil for an unresolved alias.
  public var canonicalText: String? {
    var text = ""
    return Self.append(node, to: &text) ? text : nil
  }

  private static func append(_ node: Node, to text: inout String) -> Bool {
    switch node {
    case .scalar(let scalar):
      // Length-prefixed, so no scalar's characters can be read as structure.
      let value = scalar.string
      text += "s\(scalar.style.rawValue):\(value.utf8.count):" + value
      return true
    case .mapping(let mapping):
      text += "{\(mapping.count)"
      for (key, value) in mapping {
        guard append(key, to: &text), append(value, to: &text) else { return false }
      }
      text += "}"
      return true
    case .sequence(let sequence):
      text += "[\(sequence.count)"
      for item in sequence {
        guard append(item, to: &text) else { return false }
      }
      text += "]"
      return true
    case .alias:
      return false
    }
  }
}
