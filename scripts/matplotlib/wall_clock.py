"""matplotlib reference for Templates/examples/wall-clock.yaml: validation loss against W&B's "Relative Time
(Process)" in seconds, one line per run, on a duration axis with ticks every two hours labelled 0, 2h, 4h, ..."""
import pandas as pd
from matplotlib.ticker import FuncFormatter, MultipleLocator
from common import EXAMPLES, out_path, plt


def hours(seconds, _):
    h = round(seconds / 3600)
    return "0" if h == 0 else f"{h}h"


d = pd.read_csv(f"{EXAMPLES}/wall-clock.csv")
fig, ax = plt.subplots(figsize=(5, 3.2))
for run, rows in d.groupby("run", sort=False):
    ax.plot(rows["Relative Time (Process)"], rows.val_loss, lw=1.5, label=run)
ax.xaxis.set_major_locator(MultipleLocator(2 * 3600))
ax.xaxis.set_major_formatter(FuncFormatter(hours))
ax.set_xlabel("Wall-clock time")
ax.set_ylabel("Validation loss")
ax.set_title("Validation loss over wall-clock time", fontsize=12)
ax.legend(loc="upper right")
fig.tight_layout()
fig.savefig(out_path("wall-clock"), dpi=300)
