"""Reference for Templates/examples/mpl-errorbar.yaml: matplotlib's gallery "Errorbar function" (a line with
constant x and y errors, no caps), default rcParams."""
import pandas as pd
from defaults import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/mpl-errorbar.csv")
fig, ax = plt.subplots()
ax.errorbar(d.x, d.y, xerr=d.xerr, yerr=d.yerr)
fig.savefig(out_path("mpl-errorbar"), dpi=300)
