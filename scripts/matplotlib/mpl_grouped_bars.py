"""Reference for Templates/examples/mpl-grouped-bars.yaml: matplotlib's gallery "Grouped bar chart with labels",
default rcParams."""
import numpy as np
from defaults import out_path, plt

species = ("Adelie", "Chinstrap", "Gentoo")
penguin_means = {"Bill Depth": (18.35, 18.43, 14.98), "Bill Length": (38.79, 48.83, 47.50),
                 "Flipper Length": (189.95, 195.82, 217.19)}
x = np.arange(len(species))
width = 0.25
fig, ax = plt.subplots()
for multiplier, (attribute, measurement) in enumerate(penguin_means.items()):
    rects = ax.bar(x + width * multiplier, measurement, width, label=attribute)
    ax.bar_label(rects, padding=3)
ax.set_ylabel("Length (mm)")
ax.set_title("Penguin attributes by species")
ax.set_xticks(x + width, species)
ax.legend(loc="upper left", ncols=3)
ax.set_ylim(0, 250)
fig.savefig(out_path("mpl-grouped-bars"), dpi=300)
