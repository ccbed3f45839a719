"""What the Python package adds over the CLI: a 1M-row DataFrame rendered with vellum.render against the same
rows rendered by `vellum render` from a CSV and from an .npz already on disk (SVG, PDF and PNG each time; best
of 3). The package hands tables over as .npz, so the fair comparison is the CLI from .npz."""

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
