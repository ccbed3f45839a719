import VellumDiagnostics
import VellumSpec

/// What a layer's rows are computed from, written without where in the spec it is written: two layers giving the
/// same source and transforms on different lines (a band and its line, each with the chain inline) compute it once.
enum TransformChainKey {
  /// The key of `source`, or nil when a part has no faithful text (a closure), and then the result is not shared.
  static func of(_ source: LayerSource) -> String? {
    var key = source.data.value
    for transform in source.transforms {
      key += "\u{0}"
      guard append(transform, to: &key) else { return nil }
    }
    return key
  }

  /// Appends `value`'s type and stored values, depth first, locations left out; false for a value with no text.
  private static func append(_ value: Any, to key: inout String) -> Bool {
    if value is SourceLocation { return true }
    let mirror = Mirror(reflecting: value)
    if mirror.displayStyle == .class {
      // An object is itself (and may refer back to itself): only the same object gives the same key.
      key += "object\(ObjectIdentifier(value as AnyObject).hashValue)"
      return true
    }
    key += String(describing: mirror.subjectType)
    if mirror.children.isEmpty {
      // A closure prints as "(Function)", whatever it does.
      guard mirror.displayStyle != nil || !(String(describing: mirror.subjectType).contains("->")) else {
        return false
      }
      key += "=" + String(reflecting: value)
      return true
    }
    key += "("
    for child in mirror.children {
      key += (child.label ?? "") + ":"
      guard append(child.value, to: &key) else { return false }
      key += ","
    }
    key += ")"
    return true
  }
}
