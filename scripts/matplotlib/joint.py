"""matplotlib reference for Templates/examples/joint.yaml: subplots(2, 2, sharex='col', sharey='row') with width and
height ratios, the corner's axis off, a scatter and its two marginal histograms (the right one horizontal)."""
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/joint.csv")
fig, axs = plt.subplots(2, 2, sharex="col", sharey="row", figsize=(5, 4.6),
                        gridspec_kw=dict(width_ratios=[4, 1], height_ratios=[1, 4]))
axs[0, 0].hist(d.length, bins=30, color="C0", edgecolor="white")
axs[0, 0].set_ylabel("Count")
axs[0, 1].axis("off")
axs[1, 0].scatter(d.length, d.reward, s=4 ** 2, alpha=0.5, color="C0")
axs[1, 0].set(xlabel="Response length (tokens)", ylabel="Reward")
axs[1, 1].hist(d.reward, bins=30, orientation="horizontal", color="C0", edgecolor="white")
axs[1, 1].set_xlabel("Count")
fig.tight_layout()
fig.savefig(out_path("joint"), dpi=300)
