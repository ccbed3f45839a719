import HTTPTypes
import Hummingbird

/// While the preview listens on this machine only, a request must name this machine: a page of another site whose
/// name an attacker points at 127.0.0.1 (DNS rebinding) would otherwise read the figures and their data. It gets
/// 421 Misdirected Request instead.
struct LoopbackHostMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    guard Self.namesThisMachine(request.head.authority ?? "") else {
      var headers = HTTPFields()
      headers[.contentType] = "text/plain; charset=utf-8"
      return Response(
        status: .misdirectedRequest, headers: headers,
        body: .init(byteBuffer: ByteBuffer(string: "this preview answers requests for localhost only\n")))
    }
    return try await next(request, context)
  }

  /// `localhost`, `127.x.y.z` or `[::1]`, with or without a port.
  static func namesThisMachine(_ authority: String) -> Bool {
    var host = Substring(authority.lowercased())
    if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
      host = host[...close]
    } else if let colon = host.lastIndex(of: ":") {
      host = host[..<colon]
    }
    return host == "localhost" || host == "[::1]"
      || (host.hasPrefix("127.") && host.allSatisfy { $0.isNumber || $0 == "." })
  }

  /// Whether `host` (the address the server binds) is this machine only.
  static func isLoopback(_ host: String) -> Bool {
    namesThisMachine(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)
  }
}
