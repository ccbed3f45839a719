"""Tables handed to the binary: DataFrames, dicts of lists or numpy arrays.

With numpy installed a table is written as a NumPy ``.npz`` archive, which the binary reads as it reads any
``.npz`` data source: number columns stay binary (no text to write or parse), other columns become ``str``
arrays. Without numpy, or when a text column's fixed-width ``str`` array would be far larger than its text (one
very long cell among short ones), the table is written as CSV instead.
"""

from __future__ import annotations

import math
import zipfile
from pathlib import Path
from typing import Any, Mapping

try:
    import numpy
except ImportError:  # The package works without numpy: tables then go through CSV.
    numpy = None

# A str array stores every cell at the longest cell's width (4 bytes a character); past this waste, CSV is smaller.
_TEXT_WASTE_LIMIT = 64 << 20


def write_table(table: Any, directory: Path, stem: str) -> Path:
    """Writes ``table`` into ``directory`` as ``stem.npz`` (or ``stem.csv``) and returns the path."""
    columns = _columns(table)
    lengths = {name: len(values) for name, values in columns.items()}
    if len(set(lengths.values())) > 1:
        raise ValueError(f"data columns differ in length: {lengths}")
    if numpy is not None:
        arrays = {name: _array(values) for name, values in columns.items()}
        if all(array is not None for array in arrays.values()):
            path = directory / f"{stem}.npz"
            _write_npz(arrays, path)
            return path
    path = directory / f"{stem}.csv"
    _write_csv({name: [_quoted(_cell(value)) for value in _values(values)] for name, values in columns.items()}, path)
    return path


def _columns(table: Any) -> dict:
    """Column name → values (a pandas Series, numpy array or list), in order; the first of two equal names wins."""
    if _is_dataframe(table):
        frame = table.reset_index() if _has_named_index(table) else table
        columns: dict = {}
        for position, name in enumerate(frame.columns):
            columns.setdefault(str(name), frame.iloc[:, position])
        return columns
    if isinstance(table, Mapping):
        columns = {}
        for name, values in table.items():
            columns.setdefault(str(name), values)
        return columns
    raise TypeError(f"data tables must be pandas DataFrames or dicts of lists/arrays, not {type(table).__name__}")


def _array(values: Any) -> Any:
    """The column as a 1-D numpy array the binary reads: bool, integer and float columns as they are (nullable
    pandas columns as float with NaN for missing), anything else as ``str`` with missing cells empty. None when the
    ``str`` array would waste too much memory."""
    dtype = getattr(values, "dtype", None)
    kind = getattr(dtype, "kind", None)
    if dtype is not None and kind in "biuf" and not _is_extension(dtype):
        array = numpy.asarray(values)
        return array.astype(numpy.float32) if array.dtype == numpy.float16 else array
    if dtype is not None and kind in "biuf":
        # pandas' nullable Int64/Float64/boolean: missing values become NaN, a gap as in CSV.
        return values.to_numpy(dtype="float64", na_value=numpy.nan)
    if isinstance(values, (list, tuple)):
        array = numpy.asarray(values)
        if array.ndim == 1 and array.dtype.kind in "biuf":
            return array
    cells = [_cell(value) for value in _values(values)]
    text = numpy.array(cells, dtype=str) if cells else numpy.array([], dtype="<U1")
    if text.nbytes > _TEXT_WASTE_LIMIT and text.nbytes > 8 * sum(len(cell) for cell in cells):
        return None
    return text


def _write_npz(arrays: dict, path: Path) -> None:
    # What np.savez writes (one .npy per column, stored uncompressed), without its keyword arguments: a column
    # may be called "file" or "allow_pickle".
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as archive:
        for name, array in arrays.items():
            with archive.open(name + ".npy", "w", force_zip64=True) as handle:
                numpy.lib.format.write_array(handle, numpy.ascontiguousarray(array), allow_pickle=False)


def _quoted(text: str) -> str:
    if any(character in text for character in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _write_csv(columns: dict, path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        handle.write(",".join(_quoted(name) for name in columns) + "\n")
        rows = map(",".join, zip(*columns.values()))
        # In blocks, so a million rows never become one giant string.
        while True:
            block = list(_take(rows, 65536))
            if not block:
                break
            handle.write("\n".join(block) + "\n")


def _take(iterator: Any, count: int) -> Any:
    for _ in range(count):
        try:
            yield next(iterator)
        except StopIteration:
            return


def _is_dataframe(value: Any) -> bool:
    return type(value).__name__ == "DataFrame" and hasattr(value, "iloc")


def _is_extension(dtype: Any) -> bool:
    return not isinstance(dtype, numpy.dtype)


def _has_named_index(frame: Any) -> bool:
    names = getattr(frame.index, "names", [None])
    return any(name is not None for name in names)


def _values(values: Any) -> Any:
    return values.tolist() if hasattr(values, "tolist") else values


def _cell(value: Any) -> str:
    """One cell as the binary reads text: missing values empty, booleans 1/0, floats in their shortest form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    if type(value).__name__ in ("NAType", "NaTType"):
        return ""
    return str(value)
