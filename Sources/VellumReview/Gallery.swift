import Foundation
import Vellum
import VellumSVG

/// A relative link to the file `base.ext` beside the page: `./` and every byte but RFC 3986's unreserved ones
/// percent-encoded, so no file name can become a scheme (`javascript:`), a query, a fragment or markup.
func link(_ base: String, _ pathExtension: String) -> String {
  let name = pathExtension.isEmpty ? base : base + "." + pathExtension
  let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
  return "./"
    + name.utf8.map { byte in
      unreserved.contains(byte) ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
    }.joined()
}

/// A static HTML page showing figures with their specs and download links (`vellum gallery`).
public enum Gallery {
  /// Renders every spec into `folder` (SVG with embedded font subsets, PDF, PNG, and the spec) and
  /// writes `index.html`. Returns the written file names.
  public static func build(specs: [String], folder: URL, renderer: FigureRenderer = FigureRenderer(embedFonts: true))
    throws -> [String]
  {
    var files: [(URL, [UInt8])] = []
    var cards: [String] = []
    // Two specs named alike would write the same files: refuse before anything is written, naming both.
    var seen: [String: String] = [:]
    for path in specs {
      let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
      if let other = seen[base] {
        throw VellumError(
          .io, "'\(other)' and '\(path)' would both write \(base).svg, .pdf and .png in the gallery; rename one")
      }
      seen[base] = path
    }
    for path in specs {
      let spec = URL(fileURLWithPath: path)
      let base = spec.deletingPathExtension().lastPathComponent
      let outputs = try renderer.render(specPath: path, formats: OutputFormat.allCases)
      for format in OutputFormat.allCases {
        files.append((folder.appendingPathComponent("\(base).\(format.rawValue)"), outputs[format]!))
      }
      let source = (try? String(contentsOf: spec, encoding: .utf8)) ?? ""
      files.append((folder.appendingPathComponent("\(base).\(spec.pathExtension)"), Array(source.utf8)))
      let title =
        (try? SVGDocument.parse(Data(outputs[.svg]!), name: base))?.children.first { $0.name == "title" }?.allText
        ?? base
      cards.append(
        """
        <figure id="\(html(base))">
        <img src="\(link(base, "svg"))" alt="\(html(title))">
        <figcaption><strong>\(html(base))</strong> — \(html(title))
        <a href="\(link(base, "svg"))">SVG</a> · <a href="\(link(base, "pdf"))">PDF</a> · <a href="\(link(base, "png"))">PNG</a> · <a href="\(link(base, spec.pathExtension))">spec</a></figcaption>
        <details><summary>Spec</summary><pre>\(html(source))</pre></details>
        </figure>
        """)
    }
    let page = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>Vellum gallery</title>
      <style>
      body{font-family:system-ui,sans-serif;margin:2rem;background:#fafafa}
      figure{background:#fff;border:1px solid #ddd;padding:1rem;margin:0 0 2rem}
      img{max-width:100%;height:auto;display:block}
      figcaption{margin:.5rem 0;color:#333}
      pre{background:#f4f4f4;padding:.75rem;overflow:auto}
      </style>
      </head>
      <body>
      <h1>Vellum gallery</h1>
      \(cards.joined(separator: "\n"))
      </body>
      </html>

      """
    files.append((folder.appendingPathComponent("index.html"), Array(page.utf8)))
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try AtomicOutput.write(files)
    return files.map(\.0.lastPathComponent)
  }

  /// The SVG writer's escaper: the one escaper for generated markup.
  private static func html(_ text: String) -> String { XMLEscaping.attribute(text) }
}
