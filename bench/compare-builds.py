#!/usr/bin/env python3
"""Compares two vellum builds on the examples and a 1,000,000-point line, runs interleaved so that machine load
hits both alike: median wall time of N runs after a warm-up, and peak RSS from /usr/bin/time -v.

    python3 bench/compare-builds.py OLD_BINARY NEW_BINARY [RUNS]

Build the old one from a worktree: git worktree add /tmp/old REV && (cd /tmp/old && swift build -c release
--product vellum --static-swift-stdlib).
"""
import math, random, subprocess, time, statistics, sys, os, re, tempfile
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ex = os.path.join(ROOT, "Templates", "examples")
bins = {"before": sys.argv[1], "after": sys.argv[2]}
work = tempfile.mkdtemp(prefix="vellum-compare-")
random.seed(1)
with open(os.path.join(work, "big.csv"), "w") as f:
    f.write("step,loss\n")
    for i in range(1_000_000):
        f.write(f"{i},{2 + 3 * math.exp(-i / 200000) + random.gauss(0, 0.05):.5f}\n")
open(os.path.join(work, "big.yaml"), "w").write(
    "size: [6in, 4in]\ndata: {d: big.csv}\naxes:\n  x: {label: Step, format: si}\n  y: {label: Loss}\n"
    "  layers:\n    - line: {x: step, y: loss, width: 0.8}\n")
cases = [
  ("figure (a) → SVG+PDF+PNG", [f"{ex}/selfdistill-train.yaml"], []),
  ("figure (a) → SVG", [f"{ex}/selfdistill-train.yaml"], ["--format", "svg"]),
  ("lcb-seeds → SVG+PDF+PNG", [f"{ex}/lcb-seeds.yaml"], []),
  ("grouped-bars → SVG+PDF+PNG", [f"{ex}/grouped-bars.yaml"], []),
  ("panels → SVG+PDF+PNG", [f"{ex}/panels.yaml"], []),
  ("1 M-point line → SVG", [os.path.join(work, "big.yaml")], ["--format", "svg"]),
  ("1 M-point line → SVG+PDF+PNG", [os.path.join(work, "big.yaml")], []),
]
N = int(sys.argv[3]) if len(sys.argv) > 3 else 11
out = os.path.join(work, "out")
os.makedirs(out, exist_ok=True)
print("| case | before (s) | after (s) | after/before | peak RSS before / after (MB) |")
print("|---|---|---|---|---|")
for label, specs, extra in cases:
    times = {k: [] for k in bins}
    for i in range(N + 1):
        for name, b in bins.items():
            t = time.perf_counter()
            r = subprocess.run([b, "render", *specs, "--out", out, *extra], capture_output=True)
            dt = time.perf_counter() - t
            assert r.returncode == 0, r.stderr
            if i: times[name].append(dt)
    rss = {}
    for name, b in bins.items():
        r = subprocess.run(["/usr/bin/time", "-v", b, "render", *specs, "--out", out, *extra], capture_output=True, text=True)
        rss[name] = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1)) / 1024
    m = [statistics.median(times[k]) for k in bins]
    print(f"| {label} | {m[0]:.4f} | {m[1]:.4f} | {m[1]/m[0]:.3f} | {list(rss.values())[0]:.0f} / {list(rss.values())[1]:.0f} |")
