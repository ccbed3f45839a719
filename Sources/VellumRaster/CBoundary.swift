import CVellumRsvg
import VellumDiagnostics

/// The one place where librsvg's GErrors and Cairo's status codes become ``VellumError``s.
enum CBoundary {
  /// Throws if `error` is set, consuming it.
  static func check(_ error: UnsafeMutablePointer<GError>?, _ what: String) throws {
    guard let error else { return }
    let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    g_error_free(error)
    throw VellumError(.render, what, cause: "librsvg: \(message)")
  }

  /// Throws unless `status` is CAIRO_STATUS_SUCCESS.
  static func check(_ status: cairo_status_t, _ what: String) throws {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw VellumError(.render, what, cause: "cairo: \(String(cString: cairo_status_to_string(status)))")
  }
}

/// Collects bytes Cairo writes through its stream callbacks.
final class ByteSink {
  var bytes: [UInt8] = []

  /// A `cairo_write_func_t` whose closure pointer is an unretained `ByteSink`.
  static let write: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
  }
}
