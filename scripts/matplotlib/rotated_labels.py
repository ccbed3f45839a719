"""matplotlib reference for Templates/examples/rotated-labels.yaml: rotation=45, ha='right', bar_label."""
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/rotated-labels.csv")
fig, ax = plt.subplots(figsize=(5, 3.4))
bars = ax.bar(d.benchmark, d.score, color="tab:blue")
ax.bar_label(bars, fmt="%.1f", fontsize=8, padding=3)
ax.set_ylim(0, 100)
ax.set_ylabel("Score (%)")
plt.setp(ax.get_xticklabels(), rotation=45, ha="right")
fig.tight_layout()
fig.savefig(out_path("rotated-labels"), dpi=300)
