import Foundation
import Vellum
import VellumDiagnostics
import VellumSpec

/// `vellum serve --stdio`: one JSON request a line on standard input, one JSON answer a line on standard output, so a
/// program rendering many figures (the Python package) starts the binary once.
///
/// Request: `{"spec": TEXT, "name": "<stdin>", "directory": DIR, "formats": ["svg"], "dpi": 300, "style": NAME,
/// "theme": "light", "data": [{"name": N, "path": P}]}` (only `spec` is required; `directory` anchors relative data
/// paths, default the current folder). Answer: `{"outputs": {"svg": BASE64, …}, "warnings": [LINE, …]}`, or
/// `{"error": LINE, "exit_code": N, "warnings": […]}` with the exit status `vellum render` would have given.
public enum StdioRenderLoop {
  struct Request: Decodable {
    struct DataFile: Decodable {
      var name: String
      var path: String
    }
    var spec: String
    var name: String?
    var directory: String?
    var formats: [String]?
    var dpi: Double?
    var style: String?
    var theme: String?
    var data: [DataFile]?
  }

  struct Answer: Encodable {
    var outputs: [String: String]?
    var error: String?
    var exitCode: Int32?
    var warnings: [String] = []

    enum CodingKeys: String, CodingKey {
      case outputs, error, warnings
      case exitCode = "exit_code"
    }
  }

  /// Answers requests until standard input ends.
  public static func run(renderer base: FigureRenderer) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var number = 0
    while let line = readLine(strippingNewline: true) {
      number += 1
      guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
      let answer = self.answer(line, number: number, renderer: base)
      var bytes =
        (try? encoder.encode(answer)) ?? Data(#"{"error":"error: cannot encode the answer","exit_code":3}"#.utf8)
      bytes.append(UInt8(ascii: "\n"))
      // Unbuffered, one write per answer: the caller reads it as soon as it is whole.
      FileHandle.standardOutput.write(bytes)
    }
  }

  static func answer(_ line: String, number: Int, renderer base: FigureRenderer) -> Answer {
    let request: Request
    do {
      request = try JSONDecoder().decode(Request.self, from: Data(line.utf8))
    } catch {
      return Answer(error: "error: request \(number) is not a render request: \(describe(error))", exitCode: 2)
    }
    do {
      let formats = try (request.formats ?? ["svg"]).map { name -> OutputFormat in
        guard let format = OutputFormat(rawValue: name) else {
          throw Usage("unknown format '\(name)' (expected svg, pdf or png)")
        }
        return format
      }
      guard !formats.isEmpty else { throw Usage("no output format requested") }
      var renderer = base
      if let dpi = request.dpi {
        guard dpi.isFinite, dpi > 0, dpi <= 2400 else {
          throw Usage("dpi must be between 1 and 2400, as render --dpi")
        }
        renderer.dpi = dpi
      }
      if let theme = request.theme {
        guard let parsed = FigureSpec.Theme(rawValue: theme) else {
          throw Usage("unknown theme '\(theme)' (expected light, dark or auto)")
        }
        renderer.theme = parsed
      }
      if let style = request.style {
        if let message = StyleResolver.argumentMessage(style) { throw Usage(message) }
        renderer.style = style
      }
      // The limit a spec file has (render refuses a bigger one): data belongs in files, not in the request.
      let name = request.name ?? "<stdin>"
      _ = try SpecLoader.text(of: Data(request.spec.utf8), file: name)
      let directory = URL(
        fileURLWithPath: request.directory ?? FileManager.default.currentDirectoryPath, isDirectory: true)
      let figure = try Figure(
        text: request.spec, name: name, directory: directory, style: renderer.style,
        extraData: (request.data ?? []).map { (name: $0.name, path: $0.path) })
      let (outputs, warnings) = try renderer.renderReporting(figure, formats: formats)
      var encoded: [String: String] = [:]
      for (format, bytes) in outputs { encoded[format.rawValue] = Data(bytes).base64EncodedString() }
      return Answer(outputs: encoded, warnings: warnings.map(\.description))
    } catch let usage as Usage {
      return Answer(error: "error: \(usage.message)", exitCode: 2)
    } catch let error as VellumError {
      return Answer(error: error.description, exitCode: error.code.exitCode)
    } catch {
      return Answer(error: "error: \(error)", exitCode: 3)
    }
  }

  /// A request option `vellum render` takes as an argument (formats, dpi, theme, style): wrong, it is a usage
  /// error there (exit 2), so it is here.
  private struct Usage: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }

  private static func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): return "'\(key.stringValue)' is missing"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return path.isEmpty ? "a request is a JSON object with a 'spec' string" : "'\(path)' has the wrong type"
    default: return "not valid JSON"
    }
  }
}
