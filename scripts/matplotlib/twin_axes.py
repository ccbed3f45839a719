"""matplotlib reference for Templates/examples/twin-axes.yaml: twinx + secondary_xaxis."""
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/twin-axes.csv")
fig, ax = plt.subplots(figsize=(5, 3.2))
a, = ax.plot(d.step, d.loss, color="tab:blue", lw=1.5, label="Loss")
ax.set_xlim(0, 10000)
ax.set_xlabel("Training step")
ax.set_ylabel("Training loss", color="tab:blue")
ax.tick_params(axis="y", colors="tab:blue")
ax.spines["left"].set_color("tab:blue")
ax2 = ax.twinx()
b, = ax2.plot(d.step, d.lr, color="tab:red", ls="--", lw=1.5, label="Learning rate")
ax2.set_ylabel("Learning rate", color="tab:red")
ax2.tick_params(axis="y", colors="tab:red")
ax2.spines["right"].set_color("tab:red")
ax2.spines["left"].set_color("tab:blue")
top = ax.secondary_xaxis("top", functions=(lambda x: x / 2500, lambda x: x * 2500))
top.set_xlabel("Epoch")
ax.legend(handles=[a, b], loc="upper right")
fig.tight_layout()
fig.savefig(out_path("twin-axes"), dpi=300)
