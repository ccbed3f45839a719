import CVellumText
import VellumDiagnostics

/// The one place each font library (FreeType, HarfBuzz, fontconfig) reports failure: every status and every
/// missing object goes through its library's funnel into a ``VellumError`` with a typed cause.
enum FontBoundary {
  /// FreeType: throws unless `status` is 0 (FT_Err_Ok).
  static func freetype(_ status: FT_Error, _ what: String) throws {
    guard status != 0 else { return }
    let message = FT_Error_String(status).map { String(cString: $0) } ?? "error \(status)"
    throw VellumError(.font, what, cause: .library(.freetype, status: status, message: message))
  }

  /// FreeType: the object a call returned, or an error when it returned none.
  static func freetype<T>(_ object: T?, _ what: String) throws -> T {
    guard let object else {
      throw VellumError(.font, what, cause: .library(.freetype, status: nil, message: "no object"))
    }
    return object
  }

  /// HarfBuzz: the object a constructor returned, or an error when it returned none.
  static func harfbuzz<T>(_ object: T?, _ what: String) throws -> T {
    guard let object else {
      throw VellumError(.font, what, cause: .library(.harfbuzz, status: nil, message: "no object"))
    }
    return object
  }

  /// fontconfig: the object a call returned, or an error naming the call's own result when it returned none.
  static func fontconfig<T>(_ object: T?, _ what: String, result: FcResult? = nil) throws -> T {
    guard let object else {
      throw VellumError(
        .font, what,
        cause: .library(.fontconfig, status: result.map { Int32($0.rawValue) }, message: "no result"))
    }
    return object
  }

  /// fontconfig: throws when a call answers FcFalse.
  static func fontconfig(_ ok: FcBool, _ what: String) throws {
    guard ok == 0 else { return }
    throw VellumError(.font, what, cause: .library(.fontconfig, status: nil, message: "call failed"))
  }
}
