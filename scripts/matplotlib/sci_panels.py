"""matplotlib reference for Templates/examples/sci-panels.yaml: 1×3 panels, ×10⁶ offsets, figure legend above."""
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/sci-panels.csv")
fig, axes = plt.subplots(1, 3, figsize=(7, 2.4))
for ax, task in zip(axes, ["Translation", "Summarization", "Question answering"]):
    for method, rows in d[d.task == task].groupby("method", sort=False):
        ax.plot(rows.tokens, rows.loss, label=method)
    ax.set_title(task)
    ax.set_xlabel("Tokens")
axes[0].set_ylabel("Loss")
handles, labels = axes[0].get_legend_handles_labels()
legend = fig.legend(handles, labels, loc="upper center", ncols=2)
# tight_layout leaves figure legends alone: give it the rectangle below the legend, as users do.
fig.canvas.draw()
legend_bottom = legend.get_window_extent().transformed(fig.transFigure.inverted()).y0
fig.tight_layout(rect=(0, 0, 1, legend_bottom))
fig.savefig(out_path("sci-panels"), dpi=300)
