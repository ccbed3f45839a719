#!/usr/bin/env python3
"""Vellum's benchmark: whole-process wall time (median of N runs after a warm-up) and peak RSS
(/usr/bin/time -v), against matplotlib running the seed script and against the librsvg + Cairo floor.

Run with `make bench`, which builds Vellum and prepares a venv with matplotlib.
"""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench")
VELLUM = os.path.join(ROOT, ".build", "release", "vellum")
PYTHON = os.path.join(WORK, "venv", "bin", "python")
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
EXAMPLES = os.path.join(ROOT, "Templates", "examples")


def run(cmd, cwd=None):
    """Median wall seconds over RUNS runs after one warm-up, and the largest peak RSS (MB)."""
    times, peaks = [], []
    for i in range(RUNS + 1):
        # Wall time from a monotonic clock around the bare command; peak RSS from a separate /usr/bin/time -v run.
        start = time.perf_counter()
        result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{result.stderr[-2000:]}")
        if i > 0:
            times.append(seconds)
    for _ in range(3):
        result = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, capture_output=True, text=True)
        peaks.append(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024)
    return statistics.median(times), max(peaks)


def seed_script(folder):
    """The seed's matplotlib script for figure (a) only, with usetex off (no TeX install needed)."""
    text = open(os.path.join(ROOT, "..", "shared", "seed", "000_3794aea27d7f09cb.txt"), encoding="utf-8").read()
    script = text[text.index('"""\n复现'):]
    script = script[: script.index("uploaded by")] if "uploaded by" in script else script
    script = script[: script.index("# ══════════════════════════════════════════════════════════\n# 图 3")]
    script = script.replace("'text.usetex': True", "'text.usetex': False")
    path = os.path.join(folder, "seed_figure_a.py")
    open(path, "w", encoding="utf-8").write(script)
    return path


def main():
    out = tempfile.mkdtemp(prefix="vellum-bench-")
    train = os.path.join(EXAMPLES, "selfdistill-train.yaml")
    rows = []

    def row(label, cmd, cwd=None):
        wall, rss = run(cmd, cwd)
        rows.append((label, wall, rss))
        return wall, rss

    vellum_all, vellum_rss = row("vellum: figure (a) → SVG+PDF+PNG", [VELLUM, "render", train, "--out", out])
    vellum_svg, _ = row("vellum: figure (a) → SVG", [VELLUM, "render", train, "--out", out, "--format", "svg"])
    svg = os.path.join(out, "selfdistill-train.svg")
    png_floor, _ = row("librsvg+Cairo floor: SVG → PNG 300 dpi (rsvg-convert)",
                       ["rsvg-convert", "-d", "300", "-p", "300", "-b", "white", "-o", os.path.join(out, "f.png"), svg])
    pdf_floor, _ = row("librsvg+Cairo floor: SVG → PDF (rsvg-convert)",
                       ["rsvg-convert", "-f", "pdf", "-o", os.path.join(out, "f.pdf"), svg])
    mpl, _ = row("matplotlib: seed script, figure (a) → PNG 300 dpi", [PYTHON, seed_script(out)], cwd=out)

    batch = os.path.join(out, "batch")
    os.makedirs(batch)
    shutil.copy(os.path.join(EXAMPLES, "selfdistill_scaling.csv"), batch)
    specs = []
    for i in range(100):
        specs.append(os.path.join(batch, f"s{i:03}.yaml"))
        shutil.copy(os.path.join(EXAMPLES, "selfdistill-scaling.yaml"), specs[-1])
    one, _ = row("vellum: 100 specs, --jobs 1", [VELLUM, "render", *specs, "--jobs", "1", "--out", os.path.join(batch, "o1")])
    many, _ = row(f"vellum: 100 specs, default jobs ({os.cpu_count()} cores)", [VELLUM, "render", *specs, "--out", os.path.join(batch, "o2")])

    floor = png_floor + pdf_floor
    print(f"\n{'run':58} {'median':>9} {'peak RSS':>10}")
    for label, wall, rss in rows:
        print(f"{label:58} {wall * 1000:7.1f} ms {rss:7.1f} MB")
    print("\ntargets:")
    checks = [
        (f"figure (a) all formats vs matplotlib: {mpl / vellum_all:.1f}× faster (≥ 8×)", mpl / vellum_all >= 8),
        (f"figure (a) all formats vs librsvg floor ({floor * 1000:.0f} ms): {vellum_all / floor:.2f}× (≤ 1.2×)", vellum_all / floor <= 1.2),
        (f"SVG only: {vellum_svg * 1000:.0f} ms (≤ 20 ms)", vellum_svg <= 0.020),
        (f"peak RSS, figure (a) all formats: {vellum_rss:.1f} MB (≤ 60 MB)", vellum_rss <= 60),
        (f"100-spec batch: {one / many:.2f}× faster than --jobs 1 (≥ 1.7×)", one / many >= 1.7),
    ]
    for text, ok in checks:
        print(f"  {'ok  ' if ok else 'MISS'} {text}")
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
