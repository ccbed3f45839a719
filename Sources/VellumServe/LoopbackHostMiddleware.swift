import Foundation
import HTTPTypes
import Hummingbird

/// A request must name this machine: `localhost`, `127.x.y.z`, `[::1]`, and, for a preview shared with `--host`, the
/// address it listens on, the machine's name and the addresses of its network interfaces. A page of another site
/// whose name an attacker points at this machine (DNS rebinding) would otherwise read the figures and their data; it
/// gets 421 Misdirected Request instead.
struct LoopbackHostMiddleware<Context: RequestContext>: RouterMiddleware {
  /// The names beside the loopback ones that a request may use (lowercased, IPv6 addresses in brackets).
  let names: Set<String>

  init(boundHost: String) {
    names = Self.isLoopback(boundHost) ? [] : machineNames(boundHost: boundHost)
  }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let host = Self.hostName(request.head.authority ?? "")
    guard Self.isLoopbackName(host) || names.contains(host) else {
      var headers = HTTPFields()
      headers[.contentType] = "text/plain; charset=utf-8"
      return Response(
        status: .misdirectedRequest, headers: headers,
        body: .init(byteBuffer: ByteBuffer(string: "this preview answers requests that name this machine only\n")))
    }
    return try await next(request, context)
  }

  /// `localhost`, `127.x.y.z` or `[::1]`, with or without a port.
  static func namesThisMachine(_ authority: String) -> Bool { isLoopbackName(hostName(authority)) }

  /// Whether `host` (the address the server binds) is this machine only.
  static func isLoopback(_ host: String) -> Bool {
    namesThisMachine(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)
  }

  /// The host of an authority (`name:port`, `[v6]:port`), lowercased, a bracketed IPv6 address kept in brackets.
  private static func hostName(_ authority: String) -> String {
    var host = Substring(authority.lowercased())
    if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
      host = host[...close]
    } else if let colon = host.lastIndex(of: ":") {
      host = host[..<colon]
    }
    return String(host)
  }

  private static func isLoopbackName(_ host: String) -> Bool {
    host == "localhost" || host == "[::1]" || (host.hasPrefix("127.") && host.allSatisfy { $0.isNumber || $0 == "." })
  }
}

/// The names a request for a preview bound to `boundHost` may use: that host (unless a wildcard), this machine's
/// name, and its interfaces' addresses.
private func machineNames(boundHost: String) -> Set<String> {
  func bracketed(_ address: String) -> String { address.contains(":") ? "[\(address.lowercased())]" : address }
  var names: Set<String> = []
  if !["0.0.0.0", "::", "[::]", ""].contains(boundHost) { names.insert(bracketed(boundHost.lowercased())) }
  let machine = ProcessInfo.processInfo.hostName.lowercased()
  if !machine.isEmpty {
    names.insert(machine)
    if let short = machine.split(separator: ".").first { names.insert(String(short)) }
  }
  var interfaces: UnsafeMutablePointer<ifaddrs>?
  guard getifaddrs(&interfaces) == 0 else { return names }
  defer { freeifaddrs(interfaces) }
  var cursor = interfaces
  while let entry = cursor {
    defer { cursor = entry.pointee.ifa_next }
    guard let address = entry.pointee.ifa_addr else { continue }
    let family = Int32(address.pointee.sa_family)
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    if family == AF_INET {
      var ipv4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
      guard inet_ntop(AF_INET, &ipv4, &buffer, socklen_t(buffer.count)) != nil else { continue }
    } else if family == AF_INET6 {
      var ipv6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
      guard inet_ntop(AF_INET6, &ipv6, &buffer, socklen_t(buffer.count)) != nil else { continue }
    } else {
      continue
    }
    let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    // A link-local IPv6 address carries its zone after %, which a Host header writes as %25.
    names.insert(bracketed(String(text.split(separator: "%").first ?? Substring(text))))
  }
  return names
}
