"""matplotlib reference for Templates/examples/latency-breakdown.yaml: grouped-and-stacked barh (batch sizes side by
side, hatched for the second; stages stacked with left=), segment values by bar_label(label_type='center') where they
fit, stack totals by bar_label past the last segment, and two outside legends of proxy patches."""
import pandas as pd
from matplotlib.patches import Patch
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/latency-breakdown.csv")
models = list(dict.fromkeys(d.model))
batches = list(dict.fromkeys(d.batch))
stages = list(dict.fromkeys(d.stage))
hatches = ["", "//"]
fig, ax = plt.subplots(figsize=(6, 3.4))
height = 0.8 / len(batches)
for b, batch in enumerate(batches):
    left = [0.0] * len(models)
    positions = [m + (b - (len(batches) - 1) / 2) * height for m in range(len(models))]
    for s, stage in enumerate(stages):
        values = [float(d[(d.model == m) & (d.batch == batch) & (d.stage == stage)].ms.iloc[0]) for m in models]
        bars = ax.barh(positions, values, height, left=left, color=f"C{s}", edgecolor="white", linewidth=0.6,
                       hatch=hatches[b], hatchcolor="#333333")
        # Only labels that fit inside their segment (7 pt digits are about 3.5 pt wide each).
        ax.bar_label(bars, labels=[f"{v:.0f}" if v > 20 else "" for v in values], label_type="center", fontsize=7)
        left = [a + v for a, v in zip(left, values)]
    ax.bar_label(bars, labels=[f"{v:.0f}" for v in left], padding=2, fontsize=7)
ax.set_yticks(range(len(models)), models)
ax.invert_yaxis()
ax.set_xlabel("Latency (ms)")
ax.set_title("Where the time goes: latency per request", fontsize=12)
ax.grid(axis="x", color="#e0e0e0", linewidth=0.6)
ax.set_axisbelow(True)
stage_legend = ax.legend(handles=[Patch(color=f"C{s}", label=stage) for s, stage in enumerate(stages)], title="Stage",
                         loc="upper left", bbox_to_anchor=(1.02, 1), frameon=False)
ax.add_artist(stage_legend)
ax.legend(handles=[Patch(facecolor="white", edgecolor="black", hatch=h, label=batch) for h, batch in zip(hatches, batches)],
          title="Batch", loc="upper left", bbox_to_anchor=(1.02, 0.45), frameon=False)
fig.tight_layout()
fig.savefig(out_path("latency-breakdown"), dpi=300, bbox_inches=None)
