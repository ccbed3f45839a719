"""What the Python package adds over the CLI: a 1M-row DataFrame rendered with vellum.render against the same
rows rendered by `vellum render` from a CSV already on disk (SVG, PDF and PNG both times; best of 3)."""

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
    (folder / "cli.yaml").write_text("data: {runs: runs.csv}\naxes:\n" + layers)
    binary = vellum.binary()
    cli = best(lambda: subprocess.run([binary, "render", str(folder / "cli.yaml")], check=True))
    package = best(lambda: vellum.render("axes:\n" + layers, data={"runs": frame}, formats=("svg", "pdf", "png")))
print(f"| 1M-row DataFrame, SVG+PDF+PNG | CLI from CSV {cli:.2f} s | vellum.render {package:.2f} s | "
      f"added {package - cli:+.2f} s |")
