import CVellumRsvg
import VellumDiagnostics

/// The one place each C library the raster stage calls (librsvg, Cairo) reports failure: every status
/// and every missing object goes through its library's funnel into a ``VellumError`` with a typed cause.
enum CBoundary {
  /// librsvg: throws if `error` is set, consuming the GError.
  static func librsvg(_ error: UnsafeMutablePointer<GError>?, _ what: String) throws {
    guard let error else { return }
    let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    let code = error.pointee.code
    g_error_free(error)
    throw VellumError(.render, what, cause: .library(.librsvg, status: code, message: message))
  }

  /// librsvg: the object a constructor returned, or an error when it returned none.
  static func librsvg<T>(_ object: T?, _ what: String) throws -> T {
    guard let object else {
      throw VellumError(.render, what, cause: .library(.librsvg, status: nil, message: "no object"))
    }
    return object
  }

  /// Cairo: throws unless `status` is CAIRO_STATUS_SUCCESS.
  static func cairo(_ status: cairo_status_t, _ what: String) throws {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw VellumError(
      .render, what,
      cause: .library(.cairo, status: Int32(status.rawValue), message: String(cString: cairo_status_to_string(status))))
  }

  /// Cairo: the object a constructor returned, or an error when it returned none.
  static func cairo<T>(_ object: T?, _ what: String) throws -> T {
    guard let object else {
      throw VellumError(.render, what, cause: .library(.cairo, status: nil, message: "no object"))
    }
    return object
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
