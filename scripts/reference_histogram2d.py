#!/usr/bin/env python3
"""Writes Tests/Reference/histogram2d.json: a correlated sample and numpy.histogram2d of it (8 × 6 bins, counts
and density), for the bin2d transform's test.

    python3 scripts/reference_histogram2d.py   # needs numpy
"""
import json, os
import numpy as np

rng = np.random.default_rng(8)
x = np.round(rng.normal(0, 1, 500), 4)
y = np.round(0.6 * x + rng.normal(0, 0.8, 500), 4)
H, xe, ye = np.histogram2d(x, y, bins=[8, 6])
Hd, _, _ = np.histogram2d(x, y, bins=[8, 6], density=True)
path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "histogram2d.json")
json.dump({"x": x.tolist(), "y": y.tolist(), "xedges": xe.tolist(), "yedges": ye.tolist(), "counts": H.tolist(),
           "density": Hd.tolist()}, open(path, "w"))
print(f"wrote {os.path.normpath(path)}")
