"""Reference for Templates/examples/mpl-heatmap.yaml: matplotlib's gallery "Creating annotated heatmaps" (imshow of
the harvest table, values in white, rotated column labels, tight_layout), default rcParams."""
import numpy as np
import pandas as pd
from defaults import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/mpl-heatmap.csv")
vegetables = list(dict.fromkeys(d.vegetable))
farmers = list(dict.fromkeys(d.farmer))
harvest = d.tons.to_numpy().reshape(len(vegetables), len(farmers))
fig, ax = plt.subplots()
ax.imshow(harvest)
ax.set_xticks(range(len(farmers)), labels=farmers, rotation=45, ha="right", rotation_mode="anchor")
ax.set_yticks(range(len(vegetables)), labels=vegetables)
for i in range(len(vegetables)):
    for j in range(len(farmers)):
        ax.text(j, i, harvest[i, j], ha="center", va="center", color="w")
ax.set_title("Harvest of local farmers (in tons/year)")
fig.tight_layout()
fig.savefig(out_path("mpl-heatmap"), dpi=300)
