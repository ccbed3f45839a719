"""Reference for Templates/examples/mpl-polar-bars.yaml: matplotlib's gallery "Bar chart on polar axis" (bars
coloured by height through viridis, alpha 0.5), default rcParams."""
import matplotlib
import pandas as pd
from defaults import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/mpl-polar-bars.csv")
ax = plt.subplot(projection="polar")
ax.bar(d.theta, d.radius, width=d.width, bottom=0.0, color=matplotlib.colormaps["viridis"](d.radius / 10.0),
       alpha=0.5)
plt.savefig(out_path("mpl-polar-bars"), dpi=300)
