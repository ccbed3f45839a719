"""matplotlib reference for Templates/examples/release-dates.yaml: score against release date, one scatter per lab, on
a time axis with matplotlib's AutoDateLocator and ConciseDateFormatter."""
import matplotlib.dates as mdates
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/release-dates.csv", parse_dates=["released"])
fig, ax = plt.subplots(figsize=(5.5, 3.4))
for lab, rows in d.groupby("lab", sort=False):
    ax.scatter(rows.released, rows.score, label=lab)
locator = mdates.AutoDateLocator()
ax.xaxis.set_major_locator(locator)
ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
ax.set_xlabel("Release date")
ax.set_ylabel("Score")
ax.set_title("Benchmark score over release date", fontsize=12)
ax.grid(color="#e0e0e0", linewidth=0.6)
ax.set_axisbelow(True)
ax.legend(loc="lower right")
fig.tight_layout()
fig.savefig(out_path("release-dates"), dpi=300)
