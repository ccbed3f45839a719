"""matplotlib reference for Templates/examples/lr-stem.yaml: ax.stem of the per-epoch learning rate with its
default formats (C0 stems and markers, C3 baseline)."""
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/lr-stem.csv")
fig, ax = plt.subplots(figsize=(5.5, 2.6))
ax.stem(d.epoch, d.lr)
ax.set(xlabel="Epoch", ylabel="Learning rate")
fig.tight_layout()
fig.savefig(out_path("lr-stem"), dpi=300)
