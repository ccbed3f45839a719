"""Writes Tests/Reference/hexbin.json: point sets and what matplotlib's hexbin makes of them — each drawn hexagon's
centre (the collection's offsets) and its count or reduced value (get_array), in matplotlib's order, and the
colour steps of bins=N. The reference for Vellum's hexbin mark (HexagonalBinning).

    .build/pyvenv/bin/python scripts/reference_hexbin.py
"""
import json
import os

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

rng = np.random.default_rng(33)


def points(kind, n):
    if kind == "normal":
        x, y = rng.normal(0, 1, n), rng.normal(0, 1, n)
    elif kind == "correlated":
        x = rng.normal(0, 2, n)
        y = 0.5 * x + rng.normal(0, 0.5, n) + 10
    elif kind == "integers":
        x, y = rng.integers(0, 10, n).astype(float), rng.integers(-3, 4, n).astype(float)
    elif kind == "single":
        x, y = np.full(n, 2.5), np.full(n, -1.0)
    elif kind == "zeros":
        x, y = np.zeros(n), rng.normal(0, 1, n)
    else:  # positive, spread over decades, for log scales
        x, y = 10 ** rng.uniform(-2, 3, n), 10 ** rng.uniform(0, 2, n)
    return np.round(x, 6), np.round(y, 6)


CASES = [
    dict(kind="normal", n=400, gridsize=10),
    dict(kind="normal", n=400, gridsize=[8, 5], mincnt=1),
    dict(kind="correlated", n=600, gridsize=15, C=True, reduce="mean"),
    dict(kind="correlated", n=600, gridsize=12, C=True, reduce="sum", mincnt=0),
    dict(kind="correlated", n=300, gridsize=9, C=True, reduce="max", mincnt=2),
    dict(kind="correlated", n=300, gridsize=9, C=True, reduce="median"),
    dict(kind="correlated", n=300, gridsize=7, C=True, reduce="std", mincnt=3),
    dict(kind="normal", n=500, gridsize=12, extent=[-1, 1.5, -2, 0.5]),
    dict(kind="integers", n=300, gridsize=9),
    dict(kind="integers", n=300, gridsize=[4, 7], mincnt=5),
    dict(kind="single", n=5, gridsize=6),
    dict(kind="zeros", n=50, gridsize=5, mincnt=1),
    dict(kind="decades", n=400, gridsize=10, xscale="log", yscale="log", mincnt=1),
    dict(kind="normal", n=400, gridsize=10, bins=5),
    dict(kind="correlated", n=400, gridsize=8, C=True, reduce="mean", bins=4),
]
REDUCE = dict(mean=np.mean, sum=np.sum, max=np.max, median=np.median, std=np.std)

cases = []
for case in CASES:
    x, y = points(case["kind"], case["n"])
    c = np.round(rng.uniform(0, 5, len(x)), 6) if case.get("C") else None
    kwargs = dict(gridsize=case["gridsize"] if isinstance(case["gridsize"], int) else tuple(case["gridsize"]))
    for key in ("mincnt", "extent", "xscale", "yscale", "bins"):
        if key in case:
            kwargs[key] = case[key]
    if c is not None:
        kwargs["C"] = c
        kwargs["reduce_C_function"] = REDUCE[case["reduce"]]
    fig, ax = plt.subplots()
    collection = ax.hexbin(x, y, **kwargs)
    offsets = collection.get_offsets()
    if case.get("xscale") == "log" or case.get("yscale") == "log":
        # matplotlib keeps a log hexbin's offsets as exponents.
        pass
    entry = {k: v for k, v in case.items() if k != "C"}
    entry.update(x=x.tolist(), y=y.tolist(), values=None if c is None else c.tolist(),
                 centers=np.asarray(offsets).tolist(), accum=np.asarray(collection.get_array(), float).tolist(),
                 xlim=list(ax.get_xlim()), ylim=list(ax.get_ylim()))
    cases.append(entry)
    plt.close(fig)

path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "hexbin.json")
with open(path, "w") as out:
    json.dump({"matplotlib": matplotlib.__version__, "cases": cases}, out, separators=(",", ":"))
print(f"{len(cases)} cases, {sum(len(c['accum']) for c in cases)} hexagons")
