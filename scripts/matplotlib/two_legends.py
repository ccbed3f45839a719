"""matplotlib reference for Templates/examples/two-legends.yaml: colour = method, dash = setting, two legends."""
import pandas as pd
from common import EXAMPLES, out_path, plt
from matplotlib.lines import Line2D

d = pd.read_csv(f"{EXAMPLES}/two-legends.csv")
methods = list(dict.fromkeys(d.method))
settings = list(dict.fromkeys(d.setting))
colors = {m: f"C{i}" for i, m in enumerate(methods)}
dashes = {s: ls for s, ls in zip(settings, ["-", "--"])}
fig, ax = plt.subplots(figsize=(5, 3.4))
for (m, s), rows in d.groupby(["method", "setting"], sort=False):
    ax.plot(rows.step, rows.accuracy, color=colors[m], ls=dashes[s], lw=1.4)
ax.set_xlabel("Training step")
ax.set_ylabel("Accuracy")
first = ax.legend([Line2D([], [], color=colors[m], lw=1.4) for m in methods], methods, title="Method",
                  loc="lower right")
ax.add_artist(first)
ax.legend([Line2D([], [], color="black", ls=dashes[s], lw=1.4) for s in settings], settings, title="Context",
          loc="lower center")
fig.tight_layout()
fig.savefig(out_path("two-legends"), dpi=300)
