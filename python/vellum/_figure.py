"""A rendered figure for notebooks: Jupyter calls ``_repr_svg_`` / ``_repr_png_`` to show it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

from ._run import render


class Figure:
    """One spec with its data, rendered on first use; ``svg``, ``pdf`` and ``png`` are the output bytes."""

    def __init__(
        self, spec: Any, data: Optional[Mapping[str, Any]] = None, dpi: float = 300, style: Optional[str] = None
    ):
        self.spec = spec
        self.data = dict(data or {})
        self.dpi = dpi
        self.style = style
        self._outputs: dict[str, bytes] = {}
        # Render now, so a bad spec raises where the Figure is made, not when a notebook displays it.
        self._output("svg")

    def _output(self, name: str) -> bytes:
        if name not in self._outputs:
            self._outputs.update(render(self.spec, self.data, formats=(name,), dpi=self.dpi, style=self.style))
        return self._outputs[name]

    @property
    def svg(self) -> bytes:
        return self._output("svg")

    @property
    def pdf(self) -> bytes:
        return self._output("pdf")

    @property
    def png(self) -> bytes:
        return self._output("png")

    def _repr_svg_(self) -> str:
        return self.svg.decode("utf-8")

    def _repr_png_(self) -> bytes:
        return self.png

    def save(self, path: "str | os.PathLike[str]", formats: Iterable[str] = ("svg", "pdf", "png")) -> list[Path]:
        """Writes ``PATH.FORMAT`` for each format (into ``PATH/figure.FORMAT`` when PATH is a folder)."""
        target = Path(path)
        base = target / "figure" if target.is_dir() else target.with_suffix("") if target.suffix in (
            ".svg", ".pdf", ".png") else target
        names = [formats] if isinstance(formats, str) else list(formats)
        missing = [name for name in names if name not in self._outputs]
        if missing:
            self._outputs.update(render(self.spec, self.data, formats=missing, dpi=self.dpi, style=self.style))
        written = []
        for name in names:
            out = base.with_name(base.name + "." + name)
            # Written to a temporary beside it and renamed, so a reader never sees half a file.
            partial = out.with_name(f".{out.name}.{os.getpid()}.tmp")
            partial.write_bytes(self._outputs[name])
            os.replace(partial, out)
            written.append(out)
        return written

    def __repr__(self) -> str:
        return f"<vellum.Figure {len(self.svg)} bytes of SVG>"
