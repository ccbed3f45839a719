"""matplotlib reference for Templates/examples/labelled-bubbles.yaml: bubbles sized by tokens, each labelled with
ax.annotate at an offset in points; tight_layout counts the labels reaching past the right edge."""
import numpy as np
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/labelled-bubbles.csv")
# The spec's size scale: area range [20, 300] points² over the tokens' own range.
t = d.tokens
area = 20 + (t - t.min()) / (t.max() - t.min()) * (300 - 20)
fig, ax = plt.subplots(figsize=(5, 3.4))
ax.scatter(d.params, d.score, s=area, color="C0", alpha=0.6)
for _, row in d.iterrows():
    ax.annotate(row.model, (row.params, row.score), xytext=(6, 4), textcoords="offset points", fontsize=8,
                va="center")
ax.set_xscale("log")
ax.set(xlabel="Parameters", ylabel="Score")
fig.tight_layout()
fig.savefig(out_path("labelled-bubbles"), dpi=300)
