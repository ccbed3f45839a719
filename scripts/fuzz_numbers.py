#!/usr/bin/env python3
"""Number fuzzing: every mark, several transforms and scales over data and keys drawn from extreme values
(±1e±308, subnormals, NaN, infinities written as text, equal values, huge spans with tiny gaps, single rows).
Every run must end with exit status 0, 1 or 3 and, on failure, one `error:` line; a signal (a trap), a hang, a
non-UTF-8 message or output left by a failed run is a finding, saved under --keep with its spec and data.

    python3 scripts/fuzz_numbers.py --binary .build/release/vellum --runs 20000 --seed 1
"""
import argparse, os, random, re, shutil, subprocess, sys, tempfile

from fuzz_run import Tally, render

EXTREMES = ["0", "-0", "1", "-1", "1e308", "-1e308", "1.7976931348623157e308", "5e-324", "-5e-324", "2.2e-308",
            "1e-300", "1e18", "-1e18", "9007199254740993", "nan", "", "0.1", "1e-12", "123456789.123", "3"]
KEY_NUMBERS = ["0", "-1", "1", "0.5", "1e308", "-1e308", "5e-324", "1e-300", "1e15", "1e-15", "2", "10", "100",
               "1000000", "9223372036854775807", "0.999999", "1.0000001", "3"]

# Layers over columns a, b (numbers), c (text), g (a small group), with {N} replaced by a key number.
LAYERS = [
    "line: {x: a, y: b, width: {N}}",
    "line: {x: a, y: b, step: post, marker: {shape: o, size: {N}, every: 2}}",
    "scatter: {x: a, y: b, size: {N}}",
    "scatter: {x: a, y: b, color: {column: b, norm: symlog, linthresh: {N}}}",
    "band: {x: a, lower: b, upper: a, edge_width: {N}}",
    "area: {x: a, y: b, baseline: {N}}",
    "bar: {x: a, y: b, width: {N}}",
    "bar: {x: c, y: b, group: g, stacked: true}",
    "errorbar: {x: a, y: b, yerr: a, cap: {N}}",
    "hline: {y: {N}}",
    "vspan: {x: [{N}, 1]}",
    "text: {text: t, x: {N}, y: {N}}",
    "text: {text: {column: c}, x: a, y: b, nudge: true}",
    "ecdf: {x: a}",
    "histogram: {x: a, bins: {N}}",
    "histogram: {x: a, bins: auto, stat: density, cumulative: true}",
    "density: {x: a, bandwidth: {N}, gridsize: 50}",
    "density: {x: a, cut: {N}}",
    "box: {x: c, y: b, whiskers: {N}}",
    "strip: {x: c, y: b, jitter: 0.1}",
    "violin: {x: c, y: b, bandwidth: {N}}",
    "heatmap: {x: a, y: b, value: a, colorbar: false}",
    "heatmap: {x: c, y: g, value: b, norm: log}",
    "contour: {x: a, y: b, value: b, levels: {N}}",
    "contour: {x: a, y: g, value: b, labels: true}",
    "contourf: {x: a, y: b, value: a, levels: {N}}",
    "contourf: {x: a, y: b, value: b, levels: [{N}, 1, 2]}",
    "stem: {x: a, y: b, bottom: {N}}",
    "stem: {x: a, y: b, group: g}",
    "hexbin: {x: a, y: b, gridsize: {N}}",
    "hexbin: {x: a, y: b, value: b, reduce: sum, bins: log, mincnt: {N}}",
    "hline: {y: {stat: mean, of: b}}",
    "hline: {y: b, group: g}",
    "vline: {x: {stat: q95, of: a}}",
    "vspan: {x: [a, b]}",
    "hspan: {y: [b, a], group: g}",
    "density: {x: a, group: g, fill: true, ridge: {overlap: {N}}}",
    "errorbar: {x: a, y: b, xerr: [a, b], marker: o}",
    "scatter: {x: a, y: b, size: {column: a, range: [1, {N}]}}",
    "line: {x: a, y: b, axis: y2}",
]
TRANSFORMS = [
    "{rolling: {column: b, window_x: {N}, x: a}}",
    "{rolling: {column: b, window: 3, stat: median}}",
    "{ema: {column: b, halflife: {N}, x: a}}",
    "{interpolate: {x: a, column: b, step: {N}}}",
    "{interpolate: {x: a, column: b, points: 5}}",
    "{aggregate: {by: g, column: b, stats: [mean, std, q25, ci95, sum]}}",
    "{bin: {column: a, bins: {N}}}",
    "{bin2d: {x: a, y: b, bins: 4}}",
    "{normalize: {column: b, method: max}}",
    "{calculate: {expr: 'a * b / (a - b) + round(a, 3) + clip(b, -1, 1)', as: b}}",
    "{filter: {expr: 'a > b or b != b'}}",
    "{cumulative: {column: b}}",
    "{pct_change: {column: b}}",
    "{stack: {column: b, x: g}}",
    "{fillna: {column: b, value: {N}}}",
    "{top: {column: b, k: 2}}",
    "{rank: {column: b, by: g, descending: true}}",
    "{diff: {column: b, periods: {N}}}",
    "{pct_change: {column: b, periods: 2}}",
    "{sort: {by: b, descending: true}}",
    "{dropna: b}",
    "{select: [a, b, c, g, l]}",
    "{rename: {l: label}}",
    "{unpivot: {columns: [l], key: k, value: v}}",
    "{join: {data: e, on: g}}",
    "{filter: {b: {min: {N}}}}",
    "{roc: {score: b, label: l}}",
    "{pr_curve: {score: a, label: l}}",
    "{bin: {column: b, bins: auto}}",
    "{fillna: {column: b, method: ffill}}",
]
AXES = ["", "x: {scale: log}", "y: {scale: symlog, linthresh: {N}}", "x: {limits: [{N}, 1]}", "y: {reverse: true}",
        "x: {ticks: {step: {N}}}", "y: {format: '%.3e'}", "x: {scale: log, base: {N}}", "y: {scale: logit}",
        "x: {scale: time}", "x: {scale: time, unit: ms}", "x: {scale: duration}", "x: {scale: duration, unit: h}",
        "x: {scale: time, limits: [{N}, 1]}", "y: {scale: logit, limits: [0.001, 0.999]}",
        "polar: true", "polar: {start: N, direction: clockwise}", "facet: {column: g}", "facet: {column: c, wrap: 2}",
        "x: {scale: symlog}\n  y2: {scale: log}"]
# Layers whose axes a categorical scale or a fixed form is needed for.
CATEGORICAL_X = ("bar: {x: c", "box", "strip", "violin", "heatmap: {x: c")


def uncovered(binary):
    """Layer and transform kinds the binary declares that no template above uses: every kind is fuzzed."""
    reference = subprocess.run([binary, "schema", "--markdown"], capture_output=True, text=True, check=True).stdout
    missing = []
    for index, templates in (("layers", LAYERS), ("transform", TRANSFORMS)):
        section = reference.split(f"## Under `{index}`")[1].split("\n## ")[0]
        for kind in re.findall(r"^\| `([a-z_0-9]+)` \|", section, re.M):
            if not any(re.match(r"\{?" + kind + r": ", template) for template in templates):
                missing.append(f"{index}: {kind}")
    return missing


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/vellum")
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", default="fuzz-findings")
    args = parser.parse_args()
    missing = uncovered(args.binary)
    if missing:
        sys.exit("kinds no template fuzzes (add them to LAYERS or TRANSFORMS): " + ", ".join(missing))
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="vellum-numbers-")
    tally = Tally(args.keep)
    for run in range(args.runs):
        for name in os.listdir(work):
            path = os.path.join(work, name)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
        number = lambda: rng.choice(KEY_NUMBERS)
        fill = lambda text: text.replace("{N}", number()) if "{N}" in text else text
        rows = rng.choice([1, 2, 3, 5, 17, 60])
        shape = rng.randrange(4)
        lines = ["a,b,c,g,l"]
        for i in range(rows):
            if shape == 0:  # anything
                a, b = rng.choice(EXTREMES), rng.choice(EXTREMES)
            elif shape == 1:  # a huge span with tiny gaps
                a, b = repr(float(i) * 1e-300 if i < rows - 1 else 1e300), rng.choice(EXTREMES)
            elif shape == 2:  # equal values
                a, b = "7", "7"
            else:  # ordinary values, one extreme
                a, b = str(i), str(rng.random()) if i != rows // 2 else rng.choice(EXTREMES)
            lines.append(f"{a},{b},k{i % 3},g{i % 2},{rng.choice('01') if i > 1 else i}")
        with open(os.path.join(work, "d.csv"), "w") as f:
            f.write("\n".join(lines) + "\n")
        layer = fill(rng.choice(LAYERS))
        transform = ""
        if rng.random() < 0.5 and "text: t" not in layer and "y: {" not in layer and "hline" not in layer and "vspan" not in layer:
            transform = ", transform: [" + fill(rng.choice(TRANSFORMS)) + "]"
            layer = layer[:-1] + transform + "}"
        axis = fill(rng.choice(AXES))
        if layer.startswith(CATEGORICAL_X):
            axis = "x: {scale: categorical}" + ("\n  y: {scale: categorical}" if "y: g" in layer else "")
        elif "ridge" in layer:
            axis = "y: {scale: categorical}"
        elif "y: g" in layer:
            axis = "y: {scale: categorical}"
        sources = "{d: d.csv}"
        if "{join:" in layer:  # the joined source is the same file under a second name
            sources = "{d: d.csv, e: d.csv}"
            layer = layer.replace(": {", ": {data: d, ", 1)
        spec = f"data: {sources}\naxes:\n  {axis}\n  layers:\n    - {layer}\n"
        path = os.path.join(work, "f.yaml")
        with open(path, "w") as f:
            f.write(spec)
        out = os.path.join(work, "out")
        status, text, problem = render(
            args.binary, ["render", path, "--out", out, "--format", "svg,png", "--dpi", "50"], out)
        tally.record(
            status, problem, work, f"numbers-{args.seed}-{run:05}", f"run {run}: {problem}: {text.strip()[:300]}\n{spec}")
    shutil.rmtree(work)
    tally.finish(args.runs)


if __name__ == "__main__":
    main()
