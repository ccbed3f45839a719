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
