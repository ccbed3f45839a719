import VellumReview

/// The preview pages' script and style sheet, served as files: the pages' Content-Security-Policy allows no inline
/// script, so nothing a spec or a data file holds can ever run.
enum PreviewAssets {
  /// Follows the figure's event stream: on each new version it fetches the state, swaps the SVG in place (parsed as
  /// XML, imported as nodes; no reload), shows or hides the error overlay, and redraws the spec and the tables.
  static let script = #"""
    "use strict";
    // Colour vision (issue 31): the figures through the filter of a deficiency, kept in the address (#deuteranopia).
    (() => {
      const vision = document.getElementById("vision");
      const names = [...vision.options].map((option) => option.value).filter((name) => name !== "normal");
      function see(name) {
        for (const other of names) document.body.classList.toggle(other, other === name);
        vision.value = name;
        history.replaceState(null, "", name === "normal" ? location.pathname : "#" + name);
      }
      vision.addEventListener("change", () => see(vision.value));
      see(names.find((name) => location.hash === "#" + name) || "normal");
    })();
    (() => {
      const id = document.body.dataset.figure;
      if (!id) return;
      const figure = document.getElementById("figure");
      const overlay = document.getElementById("overlay");
      const spec = document.getElementById("spec");
      let shown = 0;
      let busy = false;
      let again = false;

      for (const [button, mode] of [["actual", "actual"], ["fit", "fit"]]) {
        document.getElementById(button).addEventListener("click", () => {
          figure.className = mode;
          for (const other of ["actual", "fit"]) {
            document.getElementById(other).setAttribute("aria-pressed", String(other === mode));
          }
        });
      }

      function element(name, text, className) {
        const node = document.createElement(name);
        if (text !== undefined) node.textContent = text;
        if (className) node.className = className;
        return node;
      }

      async function showFigure(version) {
        const response = await fetch(`/figures/${id}.svg?v=${version}`, { cache: "no-store" });
        if (!response.ok) return;
        const parsed = new DOMParser().parseFromString(await response.text(), "image/svg+xml");
        const root = parsed.documentElement;
        if (root.namespaceURI !== "http://www.w3.org/2000/svg") return;
        figure.replaceChildren(document.importNode(root, true));
        figure.dataset.version = String(version);
        shown = version;
      }

      function showSpec(state) {
        const line = state.error ? state.error.line : null;
        spec.replaceChildren(...state.spec.split("\n").map((text, index) => {
          const item = element("li", text === "" ? "\u200b" : text, index + 1 === line ? "error-line" : "");
          return item;
        }));
        const marked = spec.querySelector(".error-line");
        if (marked) marked.scrollIntoView({ block: "nearest" });
      }

      function showTables(state) {
        const tables = document.getElementById("tables");
        tables.replaceChildren(...state.tables.map((table) => {
          const wrapper = element("figure");
          const more = table.rowCount > table.rows.length ? ` (first ${table.rows.length} of ${table.rowCount} rows)` : "";
          wrapper.append(element("figcaption", table.name + more));
          const grid = element("table");
          const head = element("tr");
          for (const column of table.columns) head.append(element("th", column));
          grid.append(head);
          for (const row of table.rows) {
            const tr = element("tr");
            for (const cell of row) tr.append(element("td", cell));
            grid.append(tr);
          }
          wrapper.append(grid);
          return wrapper;
        }));
      }

      async function refresh() {
        if (busy) { again = true; return; }
        busy = true;
        try {
          do {
            again = false;
            const response = await fetch(`/figures/${id}.json`, { cache: "no-store" });
            if (!response.ok) break;
            const state = await response.json();
            document.getElementById("title").textContent = state.title;
            document.title = `${state.title} — vellum serve`;
            if (state.figureVersion > 0 && state.figureVersion !== shown) await showFigure(state.figureVersion);
            overlay.hidden = !state.error;
            document.getElementById("error").textContent = state.error ? state.error.message : "";
            document.getElementById("warnings").replaceChildren(...state.warnings.map((text) => element("li", text)));
            showSpec(state);
            showTables(state);
            document.body.dataset.version = String(state.version);
          } while (again);
        } catch (error) {
          // The server stopped or restarted: the event stream reconnects and asks again.
        } finally {
          busy = false;
        }
      }

      new EventSource(`/figures/${id}.events`).onmessage = () => refresh();
      refresh();
    })();

    """#

  static var style: String {
    baseStyle
      + ColorVisionFilters.names.map { "body.\($0) #figure svg, body.\($0) .cards img { filter: url(#\($0)); }\n" }
      .joined()
  }

  private static let baseStyle = """
    :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
    body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; }
    header h1 { margin: 0.3rem 0; font-size: 1.4rem; }
    nav { display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
    button[aria-pressed="true"] { font-weight: bold; }
    #stage { position: relative; margin: 1rem 0; border: 1px solid #8884; background: #fff; overflow: auto; }
    #figure.actual svg { display: block; }
    #figure.fit svg { display: block; width: 100%; height: auto; }
    #overlay { position: absolute; inset: 0; background: #fff8; display: flex; align-items: flex-start; }
    #overlay[hidden] { display: none; }
    #error { margin: 1rem; padding: 0.8rem 1rem; background: #fde8e8; color: #7a0000; border: 1px solid #c00;
      white-space: pre-wrap; font-size: 0.9rem; }
    #warnings li { color: #8a5a00; font-family: ui-monospace, monospace; font-size: 0.85rem; }
    #spec { font-family: ui-monospace, monospace; font-size: 0.85rem; white-space: pre; padding-left: 3.5em;
      max-height: 30rem; overflow: auto; border: 1px solid #8884; }
    #spec li.error-line { background: #fde8e8; color: #7a0000; }
    #tables figure { margin: 0.8rem 0; overflow-x: auto; }
    #tables table { border-collapse: collapse; font-size: 0.85rem; }
    #tables th, #tables td { border: 1px solid #8886; padding: 0.15rem 0.5rem; text-align: right; }
    .cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      gap: 1rem; }
    .cards li { border: 1px solid #8884; padding: 0.6rem; }
    .cards img { display: block; max-width: 100%; height: auto; background: #fff; }
    .cards a { text-decoration: none; color: inherit; }
    .cards .name { display: block; font-weight: bold; margin-top: 0.4rem; }
    .cards code { font-size: 0.75rem; }
    .problem { color: #a00; font-size: 0.8rem; }
    footer { margin-top: 2rem; font-size: 0.9rem; }

    """
}
