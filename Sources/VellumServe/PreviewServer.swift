import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Vellum
import VellumDiagnostics
import VellumReview
import VellumScene

/// `vellum serve`: the figures under the given specs, each on a page that follows its spec, data and styles as they
/// change (Server-Sent Events), with the located error over the last good figure while the spec is broken.
///
/// Only these URLs exist: `/`, the page assets, and `/figures/ID` with `.svg`, `.pdf`, `.png`, `.json` (the page's
/// state), `.events` and `.scene`. An id is looked up among the served specs; nothing from a request is a path.
public struct PreviewServer: Sendable {
  public var sources: [PreviewSource]
  public var renderer: FigureRenderer
  public var host: String
  public var port: Int
  /// How often the inputs are compared with the disk.
  public var pollInterval: Duration = .milliseconds(100)

  public init(sources: [PreviewSource], renderer: FigureRenderer, host: String = "127.0.0.1", port: Int = 8000) {
    self.sources = sources
    self.renderer = renderer
    self.host = host
    self.port = port
  }

  /// Renders every spec once, then serves until SIGINT or SIGTERM; `started` gets the address it listens on.
  public func run(started: @escaping @Sendable (String) -> Void) async throws {
    let renderer = renderer
    let renders = sources.map { PreviewRender(source: $0, renderer: renderer) }
    let store = PreviewStore(sources: sources, renders: renders)
    let router = Router()
    router.add(middleware: LoopbackHostMiddleware<BasicRequestContext>(boundHost: host))
    Self.route(router, store: store, renderer: renderer)
    var logger = Logger(label: "vellum-serve")
    logger.logLevel = .error
    let host = host
    let app = Application(
      router: router, configuration: .init(address: .hostname(host, port: port), serverName: "vellum"),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? 0
        let shown = host.contains(":") ? "[\(host)]" : host
        started("http://\(shown):\(port)/")
      }, logger: logger)
    let interval = pollInterval
    let watcher = Task { await Self.watch(store: store, renderer: renderer, every: interval) }
    defer { watcher.cancel() }
    do {
      try await app.runService()
    } catch let error as IOError where error.errnoCode == EADDRINUSE {
      throw VellumError(
        .io, "port \(port) on \(host) is in use; choose another with --port (0 picks a free one)")
    }
  }

  /// Compares each figure's inputs with the disk and renders again the figures whose inputs changed.
  static func watch(store: PreviewStore, renderer: FigureRenderer, every interval: Duration) async {
    while !Task.isCancelled {
      try? await Task.sleep(for: interval)
      for item in await store.watched() {
        // Stamped before rendering: a save during the render is seen at the next look.
        let before = item.inputs.map(FileStamp.init)
        guard before != item.stamps else { continue }
        let render = PreviewRender(source: item.source, renderer: renderer)
        let stamps = render.inputs.map { path in
          item.inputs.firstIndex(of: path).map { before[$0] } ?? FileStamp(path)
        }
        await store.update(item.source.id, render: render, stamps: stamps)
      }
    }
  }

  static func route(_ router: Router<BasicRequestContext>, store: PreviewStore, renderer: FigureRenderer) {
    router.get("/") { _, _ -> Response in
      var items: [(PreviewSource, PreviewState)] = []
      for source in store.order {
        if let state = await store.state(source.id) { items.append((source, state)) }
      }
      return respond(PreviewPages.index(items), type: "text/html; charset=utf-8")
    }
    router.get("/vellum-serve.js") { _, _ in
      respond(PreviewAssets.script, type: "text/javascript; charset=utf-8")
    }
    router.get("/vellum-serve.css") { _, _ in
      respond(PreviewAssets.style, type: "text/css; charset=utf-8")
    }
    router.get("/figures/{name}") { _, context -> Response in
      let name = try context.parameters.require("name")
      let (id, kind) = split(name)
      guard let entry = await store.entry(id) else { return notFound() }
      switch kind {
      case "":
        guard let state = await store.state(id) else { return notFound() }
        return respond(PreviewPages.figure(entry.source, state: state), type: "text/html; charset=utf-8")
      case "json":
        guard let state = await store.state(id) else { return notFound() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return respond(Array(try encoder.encode(state)), type: "application/json")
      case "svg":
        guard let svg = entry.svg else { return notFound() }
        return respond(svg, type: "image/svg+xml")
      case "pdf", "png":
        let format: OutputFormat = kind == "pdf" ? .pdf : .png
        guard let figure = entry.figure else { return notFound() }
        if let bytes = entry.downloads[format] { return respond(bytes, type: format.mediaType) }
        do {
          guard let bytes = try renderer.render(figure, formats: [format])[format] else { return notFound() }
          await store.keep(bytes, format: format, id: id, figureVersion: entry.figureVersion)
          return respond(bytes, type: format.mediaType)
        } catch {
          return respond("\(error)\n", type: "text/plain; charset=utf-8", status: .internalServerError)
        }
      case "scene":
        guard let figure = entry.figure else { return notFound() }
        do {
          return respond(SceneDump.render(try figure.scene()), type: "text/plain; charset=utf-8")
        } catch {
          return respond("\(error)\n", type: "text/plain; charset=utf-8", status: .internalServerError)
        }
      case "events":
        let versions = await store.subscribe(id)
        let (events, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
        let relay = Task {
          // Ctrl-C ends the stream: the server's graceful shutdown waits for open responses, and an event stream
          // never ends by itself.
          await withGracefulShutdownHandler {
            // A reconnecting page waits half a second, not the browser's default three.
            continuation.yield(ByteBuffer(string: "retry: 500\n\n"))
            for await version in versions { continuation.yield(ByteBuffer(string: "data: \(version)\n\n")) }
          } onGracefulShutdown: {
            continuation.finish()
          }
          continuation.finish()
        }
        continuation.onTermination = { _ in relay.cancel() }
        var headers = securityHeaders(type: "text/event-stream")
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody(asyncSequence: events))
      default:
        return notFound()
      }
    }
  }

  /// `loss.svg` → (`loss`, `svg`); `loss` → (`loss`, ``). Ids hold no dots.
  static func split(_ name: String) -> (id: String, kind: String) {
    guard let dot = name.firstIndex(of: ".") else { return (name, "") }
    return (String(name[..<dot]), String(name[name.index(after: dot)...]))
  }

  private static func notFound() -> Response {
    respond("not found\n", type: "text/plain; charset=utf-8", status: .notFound)
  }

  private static func respond(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
    respond(Array(text.utf8), type: type, status: status)
  }

  private static func respond(_ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok) -> Response {
    var headers = securityHeaders(type: type)
    headers[.cacheControl] = "no-store"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  /// No inline script, no plug-ins, no framing by other sites, no content sniffing: a label in a spec or a cell in a
  /// data file is text on every page.
  private static func securityHeaders(type: String) -> HTTPFields {
    var headers = HTTPFields()
    headers[.contentType] = type
    headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
    headers[HTTPField.Name("Content-Security-Policy")!] =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    return headers
  }
}

extension OutputFormat {
  var mediaType: String {
    switch self {
    case .svg: return "image/svg+xml"
    case .pdf: return "application/pdf"
    case .png: return "image/png"
    }
  }
}
