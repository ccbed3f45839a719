"""Reference for Templates/examples/mpl-stackplot.yaml: matplotlib's gallery "Stackplots" (world population by
continent, alpha 0.8, legend reversed), default rcParams."""
import pandas as pd
from defaults import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/mpl-stackplot.csv")
continents = list(dict.fromkeys(d.continent))
year = d[d.continent == continents[0]].year
fig, ax = plt.subplots()
ax.stackplot(year, [d[d.continent == c].billions for c in continents], labels=continents, alpha=0.8)
ax.legend(loc="upper left", reverse=True)
ax.set_title("World population")
ax.set_xlabel("Year")
ax.set_ylabel("Number of people (billions)")
fig.savefig(out_path("mpl-stackplot"), dpi=300)
