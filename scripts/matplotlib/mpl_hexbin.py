"""Reference for Templates/examples/mpl-hexbin.yaml: matplotlib's gallery "Hexagonal binned plot" (two hexbins of
the same points, gridsize 50 in inferno, the second with bins='log', a colorbar each, limits at the data's extent),
default rcParams."""
import pandas as pd
from defaults import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/mpl-hexbin.csv")
x, y = d.x.to_numpy(), d.y.to_numpy()
xlim = x.min(), x.max()
ylim = y.min(), y.max()
fig, (ax0, ax1) = plt.subplots(ncols=2, sharey=True, figsize=(9, 4))
hb = ax0.hexbin(x, y, gridsize=50, cmap="inferno")
ax0.set(xlim=xlim, ylim=ylim)
ax0.set_title("Hexagon binning")
fig.colorbar(hb, ax=ax0, label="counts")
hb = ax1.hexbin(x, y, gridsize=50, bins="log", cmap="inferno")
ax1.set(xlim=xlim, ylim=ylim)
ax1.set_title("With a log color scale")
fig.colorbar(hb, ax=ax1, label="counts")
fig.savefig(out_path("mpl-hexbin"), dpi=300)
