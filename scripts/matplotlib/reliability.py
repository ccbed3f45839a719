"""matplotlib reference for Templates/examples/reliability.yaml: accuracy per confidence bin against the diagonal,
with the expected calibration error in a box (bbox round, wheat, alpha 0.5)."""
import numpy as np
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/reliability.csv")
edges = np.linspace(0, 1, 11)
# numpy.histogram's rule: the last bin is closed on the right.
index = np.clip(np.searchsorted(edges, d.confidence, side="right") - 1, 0, 9)
bins = d.groupby(index).agg(accuracy=("correct", "mean"), confidence=("confidence", "mean"), n=("correct", "size"))
ece = (bins.n * (bins.accuracy - bins.confidence).abs()).sum() / bins.n.sum()
fig, ax = plt.subplots(figsize=(4, 4))
ax.bar((edges[:-1] + 0.05)[bins.index], bins.accuracy, width=0.1, edgecolor="black", color="C0", label="Outputs")
ax.plot([0, 1], [0, 1], color="grey", ls="--", label="Perfect calibration")
ax.text(0.95, 0.05, f"ECE = {ece:.2%}".replace("%", r"\%") if plt.rcParams["text.usetex"] else f"ECE = {ece:.2%}",
        transform=ax.transAxes, ha="right", va="center",
        bbox=dict(boxstyle="round", facecolor="wheat", alpha=0.5))
ax.set(xlim=(0, 1), ylim=(0, 1), xlabel="Confidence", ylabel="Accuracy")
ax.set_title("Reliability diagram", fontsize=12)
ax.legend(loc="upper left")
fig.tight_layout()
fig.savefig(out_path("reliability"), dpi=300)
