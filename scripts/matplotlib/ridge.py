"""matplotlib reference for Templates/examples/ridge.yaml: a ridge plot as one row of panels per month sharing the
temperature axis, each month's Gaussian KDE (Scott's bandwidth, cut = 3 as seaborn's kdeplot) filled in a colour
spread over viridis."""
import numpy as np
import pandas as pd
from scipy.stats import gaussian_kde
from common import EXAMPLES, out_path, plt

d = pd.read_csv(f"{EXAMPLES}/ridge.csv")
months = list(dict.fromkeys(d.month))
colors = plt.cm.viridis(np.linspace(0, 1, len(months)))
fig, axs = plt.subplots(len(months), 1, figsize=(4.2, 5.2), sharex=True)
for ax, month, color in zip(axs, months, colors):
    values = d[d.month == month].temperature.to_numpy()
    kde = gaussian_kde(values, bw_method="scott")
    bandwidth = np.sqrt(kde.covariance[0, 0])
    xs = np.linspace(values.min() - 3 * bandwidth, values.max() + 3 * bandwidth, 200)
    ys = kde(xs)
    ax.fill_between(xs, ys, color=color, alpha=0.85, lw=0)
    ax.plot(xs, ys, color=color, lw=1.5)
    ax.set_ylim(bottom=0)
    ax.set_yticks([])
    ax.set_title(month, fontsize=9, pad=1)
    for side in ("left", "top", "right"):
        ax.spines[side].set_visible(False)
axs[-1].set_xlabel("Temperature (°C)")
fig.tight_layout(h_pad=0.2)
fig.savefig(out_path("ridge"), dpi=300)
