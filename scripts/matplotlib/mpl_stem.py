"""Reference for Templates/examples/mpl-stem.yaml: matplotlib's gallery "Stem plot", default rcParams."""
import pandas as pd
from defaults import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/mpl-stem.csv")
fig, ax = plt.subplots()
ax.stem(d.x, d.y)
fig.savefig(out_path("mpl-stem"), dpi=300)
