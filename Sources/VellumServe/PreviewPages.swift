import VellumReview
import VellumSVG

/// The preview's HTML: an index of the figures and one page per figure. Every value from a spec (titles, errors)
/// is escaped here; everything that changes later is filled in by `PreviewAssets.script` with `textContent`.
enum PreviewPages {
  static func index(_ items: [(source: PreviewSource, state: PreviewState)]) -> String {
    var cards = ""
    for (source, state) in items {
      let id = html(source.id)
      let picture =
        state.figureVersion > 0
        ? "<img src=\"/figures/\(id).svg?v=\(state.figureVersion)\" alt=\"\(html(state.title))\" loading=\"lazy\">"
        : "<span class=\"missing\">no figure yet</span>"
      let problem = state.error.map { "<p class=\"problem\">\(html($0.message))</p>" } ?? ""
      cards += """
        <li><a href="/figures/\(id)">\(picture)<span class="name">\(html(state.title))</span></a>\
        <code>\(html(source.path))</code>\(problem)</li>

        """
    }
    return page(
      title: "Figures — vellum serve", figure: nil,
      body: """
        <header><h1>Figures</h1><p>\(items.count) spec\(items.count == 1 ? "" : "s"); each page updates as its spec, \
        data or style changes.</p></header>
        <main><ul class="cards">
        \(cards)</ul></main>
        """)
  }

  static func figure(_ source: PreviewSource, state: PreviewState) -> String {
    let id = html(source.id)
    let base = html(source.id)
    return page(
      title: "\(state.title) — vellum serve", figure: source.id,
      body: """
        <header>
        <p><a href="/">All figures</a> · <code>\(html(source.path))</code></p>
        <h1 id="title">\(html(state.title))</h1>
        <nav>
        <button type="button" id="actual" aria-pressed="true">Actual size</button>
        <button type="button" id="fit" aria-pressed="false">Page width</button>
        <a href="/figures/\(id).svg" download="\(base).svg">SVG</a>
        <a href="/figures/\(id).pdf" download="\(base).pdf">PDF</a>
        <a href="/figures/\(id).png" download="\(base).png">PNG</a>
        <a href="/figures/\(id).scene">Scene tree</a>
        </nav>
        </header>
        <main>
        <section id="stage"><div id="figure" class="actual"></div>
        <div id="overlay" role="alert" hidden><pre id="error"></pre></div></section>
        <ul id="warnings"></ul>
        <section><h2>Spec</h2><ol id="spec"></ol></section>
        <section><h2>Data</h2><div id="tables"></div></section>
        </main>
        """)
  }

  private static func page(title: String, figure: String?, body: String) -> String {
    let data = figure.map { " data-figure=\"\(html($0))\"" } ?? ""
    return """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(html(title))</title>
      <link rel="stylesheet" href="/vellum-serve.css">
      <script src="/vellum-serve.js" defer></script>
      </head>
      <body\(data)>
      \(body)
      <footer><label>Colour vision <select id="vision">
      <option value="normal">normal</option>
      \(ColorVisionFilters.names.map { "<option value=\"\($0)\">\($0)</option>" }.joined(separator: "\n"))
      </select></label></footer>
      \(ColorVisionFilters.definitions)
      </body>
      </html>

      """
  }

  private static func html(_ text: String) -> String { XMLEscaping.attribute(text) }
}
