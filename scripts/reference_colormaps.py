#!/usr/bin/env python3
"""Writes Tests/Reference/colormaps.json: the colour matplotlib gives values under several colormaps and norms
(to_hex of cmap(norm(value)), with its under/over/bad handling), every registered colormap at five points, and
every colour name's to_hex, for ContinuousColorScaleTests and ColorNameTests.

    python3 scripts/reference_colormaps.py   # needs matplotlib
"""
import json, os
import numpy as np
import matplotlib
from matplotlib import colors as mcolors

values = [-3.0, -1.0, -0.2, 0.0, 0.001, 0.05, 0.3, 0.5, 0.77, 1.0, 2.5, 10.0, 99.0, 100.0, 250.0, float("nan")]
cases = []
def case(name, norm, spec, cmap=None, levels=None):
    cmap = cmap or matplotlib.colormaps[spec["map"]]
    if levels: cmap = cmap.resampled(levels)
    cmap = cmap.with_extremes(bad=(0, 0, 0, 0))
    out = []
    for v in values:
        rgba = cmap(norm(v)) if not np.isnan(v) else cmap(np.ma.masked_invalid([v]))[0]
        out.append(None if rgba[3] == 0 else mcolors.to_hex(rgba))
    cases.append({"name": name, "spec": spec, "colors": out})

case("viridis linear", mcolors.Normalize(0, 1), {"map": "viridis", "limits": [0, 1]})
case("magma_r linear", mcolors.Normalize(-1, 10), {"map": "magma_r", "limits": [-1, 10]})
case("Blues log", mcolors.LogNorm(0.001, 100), {"map": "Blues", "norm": "log", "limits": [0.001, 100]})
case("RdBu centred", mcolors.TwoSlopeNorm(vcenter=0, vmin=-3, vmax=10), {"map": "RdBu", "center": 0, "limits": [-3, 10]})
case("coolwarm symlog", mcolors.SymLogNorm(linthresh=0.5, linscale=1, vmin=-3, vmax=250, base=10),
     {"map": "coolwarm", "norm": "symlog", "linthresh": 0.5, "limits": [-3, 250]})
case("cividis 5 levels", mcolors.Normalize(0, 100), {"map": "cividis", "limits": [0, 100], "levels": 5}, levels=5)
case("list", mcolors.Normalize(0, 1), {"map": ["#ffffff", "#2ca02c", "#000000"], "limits": [0, 1]},
     cmap=mcolors.LinearSegmentedColormap.from_list("x", ["#ffffff", "#2ca02c", "#000000"]))
# Every registered colormap (and its _r) at five points, and every colour name to_rgba knows.
points = [0.0, 0.25, 0.5, 0.75, 1.0]
maps = {name: [mcolors.to_hex(matplotlib.colormaps[name](x)) for x in points] for name in sorted(matplotlib.colormaps)}
names = {}
for source in [mcolors.BASE_COLORS, mcolors.TABLEAU_COLORS, mcolors.CSS4_COLORS, mcolors.XKCD_COLORS]:
    for name in source:
        names[name] = mcolors.to_hex(name)
path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "colormaps.json")
json.dump({"matplotlib": matplotlib.__version__, "values": [None if np.isnan(v) else v for v in values],
           "cases": cases, "points": points, "maps": maps, "names": names}, open(path, "w"), indent=1)
print(f"wrote {len(cases)} cases to {os.path.normpath(path)}")
