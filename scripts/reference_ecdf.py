#!/usr/bin/env python3
"""Reference vertices for EcdfMark's tests: matplotlib's own Axes.ecdf line data for a small sample with a tie,
plain and complementary (NaN dropped first, as Vellum drops missing cells). Prints Swift array literals.

    python3 scripts/reference_ecdf.py   # needs matplotlib and numpy
"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

sample = np.array([3.5, 1.0, 2.0, 2.0, np.nan, 5.25, -0.5])
finite = sample[~np.isnan(sample)]
fig, ax = plt.subplots()
for complementary in (False, True):
    line = ax.ecdf(finite, complementary=complementary)
    x, y = line.get_data()
    print(f"complementary={complementary}")
    print("  x:", "[" + ", ".join(repr(float(v)) for v in x) + "]")
    print("  y:", "[" + ", ".join(repr(float(v)) for v in y) + "]")
    print("  drawstyle:", line.get_drawstyle())
print("ylim after both:", ax.get_ylim())
