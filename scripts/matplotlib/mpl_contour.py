"""Reference for Templates/examples/mpl-contour.yaml: matplotlib's gallery "Contour Demo", its first figure
(default levels and colours, labelled with clabel), default rcParams."""
import pandas as pd
from defaults import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/mpl-contour.csv")
grid = d.pivot(index="y", columns="x", values="z")
fig, ax = plt.subplots()
lines = ax.contour(grid.columns, grid.index, grid.values)
ax.clabel(lines, fontsize=10)
ax.set_title("Simplest default with labels")
fig.savefig(out_path("mpl-contour"), dpi=300)
