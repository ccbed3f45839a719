"""Reference for Templates/examples/mpl-fill-between.yaml: matplotlib's gallery "Fill Between and Alpha" (random
walkers' mean and ±σ), default rcParams."""
import pandas as pd
from defaults import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/mpl-fill-between.csv")
fig, ax = plt.subplots(1)
for color, (name, rows) in zip(["C0", "C1"], d.groupby("population", sort=False)):
    ax.plot(rows.step, rows["mean"], lw=2, label=name)
for color, (name, rows) in zip(["C0", "C1"], d.groupby("population", sort=False)):
    ax.fill_between(rows.step, rows.high, rows.low, facecolor=color, alpha=0.4)
ax.set_title(r"random walkers empirical $\mu$ and $\pm \sigma$ interval")
ax.legend(loc="upper left")
ax.set_xlabel("num steps")
ax.set_ylabel("position")
ax.grid()
fig.savefig(out_path("mpl-fill-between"), dpi=300)
