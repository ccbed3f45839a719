"""Reference for Templates/examples/mpl-histogram.yaml: matplotlib's gallery "Histogram features" (a density
histogram of 437 normal samples in 42 bins and the normal density as a dashed line), default rcParams."""
import pandas as pd
from defaults import EXAMPLES, out_path, plt

x = pd.read_csv(f"{EXAMPLES}/mpl-histogram.csv").value
pdf = pd.read_csv(f"{EXAMPLES}/mpl-histogram-pdf.csv")
fig, ax = plt.subplots()
ax.hist(x, 42, density=True)
ax.plot(pdf.edge, pdf.density, "--")
ax.set_xlabel("Value")
ax.set_ylabel("Probability density")
ax.set_title(r"Histogram of normal distribution sample: $\mu=106$, $\sigma=17$")
fig.savefig(out_path("mpl-histogram"), dpi=300)
