"""matplotlib reference for Templates/examples/lr-schedule.yaml: a warm-up then SGDR schedule, with a dotted line
at each restart step (from lr-restarts.csv) labelled by ax.text at its top."""
import pandas as pd
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/lr-schedule.csv")
restarts = pd.read_csv(f"{EXAMPLES}/lr-restarts.csv")
fig, ax = plt.subplots(figsize=(6, 2.8))
ax.plot(d.step, d.lr, color="C0")
for step in restarts.step:
    ax.axvline(step, color="dimgrey", ls=":", lw=1)
    ax.text(step, 0.97, "restart", transform=ax.get_xaxis_transform(), rotation=90, ha="right", va="top",
            color="dimgrey")
ax.ticklabel_format(axis="y", style="sci", scilimits=(0, 0), useMathText=True)
ax.set(xlabel="Step", ylabel="Learning rate")
fig.tight_layout()
fig.savefig(out_path("lr-schedule"), dpi=300)
