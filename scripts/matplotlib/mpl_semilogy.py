"""Reference for Templates/examples/mpl-semilogy.yaml: matplotlib's gallery "Log scale" (semilogy of an
exponential decay with a grid), default rcParams."""
import pandas as pd
from defaults import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/mpl-semilogy.csv")
fig, ax = plt.subplots()
ax.semilogy(d.t, d.y)
ax.set_title("semilogy")
ax.grid()
fig.savefig(out_path("mpl-semilogy"), dpi=300)
