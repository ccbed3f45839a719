import Foundation
import Vellum
import VellumLint
import VellumSVG

/// A relative link to the file `base.ext` beside the page: `./` and every byte but RFC 3986's unreserved ones
/// percent-encoded, so no file name can become a scheme (`javascript:`), a query, a fragment or markup.
func link(_ base: String, _ pathExtension: String) -> String {
  "./" + percentEncodedPath(pathExtension.isEmpty ? base : base + "." + pathExtension)
}

/// A relative path with every byte but RFC 3986's unreserved ones percent-encoded; `/` stays a separator (a data
/// file in a subfolder), so no file name can end a link or become markup.
func percentEncodedPath(_ path: String) -> String {
  let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
  return path.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
}

/// A static HTML page showing figures with their specs and download links (`vellum gallery`).
public enum Gallery {
  /// Renders every spec into `folder` (SVG with embedded font subsets, PDF, PNG, the dark theme's SVG as
  /// `NAME-dark.svg`, and the spec) and writes `index.html`, whose button (or `#dark` in its address) shows every
  /// figure dark, and whose menu (or `#deuteranopia`…) shows them as a reader with a colour-vision deficiency sees
  /// them. Returns the written file names.
  public static func build(specs: [String], folder: URL, renderer: FigureRenderer = FigureRenderer(embedFonts: true))
    throws -> [String]
  {
    var files: [(URL, [UInt8])] = []
    var cards: [String] = []
    // Two specs named alike would write the same files: refuse before anything is written, naming both.
    var seen: [String: String] = [:]
    // The names the gallery writes itself, which no copied data file may take.
    var reserved: Set<String> = ["index.html"]
    for path in specs {
      let spec = URL(fileURLWithPath: path)
      let base = spec.deletingPathExtension().lastPathComponent
      if let other = seen[base] {
        throw VellumError(
          .io, "'\(other)' and '\(path)' would both write \(base).svg, .pdf and .png in the gallery; rename one")
      }
      seen[base] = path
      for pathExtension in OutputFormat.allCases.map(\.rawValue) + [spec.pathExtension] {
        reserved.insert("\(base).\(pathExtension)")
      }
      reserved.insert("\(base)-dark.svg")
    }
    // Data files copied beside the specs (same relative path), so a downloaded spec renders as it is.
    var copied: [String: (from: String, bytes: [UInt8])] = [:]
    for path in specs {
      let spec = URL(fileURLWithPath: path)
      let base = spec.deletingPathExtension().lastPathComponent
      let figure = try Figure(contentsOf: path, style: renderer.style)
      let outputs = try renderer.render(figure, formats: OutputFormat.allCases)
      var darkRenderer = renderer
      darkRenderer.theme = .dark
      let dark = try darkRenderer.render(figure, formats: [.svg])[.svg]!
      var dataLinks: [String] = []
      for input in figure.dataFiles {
        let relative = Self.relativePath(of: input, from: spec.deletingLastPathComponent())
        var isDirectory: ObjCBool = false
        guard let relative, FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory),
          !isDirectory.boolValue, let data = FileManager.default.contents(atPath: input.path)
        else { continue }
        let bytes = Array(data)
        if reserved.contains(relative) {
          throw VellumError(.io, "'\(path)' reads a data file named \(relative), which the gallery writes itself")
        }
        if let earlier = copied[relative] {
          guard earlier.bytes == bytes else {
            throw VellumError(
              .io, "'\(earlier.from)' and '\(path)' read different files named \(relative); rename one")
          }
        } else {
          copied[relative] = (path, bytes)
          files.append((folder.appendingPathComponent(relative), bytes))
        }
        dataLinks.append("<a href=\"\(link(relative, ""))\">\(html(relative))</a>")
      }
      for format in OutputFormat.allCases {
        files.append((folder.appendingPathComponent("\(base).\(format.rawValue)"), outputs[format]!))
      }
      files.append((folder.appendingPathComponent("\(base)-dark.svg"), dark))
      let source = (try? String(contentsOf: spec, encoding: .utf8)) ?? ""
      files.append((folder.appendingPathComponent("\(base).\(spec.pathExtension)"), Array(source.utf8)))
      let title =
        (try? SVGDocument.parse(Data(outputs[.svg]!), name: base))?.children.first { $0.name == "title" }?.allText
        ?? base
      // The figure's title is the caption; a figure without one is named by its file.
      let caption = title == base ? "<strong>\(html(base))</strong>" : "\(html(title)) <small>(\(html(base)))</small>"
      let data = dataLinks.isEmpty ? "" : " · data: " + dataLinks.joined(separator: ", ")
      cards.append(
        """
        <figure id="\(html(base))">
        <img src="\(link(base, "svg"))" data-dark="\(link(base + "-dark", "svg"))" alt="\(html(title))">
        <figcaption>\(caption)<br>
        <a href="\(link(base, "svg"))">SVG</a> · <a href="\(link(base, "pdf"))">PDF</a> · <a href="\(link(base, "png"))">PNG</a> · <a href="\(link(base, spec.pathExtension))">spec</a>\(data)</figcaption>
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
      img{width:100%;height:auto;display:block}
      figcaption{margin:.5rem 0;color:#333}
      pre{background:#f4f4f4;padding:.75rem;overflow:auto}
      body.dark{background:#111;color:#ddd}
      body.dark figure{background:#000;border-color:#333}
      body.dark figcaption{color:#ccc}
      body.dark a{color:#8ab4f8}
      body.dark pre{background:#1b1b1b}
      \(ColorScience.Deficiency.allCases.map { "body.\($0.rawValue) figure img{filter:url(#\($0.rawValue))}" }
        .joined(separator: "\n"))
      </style>
      <script>
      // Light or dark figures (theme: dark, from NAME-dark.svg), seen with normal colour vision or a simulated
      // deficiency (an SVG filter of the same matrices as render --simulate); the address keeps both: #dark,deuteranopia.
      const deficiencies = [\(ColorScience.Deficiency.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))];
      function show(dark, vision) {
        document.body.classList.toggle("dark", dark);
        for (const name of deficiencies) document.body.classList.toggle(name, name === vision);
        for (const img of document.querySelectorAll("img[data-dark]")) {
          if (!img.dataset.light) img.dataset.light = img.getAttribute("src");
          img.setAttribute("src", dark ? img.dataset.dark : img.dataset.light);
        }
        document.getElementById("theme").textContent = dark ? "Light figures" : "Dark figures";
        document.getElementById("vision").value = vision;
        const parts = [dark ? "dark" : "", vision === "normal" ? "" : vision].filter(part => part);
        history.replaceState(null, "", parts.length ? "#" + parts.join(",") : location.pathname);
      }
      function current() {
        return [document.body.classList.contains("dark"), document.getElementById("vision").value];
      }
      addEventListener("DOMContentLoaded", () => {
        const parts = location.hash.slice(1).split(",");
        show(parts.includes("dark"), deficiencies.find(name => parts.includes(name)) || "normal");
      });
      </script>
      </head>
      <body>
      <h1>Vellum gallery</h1>
      <p><button id="theme" onclick="show(!current()[0], current()[1])">Dark figures</button>
      <label>Colour vision <select id="vision" onchange="show(current()[0], this.value)">
      <option value="normal">normal</option>
      \(ColorScience.Deficiency.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }
        .joined(separator: "\n"))
      </select></label></p>
      \(ColorVisionFilters.definitions)
      \(cards.joined(separator: "\n"))
      </body>
      </html>

      """
    files.append((folder.appendingPathComponent("index.html"), Array(page.utf8)))
    for directory in Set(files.map { $0.0.deletingLastPathComponent() }) {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }
    try AtomicOutput.write(files)
    return files.map(\.0.lastPathComponent)
  }

  /// `file` relative to `folder` when it lies inside it (data the spec names as `runs.csv` or `logs/a.csv`);
  /// nil for files elsewhere, which a copied spec could not reach by the same relative path.
  static func relativePath(of file: URL, from folder: URL) -> String? {
    let filePath = file.standardizedFileURL.path
    let folderPath = folder.standardizedFileURL.path
    let prefix = folderPath.hasSuffix("/") ? folderPath : folderPath + "/"
    guard filePath.hasPrefix(prefix) else { return nil }
    return String(filePath.dropFirst(prefix.count))
  }

  /// The SVG writer's escaper: the one escaper for generated markup.
  private static func html(_ text: String) -> String { XMLEscaping.attribute(text) }
}
