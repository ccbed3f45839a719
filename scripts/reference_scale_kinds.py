#!/usr/bin/env python3
"""Writes Tests/Reference/scale_kinds.json: what matplotlib and Python compute for the scale kinds besides dates
(DateTicks has its own reference), which ScaleKindTests checks Vellum against:

- `logit`: LogitLocator(nbins) tick values and LogitFormatter labels over probability ranges;
- `time`: Unix seconds of ISO 8601 texts as Python's datetime.fromisoformat reads them (naive = UTC).

    .build/pyvenv/bin/python scripts/reference_scale_kinds.py   # needs matplotlib and numpy
"""
import datetime
import json
import os

import matplotlib

matplotlib.use("Agg")
import numpy as np
from matplotlib.ticker import LogitFormatter, LogitLocator

logit = []
ranges = [
    (0.001, 0.999), (0.2, 0.8), (0.01, 0.9), (1e-6, 1 - 1e-6), (0.3, 0.99), (0.05, 0.95), (1e-4, 0.5),
    (0.6, 0.9999), (0.45, 0.55), (1e-9, 1 - 1e-9), (0.02, 0.3), (0.1, 0.9),
]
rng = np.random.default_rng(7)
for _ in range(40):
    a, b = sorted(rng.uniform(-8, 8, 2))
    ranges.append((float(1 / (1 + 10 ** -a)), float(1 / (1 + 10 ** -b))))
for low, high in ranges:
    for nbins in (4, 9):
        # The ticks an axis draws: inside the range, within matplotlib's closeness tolerance.
        close = 1e-10 * (high - low)
        ticks = [float(t) for t in LogitLocator(nbins=nbins).tick_values(low, high) if low - close <= t <= high + close]
        logit.append({"low": low, "high": high, "nbins": nbins, "ticks": ticks})

texts = [
    "2024-03-01", "2024-03-01T12:30", "2024-03-01 12:30:05", "2024-03-01T12:30:05.25", "2024-03-01T12:30:00+02:00",
    "2024-03-01T12:30:00-05:30", "2024-03-01T00:00:00Z", "1969-12-31T23:59:59", "2000-02-29", "1999-12-31T23:59:59.999",
    "2038-01-19T03:14:08", "1900-01-01", "2026-12-05T17:38:15+00:00",
]
instants = []
for text in texts:
    parsed = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.timezone.utc)
    instants.append({"text": text, "seconds": parsed.timestamp()})

out = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "scale_kinds.json")
with open(out, "w") as f:
    json.dump({"matplotlib": matplotlib.__version__, "logit": logit, "instants": instants}, f, indent=1)
print(f"{len(logit)} logit cases, {len(instants)} instants -> {os.path.normpath(out)}")
