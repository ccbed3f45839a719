"""The y limits matplotlib's `ax.plot` gives data of one value (nonsingular, then the 5 % margin), on linear and
log axes: the reference of `ScaleEdgeCaseTests.testOneValueGetsMatplotlibsLimits`.

    .build-bench/venv/bin/python scripts/matplotlib/singular_limits.py
"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

for values, scale in [([5, 5], "linear"), ([0, 0], "linear"), ([1000, 1000], "log"), ([500, 500], "log")]:
    fig, ax = plt.subplots()
    ax.set_yscale(scale)
    ax.plot([1, 2], values)
    low, high = ax.get_ylim()
    print(f"{values} {scale}: {low!r} {high!r}")
    plt.close(fig)
