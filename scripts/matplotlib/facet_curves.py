"""matplotlib reference for Templates/examples/facet-curves.yaml: small multiples, one panel per model on a shared
2 x 4 grid (outer panels labelled), three seeds per panel, one figure legend at the right centre (seaborn's relplot)."""
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/facet-curves.csv")
models = list(dict.fromkeys(d.model))
seeds = list(dict.fromkeys(d.seed))
fig, axs = plt.subplots(2, 4, figsize=(7, 3.8), sharex=True, sharey=True)
for ax, model in zip(axs.flat, models):
    for i, seed in enumerate(seeds):
        rows = d[(d.model == model) & (d.seed == seed)]
        ax.plot(rows.step, rows.loss, color=f"C{i}", lw=1.2, label=str(seed))
    ax.set_title(model, fontsize=12)
for ax in axs[-1]:
    ax.set_xlabel("Step")
for ax in axs[:, 0]:
    ax.set_ylabel("Loss")
handles, labels = axs[0, 0].get_legend_handles_labels()
legend = fig.legend(handles, labels, loc="center right")
# Leave room for the legend as seaborn's FacetGrid.add_legend does: lay the panels out left of the legend's box.
box = legend.get_window_extent(fig.canvas.get_renderer()).transformed(fig.transFigure.inverted())
fig.tight_layout(rect=(0, 0, box.x0, 1))
fig.savefig(out_path("facet-curves"), dpi=300)
