"""Sphinx extension: ``.. vellum:: figures/loss.yaml`` (or an inline spec as the body) renders a figure.

Add ``extensions = ["vellum.sphinx"]`` to ``conf.py``. Options: ``:alt:`` (default: the spec's ``alt``, else the
figure's title), ``:width:``, ``:align:`` (left, center, right), ``:caption:`` (makes a figure with a caption),
``:name:`` (a target for ``:ref:``/``:numref:``) and ``:formats:`` (comma-separated svg, pdf, png: download links
under the figure in HTML).

HTML shows the figure as an image file copied into ``_images/`` (``<img src="_images/loss.svg">``), not as inline
SVG: a Vellum SVG's elements carry ids (``series-loss``, ``clip-axes-0``), so two figures inlined in one page would
collide, and a page that inlines one would take its ``<style>`` rules too. LaTeX includes the PDF. Both come from
one image node whose candidates are the cached SVG and PDF, so a doctree read once serves every builder.

Figures are rendered at read time into ``DOCTREEDIR/vellum/`` and rendered again only when the spec or a file it
reads changes (the cache key hashes them). Each input is a dependency of its document, so an incremental build
reads the document again when a data file changes. A bad spec is an error naming the spec's ``file:line:col``
(for an inline spec, the line and column in the document) and fails the build (exit status 1) whether or not
warnings are errors; the document is read again on the next build until its figure renders.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import _docs
from ._run import FORMATS, VellumError

logger = logging.getLogger(__name__)


class _Failed(Exception):
    """The directive cannot make a figure: no spec, or one that cannot be read."""


def _failed(env: Any) -> set[str]:
    """The documents whose figures failed, kept in the environment (and so across parallel readers and builds)."""
    if not hasattr(env, "vellum_failed"):
        env.vellum_failed = set()
    return env.vellum_failed


def _formats(argument: str) -> list[str]:
    names = [name.strip().lower() for name in (argument or "").split(",") if name.strip()]
    for name in names:
        if name not in FORMATS:
            raise ValueError(f"unknown format {name!r} (expected svg, pdf or png)")
    return list(dict.fromkeys(names))


def _align(argument: str) -> str:
    return directives.choice(argument, ("left", "center", "right"))


class VellumDirective(SphinxDirective):
    """``.. vellum:: PATH`` or ``.. vellum::`` with the spec as its body: one rendered figure."""

    has_content = True
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = {
        "alt": directives.unchanged,
        "width": directives.length_or_percentage_or_unitless,
        "align": _align,
        "caption": directives.unchanged,
        "name": directives.unchanged,
        "formats": _formats,
    }

    def _spec(self) -> _docs.Spec:
        document_folder = Path(self.env.doc2path(self.env.docname)).parent
        if self.arguments and self.content:
            raise _Failed("error: give the vellum directive a spec path or an inline spec, not both")
        if self.arguments:
            # Sphinx's own rule for images: relative to the document, or to the source folder with a leading /.
            _, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
            path = Path(absolute)
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as error:
                raise _Failed(f"error: cannot read the spec {_docs.shown(path)}: {error.strerror}") from None
            return _docs.Spec(text, path.parent, path=path)
        if not self.content:
            raise _Failed("error: the vellum directive needs a spec path or an inline spec")
        return _docs.Spec("\n".join(self.content) + "\n", document_folder, locate=self._in_document())

    def _in_document(self):
        """Maps a line and column of the inline spec to the document's (the body is dedented by docutils)."""
        body = self.block_text.splitlines()[1:]
        indent = min((len(line) - len(line.lstrip(" ")) for line in body if line.strip()), default=0)
        content = self.content

        def locate(line: int, column: int) -> tuple[str, int, int]:
            if 1 <= line <= len(content):
                source, offset = content.info(line - 1)
                if source and offset is not None:
                    return _docs.shown(source), offset + 1, column + indent
            source, directive_line = self.get_source_info()
            return _docs.shown(source), directive_line, 1

        return locate

    def run(self) -> list[nodes.Node]:
        try:
            spec = self._spec()
            # The PDF is always rendered beside the SVG: a LaTeX build of the same doctrees picks it.
            cache = Path(self.env.doctreedir) / "vellum"
            figure = _docs.render_cached(spec, cache, formats=["svg", "pdf", *self.options.get("formats", [])])
        except (_Failed, VellumError) as error:
            # Logged at the directive and the document marked: the build exits non-zero and the next build reads
            # the document again, even with warnings allowed (see setup). No warning type, so suppress_warnings
            # cannot hide it.
            logger.error("%s", error, location=self.get_location())
            _failed(self.env).add(self.env.docname)
            return []
        return self._nodes(spec, figure)

    def _nodes(self, spec: _docs.Spec, figure: _docs.Rendered) -> list[nodes.Node]:
        extra = self.options.get("formats", [])
        for path in figure.inputs:
            self.env.note_dependency(os.fspath(path))
        if figure.rendered:
            source, line = self.get_source_info()
            logger.info("vellum: rendered %s", _docs.shown(spec.path) if spec.path else f"{_docs.shown(source)}:{line}")
        for warning in figure.warnings:
            logger.warning("%s", warning, location=self.get_location(), type="vellum")

        document_folder = Path(self.env.doc2path(self.env.docname)).parent

        def relative(path: Path) -> str:
            return PurePath(os.path.relpath(path, document_folder)).as_posix()

        # STEM.* : the image collector takes every cached format as a candidate; each builder picks its own.
        image = nodes.image(self.block_text, uri=relative(figure.directory / f"{figure.stem}.*"))
        image["alt"] = self.options.get("alt", figure.alt)
        if "width" in self.options:
            image["width"] = self.options["width"]
        self.set_source_info(image)
        if "caption" not in self.options and not extra:
            if "align" in self.options:
                image["align"] = self.options["align"]
            self.add_name(image)
            return [image]

        container = nodes.figure("", image)
        self.set_source_info(container)
        if "align" in self.options:
            container["align"] = self.options["align"]
        self.add_name(container)
        if "caption" in self.options:
            text, messages = self.state.inline_text(self.options["caption"], self.lineno)
            caption = nodes.caption(self.options["caption"], "", *text)
            self.set_source_info(caption)
            container += caption
            container += messages
        if extra:
            links = nodes.paragraph("", "Download: ", classes=["vellum-downloads"])
            for index, name in enumerate(extra):
                if index:
                    links += nodes.Text(", ")
                reference = addnodes.download_reference(
                    "", "", refdoc=self.env.docname, refdomain="", reftype="download", refexplicit=True,
                    refwarn=False, reftarget=relative(figure.path(name)),
                )
                reference += nodes.literal("", name.upper(), classes=["xref", "download"])
                links += reference
            # Only HTML links downloads; a PDF would print the word "Download" under the figure.
            only = addnodes.only(expr="html")
            only += nodes.legend("", links)
            container += only
        return [container]


def _purge(app: Any, env: Any, docname: str) -> None:
    _failed(env).discard(docname)


def _merge(app: Any, env: Any, docnames: Any, other: Any) -> None:
    _failed(env).update(_failed(other) & set(docnames))


def _outdated(app: Any, env: Any, added: Any, changed: Any, removed: Any) -> list[str]:
    # A document whose figure failed is read again, though neither it nor any input changed since.
    return sorted(_failed(env) - set(removed))


def _finished(app: Any, exception: Any) -> None:
    # A failed figure fails the build, whether or not warnings are errors: the page would ship without it.
    if exception is None and _failed(app.env):
        app.statuscode = 1


def setup(app: Any) -> dict[str, Any]:
    """Registers the ``vellum`` directive and the hooks that make a failed figure fail the build."""
    from . import __version__

    app.add_directive("vellum", VellumDirective)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _outdated)
    app.connect("build-finished", _finished)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
