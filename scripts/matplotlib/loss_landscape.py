"""matplotlib reference for Templates/examples/loss-landscape.yaml: contourf and contour at levels=12 over the
loss grid, black 0.6-pt lines, and the colorbar of the filled bands."""
import numpy as np
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/loss-landscape.csv")
grid = d.pivot(index="beta", columns="alpha", values="loss")
fig, ax = plt.subplots(figsize=(4.6, 3.6))
filled = ax.contourf(grid.columns, grid.index, grid.values, levels=12, cmap="viridis")
lines = ax.contour(grid.columns, grid.index, grid.values, levels=12, colors="black", linewidths=0.6)
ax.clabel(lines, fontsize=7)
fig.colorbar(filled, ax=ax, label="Training loss")
ax.set_title("Loss landscape", fontsize=12)
ax.set(xlabel=r"$\alpha$ (direction 1)", ylabel=r"$\beta$ (direction 2)")
fig.tight_layout()
fig.savefig(out_path("loss-landscape"), dpi=300)
