"""Reference for Templates/examples/mpl-box-violin.yaml: matplotlib's gallery "Box plot vs. violin plot
comparison" (showmedians violins beside box plots, y grid lines), default rcParams."""
import pandas as pd
from defaults import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/mpl-box-violin.csv")
labels = list(dict.fromkeys(d["sample"]))
all_data = [d[d["sample"] == s].value.to_numpy() for s in labels]
fig, axs = plt.subplots(nrows=1, ncols=2, figsize=(9, 4))
axs[0].violinplot(all_data, showmeans=False, showmedians=True)
axs[0].set_title("Violin plot")
axs[1].boxplot(all_data)
axs[1].set_title("Box plot")
for ax in axs:
    ax.yaxis.grid(True)
    ax.set_xticks([y + 1 for y in range(len(all_data))], labels=labels)
    ax.set_xlabel("Four separate samples")
    ax.set_ylabel("Observed values")
fig.savefig(out_path("mpl-box-violin"), dpi=300)
