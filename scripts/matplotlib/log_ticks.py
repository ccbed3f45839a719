"""The major ticks matplotlib (3.10 and later) gives log axes spanning many decades, strided at multiples of the
stride so 10^0 stays a tick: the reference of `ScaleEdgeCaseTests.testStridedLogTicksKeepTenToTheZero`.

    .build-bench/venv/bin/python scripts/matplotlib/log_ticks.py
"""
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

for values in ([1, 1e20], [3e-7, 2e15]):
    fig, ax = plt.subplots()
    ax.set_yscale("log")
    ax.plot([1, 2], values)
    low, high = ax.get_ylim()
    print(values, [round(math.log10(t)) for t in ax.get_yticks() if low <= t <= high])
    plt.close(fig)
