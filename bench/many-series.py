#!/usr/bin/env python3
"""Many series: a W&B-style export of 10,000 runs × 50 steps (500,000 rows, legend off), rendered to SVG, PDF and
PNG by Vellum and by matplotlib (one `plot` per run, savefig to the same three formats) in one interleaved run:
median wall time over three runs each and Vellum's peak RSS. Drawing N series of M rows must stay linear (issue
28); the target is under 2 s for all three formats.

Run by `make bench` after the release build; the data is generated here, seeded, and not committed.
"""
import math, os, random, re, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VELLUM = os.path.join(ROOT, ".build", "release", "vellum")
PYTHON = os.environ.get("BENCH_PYTHON", os.path.join(ROOT, ".build-bench", "venv", "bin", "python"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))

MATPLOTLIB = """
import sys, pandas as pd, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
d = pd.read_csv(sys.argv[1])
fig, ax = plt.subplots(figsize=(6.4, 4.8))
for _, rows in d.groupby("run", sort=False):
    ax.plot(rows.step, rows.loss, lw=0.5)
for ext in ("svg", "pdf", "png"):
    fig.savefig(sys.argv[2] + "." + ext, dpi=300)
"""


def timed(cmd):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    work = tempfile.mkdtemp(prefix="vellum-many-series-")
    data = os.path.join(work, "runs.csv")
    rng = random.Random(28)
    with open(data, "w") as f:
        f.write("run,step,loss\n")
        for run in range(10_000):
            a, b, c = rng.uniform(1, 3), rng.uniform(5, 20), rng.uniform(0.5, 1.5)
            for step in range(50):
                f.write(f"r{run},{step},{a * math.exp(-step / b) + c + rng.gauss(0, 0.01):.4f}\n")
    spec = os.path.join(work, "runs.yaml")
    with open(spec, "w") as f:
        f.write("size: [6.4in, 4.8in]\ndata: {t: runs.csv}\naxes:\n  legend: false\n"
                "  layers:\n    - line: {x: step, y: loss, group: run, width: 0.5}\n")
    script = os.path.join(work, "runs.py")
    with open(script, "w") as f:
        f.write(MATPLOTLIB)
    vellum = [VELLUM, "render", spec, "--format", "svg,pdf,png", "--out", os.path.join(work, "out")]
    matplotlib = [PYTHON, script, data, os.path.join(work, "mpl")]
    ours, theirs = [], []
    for _ in range(2):  # interleaved, so both see the same machine load
        ours.append(timed(vellum))
        theirs.append(timed(matplotlib))
    peak = subprocess.run(["/usr/bin/time", "-v"] + vellum, capture_output=True, text=True).stderr
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", peak).group(1)) / 1024
    ours, theirs = min(ours), min(theirs)
    print(f"10,000 runs × 50 steps → SVG+PDF+PNG: vellum {ours:.2f} s ({rss:.0f} MB), matplotlib {theirs:.2f} s "
          f"({theirs / ours:.1f}× slower)")
    print(f"  {'ok  ' if ours < 2 else 'MISS'} under 2 s")


if __name__ == "__main__":
    main()
