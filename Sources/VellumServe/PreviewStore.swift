import Foundation
import Vellum

/// The previewed figures' latest renders, and the pages waiting to hear of the next one.
actor PreviewStore {
  struct Entry {
    let source: PreviewSource
    var render: PreviewRender
    var version = 1
    /// The version of the last render that drew a figure, and that render (kept while later ones fail).
    var figureVersion = 0
    var figure: Figure?
    var svg: [UInt8]?
    /// PDF and PNG are made when asked for, once per figure version.
    var downloads: [OutputFormat: [UInt8]] = [:]
    var stamps: [FileStamp]
  }

  private var entries: [String: Entry] = [:]
  let order: [PreviewSource]
  private var listeners: [String: [UUID: AsyncStream<Int>.Continuation]] = [:]

  init(sources: [PreviewSource], renders: [PreviewRender]) {
    order = sources
    for (source, render) in zip(sources, renders) {
      var entry = Entry(source: source, render: render, stamps: render.inputs.map(FileStamp.init))
      if let svg = render.svg {
        entry.svg = svg
        entry.figure = render.figure
        entry.figureVersion = 1
      }
      entries[source.id] = entry
    }
  }

  func entry(_ id: String) -> Entry? { entries[id] }

  /// The page's view of a figure.
  func state(_ id: String) -> PreviewState? {
    guard let entry = entries[id] else { return nil }
    return PreviewState(
      version: entry.version, figureVersion: entry.figureVersion, title: entry.render.title,
      spec: entry.render.specText, error: entry.render.error, warnings: entry.render.warnings,
      tables: entry.render.tables)
  }

  /// The inputs to compare with the disk, per figure.
  func watched() -> [(source: PreviewSource, inputs: [String], stamps: [FileStamp])] {
    order.compactMap { source in
      entries[source.id].map { (source, $0.render.inputs, $0.stamps) }
    }
  }

  /// Records a new render and tells every open page of that figure.
  func update(_ id: String, render: PreviewRender, stamps: [FileStamp]) {
    guard var entry = entries[id] else { return }
    entry.version += 1
    var render = render
    if render.error != nil, entry.figureVersion > 0 {
      // The last good figure stays under the error: so do its title and its data.
      render.title = entry.render.title
      render.tables = entry.render.tables
    }
    entry.render = render
    entry.stamps = stamps
    if let svg = render.svg {
      entry.svg = svg
      entry.figure = render.figure
      entry.figureVersion = entry.version
      entry.downloads = [:]
    }
    entries[id] = entry
    for continuation in listeners[id, default: [:]].values { continuation.yield(entry.version) }
  }

  /// Keeps a PDF or PNG made for the figure version it was made from.
  func keep(_ bytes: [UInt8], format: OutputFormat, id: String, figureVersion: Int) {
    guard entries[id]?.figureVersion == figureVersion else { return }
    entries[id]?.downloads[format] = bytes
  }

  /// Versions of a figure as they happen, starting with the current one.
  func subscribe(_ id: String) -> AsyncStream<Int> {
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
    let key = UUID()
    listeners[id, default: [:]][key] = continuation
    continuation.yield(entries[id]?.version ?? 0)
    continuation.onTermination = { _ in Task { await self.unsubscribe(id, key) } }
    return stream
  }

  private func unsubscribe(_ id: String, _ key: UUID) { listeners[id]?[key] = nil }
}

/// What changes when a file is saved, replaced by a rename, or removed.
struct FileStamp: Equatable, Sendable {
  var modified: Date?
  var size: Int?
  var inode: Int?

  init(_ path: String) {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    modified = attributes?[.modificationDate] as? Date
    size = (attributes?[.size] as? NSNumber)?.intValue
    inode = (attributes?[.systemFileNumber] as? NSNumber)?.intValue
  }
}
