"""The y limits and major ticks matplotlib gives symlog axes (default linthresh 2, SymmetricalLogLocator): the
reference of `ScaleEdgeCaseTests.testSymlogTicksAsMatplotlib`.

    .build-bench/venv/bin/python scripts/matplotlib/symlog_ticks.py
"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

for values in ([-5, 5], [-1000, 1000], [0.5, 1.5], [-1e6, 3]):
    fig, ax = plt.subplots()
    ax.set_yscale("symlog")
    ax.plot([1, 2], values)
    low, high = ax.get_ylim()
    ticks = [t for t in ax.get_yticks() if low <= t <= high]
    print(values, repr(low), repr(high), [float(t) for t in ticks])
    plt.close(fig)
