#!/usr/bin/env python3
"""Writes Tests/Reference/histogram.json: samples and what numpy (and matplotlib's cumulative rule) make of them,
for BinningTests. numpy.histogram_bin_edges gives the edges for every rule, numpy.histogram the counts and
densities. Rerun after changing a case:

    python3 scripts/reference_histogram.py   # needs numpy
"""
import json, os
import numpy as np

rng = np.random.default_rng(20261125)
samples = {
    "normal": np.round(rng.normal(0.4, 0.15, 200), 6),
    "skewed": np.round(rng.lognormal(0.0, 0.9, 150), 6),
    "ties": np.array([3.0] * 40 + [1.0, 2.0, 5.0, 9.0]),  # IQR 0: fd gives no width
    "outliers": np.round(np.concatenate([rng.normal(10, 1, 300), [60.0, -40.0]]), 6),
    "single": np.array([2.5, 2.5, 2.5]),
}
weights = np.round(rng.uniform(0.5, 2.0, 200), 6)
cases = []
for name, x in samples.items():
    for bins in ["auto", "fd", "sturges", "scott", "sqrt", "rice", "doane", 10, 7]:
        edges = np.histogram_bin_edges(x, bins=bins)
        counts, _ = np.histogram(x, bins=edges)
        density, _ = np.histogram(x, bins=edges, density=True)
        cases.append({"sample": name, "bins": bins, "edges": edges.tolist(), "counts": counts.astype(float).tolist(),
                      "density": density.tolist()})
x = samples["normal"]
cases.append({"sample": "normal", "bins": "auto", "range": [0.0, 0.5],
              "edges": np.histogram_bin_edges(x, bins="auto", range=(0.0, 0.5)).tolist()})
cases[-1]["counts"] = np.histogram(x, bins=cases[-1]["edges"])[0].astype(float).tolist()
edges = [-0.2, 0.1, 0.3, 0.35, 0.9]
cases.append({"sample": "normal", "bins": edges, "weights": True, "edges": edges,
              "counts": np.histogram(x, bins=edges, weights=weights)[0].tolist(),
              "density": np.histogram(x, bins=edges, weights=weights, density=True)[0].tolist()})
# matplotlib's cumulative density: (density · width).cumsum(), ending at 1.
d, e = np.histogram(x, bins=12, density=True)
cumulative = (d * np.diff(e)).cumsum()
out = {"samples": {k: v.tolist() for k, v in samples.items()}, "weights": weights.tolist(), "cases": cases,
       "cumulative_density_12": cumulative.tolist()}
path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "histogram.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(f"wrote {len(cases)} cases to {os.path.normpath(path)}")
