"""Writes Tests/Reference/contours.json: 24 grids and what matplotlib's contour and contourf make of them — the
levels (automatic, levels=N) and, per line level, the number of lines and of vertices (closed lines repeat their
first point). The reference for Vellum's contour and contourf marks.

    .build/pyvenv/bin/python scripts/reference_contours.py
"""
import json
import os

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

rng = np.random.default_rng(27)


def grid(nx, ny, kind):
    x = np.round(np.linspace(-2, 2, nx), 6)
    y = np.round(np.linspace(-1.5, 1.5, ny), 6)
    X, Y = np.meshgrid(x, y)
    if kind == "waves":
        Z = np.sin(2 * X) * np.cos(2 * Y) + 0.3 * X * Y - 0.2
    elif kind == "bowl":
        Z = X ** 2 + 2 * Y ** 2
    elif kind == "saddle":
        Z = X ** 2 - Y ** 2
    elif kind == "peaks":
        Z = 3 * (1 - X) ** 2 * np.exp(-X ** 2 - (Y + 1) ** 2) - 10 * (X / 5 - X ** 3 - Y ** 5) * np.exp(
            -X ** 2 - Y ** 2) - np.exp(-(X + 1) ** 2 - Y ** 2) / 3
    elif kind == "noise":
        Z = rng.normal(0, 1, X.shape)
    elif kind == "ramp":
        Z = 1000 * X + 3 * Y + 5e4
    else:
        Z = np.log1p(np.abs(X * Y)) - np.exp(-(X ** 2 + Y ** 2))
    return x, y, np.round(Z, 6)


cases = []
kinds = ["waves", "bowl", "saddle", "peaks", "noise", "ramp", "mixed"]
sizes = [(41, 31), (12, 9), (25, 25), (7, 5)]
for index in range(24):
    kind = kinds[index % len(kinds)]
    nx, ny = sizes[index % len(sizes)]
    levels = [3, 5, 7, 10, 15][index % 5]
    x, y, z = grid(nx, ny, kind)
    fig, ax = plt.subplots()
    lines = ax.contour(x, y, z, levels=levels)
    filled = ax.contourf(x, y, z, levels=levels)
    per_level = []
    for segments in lines.allsegs:
        per_level.append({"lines": len(segments), "vertices": int(sum(len(s) for s in segments))})
    plt.close(fig)
    cases.append({
        "name": f"{kind}-{nx}x{ny}-{levels}", "levels": levels, "x": x.tolist(), "y": y.tolist(),
        "z": z.tolist(), "line_levels": lines.levels.tolist(), "filled_levels": filled.levels.tolist(),
        "per_level": per_level,
    })
out = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "contours.json")
with open(out, "w") as f:
    json.dump({"matplotlib": matplotlib.__version__, "cases": cases}, f, separators=(",", ":"))
print(out, len(cases), os.path.getsize(out))
