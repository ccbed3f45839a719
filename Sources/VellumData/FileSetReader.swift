import Foundation
import VellumDiagnostics
import VellumSpec

#if canImport(Glibc)
  import Glibc
#endif

/// Reads several files as one table: patterns expanded with the C library's `glob` (sorted, so every machine
/// reads them in the same order), each file read alone, the tables concatenated, and an optional column taken
/// from each path.
enum FileSetReader {
  static func read(
    _ set: DataSourceSpec.FileSet, name: String, declaredAt location: SourceLocation,
    readFile: (URL, String) throws -> Table
  ) throws -> Table {
    var paths: [(url: URL, display: String)] = []
    for pattern in set.patterns {
      let matched = try expand(pattern, in: set.directory)
      guard !matched.isEmpty else {
        throw VellumError(.missingFile, "no file matches '\(pattern)' (data source '\(name)')", at: location)
      }
      for match in matched where !paths.contains(where: { $0.url == match.url }) { paths.append(match) }
    }
    guard paths.count <= 10_000 else {
      throw VellumError(
        .invalidData, "data source '\(name)' names \(paths.count) files, over the limit of 10000", at: location)
    }
    let tables = try paths.map { try readFile($0.url, $0.display) }
    let derived = try set.pathColumn.map { column in
      (column, try paths.map { try pathValue($0.display, pattern: set.pathPattern, name: name, location: location) })
    }
    return try Table.concatenating(
      tables, origin: set.patterns.joined(separator: ", "), derived: derived.map { (name: $0.0, values: $0.1) })
  }

  /// A path's value for the path column: the pattern's first capture (or whole match), else the file name
  /// without its extension.
  static func pathValue(_ path: String, pattern: String?, name: String, location: SourceLocation) throws -> String {
    guard let pattern else { return URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
    let regex = try Regex(pattern)
    guard let match = path.firstMatch(of: regex) else {
      throw VellumError(
        .invalidData, "path_pattern '\(pattern)' does not match the path '\(path)' (data source '\(name)')",
        at: location)
    }
    let output = match.output
    let range = output.count > 1 ? output[1].range ?? output[0].range! : output[0].range!
    return String(path[range])
  }

  /// Paths matching `pattern` relative to `directory` (the pattern itself when it has no wildcard), sorted, as
  /// written relative paths for messages.
  static func expand(_ pattern: String, in directory: URL) throws -> [(url: URL, display: String)] {
    let absolute = pattern.hasPrefix("/") ? pattern : directory.appendingPathComponent(pattern).path
    guard pattern.contains(where: { "*?[".contains($0) }) else {
      return [(URL(fileURLWithPath: absolute).standardizedFileURL, pattern)]
    }
    var result = glob_t()
    defer { globfree(&result) }
    guard glob(absolute, 0, nil, &result) == 0 else { return [] }
    let prefix = pattern.hasPrefix("/") ? "" : directory.path + "/"
    let found = (0..<Int(result.gl_pathc)).compactMap { index in result.gl_pathv[index].map { String(cString: $0) } }
    return found.sorted().map { path in
      let display = path.hasPrefix(prefix) && !prefix.isEmpty ? String(path.dropFirst(prefix.count)) : path
      return (URL(fileURLWithPath: path).standardizedFileURL, display)
    }
  }
}

extension DataSourceSpec.FileSet {
  /// The files the set reads now: each pattern's matches, in reading order, each file once.
  public var matchedFiles: [URL] {
    var files: [URL] = []
    for pattern in patterns {
      for match in (try? FileSetReader.expand(pattern, in: directory)) ?? [] where !files.contains(match.url) {
        files.append(match.url)
      }
    }
    return files
  }

  /// The folders its wildcard patterns search: a file added to one can join the set.
  public var searchedFolders: [URL] {
    var folders: [URL] = []
    for pattern in patterns where pattern.contains(where: { "*?[".contains($0) }) {
      // The deepest folder of the pattern before its first wildcard.
      let components = (pattern.hasPrefix("/") ? pattern : directory.appendingPathComponent(pattern).path)
        .split(separator: "/", omittingEmptySubsequences: false)
      let wild = components.firstIndex { $0.contains(where: { "*?[".contains($0) }) } ?? components.count - 1
      let path = components[..<wild].joined(separator: "/")
      let folder = URL(fileURLWithPath: path.isEmpty ? "/" : path).standardizedFileURL
      if !folders.contains(folder) { folders.append(folder) }
    }
    return folders
  }
}
