"""The Python package against the built binary (VELLUM_BIN): DataFrames in, bytes out, errors as exceptions."""

import os
import subprocess
import warnings

import numpy as np
import pandas as pd
import pytest

import vellum

SPEC = {
    "size": ["4in", "3in"],
    "axes": {
        "x": {"label": "Step"},
        "y": {"label": "Loss"},
        "layers": [{"line": {"data": "runs", "x": "step", "y": "loss", "color": {"column": "run"}}}],
    },
}


def frame():
    return pd.DataFrame(
        {"step": [0, 1, 2, 0, 1, 2], "loss": [1.0, 0.5, 0.25, 1.2, np.nan, 0.3], "run": ["a"] * 3 + ["b"] * 3}
    )


def test_dataframe_renders_to_every_format():
    outputs = vellum.render(SPEC, data={"runs": frame()}, formats=("svg", "pdf", "png"))
    assert outputs["svg"].startswith(b"<?xml") and b"</svg>" in outputs["svg"]
    assert outputs["pdf"].startswith(b"%PDF-")
    assert outputs["png"].startswith(b"\x89PNG\r\n\x1a\n")
    # Two runs from the DataFrame's column, one series each.
    assert b'id="series-loss-a"' in outputs["svg"] and b'id="series-loss-b"' in outputs["svg"]


def test_same_figure_as_the_cli_from_csv(tmp_path):
    frame().to_csv(tmp_path / "runs.csv", index=False)
    spec = tmp_path / "fig.yaml"
    spec.write_text(
        "size: [4in, 3in]\ndata: {runs: runs.csv}\naxes:\n  x: {label: Step}\n  y: {label: Loss}\n"
        "  layers:\n    - line: {data: runs, x: step, y: loss, color: {column: run}}\n"
    )
    subprocess.run([vellum.binary(), "render", str(spec), "--format", "svg"], check=True)
    cli = (tmp_path / "fig.svg").read_bytes()
    # The spec file's own source, replaced by the DataFrame of the same name: the same drawing.
    ours = vellum.render(spec, data={"runs": frame()})["svg"]
    assert ours.split(b"</title>")[1] == cli.split(b"</title>")[1]


def test_figure_shows_in_notebooks_and_saves(tmp_path):
    figure = vellum.Figure(SPEC, data={"runs": {"step": np.arange(3), "loss": np.array([1.0, 0.5, 0.25]), "run": ["a"] * 3}})
    svg = figure._repr_svg_()
    assert isinstance(svg, str) and svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert figure._repr_png_().startswith(b"\x89PNG")
    written = figure.save(tmp_path / "loss", formats=("svg", "pdf"))
    assert [path.name for path in written] == ["loss.svg", "loss.pdf"]
    assert (tmp_path / "loss.pdf").read_bytes().startswith(b"%PDF-")
    assert not [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]


def test_yaml_text_and_spec_files_with_relative_data(tmp_path, monkeypatch):
    (tmp_path / "d.csv").write_text("x,y\n1,2\n2,3\n")
    text = "data: {t: d.csv}\naxes:\n  layers:\n    - scatter: {x: x, y: y}\n"
    (tmp_path / "s.yaml").write_text(text)
    # A path: its data resolves against the spec's folder, wherever Python runs.
    assert b"<svg" in vellum.render(str(tmp_path / "s.yaml"))["svg"]
    # Text: against the current folder.
    monkeypatch.chdir(tmp_path)
    assert b"<svg" in vellum.render(text)["svg"]


def test_errors_carry_the_located_line():
    bad = {"axes": {"layers": [{"line": {"data": "runs", "x": "step", "y": "los"}}]}}
    with pytest.raises(vellum.VellumError) as caught:
        vellum.render(bad, data={"runs": frame()})
    error = caught.value
    assert error.file == "<stdin>" and error.line == 1 and error.column > 1
    assert "no column 'los'" in error.message
    with pytest.raises(vellum.VellumError):
        vellum.render("axes: {layers: [", data=None)


def test_warnings_become_python_warnings():
    empty = pd.DataFrame({"step": pd.Series([], dtype=float), "loss": pd.Series([], dtype=float), "run": []})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vellum.render(SPEC, data={"runs": empty})
    assert any(issubclass(w.category, vellum.VellumWarning) and "no rows" in str(w.message) for w in caught)


def test_missing_binary_says_how_to_install(monkeypatch):
    monkeypatch.delenv("VELLUM_BIN", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(vellum.BinaryNotFound) as caught:
        vellum.render(SPEC, data={"runs": frame()})
    assert "make install" in str(caught.value) and "/usr/local/bin" in str(caught.value)


def test_bad_arguments_are_python_errors():
    with pytest.raises(ValueError):
        vellum.render(SPEC, data={"runs": frame()}, formats=("jpg",))
    with pytest.raises(TypeError):
        vellum.render(SPEC, data={"runs": [1, 2, 3]})
    with pytest.raises(ValueError):
        vellum.render(SPEC, data={"runs": {"step": [1, 2], "loss": [1]}})


def _cli_table(spec_path):
    """The binary's own view of a one-layer spec's table (`vellum data --stdout`), read back by pandas."""
    import io

    result = subprocess.run([vellum.binary(), "data", str(spec_path), "--stdout"], check=True, capture_output=True)
    return pd.read_csv(io.BytesIO(result.stdout), keep_default_na=False, dtype=str)


@pytest.mark.parametrize("save", [np.savez, np.savez_compressed])
def test_npz_sources_read_as_numpy_wrote_them(tmp_path, save):
    # NumPy is the reference: every dtype the reader takes, in both byte orders, compressed or not.
    rng = np.random.default_rng(5)
    n = 257
    arrays = {
        "f8": rng.normal(size=n) * 1e5,
        "f8_big": (rng.normal(size=n) / 3).astype(">f8"),
        "f4": rng.normal(size=n).astype(np.float32),
        "i2": rng.integers(-30000, 30000, size=n).astype(np.int16),
        "u8": rng.integers(0, 2**52, size=n).astype(np.uint64),
        "i4_big": rng.integers(-(2**31), 2**31 - 1, size=n).astype(">i4"),
        "b": rng.integers(0, 2, size=n).astype(bool),
        "text": np.array([f"run é{i % 7} 日本" for i in range(n)]),
        "bytes": np.array([b"ab" * (i % 3) for i in range(n)]),
    }
    arrays["f8"][[3, 100]] = np.nan
    save(tmp_path / "d.npz", **arrays)
    spec = tmp_path / "s.yaml"
    spec.write_text("data: {d: d.npz}\naxes: {layers: [{line: {data: d, x: f8, y: f4}}]}\n")
    table = _cli_table(spec)
    assert list(table.columns) == list(arrays)
    for name, array in arrays.items():
        cells = table[name]
        if array.dtype.kind == "f":
            read = np.array([float(cell) if cell else np.nan for cell in cells])
            np.testing.assert_array_equal(read, array.astype(np.float64), err_msg=name)
        elif array.dtype.kind in "iub":
            # Exact: every value here is below 2**53.
            assert [float(cell) for cell in cells] == array.astype(np.float64).tolist(), name
        elif array.dtype.kind == "S":
            assert cells.tolist() == [value.decode() for value in array], name
        else:
            assert cells.tolist() == array.tolist(), name


@pytest.mark.parametrize("order", ["C", "F"])
def test_npz_matrices_read_long_as_numpy_wrote_them(tmp_path, order):
    # Stable-Baselines3's evaluations.npz shape: timesteps (n,), results and ep_lengths (n, episodes), written by
    # NumPy in C or Fortran order; the binary reads one row per cell, the 1-D array repeated along the rows.
    rng = np.random.default_rng(7)
    timesteps = np.arange(1, 6) * 1000
    results = np.asarray(rng.normal(size=(5, 3)), order=order)
    lengths = np.asarray(rng.integers(10, 500, size=(5, 3)), order=order)
    np.savez(tmp_path / "evaluations.npz", timesteps=timesteps, results=results, ep_lengths=lengths)
    spec = tmp_path / "s.yaml"
    spec.write_text("data: {d: evaluations.npz}\naxes: {layers: [{line: {data: d, x: timesteps, y: results}}]}\n")
    table = _cli_table(spec)
    assert list(table.columns) == ["row", "col", "timesteps", "results", "ep_lengths"]
    rows, cols = np.indices(results.shape)
    assert [int(float(cell)) for cell in table["row"]] == rows.ravel().tolist()
    assert [int(float(cell)) for cell in table["col"]] == cols.ravel().tolist()
    assert [float(cell) for cell in table["timesteps"]] == np.repeat(timesteps, 3).astype(float).tolist()
    np.testing.assert_array_equal([float(cell) for cell in table["results"]], results.ravel(order="C"))
    assert [float(cell) for cell in table["ep_lengths"]] == lengths.ravel(order="C").astype(float).tolist()


def test_dataframes_travel_as_npz(tmp_path):
    from vellum import _tables

    rich = pd.DataFrame(
        {
            "file": np.arange(4),  # np.savez's own parameter name: still a column
            "loss": [1.0, np.nan, 0.5, 0.25],
            "flag": [True, False, True, True],
            "count": pd.array([1, None, 3, 4], dtype="Int64"),
            "run": ["a", None, "b", "c"],
            "kind": pd.Categorical(["u", "v", "u", "v"]),
        }
    )
    path = _tables.write_table(rich, tmp_path, "t")
    assert path.suffix == ".npz"
    with np.load(path) as written:
        assert list(written.keys()) == list(rich.columns)
        assert written["loss"].dtype == np.float64 and np.isnan(written["loss"][1])
        assert np.isnan(written["count"][1]) and written["count"][3] == 4
        assert written["run"].tolist() == ["a", "", "b", "c"]
        assert written["kind"].tolist() == ["u", "v", "u", "v"]
    # Same drawing from the archive as from CSV (the path without numpy).
    spec = {"axes": {"layers": [{"scatter": {"data": "runs", "x": "file", "y": "count", "color": {"column": "kind"}}}]}}
    binary_svg = vellum.render(spec, data={"runs": rich})["svg"]
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(_tables, "numpy", None)
    try:
        assert _tables.write_table(rich, tmp_path, "c").suffix == ".csv"
        csv_svg = vellum.render(spec, data={"runs": rich})["svg"]
    finally:
        monkeypatch.undo()
    assert binary_svg == csv_svg


def test_a_wasteful_text_column_falls_back_to_csv(tmp_path, monkeypatch):
    from vellum import _tables

    monkeypatch.setattr(_tables, "_TEXT_WASTE_LIMIT", 1000)
    table = {"x": np.arange(300), "note": ["x" * 500] + ["y"] * 299}
    assert _tables.write_table(table, tmp_path, "t").suffix == ".csv"
    assert _tables.write_table({"x": np.arange(300), "note": ["y"] * 300}, tmp_path, "u").suffix == ".npz"


def test_data_errors_name_the_table_and_row():
    bad = frame().assign(loss=[1.0, 0.5, np.inf, 1.2, 0.1, 0.3])
    with pytest.raises(vellum.VellumError) as caught:
        vellum.render(SPEC, data={"runs": bad})
    error = caught.value
    assert (error.file, error.line, error.column) == ("data['runs']", 3, 2)
    assert error.message == "expected a number in column 'loss', found 'inf'"


def test_nan_in_a_spec_dict_is_a_vellum_error():
    spec = {**SPEC, "axes": {**SPEC["axes"], "y": {"label": "Loss", "limits": [0, float("nan")]}}}
    with pytest.raises(vellum.VellumError) as raised:
        vellum.render(spec, data={"runs": frame()}, formats=("svg",))
    assert "NaN or infinity" in raised.value.message


def test_astral_characters_in_a_spec_dict_render():
    # json.dumps escapes 😀 as a surrogate pair, which the binary joins.
    spec = {**SPEC, "axes": {**SPEC["axes"], "x": {"label": "Step \U0001F600"}}}
    assert b"</svg>" in vellum.render(spec, data={"runs": frame()}, formats=("svg",))["svg"]


def test_an_interrupted_render_does_not_shift_later_answers(monkeypatch):
    """A notebook's "Interrupt kernel" lands between a request and its answer: the answer must not be read as the
    next request's (every later render was one figure behind, found by reading the README alone)."""
    from vellum import _process, _run

    def titled(title):
        return {"axes": {"title": title, "layers": [{"line": {"data": "t", "x": "x", "y": "y"}}]}}

    data = {"t": {"x": [0, 1], "y": [0, 1]}}
    vellum.render(titled("FIRST"), data)
    shared = _process.process_for(_run.binary())

    class Interrupt(BaseException):
        """Stands for KeyboardInterrupt, which would stop pytest itself if it escaped."""

    class Interrupted:
        def readline(self):
            raise Interrupt

    monkeypatch.setattr(shared._process, "stdout", Interrupted())
    with pytest.raises(Interrupt):
        vellum.render(titled("LOST"), data)
    assert b"SECOND" in vellum.render(titled("SECOND"), data)["svg"]
    assert b"THIRD" in vellum.render(titled("THIRD"), data, formats=("svg", "png"))["svg"]


@pytest.mark.parametrize("stdio", ["1", "0"])
def test_a_spec_file_keeps_its_name_in_errors_and_title(tmp_path, monkeypatch, stdio):
    """A spec given as a path is named by it, as on the command line (it was '<stdin>', and the title 'figure')."""
    monkeypatch.setenv("VELLUM_STDIO", stdio)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "figs").mkdir()
    (tmp_path / "figs" / "runs.csv").write_text("step,loss\n0,1\n1,0.5\n")
    spec = "data: {d: runs.csv}\naxes:\n  layers:\n    - line: {x: step, y: Y}\n"
    (tmp_path / "figs" / "good.yaml").write_text(spec.replace("Y", "loss"))
    (tmp_path / "figs" / "bad.yaml").write_text(spec.replace("Y", "lss"))
    assert b'<title id="svg-title">good</title>' in vellum.render("figs/good.yaml")["svg"]
    with pytest.raises(vellum.VellumError) as raised:
        vellum.render("figs/bad.yaml")
    assert raised.value.file == "figs/bad.yaml" and raised.value.line == 4, str(raised.value)
