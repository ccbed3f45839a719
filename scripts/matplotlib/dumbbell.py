"""matplotlib reference for Templates/examples/dumbbell.yaml: accuracy before and after fine-tuning as a dumbbell
chart, tasks on a categorical y axis (first task at the top), a grey bar joining each task's two scores and the
scores as dots coloured by model."""
import pandas as pd
from common import EXAMPLES, USETEX, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/dumbbell.csv")
models = list(dict.fromkeys(d.model))
fig, ax = plt.subplots(figsize=(4.6, 3.6))
for _, rows in d.groupby("task", sort=False):
    ax.plot(rows.accuracy, rows.task, color="#bbbbbb", lw=2.5)
for i, model in enumerate(models):
    rows = d[d.model == model]
    ax.scatter(rows.accuracy, rows.task, s=7 ** 2, color=f"C{i}", label=model, zorder=3)
ax.invert_yaxis()
ax.set_xlabel(r"Accuracy (\%)" if USETEX else "Accuracy (%)")
ax.set_title("Accuracy before and after fine-tuning", fontsize=12)
ax.grid(axis="x", color="#e6e6e6", linewidth=0.6)
ax.set_axisbelow(True)
ax.legend(loc="upper left")
fig.tight_layout()
fig.savefig(out_path("dumbbell"), dpi=300)
