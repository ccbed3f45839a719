"""Reference for Templates/examples/mpl-dates.yaml: matplotlib's gallery "Formatting date ticks using
ConciseDateFormatter" (three zooms of one random walk, AutoDateLocator(minticks=3, maxticks=7)), with tight_layout
where the gallery uses constrained layout, default rcParams."""
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from defaults import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/mpl-dates.csv", parse_dates=["time"])
fig, axs = plt.subplots(3, 1, layout="tight", figsize=(6, 6))
lims = [(np.datetime64("2005-02"), np.datetime64("2005-04")),
        (np.datetime64("2005-02-03"), np.datetime64("2005-02-15")),
        (np.datetime64("2005-02-03 11:00"), np.datetime64("2005-02-04 13:20"))]
for nn, ax in enumerate(axs):
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.plot(d.time, d.y)
    ax.set_xlim(lims[nn])
axs[0].set_title("Concise Date Formatter")
fig.savefig(out_path("mpl-dates"), dpi=300)
