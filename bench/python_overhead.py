"""What the Python package adds over the CLI: a 1M-row DataFrame rendered with vellum.render against the same
rows rendered by `vellum render` from a CSV and from an .npz already on disk (SVG, PDF and PNG each time; best
of 3). The package hands tables over as .npz, so the fair comparison is the CLI from .npz.

Then 100 small figures (a 50-row DataFrame each, SVG only) rendered through the package's one `vellum serve --stdio`
process and through one `vellum render` process per figure (VELLUM_STDIO=0), interleaved, median of 5 rounds."""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import vellum

ROWS = 1_000_000
rng = np.random.default_rng(1)
frame = pd.DataFrame({"step": np.arange(ROWS), "loss": 1 / (1 + np.arange(ROWS)) + rng.normal(0, 1e-3, ROWS)})
layers = "  layers:\n    - line: {data: runs, x: step, y: loss}\n"


def best(run):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


with tempfile.TemporaryDirectory() as scratch:
    folder = Path(scratch)
    frame.to_csv(folder / "runs.csv", index=False)
    np.savez(folder / "runs.npz", **{name: frame[name].to_numpy() for name in frame.columns})
    (folder / "csv.yaml").write_text("data: {runs: runs.csv}\naxes:\n" + layers)
    (folder / "npz.yaml").write_text("data: {runs: runs.npz}\naxes:\n" + layers)
    binary = vellum.binary()
    csv = best(lambda: subprocess.run([binary, "render", str(folder / "csv.yaml")], check=True))
    npz = best(lambda: subprocess.run([binary, "render", str(folder / "npz.yaml")], check=True))
    package = best(lambda: vellum.render("axes:\n" + layers, data={"runs": frame}, formats=("svg", "pdf", "png")))
print(f"| 1M-row DataFrame, SVG+PDF+PNG | CLI from CSV {csv:.2f} s | CLI from .npz {npz:.2f} s | "
      f"vellum.render {package:.2f} s | added over the CLI from .npz {package - npz:+.2f} s |")


FIGURES = 100
small = [
    pd.DataFrame({"step": np.arange(50), "loss": 1 / (1 + np.arange(50)) + rng.normal(0, 1e-2, 50) + index})
    for index in range(FIGURES)
]
small_spec = "axes:\n  layers:\n    - line: {data: runs, x: step, y: loss}\n"


def hundred(mode):
    os.environ["VELLUM_STDIO"] = mode
    start = time.perf_counter()
    for frame in small:
        vellum.render(small_spec, data={"runs": frame}, formats=("svg",))
    return time.perf_counter() - start


vellum.render(small_spec, data={"runs": small[0]}, formats=("svg",))  # the shared process started, as in a notebook
rounds = {"1": [], "0": []}
for _ in range(5):
    for mode in ("1", "0"):
        rounds[mode].append(hundred(mode))
shared = sorted(rounds["1"])[2]
separate = sorted(rounds["0"])[2]
print(f"| {FIGURES} small figures, SVG | one stdio process {shared:.2f} s ({shared / FIGURES * 1000:.1f} ms each) | "
      f"a process each {separate:.2f} s ({separate / FIGURES * 1000:.1f} ms each) | {separate / shared:.1f}x |")
