"""Tables handed to the binary: DataFrames, dicts of lists or numpy arrays, written once as CSV."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Mapping


def write_table(table: Any, path: Path) -> None:
    """Writes ``table`` as CSV the binary reads: a header row, missing values as `nan` or empty, booleans as 1/0."""
    if _is_dataframe(table):
        frame = table.reset_index() if _has_named_index(table) else table
        columns = {str(name): _text_cells(frame[name]) for name in frame.columns}
        _write_text_columns(columns, path)
        return
    if isinstance(table, Mapping):
        columns = {str(name): [_quoted(_cell(value)) for value in _values(values)] for name, values in table.items()}
        lengths = {name: len(cells) for name, cells in columns.items()}
        if len(set(lengths.values())) > 1:
            raise ValueError(f"data columns differ in length: {lengths}")
        _write_text_columns(columns, path)
        return
    raise TypeError(
        f"data tables must be pandas DataFrames or dicts of lists/arrays, not {type(table).__name__}"
    )


def _text_cells(series: Any) -> list:
    """A column's cells as CSV text. Numbers go through ``repr`` (shortest round-trip form, about twice as fast
    as pandas' writer); NaN is written ``nan``, which the binary reads as a gap."""
    kind = getattr(series.dtype, "kind", "O")
    values = series.tolist()
    if kind == "b":
        return ["1" if value else "0" for value in values]
    if kind in "iu":
        return list(map(str, values))
    if kind == "f":
        return list(map(repr, values))
    return [_quoted(_cell(value)) for value in values]


def _quoted(text: str) -> str:
    if any(character in text for character in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _write_text_columns(columns: dict, path: Path) -> None:
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
    return type(value).__name__ == "DataFrame" and hasattr(value, "to_csv")


def _has_named_index(frame: Any) -> bool:
    names = getattr(frame.index, "names", [None])
    return any(name is not None for name in names)


def _values(values: Any) -> Any:
    return values.tolist() if hasattr(values, "tolist") else values


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    return str(value)
