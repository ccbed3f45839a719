#!/usr/bin/env python3
"""Writes Tests/Reference/boxplot.json: samples and matplotlib.cbook.boxplot_stats of them (numpy's linear
percentiles, whiskers at 1.5 IQR or at given percentiles, fliers, notches, means), and the default box widths of
matplotlib's boxplot for 1–6 positions, for BoxMarkTests. Rerun after changing a case:

    python3 scripts/reference_boxplot.py   # needs numpy and matplotlib
"""
import json, os
import numpy as np
from matplotlib import cbook

rng = np.random.default_rng(3)
samples = {
    "normal": np.round(rng.normal(10, 2, 60), 5),
    "outliers": np.round(np.concatenate([rng.normal(0, 1, 40), [6.5, 7.0, -5.5]]), 5),
    "small": np.array([1.0, 2.0, 2.0, 9.0]),
    "constant": np.array([4.0, 4.0, 4.0]),
}
cases = []
for name, x in samples.items():
    for whis in [1.5, [5.0, 95.0], 0.5]:
        (stats,) = cbook.boxplot_stats(x, whis=whis)
        cases.append({"sample": name, "whis": whis, **{k: (np.asarray(v).tolist() if k == "fliers" else float(v))
                                                        for k, v in stats.items() if k != "label"}})
widths = [float(np.clip(0.15 * np.ptp(np.arange(1, n + 1)), 0.15, 0.5)) for n in range(1, 7)]
path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "boxplot.json")
with open(path, "w") as f:
    json.dump({"samples": {k: v.tolist() for k, v in samples.items()}, "cases": cases, "widths": widths}, f,
              indent=1)
print(f"wrote {len(cases)} cases to {os.path.normpath(path)}; keys {sorted(cases[0])}")
