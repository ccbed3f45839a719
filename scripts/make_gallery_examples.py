#!/usr/bin/env python3
"""Writes the data of the `style: matplotlib` examples (issue 33) into Templates/examples/mpl-*.csv: the data of
matplotlib gallery examples, drawn with numpy from the gallery's own seed (19680801) where they are random, so each
example and its script in scripts/matplotlib/mpl_*.py plot the same numbers. Deterministic; needs numpy.

    python3 scripts/make_gallery_examples.py
"""

import numpy as np

from example_data import write


# Grouped bar chart with labels: penguin measurements by species.
means = {"Bill Depth": (18.35, 18.43, 14.98), "Bill Length": (38.79, 48.83, 47.50),
         "Flipper Length": (189.95, 195.82, 217.19)}
write("mpl-grouped-bars.csv", ["species", "attribute", "mm"],
      [[s, a, f"{v:.2f}"] for a, vs in means.items() for s, v in zip(("Adelie", "Chinstrap", "Gentoo"), vs)])

# Fill between and alpha: two populations of random walkers, their mean and ±1 std at each step.
np.random.seed(19680801)
steps, walkers = 100, 250
s1 = (0.004 + 0.02 * np.random.randn(steps, walkers)).cumsum(axis=0)
s2 = (0.002 + 0.01 * np.random.randn(steps, walkers)).cumsum(axis=0)
rows = []
for name, s in [("mean population 1", s1), ("mean population 2", s2)]:
    mu, sigma = s.mean(axis=1), s.std(axis=1)
    rows += [[name, t, f"{m:.6f}", f"{m - d:.6f}", f"{m + d:.6f}"] for t, m, d in zip(range(steps), mu, sigma)]
write("mpl-fill-between.csv", ["population", "step", "mean", "low", "high"], rows)

# Histogram features: 437 normal samples (mu 106, sigma 17) and the density curve at the 42 bins' edges.
np.random.seed(19680801)
x = 106 + 17 * np.random.randn(437)
write("mpl-histogram.csv", ["value"], [[f"{v:.6f}"] for v in x])
edges = np.histogram_bin_edges(x, 42)
pdf = (1 / (np.sqrt(2 * np.pi) * 17)) * np.exp(-0.5 * (1 / 17 * (edges - 106)) ** 2)
write("mpl-histogram-pdf.csv", ["edge", "density"], [[f"{e:.6f}", f"{p:.8f}"] for e, p in zip(edges, pdf)])

# Box plot vs violin plot: four normal samples of 100 with std 6 to 9.
np.random.seed(19680801)
data = [np.random.normal(0, std, 100) for std in range(6, 10)]
write("mpl-box-violin.csv", ["sample", "value"], [[f"x{i + 1}", f"{v:.6f}"] for i, d in enumerate(data) for v in d])

# Scatter with a legend: three colours of 750 points with random sizes.
np.random.seed(19680801)
rows = []
for color in ["tab:blue", "tab:orange", "tab:green"]:
    n = 750
    x, y = np.random.rand(2, n)
    scale = 200.0 * np.random.rand(n)
    rows += [[color, f"{a:.6f}", f"{b:.6f}", f"{s:.4f}"] for a, b, s in zip(x, y, scale)]
write("mpl-scatter-legend.csv", ["color", "x", "y", "s"], rows)

# Stem plot.
x = np.linspace(0.1, 2 * np.pi, 41)
write("mpl-stem.csv", ["x", "y"], [[f"{a:.6f}", f"{b:.6f}"] for a, b in zip(x, np.exp(np.sin(x)))])

# Log scale: exponential decay on a semilogy plot.
t = np.arange(0.01, 20.0, 0.01)
write("mpl-semilogy.csv", ["t", "y"], [[f"{a:.2f}", f"{np.exp(-a / 5.0):.8g}"] for a in t])

# Bar chart on polar axis: 20 bars of random height and width, coloured by height through viridis.
np.random.seed(19680801)
n = 20
theta = np.linspace(0.0, 2 * np.pi, n, endpoint=False)
radii = 10 * np.random.rand(n)
width = np.pi / 4 * np.random.rand(n)
write("mpl-polar-bars.csv", ["theta", "radius", "width"],
      [[f"{a:.6f}", f"{r:.6f}", f"{w:.6f}"] for a, r, w in zip(theta, radii, width)])

# Stackplot: world population by continent (the gallery's table, in billions).
year = [1950, 1960, 1970, 1980, 1990, 2000, 2010, 2018]
population = {
    "Africa": [.228, .284, .365, .477, .631, .814, 1.044, 1.275],
    "the Americas": [.340, .425, .519, .619, .727, .840, .943, 1.006],
    "Asia": [1.394, 1.686, 2.120, 2.625, 3.202, 3.714, 4.169, 4.560],
    "Europe": [.220, .253, .276, .295, .310, .303, .294, .293],
    "Oceania": [.012, .015, .019, .022, .026, .031, .036, .039],
}
write("mpl-stackplot.csv", ["continent", "year", "billions"],
      [[c, y, v] for c, values in population.items() for y, v in zip(year, values)])

# Annotated heatmap: the gallery's harvest table.
vegetables = ["cucumber", "tomato", "lettuce", "asparagus", "potato", "wheat", "barley"]
farmers = ["Farmer Joe", "Upland Bros.", "Smith Gardening", "Agrifun", "Organiculture", "BioGoods Ltd.",
           "Cornylee Corp."]
harvest = [[0.8, 2.4, 2.5, 3.9, 0.0, 4.0, 0.0], [2.4, 0.0, 4.0, 1.0, 2.7, 0.0, 0.0],
           [1.1, 2.4, 0.8, 4.3, 1.9, 4.4, 0.0], [0.6, 0.0, 0.3, 0.0, 3.1, 0.0, 0.0],
           [0.7, 1.7, 0.6, 2.6, 2.2, 6.2, 0.0], [1.3, 1.2, 0.0, 0.0, 0.0, 3.2, 5.1],
           [0.1, 2.0, 0.0, 1.4, 0.0, 1.9, 6.3]]
write("mpl-heatmap.csv", ["vegetable", "farmer", "tons"],
      [[v, f, harvest[i][j]] for i, v in enumerate(vegetables) for j, f in enumerate(farmers)])

# Contour demo: the difference of two Gaussians on a grid (0.05 apart, the gallery's at half its resolution).
delta = 0.05
x = np.arange(-3.0, 3.0, delta)
y = np.arange(-2.0, 2.0, delta)
rows = []
for b in y:
    for a in x:
        z = (np.exp(-a ** 2 - b ** 2) - np.exp(-(a - 1) ** 2 - (b - 1) ** 2)) * 2
        rows.append([f"{a:.2f}", f"{b:.2f}", f"{z:.6f}"])
write("mpl-contour.csv", ["x", "y", "z"], rows)

# Errorbar function: exp(-x) with constant errors.
x = np.arange(0.1, 4, 0.5)
write("mpl-errorbar.csv", ["x", "y", "xerr", "yerr"], [[f"{a:.1f}", f"{np.exp(-a):.6f}", 0.2, 0.4] for a in x])

# Secondary axis: a sine wave over degrees, radians on top.
x = np.arange(0, 360, 1)
write("mpl-secondary-axis.csv", ["angle", "signal"], [[a, f"{np.sin(2 * a * np.pi / 180):.6f}"] for a in x])

# Formatting date ticks using ConciseDateFormatter: a random walk every two hours from 2005-02-01.
np.random.seed(19680801)
base = np.datetime64("2005-02-01T00:00")
walk = np.cumsum(np.random.randn(732))
write("mpl-dates.csv", ["time", "y"],
      [[str(base + np.timedelta64(2 * i, "h")), f"{v:.6f}"] for i, v in enumerate(walk)])

# Hexagonal binned plot: y = 2 + 3x + 4ε over normal x (the gallery draws 100,000 points; 8,000 keep the CSV small).
np.random.seed(19680801)
n = 8000
x = np.random.standard_normal(n)
y = 2.0 + 3.0 * x + 4.0 * np.random.standard_normal(n)
write("mpl-hexbin.csv", ["x", "y"], [[f"{a:.3f}", f"{b:.3f}"] for a, b in zip(x, y)])
