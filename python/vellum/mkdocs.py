"""MkDocs plugin: a fenced ``vellum`` block in a page becomes the rendered figure.

Enable it in ``mkdocs.yml`` with ``plugins: [vellum]`` (the entry point ``mkdocs.plugins`` → ``vellum``). The block
holds either a spec (YAML or JSON) or one line naming a spec file (``.yaml``, ``.yml`` or ``.json``) relative to
the page, or to ``docs_dir`` with a leading ``/``. An inline spec's relative data paths resolve against the
page's folder, a spec file's against its own. The figure is written as ``STEM-HASH.svg`` beside the built page and
shown as ``<figure class="vellum"><img src="STEM-HASH.svg" alt="…"></figure>`` (an image file rather than inline
SVG, whose ids would collide with a second figure's on the page); the alt text is the spec's ``alt``, else the
figure's title.

Figures are cached in ``cache_dir`` (default ``.cache/vellum`` beside ``mkdocs.yml``), keyed by the spec and every
file it reads, so a build renders only figures whose spec or data changed; ``mkdocs serve`` also watches those
files. A bad spec fails the build with its ``file:line:col`` (for an inline spec, the line and column in the page).
"""

from __future__ import annotations

import html
import os
import re
import shutil
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from . import _docs
from ._run import VellumError

log = get_plugin_logger("vellum")

# An opening or closing code fence: three or more backticks or tildes, then the info string.
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>.*?)[ \t]*$")
# One line naming a spec file, as opposed to a one-line spec such as `{axes: {layers: [...]}}`.
_SPEC_PATH = re.compile(r"^[^{\[:#\s][^:#]*\.(ya?ml|json)$", re.IGNORECASE)


class VellumConfig(base.Config):
    """The plugin's options in ``mkdocs.yml``."""

    # Relative to the folder of mkdocs.yml.
    cache_dir = options.Type(str, default=".cache/vellum")


def _blocks(lines: list[str]):
    """Each fenced ``vellum`` block: (first line, line after its closing fence, indent, body lines).

    Other fenced blocks are skipped whole, so a ``vellum`` fence shown inside a longer fence stays text.
    """
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        # A backtick fence's info string holds no backtick (CommonMark); such a line is inline code.
        if not opening or (opening["fence"][0] == "`" and "`" in opening["info"]):
            index += 1
            continue
        fence = opening["fence"]
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = next((j for j in range(index + 1, len(lines)) if closing.match(lines[j])), len(lines))
        if opening["info"].split()[:1] == ["vellum"]:
            indent = opening["indent"]
            body = [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in lines[index + 1 : end]]
            yield index, min(end + 1, len(lines)), indent, body
        index = end + 1


class VellumPlugin(BasePlugin[VellumConfig]):
    """Renders fenced ``vellum`` blocks into figures beside each built page."""

    def on_config(self, config: Any) -> None:
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self._cache = root / os.path.expanduser(self.config.cache_dir)
        self._docs_dir = Path(config.docs_dir)
        self._watched: set[Path] = set()

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        # Data files live outside docs_dir as often as inside it; a change to one renders the page again.
        for path in sorted(self._watched):
            server.watch(os.fspath(path))
        return server

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        lines = markdown.split("\n")
        if not any(True for _ in _blocks(lines)):
            return markdown
        source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
        # Front matter is cut from the markdown MkDocs hands over: count its lines back for error locations.
        offset = 0
        if source is not None:
            raw = source.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            if raw.endswith(markdown):
                offset = raw[: len(raw) - len(markdown)].count("\n")
        page_name = _docs.shown(source) if source is not None else page.file.src_uri
        folder = source.parent if source is not None else self._docs_dir
        destination = Path(page.file.abs_dest_path).parent
        out: list[str] = []
        done = 0
        for start, end, indent, body in _blocks(lines):
            out += lines[done:start]
            done = end
            where = f"{page_name}:{offset + start + 1}"
            spec = self._spec(body, folder, page_name, offset + start + 1, len(indent), where)
            try:
                figure = _docs.render_cached(spec, self._cache)
            except VellumError as error:
                raise PluginError(str(error) if spec.path is None else f"{error} (vellum block at {where})") from None
            self._watched.update(figure.inputs)
            if figure.rendered:
                log.info(f"rendered {_docs.shown(spec.path) if spec.path else where}")
            for warning in figure.warnings:
                log.warning(warning)
            name = f"{figure.stem}-{figure.key[:10]}.svg"
            destination.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(figure.path("svg"), destination / name)
            alt = html.escape(figure.alt, quote=True)
            # A raw HTML block, blank lines around it: Markdown passes it through, and MkDocs leaves its src be.
            out += ["", f'{indent}<figure class="vellum"><img src="{name}" alt="{alt}"></figure>', ""]
        out += lines[done:]
        return "\n".join(out)

    def _spec(self, body: list[str], folder: Path, page: str, fence_line: int, indent: int, where: str) -> _docs.Spec:
        filled = [line for line in body if line.strip()]
        if len(filled) == 1 and _SPEC_PATH.match(filled[0].strip()):
            name = filled[0].strip()
            path = self._docs_dir / name.lstrip("/") if name.startswith("/") else folder / name
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as error:
                raise PluginError(f"{where}: error: cannot read the spec {_docs.shown(path)}: {error.strerror}") from None
            return _docs.Spec(text, path.parent, path=path)
        if not filled:
            raise PluginError(f"{where}: error: the vellum block holds neither a spec nor a spec file's path")

        def locate(line: int, column: int) -> tuple[str, int, int]:
            return page, fence_line + line, column + indent

        return _docs.Spec("\n".join(body) + "\n", folder, locate=locate)
