#!/usr/bin/env python3
"""Writes Tests/Reference/date_ticks.json: matplotlib's AutoDateLocator ticks and ConciseDateFormatter labels for
date ranges, the reference DateTicks.swift is checked against.

Ranges are drawn with a fixed seed: spans log-uniform from 10 minutes to 30 years, starts anywhere in 1995…2030
(whole seconds, some snapped to a minute, hour or day, a few with eighths of a second), plus hand-picked ranges on
exact boundaries and on the thresholds where the locator changes frequency. Everything is UTC. Times are stored as
Unix seconds; ticks keep matplotlib's own output (YearLocator's ticks can fall outside the range).

    .build/pyvenv/bin/python scripts/reference_date_ticks.py   # needs matplotlib and numpy
"""
import datetime
import json
import math
import os

import matplotlib
import numpy as np
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, num2date

UTC = datetime.timezone.utc
MINUTE, HOUR, DAY = 60, 3600, 86400
YEAR = 365.25 * DAY


def unix(*fields):
    return datetime.datetime(*fields, tzinfo=UTC).timestamp()


rng = np.random.default_rng(19950101)
ranges = [
    # exact boundaries: a whole year, month, day, hour, decade, thirty years, ten minutes
    (unix(2000, 1, 1), unix(2001, 1, 1)),
    (unix(2021, 2, 1), unix(2021, 3, 1)),
    (unix(2024, 2, 29), unix(2024, 3, 1)),
    (unix(2010, 6, 15, 12), unix(2010, 6, 15, 13)),
    (unix(2000, 1, 1), unix(2010, 1, 1)),
    (unix(2000, 1, 1), unix(2030, 1, 1)),
    (unix(2015, 7, 4, 9, 30), unix(2015, 7, 4, 9, 40)),
    (unix(1999, 12, 31, 23, 55), unix(2000, 1, 1, 0, 5)),
    (unix(2019, 12, 1), unix(2020, 3, 1)),
    # the thresholds where the frequency changes (5 years, 5 months, 5 days, 5 hours, 5 minutes of span)
    (unix(2003, 3, 10), unix(2008, 3, 10)),
    (unix(2003, 3, 10), unix(2008, 3, 9, 23, 59, 59)),
    (unix(2011, 1, 31), unix(2011, 6, 30)),
    (unix(2011, 1, 31), unix(2011, 6, 29, 23, 59, 59)),
    (unix(2016, 10, 3, 7), unix(2016, 10, 8, 7)),
    (unix(2016, 10, 3, 7), unix(2016, 10, 8, 6, 59, 59)),
    (unix(2022, 5, 5, 5, 5), unix(2022, 5, 5, 10, 5)),
    (unix(2022, 5, 5, 5, 5), unix(2022, 5, 5, 10, 4, 59)),
    # daily ranges too long for a 14-day interval within 11 ticks (141…152 days): matplotlib keeps days 1 and 15
    (unix(2018, 1, 1), unix(2018, 5, 25)),
    (unix(2007, 8, 17, 13), unix(2008, 1, 14, 2)),
    # ranges that start or end exactly on a tick, and eighths of a second around a tick
    (unix(2012, 3, 1), unix(2012, 3, 11)),
    (unix(2012, 3, 1) + 0.125, unix(2012, 3, 11) - 0.125),
    (unix(2026, 11, 30, 23, 59, 59) + 0.875, unix(2026, 12, 1, 0, 30) + 0.5),
]
for _ in range(200):
    span = math.exp(rng.uniform(math.log(10 * MINUTE), math.log(30 * YEAR)))
    start = rng.uniform(unix(1995, 1, 1), unix(2030, 1, 1))
    kind = rng.integers(0, 10)
    if kind == 0:
        start = math.floor(start / MINUTE) * MINUTE
    elif kind == 1:
        start = math.floor(start / HOUR) * HOUR
    elif kind == 2:
        start = math.floor(start / DAY) * DAY
    start = float(math.floor(start))
    span = float(round(span))
    if rng.integers(0, 16) == 0:
        # a few ranges with fractional limits, on eighths of a second so they survive JSON and datetime exactly
        start += rng.integers(1, 8) / 8
        span += rng.integers(1, 8) / 8
    ranges.append((start, start + span))

locator = AutoDateLocator(tz=UTC)
formatter = ConciseDateFormatter(locator, tz=UTC)
cases = []
for vmin, vmax in ranges:
    dmin = datetime.datetime.fromtimestamp(vmin, tz=UTC)
    dmax = datetime.datetime.fromtimestamp(vmax, tz=UTC)
    assert dmin.timestamp() == vmin and dmax.timestamp() == vmax
    days = locator.tick_values(dmin, dmax)
    ticks = [num2date(d, tz=UTC).timestamp() for d in days]
    assert all(abs(t - d * DAY) < 1e-5 for t, d in zip(ticks, days))
    labels = formatter.format_ticks(days)
    cases.append({
        "vmin": vmin, "vmax": vmax,
        "ticks": [int(t) if t == int(t) else t for t in ticks],
        "labels": list(labels), "offset": formatter.get_offset(),
    })

path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Reference", "date_ticks.json")
with open(path, "w") as f:
    f.write('{"matplotlib": %s,\n"cases": [\n' % json.dumps(matplotlib.__version__))
    f.write(",\n".join(json.dumps(case, separators=(",", ":")) for case in cases))
    f.write("\n]}\n")
print(len(cases), "cases")
