"""Reference for Templates/examples/mpl-scatter-legend.yaml: matplotlib's gallery "Scatter plot with a legend"
(three colours of 750 points, random sizes, alpha 0.3, no edges), default rcParams."""
import pandas as pd
from defaults import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/mpl-scatter-legend.csv")
fig, ax = plt.subplots()
for color, rows in d.groupby("color", sort=False):
    ax.scatter(rows.x, rows.y, c=color, s=rows.s, label=color, alpha=0.3, edgecolors="none")
ax.legend()
ax.grid(True)
fig.savefig(out_path("mpl-scatter-legend"), dpi=300)
