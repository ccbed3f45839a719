"""matplotlib reference for Templates/examples/correlation.yaml: the full matrix with np.triu masked (seaborn's
heatmap(mask=np.triu(...)) drawn with imshow), values written in black or white by the cell's luminance (seaborn's
rule) and a colorbar."""
import numpy as np
import pandas as pd
from matplotlib.colors import to_rgb
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/correlation.csv")
rows = list(dict.fromkeys(d.row))
columns = list(dict.fromkeys(d.column))
grid = np.full((len(rows), len(columns)), np.nan)
for _, cell in d.iterrows():
    grid[rows.index(cell.row), columns.index(cell.column)] = cell.r
grid[np.triu(np.ones_like(grid, dtype=bool))] = np.nan
fig, ax = plt.subplots(figsize=(4.4, 3.8))
cmap = plt.get_cmap("RdBu_r")
image = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=-1, vmax=1, aspect="auto")
for a in range(len(rows)):
    for b in range(len(columns)):
        if np.isnan(grid[a, b]):
            continue
        r, g, bl = to_rgb(cmap((grid[a, b] + 1) / 2))
        channel = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, bl)]
        luminance = 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2]
        ax.text(b, a, f"{grid[a, b]:.2f}", ha="center", va="center", color="#262626" if luminance > 0.408 else "w")
ax.set_xticks(range(len(columns)), columns, rotation=45, ha="right", rotation_mode="anchor")
ax.set_yticks(range(len(rows)), rows)
ax.set_title("Correlation of benchmark scores", fontsize=12)
fig.colorbar(image, ax=ax, label="Pearson $r$")
fig.tight_layout()
fig.savefig(out_path("correlation"), dpi=300)
