#!/usr/bin/env python3
"""Writes Tests/Reference/ticks.json: matplotlib's MaxNLocator ticks (AutoLocator's steps) for view intervals and
bin counts, including ranges whose float difference lands a hair above a step (0.88…0.93) and ranges far from
zero (an offset), keeping the ticks matplotlib draws (inside the interval).

    python3 scripts/reference_ticks.py   # needs matplotlib and numpy
"""
import json
import os

import numpy as np
from matplotlib.ticker import MaxNLocator

rng = np.random.default_rng(2026)
intervals = [
    (0.88, 0.93), (-0.05, 1.05), (0, 1), (-15, 315), (-1000, 21000), (0.1, 0.7), (1e6, 1.00005e6),
    (-3.3, -0.2), (123456.7, 123499.2), (1e-9, 7e-9), (-0.5, 9.5), (2.0, 8.0), (-1e-3, 1e-3), (0.15, 3.15),
    (-2.5e6, 7.5e6), (0.3, 0.3000004),
]
for _ in range(60):
    center = rng.choice([0.0, 1.0, 100.0, 1e6]) * rng.uniform(-1, 1)
    width = 10 ** rng.uniform(-4, 5)
    low = center - width * rng.uniform(0, 1)
    intervals.append((float(low), float(low + width)))
cases = []
for low, high in intervals:
    for bins in range(1, 10):
        locator = MaxNLocator(nbins=bins, steps=[1, 2, 2.5, 5, 10], min_n_ticks=2)
        ticks = locator.tick_values(low, high)
        tolerance = (high - low) * 1e-10
        inside = [float(t) for t in ticks if low - tolerance <= t <= high + tolerance]
        cases.append({"low": low, "high": high, "bins": bins, "ticks": inside})
path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "ticks.json")
with open(path, "w") as f:
    json.dump({"cases": cases}, f, indent=0)
print(len(cases), "cases")
