import Foundation

/// Spec arguments as files: a folder stands for the `.yaml`, `.yml` and `.json` files directly in it, by name.
enum SpecFolders {
  static let extensions: Set<String> = ["yaml", "yml", "json"]

  /// The warning for a folder's link that points out of it.
  static func warnOutside(_ path: String) {
    FileHandle.standardError.write(
      Data("warning: \(path) links to a file outside its folder; left out (name it on its own to take it)\n".utf8))
  }

  /// Each input, folders replaced by their spec files. `outside` is told of a folder's file that is a link to a file
  /// outside that folder, which is left out (a folder shares only what is in it).
  static func expand(_ inputs: [String], outside: (String) -> Void = { _ in }) throws -> [String] {
    var specs: [String] = []
    for input in inputs {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else {
        specs.append(input)
        continue
      }
      let folder = URL(fileURLWithPath: input).resolvingSymlinksInPath().standardizedFileURL.path
      for name in try FileManager.default.contentsOfDirectory(atPath: input).sorted()
      where extensions.contains(URL(fileURLWithPath: name).pathExtension) {
        let path = URL(fileURLWithPath: input).appendingPathComponent(name).path
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        guard target.hasPrefix(folder + "/") else {
          outside(path)
          continue
        }
        specs.append(path)
      }
    }
    return specs
  }
}
