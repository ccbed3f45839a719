"""matplotlib reference for Templates/examples/ridgeline.yaml: scipy's gaussian_kde per model on seaborn's support
(3 kernel widths past the data, 200 points), one shared height scale with the tallest curve 1.8 rows high, rows
from the top, each filled (alpha 0.8) and drawn top row first."""
import numpy as np
import pandas as pd
from common import EXAMPLES, out_path, plt
from scipy.stats import gaussian_kde

d = pd.read_csv(f"{EXAMPLES}/ridgeline.csv")
models = list(dict.fromkeys(d.model))
curves = []
for model in models:
    values = d[d.model == model].score.to_numpy()
    kde = gaussian_kde(values)
    sigma = np.sqrt(kde.covariance[0, 0])
    x = np.linspace(values.min() - 3 * sigma, values.max() + 3 * sigma, 200)
    curves.append((x, kde(x)))
tallest = max(y.max() for _, y in curves)
fig, ax = plt.subplots(figsize=(4.5, 4))
for row, (model, (x, y)) in enumerate(zip(models, curves)):
    top = row - y / tallest * 1.8
    ax.fill_between(x, row, top, color=f"C{row}", alpha=0.8, linewidth=0, zorder=row)
    ax.plot(x, top, color=f"C{row}", lw=1, zorder=row)
ax.set_yticks(range(len(models)), models)
ax.invert_yaxis()
ax.spines[["top", "right"]].set_visible(False)
ax.set_xlabel("Benchmark score")
fig.tight_layout()
fig.savefig(out_path("ridgeline"), dpi=300)
