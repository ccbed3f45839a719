"""Running the vellum binary: locating it, passing spec and data, and turning its messages into Python ones."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import warnings
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

from ._process import ProcessUnavailable, decode_outputs, process_for
from ._tables import write_table

FORMATS = ("svg", "pdf", "png")
# file:line:col: error: message — the binary's one-line diagnostics.
_LOCATED = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<column>\d+): (?P<kind>error|warning): (?P<message>.*)$")


class VellumError(Exception):
    """A spec or data error, with the binary's one-line message and, when it has one, its location."""

    def __init__(self, text: str, exit_code: int = 1):
        super().__init__(text)
        self.text = text
        self.exit_code = exit_code
        match = _LOCATED.match(text)
        self.file: Optional[str] = match["file"] if match else None
        self.line: Optional[int] = int(match["line"]) if match else None
        self.column: Optional[int] = int(match["column"]) if match else None
        self.message: str = match["message"] if match else re.sub(r"^(error|Error): ", "", text)


class BinaryNotFound(VellumError):
    """The vellum binary is not installed where the package looks for it."""


class VellumWarning(UserWarning):
    """Suspicious but valid input, as the binary's ``warning:`` lines report it."""


def binary() -> str:
    """The vellum executable: ``$VELLUM_BIN``, else ``vellum`` on ``PATH``."""
    configured = os.environ.get("VELLUM_BIN")
    if configured:
        if not (os.path.isfile(configured) and os.access(configured, os.X_OK)):
            raise BinaryNotFound(f"VELLUM_BIN is set to {configured!r}, which is not an executable file", 127)
        return configured
    found = shutil.which("vellum")
    if not found:
        raise BinaryNotFound(
            "the vellum binary is not on PATH: run `make install` in the Vellum repository "
            "(it puts vellum in /usr/local/bin), or set VELLUM_BIN to its path",
            127,
        )
    return found


def _spec_text(spec: Any) -> tuple[str, Path, Optional[str]]:
    """The spec as text (JSON for dicts), the folder its relative data paths resolve against, and the spec file's
    path as given (errors and the figure's title name it, as the command line does), or None for text."""
    if isinstance(spec, Mapping):
        try:
            return json.dumps(spec, allow_nan=False, default=_json_default), Path.cwd(), None
        except ValueError as error:
            # NaN and infinity have no JSON form; a spec value is a number the binary would refuse anyway.
            raise VellumError(f"error: the spec holds a number JSON cannot write (NaN or infinity): {error}", 2) from None
    if isinstance(spec, os.PathLike):
        path = Path(spec)
        return path.read_text(encoding="utf-8"), path.resolve().parent, os.fspath(spec)
    if isinstance(spec, str):
        # A single line naming an existing file is a path; anything else is YAML or JSON text.
        if "\n" not in spec and spec.strip() and os.path.isfile(spec):
            path = Path(spec)
            return path.read_text(encoding="utf-8"), path.resolve().parent, spec
        return spec, Path.cwd(), None
    raise TypeError(f"spec must be a dict, YAML/JSON text or a path, not {type(spec).__name__}")


def _json_default(value: Any) -> Any:
    # numpy scalars and arrays in a spec dict (limits computed with numpy, say).
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _formats(formats: Iterable[str] | str) -> list[str]:
    names = [formats] if isinstance(formats, str) else list(formats)
    for name in names:
        if name not in FORMATS:
            raise ValueError(f"unknown format {name!r} (expected svg, pdf or png)")
    if not names:
        raise ValueError("no output format given")
    return list(dict.fromkeys(names))


def _naming_tables(stderr: str, tables: Mapping[str, str]) -> str:
    """Messages about a table the package wrote name it as the caller did: ``data['runs']`` instead of a temporary
    path, located at ``ROW:COLUMN`` (the table's 1-based row, a CSV table's header line not counted)."""
    lines = []
    for line in stderr.splitlines():
        match = _LOCATED.match(line)
        name = tables.get(match["file"]) if match else None
        if name is not None:
            row = int(match["line"]) - (1 if match["file"].endswith(".csv") else 0)
            line = f"{match['file']}:{row}:{match['column']}: {match['kind']}: {match['message']}"
        for path, table in tables.items():
            line = line.replace(path, f"data[{table!r}]")
        lines.append(line)
    return "\n".join(lines)


def _report(stderr: str, exit_code: int) -> None:
    """Warnings become Python warnings; on failure the first error line becomes the exception."""
    errors = []
    for line in (line for line in stderr.splitlines() if line.strip()):
        match = _LOCATED.match(line)
        if match and match["kind"] == "warning":
            warnings.warn(line, VellumWarning, stacklevel=3)
        else:
            errors.append(line)
    if exit_code != 0:
        raise VellumError(errors[0] if errors else f"vellum exited with status {exit_code}", exit_code)


def render(
    spec: Any,
    data: Optional[Mapping[str, Any]] = None,
    formats: Iterable[str] | str = ("svg",),
    dpi: float = 300,
    style: Optional[str] = None,
) -> dict[str, bytes]:
    """Renders ``spec`` with ``data`` (source name → DataFrame, dict of lists or numpy arrays) to each format.

    Returns ``{format: bytes}``. Raises ``VellumError`` for a bad spec or data, ``BinaryNotFound`` when the
    binary is missing.

    Renders go through one ``vellum serve --stdio`` process kept for the session (start-up paid once); set
    ``VELLUM_STDIO=0`` to run one ``vellum render`` process per call instead.
    """
    names = _formats(formats)
    text, directory, spec_name = _spec_text(spec)
    # A style file's path is read from the current folder, as on the command line.
    if style is not None and ("/" in str(style) or str(style).endswith((".yaml", ".yml"))):
        style = os.path.abspath(str(style))
    executable = binary()
    with tempfile.TemporaryDirectory(prefix="vellum-") as scratch:
        scratch_path = Path(scratch)
        tables = {}
        sources = []
        for index, (name, table) in enumerate((data or {}).items()):
            if not isinstance(name, str) or not name:
                raise TypeError("data names must be non-empty strings")
            path = write_table(table, scratch_path, f"table-{index}")
            tables[str(path)] = name
            sources.append((name, str(path)))
        if os.environ.get("VELLUM_STDIO", "1") != "0":
            request = {"spec": text, "directory": str(directory), "formats": names, "dpi": float(dpi)}
            if spec_name is not None:
                request["name"] = spec_name
            if style is not None:
                request["style"] = str(style)
            if sources:
                request["data"] = [{"name": name, "path": path} for name, path in sources]
            try:
                answer = process_for(executable).request(request)
            except ProcessUnavailable:
                answer = None
            if answer is not None:
                lines = list(answer.get("warnings", []))
                if "error" in answer:
                    lines.append(answer["error"])
                _report(_naming_tables("\n".join(lines), tables), int(answer.get("exit_code", 0)))
                return decode_outputs(answer, names)
        # A spec file renders under its own name (errors and the title name it); text comes on standard input.
        source = str(Path(spec_name).resolve()) if spec_name is not None else "-"
        stem = Path(spec_name).stem if spec_name is not None else "figure"
        arguments = [executable, "render", source, "--out", str(scratch_path / "out"), "--format", ",".join(names)]
        arguments += ["--dpi", repr(float(dpi))]
        if style is not None:
            arguments += ["--style", str(style)]
        for name, path in sources:
            arguments += ["--data", f"{name}={path}"]
        result = subprocess.run(
            arguments, input=None if spec_name is not None else text.encode("utf-8"), capture_output=True, cwd=directory
        )
        stderr = result.stderr.decode("utf-8", errors="replace")
        if spec_name is not None:
            stderr = stderr.replace(source, spec_name)
        _report(_naming_tables(stderr, tables), result.returncode)
        return {name: (scratch_path / "out" / f"{stem}.{name}").read_bytes() for name in names}
