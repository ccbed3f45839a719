"""Rendering for documentation builders: a cache keyed by a spec and every file it reads, and located errors.

The Sphinx extension (``vellum.sphinx``) and the MkDocs plugin (``vellum.mkdocs``) share it. A figure is rendered
into ``CACHE/KEY/STEM.FORMAT``, where KEY hashes the spec text, the folder its relative paths resolve against,
each input file's path and content, and the binary itself, so an unchanged figure is never rendered twice and a
changed data file always renders again.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import html
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from ._run import FORMATS, _LOCATED, VellumError, binary

# Bumped when the cache's layout or key changes, so an old cache is never read as a new one.
_CACHE_VERSION = "1"
# Binaries known to lack `vellum inputs` (path, size, mtime): asked once per process, not once per figure.
_WITHOUT_INPUTS: set[tuple[str, int, int]] = set()


@dataclass
class Spec:
    """A spec to render: its text, the folder its relative paths resolve against, and where its lines come from."""

    text: str
    base: Path
    # The spec file, or None for a spec written inline in a page.
    path: Optional[Path] = None
    # Names the rendered files (STEM.svg); a spec file's own name by default.
    stem: str = ""
    # Maps a line and column of the spec text to (file, line, column) in the source a reader edits.
    locate: Optional[Callable[[int, int], tuple[str, int, int]]] = None

    def __post_init__(self) -> None:
        if not self.stem:
            self.stem = self.path.stem if self.path is not None else "figure"


@dataclass
class Rendered:
    """A figure in the cache: its folder, the files it read, and whether this call rendered it."""

    directory: Path
    stem: str
    key: str
    # The spec file (when there is one) and every data or style file it reads.
    inputs: list[Path]
    rendered: bool
    warnings: list[str] = field(default_factory=list)

    def path(self, format: str) -> Path:
        return self.directory / f"{self.stem}.{format}"

    @property
    def alt(self) -> str:
        """The SVG's description (the spec's ``alt``), else its title, as ``vellum embed`` chooses."""
        head = self.path("svg").read_text(encoding="utf-8", errors="replace")[:20000]
        for tag in ("desc", "title"):
            match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", head, re.S)
            if match and match[1].strip():
                return html.unescape(match[1].strip())
        return ""


def shown(path: "str | os.PathLike[str]") -> str:
    """A path as messages show it: relative to the current folder when it is inside it, else absolute."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith(os.pardir) else relative


def located(line: str, spec: Spec) -> str:
    """The binary's message with its file named as the reader knows it: the page line of an inline spec, the spec
    file for ``<stdin>``, and a data file relative to the current folder instead of the spec's."""
    match = _LOCATED.match(line)
    if not match:
        return line
    file, row, column = match["file"], int(match["line"]), int(match["column"])
    if file == "<stdin>":
        if spec.locate is not None:
            file, row, column = spec.locate(row, column)
        elif spec.path is not None:
            file = shown(spec.path)
    else:
        file = shown(spec.base / file)
    return f"{file}:{row}:{column}: {match['kind']}: {match['message']}"


def _run(command: str, options: list[str], spec: Spec) -> subprocess.CompletedProcess:
    """Runs ``vellum COMMAND SPEC OPTIONS``: a spec file by its path (its name is the figure's default title, as
    on the command line), an inline spec on standard input with its relative paths resolved from ``spec.base``."""
    arguments = [binary(), command, str(spec.path) if spec.path else "-", *options]
    text = None if spec.path else spec.text.encode("utf-8")
    return subprocess.run(arguments, input=text, capture_output=True, cwd=spec.base)


def _failure(result: subprocess.CompletedProcess, spec: Spec) -> VellumError:
    stderr = result.stderr.decode("utf-8", errors="replace")
    errors = [line for line in stderr.splitlines() if line.strip() and not _is_warning(line)]
    first = errors[0] if errors else f"vellum exited with status {result.returncode}"
    return VellumError(located(first, spec), result.returncode)


def _is_warning(line: str) -> bool:
    match = _LOCATED.match(line)
    return bool(match and match["kind"] == "warning")


def _identity(executable: str) -> tuple[str, int, int]:
    status = os.stat(executable)
    return executable, status.st_size, status.st_mtime_ns


def inputs(spec: Spec) -> list[Path]:
    """The files the spec reads (data, then style files), as ``vellum inputs`` lists them.

    A binary without that command gets the files the spec's text names that exist (a superset of what it reads:
    every path-like word that names a file, glob patterns expanded), so editing a data file still renders again.
    """
    executable = binary()
    identity = _identity(executable)
    if identity not in _WITHOUT_INPUTS:
        result = _run("inputs", [], spec)
        if result.returncode == 0:
            lines = [line for line in result.stdout.decode("utf-8", errors="replace").splitlines() if line.strip()]
            # A spec file comes first, itself: the caller has it.
            return [Path(line) for line in (lines[1:] if spec.path else lines)]
        stderr = result.stderr.decode("utf-8", errors="replace").lower()
        if not (result.returncode == 2 and ("unexpected argument" in stderr or "unknown" in stderr)):
            raise _failure(result, spec)
        _WITHOUT_INPUTS.add(identity)
    return _named_files(spec)


def _named_files(spec: Spec) -> list[Path]:
    words = re.findall(r"'([^'\n]+)'|\"([^\"\n]+)\"|([^\s,\[\]{}'\"#]+)", spec.text)
    found: dict[str, Path] = {}
    for word in ("".join(groups).strip() for groups in words):
        # A YAML key or mapping value glued to its colon (`data:`, `runs:`) names no file.
        word = word.rstrip(":")
        if not word or word in (".", ".."):
            continue
        candidate = os.path.join(spec.base, word)
        matches = sorted(glob.glob(candidate)) if any(c in word for c in "*?[") else [candidate]
        for match in matches:
            if os.path.isfile(match):
                found.setdefault(os.path.abspath(match), Path(os.path.abspath(match)))
    return list(found.values())


def _files_below(path: Path) -> list[Path]:
    """A file itself; every file under a folder (a TensorBoard log folder), in sorted order."""
    if path.is_dir():
        return sorted(Path(root) / name for root, _, names in os.walk(path) for name in names)
    return [path]


def _digest(path: Path) -> str:
    hasher = hashlib.sha256()
    try:
        with open(path, "rb") as file:
            for chunk in iter(lambda: file.read(1 << 20), b""):
                hasher.update(chunk)
    except OSError:
        # A file that is missing now is part of the key as missing: creating it renders again.
        return "missing"
    return hasher.hexdigest()


def render_cached(spec: Spec, cache: Path, formats: Iterable[str] = ("svg",)) -> Rendered:
    """Renders ``spec`` into ``cache`` unless a render of the same spec, inputs and binary is there already.

    Raises ``VellumError`` with the located message of a bad spec or data file.
    """
    names = list(dict.fromkeys(["svg", *formats]))
    for name in names:
        if name not in FORMATS:
            raise ValueError(f"unknown format {name!r} (expected svg, pdf or png)")
    read = [file for path in inputs(spec) for file in _files_below(path)]
    hasher = hashlib.sha256()
    for part in (_CACHE_VERSION, *map(str, _identity(binary())), str(spec.path or ""), str(spec.base), spec.text):
        hasher.update(part.encode("utf-8") + b"\0")
    for path in read:
        hasher.update(f"{path}\0{_digest(path)}\0".encode("utf-8"))
    key = hasher.hexdigest()[:24]
    directory = cache / key
    figure = Rendered(directory, spec.stem, key, ([spec.path] if spec.path else []) + read, rendered=False)
    if all(figure.path(name).is_file() for name in names):
        return figure
    directory.mkdir(parents=True, exist_ok=True)
    # Parallel readers (sphinx-build -j) meeting one figure wait for the first to render it.
    with _locked(directory):
        missing = [name for name in names if not figure.path(name).is_file()]
        if not missing:
            return figure
        with tempfile.TemporaryDirectory(prefix=".render-", dir=cache) as scratch:
            result = _run("render", ["--out", scratch, "--format", ",".join(missing)], spec)
            if result.returncode != 0:
                raise _failure(result, spec)
            stderr = result.stderr.decode("utf-8", errors="replace")
            figure.warnings = [located(line, spec) for line in stderr.splitlines() if _is_warning(line)]
            # Renamed into place: a reader of the cache sees a whole file or none.
            written = spec.path.stem if spec.path else "figure"
            for name in missing:
                os.replace(Path(scratch) / f"{written}.{name}", figure.path(name))
    figure.rendered = True
    return figure


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """Holds an exclusive lock on the folder (where ``flock`` exists; elsewhere renders may repeat, harmlessly)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)
