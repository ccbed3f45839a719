"""matplotlib reference for Templates/examples/inset-zoom.yaml: inset_axes + indicate_inset_zoom."""
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/inset-zoom.csv")
fig, ax = plt.subplots(figsize=(5, 3.4))
inset = ax.inset_axes([0.42, 0.1, 0.52, 0.45])
for name, rows in d.groupby("optimizer", sort=False):
    ax.plot(rows.step, rows.accuracy, lw=1.2, label=name)
    inset.plot(rows.step, rows.accuracy, lw=1.2)
ax.set_xlabel("Training step")
ax.set_ylabel("Validation accuracy")
ax.set_ylim(0, 1)
inset.set_xlim(15000, 20000)
inset.set_ylim(0.88, 0.93)
inset.tick_params(labelsize=8)
ax.indicate_inset_zoom(inset)
ax.legend(loc="center left")
fig.tight_layout()
fig.savefig(out_path("inset-zoom"), dpi=300)
