"""matplotlib reference for Templates/examples/attention-grid.yaml: six attention heads as a 2 x 3 grid of imshow
heatmaps on one shared colour scale, with a single colorbar for all panels (fig.colorbar(im, ax=axs))."""
import numpy as np
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/attention-grid.csv")
heads = list(dict.fromkeys(d["head"]))
queries = list(dict.fromkeys(d["query"]))
keys = list(dict.fromkeys(d.key))
vmin, vmax = d.weight.min(), d.weight.max()
fig, axs = plt.subplots(2, 3, figsize=(7, 4.4), sharex=True, sharey=True, layout="constrained")
for ax, head in zip(axs.flat, heads):
    rows = d[d["head"] == head]
    grid = np.full((len(queries), len(keys)), np.nan)
    for _, cell in rows.iterrows():
        grid[queries.index(cell["query"]), keys.index(cell.key)] = cell.weight
    image = ax.imshow(grid, cmap="viridis", vmin=vmin, vmax=vmax, aspect="equal")
    ax.set_title(head, fontsize=12)
    ax.set_xticks(range(len(keys)), keys, rotation=90)
    ax.set_yticks(range(len(queries)), queries)
fig.colorbar(image, ax=axs, label="Attention weight")
fig.savefig(out_path("attention-grid"), dpi=300)
