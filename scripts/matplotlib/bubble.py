"""matplotlib reference for Templates/examples/bubble.yaml: score against parameters (log x), one colour per family,
each marker's area (scatter s) linear in training tokens, with a family legend and a size legend at round token counts."""
import numpy as np
import pandas as pd
from common import EXAMPLES, out_path, plt
from matplotlib.lines import Line2D


def area(tokens):
    """The spec's size scale: range [10, 400] points² over limits [0, 3e12], clipped."""
    return np.clip(10 + (np.asarray(tokens, float) - 0) / (3e12 - 0) * (400 - 10), 10, 400)


d = pd.read_csv(f"{EXAMPLES}/bubble.csv")
families = list(dict.fromkeys(d.family))
colors = {f: f"C{i}" for i, f in enumerate(families)}
fig, ax = plt.subplots(figsize=(5.2, 3.8))
for f in families:
    rows = d[d.family == f]
    ax.scatter(rows.params, rows.score, s=area(rows.tokens), color=colors[f], alpha=0.7)
ax.set_xscale("log")
ax.set_xlabel("Parameters")
ax.set_ylabel("Score")
ax.set_title("Score by model size and training tokens", fontsize=12)
first = ax.legend([Line2D([], [], color=colors[f], marker="o", markersize=6, ls="", alpha=0.7) for f in families],
                  families, title="Family", loc="upper left", markerscale=0.6)
ax.add_artist(first)
values = [5e11, 1e12, 2e12]
labels = [r"$5\times10^{11}$", r"$10^{12}$", r"$2\times10^{12}$"]
ax.legend([Line2D([], [], color="tab:gray", marker="o", markersize=np.sqrt(area(v)), ls="", alpha=0.7)
           for v in values], labels, title="Tokens", loc="lower right", labelspacing=1.2)
fig.tight_layout()
fig.savefig(out_path("bubble"), dpi=300)
