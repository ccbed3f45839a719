import Foundation

/// One spec the preview serves, under an id that is its only name in URLs (no path from a request reaches the disk).
public struct PreviewSource: Sendable, Equatable {
  /// Letters, digits, `-` and `_` only: the spec's file name without extension, made unique.
  public let id: String
  /// The spec's path as given (errors name it so).
  public let path: String

  public init(id: String, path: String) {
    self.id = id
    self.path = path
  }

  /// Ids for `paths` in order: each file's base name with any other character replaced by `-`, and `-2`, `-3`…
  /// after a name already taken.
  public static func naming(_ paths: [String]) -> [PreviewSource] {
    var taken = Set<String>()
    return paths.map { path in
      let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
      var stem = String(
        base.unicodeScalars.map { scalar -> Character in
          scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
            ? Character(scalar) : "-"
        })
      if stem.isEmpty { stem = "figure" }
      var id = stem
      var suffix = 2
      while taken.contains(id) {
        id = "\(stem)-\(suffix)"
        suffix += 1
      }
      taken.insert(id)
      return PreviewSource(id: id, path: path)
    }
  }
}
