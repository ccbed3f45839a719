#!/usr/bin/env python3
"""Speed at scale: Vellum against pandas + matplotlib on the same jobs, in one interleaved run.

Each job is a whole process on both sides writing SVG + PDF + PNG at 300 dpi; matplotlib reads its data with
`pandas.read_csv`, as its users do. Runs alternate (Vellum, matplotlib, Vellum, …) so both see the same machine;
wall time is the median of BENCH_SCALE_RUNS (default 3) after one warm-up each, and peak RSS the largest of
those runs (`/usr/bin/time -f %M`). The data is generated here (seeded) into .build-bench/scale and never
committed. Prints the table and rewrites the "Speed at scale" section of bench/RESULTS.md.

    make bench                       # builds the release binary and runs this among the rest
    .build-bench/venv/bin/python bench/scale.py [job…]   # one or more jobs by name
"""
import os, re, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench", "scale")
VELLUM = os.path.join(ROOT, ".build", "release", "vellum")
PYTHON = sys.executable
RUNS = int(os.environ.get("BENCH_SCALE_RUNS", "3"))
RESULTS = os.path.join(ROOT, "bench", "RESULTS.md")
SECTION = "## Speed at scale (issue 29)"

MPL_HEAD = """import sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
def save(fig, name):
    for suffix in ("svg", "pdf", "png"):
        fig.savefig(f"{name}.{suffix}", dpi=300)
"""


def generate():
    """The jobs' data, written once (seeded, so every machine benches the same bytes)."""
    import numpy as np

    os.makedirs(WORK, exist_ok=True)
    rng = np.random.default_rng(29)

    def write(name, header, columns, fmt):
        path = os.path.join(WORK, name)
        if os.path.exists(path):
            return
        with open(path + ".part", "w") as f:
            f.write(header + "\n")
            np.savetxt(f, np.column_stack(columns), fmt=fmt, delimiter=",")
        os.replace(path + ".part", path)

    n = 1_000_000
    steps = np.arange(n)
    write("line.csv", "step,loss", [steps, 2 + 3 * np.exp(-steps / 200000) + rng.normal(0, 0.05, n)], ["%d", "%.5f"])
    i, j = np.meshgrid(np.arange(1000), np.arange(1000), indexing="ij")
    heat = np.sin(i / 60.0) * np.cos(j / 45.0) + 0.1 * rng.normal(size=(1000, 1000))
    write("heat.csv", "r,c,v", [i.ravel(), j.ravel(), heat.ravel()], ["%d", "%d", "%.4f"])
    write("samples.csv", "x", [rng.normal(0, 1, 10_000_000)], ["%.5f"])
    path = os.path.join(WORK, "runs.csv")
    if not os.path.exists(path):
        with open(path + ".part", "w") as f:
            f.write("run,step,loss\n")
            for run in range(10):
                s = np.arange(n) + rng.integers(0, 3)
                loss = 2 + 3 * np.exp(-s / 200000) + rng.normal(0, 0.05, n) + 0.01 * run
                np.savetxt(f, np.column_stack([np.full(n, run), s, loss]), fmt=["seed%d", "%d", "%.5f"], delimiter=",")
        os.replace(path + ".part", path)


def job_files():
    """Each job: (name, label, Vellum spec text, matplotlib script text)."""
    logs_transform = (
        "[{interpolate: {x: step, by: run, column: loss, points: 2000}}, "
        "{aggregate: {by: step, column: loss, stats: [mean, std]}}, "
        "{ema: {columns: [loss_mean, loss_std], alpha: 0.9}}]"
    )
    jobs = [
        ("line", "1 M-point line from CSV",
         "size: [6in, 4in]\ndata: {d: line.csv}\naxes:\n  x: {label: Step}\n  y: {label: Loss}\n"
         "  layers:\n    - line: {x: step, y: loss, width: 0.8}\n",
         MPL_HEAD + "d = pd.read_csv('line.csv')\nfig, ax = plt.subplots(figsize=(6, 4))\n"
         "ax.plot(d.step, d.loss, lw=0.8)\nax.set_xlabel('Step')\nax.set_ylabel('Loss')\nsave(fig, 'mpl-line')\n"),
        ("heatmap", "1000 × 1000 heatmap from a long CSV, colorbar",
         "size: [5in, 4in]\ndata: {d: heat.csv}\naxes:\n  y: {reverse: true}\n  layers:\n"
         "    - heatmap: {x: c, y: r, value: v, map: RdBu_r, center: 0, colorbar: {label: Value}}\n",
         MPL_HEAD + "from matplotlib.colors import TwoSlopeNorm\nd = pd.read_csv('heat.csv')\n"
         "fig, ax = plt.subplots(figsize=(5, 4))\n"
         "im = ax.imshow(d.pivot(index='r', columns='c', values='v').values, cmap='RdBu_r', norm=TwoSlopeNorm(0),"
         " aspect='auto', interpolation='nearest')\nfig.colorbar(im, ax=ax, label='Value')\nsave(fig, 'mpl-heatmap')\n"),
        ("histogram", "histogram of 10 M samples (CSV)",
         "size: [5in, 3.5in]\ndata: {d: samples.csv}\naxes:\n  layers:\n"
         "    - histogram: {x: x, bins: 100, stat: density, alpha: 0.6}\n",
         MPL_HEAD + "x = pd.read_csv('samples.csv').x.values\nfig, ax = plt.subplots(figsize=(5, 3.5))\n"
         "ax.hist(x, bins=100, density=True, alpha=0.6)\nsave(fig, 'mpl-histogram')\n"),
        ("kde", "same + KDE (matplotlib: scipy `gaussian_kde`)",
         "size: [5in, 3.5in]\ndata: {d: samples.csv}\naxes:\n  layers:\n"
         "    - histogram: {x: x, bins: 100, stat: density, alpha: 0.6}\n    - density: {x: x}\n",
         MPL_HEAD + "from scipy.stats import gaussian_kde\nx = pd.read_csv('samples.csv').x.values\n"
         "fig, ax = plt.subplots(figsize=(5, 3.5))\nax.hist(x, bins=100, density=True, alpha=0.6)\n"
         "grid = np.linspace(x.min(), x.max(), 200)\nax.plot(grid, gaussian_kde(x)(grid))\nsave(fig, 'mpl-kde')\n"),
        ("runs", "10 runs × 1 M steps: interpolate, mean/std, EMA, band + line",
         "size: [6in, 4in]\ndata: {runs: runs.csv}\naxes:\n  x: {label: Step, format: si}\n  y: {label: Loss}\n"
         f"  layers:\n    - band: {{transform: {logs_transform}, x: step, center: loss_mean, error: loss_std}}\n"
         f"    - line: {{transform: {logs_transform}, x: step, y: loss_mean}}\n",
         MPL_HEAD + "table = pd.read_csv('runs.csv')\nruns = {r: rows for r, rows in table.groupby('run', sort=False)}\n"
         "low = max(rows.step.min() for rows in runs.values())\nhigh = min(rows.step.max() for rows in runs.values())\n"
         "grid = np.linspace(low, high, 2000)\n"
         "curves = np.array([np.interp(grid, rows.step, rows.loss) for rows in runs.values()])\n"
         "mean = pd.Series(curves.mean(axis=0)).ewm(alpha=0.1, adjust=False).mean()\n"
         "std = pd.Series(curves.std(axis=0, ddof=1)).ewm(alpha=0.1, adjust=False).mean()\n"
         "fig, ax = plt.subplots(figsize=(6, 4))\nax.fill_between(grid, mean - std, mean + std, alpha=0.2)\n"
         "ax.plot(grid, mean)\nax.set_xlabel('Step')\nax.set_ylabel('Loss')\nfig.tight_layout()\nsave(fig, 'mpl-runs')\n"),
        ("seed", "seed figure (a)", None, seed_script()),
    ]
    return jobs


def seed_script():
    """The seed's matplotlib script for figure (a) only, usetex off, saving the same three files Vellum writes."""
    text = open(os.path.join(ROOT, "..", "shared", "seed", "000_3794aea27d7f09cb.txt"), encoding="utf-8").read()
    script = text[text.index('"""\n复现'):]
    script = script[: script.index("# ══════════════════════════════════════════════════════════\n# 图 3")]
    script = script.replace("'text.usetex': True", "'text.usetex': False")
    saved = "fig2.savefig('line_selfdistill_v6_repro.png',\n             dpi=300, facecolor='white')"
    assert saved in script, "the seed script's savefig call moved"
    return script.replace(
        saved, "for suffix in ('svg', 'pdf', 'png'):\n    fig2.savefig(f'mpl-seed.{suffix}', dpi=300, facecolor='white')")


def measure(cmd, cwd):
    """Wall seconds and peak RSS (MB) of one whole-process run."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{result.stderr[-2000:]}")
    return seconds, int(result.stderr.strip().splitlines()[-1]) / 1024


def main():
    generate()
    wanted = sys.argv[1:]
    rows = []
    for name, label, spec, script in job_files():
        if wanted and name not in wanted:
            continue
        if spec is None:
            spec_path = os.path.join(ROOT, "Templates", "examples", "selfdistill-train.yaml")
        else:
            spec_path = os.path.join(WORK, f"{name}.yaml")
            open(spec_path, "w").write(spec)
        script_path = os.path.join(WORK, f"mpl-{name}.py")
        open(script_path, "w", encoding="utf-8").write(script)
        ours, theirs = [], []
        for run in range(RUNS + 1):
            a = measure([VELLUM, "render", spec_path, "--out", os.path.join(WORK, "out")], WORK)
            b = measure([PYTHON, script_path], WORK)
            if run > 0:
                ours.append(a)
                theirs.append(b)
        wall = statistics.median(t for t, _ in ours)
        mpl = statistics.median(t for t, _ in theirs)
        rows.append((label, wall, mpl, max(m for _, m in ours), max(m for _, m in theirs)))
        print(f"{label:62} {wall:7.3f} s {mpl:7.3f} s {mpl / wall:6.1f}×  "
              f"{rows[-1][3]:5.0f} / {rows[-1][4]:5.0f} MB", flush=True)
    if wanted:
        return
    def seconds(value):
        return f"{value * 1000:.0f} ms" if value < 0.1 else f"{value:.2f} s"
    table = [
        "| job | Vellum | pandas + matplotlib | ratio | Vellum peak / matplotlib peak |",
        "|---|---:|---:|---:|---:|",
    ] + [f"| {label} | {seconds(w)} | {seconds(m)} | {m / w:.1f}× | {p:.0f} / {q:.0f} MB |" for label, w, m, p, q in rows]
    section = (
        f"{SECTION}\n\n`bench/scale.py` (in `make bench`), {time.strftime('%Y-%m-%d')}: whole processes, interleaved, "
        f"median of {RUNS}, both sides writing SVG + PDF + PNG at 300 dpi, matplotlib reading with `pandas.read_csv`; "
        "peak RSS is the largest of the runs.\n\n" + "\n".join(table) + "\n"
    )
    text = open(RESULTS, encoding="utf-8").read()
    if SECTION in text:
        start = text.index(SECTION)
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end:] if end >= 0 else "")
    else:
        head, _, rest = text.partition("\n## ")
        text = head + "\n" + section + "\n## " + rest
    open(RESULTS, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
