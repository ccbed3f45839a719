#!/usr/bin/env python3
"""`vellum lint` on every example (issue 31): wall time of each whole process (release build, best of three), the
slowest and the median, against the target of well under a second per figure.

Run by `make bench` after the release build.
"""
import glob, os, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VELLUM = os.path.join(ROOT, ".build", "release", "vellum")


def best_of(cmd, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    specs = sorted(glob.glob(os.path.join(ROOT, "Templates", "examples", "*.yaml")))
    times = {os.path.basename(s): best_of([VELLUM, "lint", s]) for s in specs}
    slowest = max(times, key=times.get)
    print(f"vellum lint, {len(times)} examples: median {statistics.median(times.values()) * 1000:.0f} ms, "
          f"slowest {slowest} {times[slowest] * 1000:.0f} ms")
    if times[slowest] >= 1:
        sys.exit("lint is over a second on " + slowest)


if __name__ == "__main__":
    main()
