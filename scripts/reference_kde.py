#!/usr/bin/env python3
"""Writes Tests/Reference/kde.json: samples and scipy.stats.gaussian_kde's factor and density at fixed points for
each bandwidth rule, for KernelDensityTests. Rerun after changing a case:

    python3 scripts/reference_kde.py   # needs numpy and scipy
"""
import json, os
import numpy as np
from scipy.stats import gaussian_kde

rng = np.random.default_rng(7)
samples = {
    "bimodal": np.round(np.concatenate([rng.normal(-1, 0.4, 120), rng.normal(1.5, 0.7, 80)]), 6),
    "skewed": np.round(rng.lognormal(0, 0.8, 90), 6),
    "small": np.array([0.0, 0.5, 0.5, 2.0]),
}
points = np.linspace(-3, 6, 37).tolist()
cases = []
for name, x in samples.items():
    for bw in ["scott", "silverman", 0.3]:
        kde = gaussian_kde(x, bw_method=bw)
        cases.append({"sample": name, "bandwidth": bw, "factor": float(kde.factor),
                      "sigma": float(np.sqrt(kde.covariance[0, 0])), "density": kde(points).tolist()})
path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "kde.json")
with open(path, "w") as f:
    json.dump({"samples": {k: v.tolist() for k, v in samples.items()}, "points": points, "cases": cases}, f, indent=1)
print(f"wrote {len(cases)} cases to {os.path.normpath(path)}")
