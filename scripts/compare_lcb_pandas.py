#!/usr/bin/env python3
"""Checks Templates/examples/lcb-seeds.yaml against pandas: interpolation of each run onto the common grid,
mean and std over seeds, then the seed's EMA per method. A development aid (needs numpy and pandas).

Usage: scripts/compare_lcb_pandas.py VELLUM_BINARY
"""
import os, subprocess, sys, tempfile
import numpy as np
import pandas as pd

vellum = sys.argv[1]
out = tempfile.mkdtemp()
subprocess.run([vellum, "data", "Templates/examples/lcb-seeds.yaml", "--out", out], check=True, capture_output=True)

log = pd.read_csv("Templates/examples/lcb_runs_long.csv")
grid = np.arange(0, 19900 + 1e-9, 100.0)  # common support: latest run start .. earliest run end
runs = []
for (method, seed), run in log.groupby(["method", "seed"], sort=False):
    run = run.sort_values("step")
    runs.append(pd.DataFrame({"method": method, "seed": seed, "step": grid,
                              "accuracy": np.interp(grid, run["step"], run["accuracy"])}))
stats = pd.concat(runs).groupby(["method", "step"], sort=False)["accuracy"].agg(["mean", "std"]).reset_index()
for column in ["mean", "std"]:  # the seed's EMA, out[i] = 0.96 out[i-1] + 0.04 x[i], is ewm(alpha=0.04, adjust=False)
    stats[column] = stats.groupby("method", sort=False)[column].transform(lambda s: s.ewm(alpha=0.04, adjust=False).mean())

band = pd.read_csv(os.path.join(out, "lcb-seeds.layer-1.csv"))
line = pd.read_csv(os.path.join(out, "lcb-seeds.layer-2.csv"))
# `vellum data` writes each layer's whole final table: the aggregate's columns under their own names.
worst = max(np.abs(line["accuracy_mean"] - stats["mean"]).max(),
            np.abs(band["accuracy_std"] - stats["std"]).max())
print(f"rows: {len(line)}; largest difference from pandas: {worst:.3e}")
sys.exit(0 if worst < 1e-9 else 1)
