#!/usr/bin/env python3
"""Writes Tests/Fixtures/layouts/: small deterministic CSVs and one Vellum spec per figure, for comparing Vellum's
plot boxes with matplotlib's `plt.subplots(..., tight_layout=True)` (scripts/reference_layouts.py draws the same
figures with matplotlib; scripts/compare_layouts.py compares the boxes).

The specs are written as a user would from docs/spec.md, with the defaults left alone (pad, font, colorbar pad
and size, legend spacing), so the comparison measures Vellum's defaults against matplotlib's.

    python3 scripts/make_layout_fixtures.py   # needs numpy and pandas
"""
import os

import numpy as np
import pandas as pd

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "layouts")
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(20260611)


def write(name, frame, spec):
    """NAME.csv (numbers at 6 significant digits, so both readers see the same values) and NAME.yaml."""
    frame.to_csv(os.path.join(OUT, name + ".csv"), index=False, float_format="%.6g")
    header = f"# Layout fixture (scripts/make_layout_fixtures.py): {spec.pop('comment')}\n"
    with open(os.path.join(OUT, name + ".yaml"), "w") as f:
        f.write(header + spec["yaml"].strip() + "\n")


def curve(n=40, start=1.0, rate=0.004, noise=0.03, steps=None):
    steps = np.arange(n) * 25 if steps is None else steps
    return start * np.exp(-rate * steps) + 0.2 + noise * rng.standard_normal(len(steps))


steps = np.arange(40) * 25

# 1×1: one line with axis labels.
write("single_line", pd.DataFrame({"step": steps, "loss": curve()}), {
    "comment": "1x1, 6.4x4.8in, a line with axis labels.",
    "yaml": """
size: [6.4in, 4.8in]
data: {runs: single_line.csv}
axes:
  x: {label: Step}
  y: {label: Loss}
  layers:
    - line: {x: step, y: loss}
"""})

# 1×2: two lines with labels, a wide short figure.
write("row2_lines", pd.DataFrame({"step": steps, "loss": curve(), "accuracy": 0.5 + 0.4 * (1 - np.exp(-steps / 300))
                                  + 0.01 * rng.standard_normal(40)}), {
    "comment": "1x2, 8x3in, two lines with axis labels.",
    "yaml": """
size: [8in, 3in]
data: {runs: row2_lines.csv}
panels: {columns: 2}
axes:
  - x: {label: Step}
    y: {label: Loss}
    layers: [{line: {x: step, y: loss}}]
  - x: {label: Step}
    y: {label: Accuracy}
    layers: [{line: {x: step, y: accuracy}}]
"""})

# 2×1: scatter over a line.
xs = rng.uniform(0, 10, 40)
write("col2_scatter", pd.DataFrame({"x": xs, "y": 2 * xs + rng.normal(0, 2, 40), "step": steps,
                                    "lr": 1e-3 * (1 + np.cos(np.pi * steps / steps.max())) / 2}), {
    "comment": "2x1, 5x4in, a scatter above a line, each with axis labels.",
    "yaml": """
size: [5in, 4in]
data: {d: col2_scatter.csv}
panels: {rows: 2, columns: 1}
axes:
  - x: {label: Feature}
    y: {label: Target}
    layers: [{scatter: {x: x, y: y}}]
  - x: {label: Step}
    y: {label: Learning rate}
    layers: [{line: {x: step, y: lr}}]
"""})

# 2×2: line, scatter, categorical bars, histogram, no labels.
cats = ["A", "B", "C", "D", "E"]
frame = pd.DataFrame({"step": steps, "loss": curve(), "u": rng.normal(0, 1, 40), "v": rng.normal(5, 2, 40),
                      "sample": rng.normal(50, 12, 40),
                      "cat": [cats[i % 5] for i in range(40)], "score": np.tile([3.2, 4.8, 2.1, 5.5, 4.0], 8)})
write("grid2x2_mixed", frame, {
    "comment": "2x2, 6.4x4.8in, line / scatter / categorical bars / histogram, no labels.",
    "yaml": """
size: [6.4in, 4.8in]
data: {d: grid2x2_mixed.csv}
panels: {rows: 2, columns: 2}
axes:
  - layers: [{line: {x: step, y: loss}}]
  - layers: [{scatter: {x: u, y: v}}]
  - x: {scale: categorical}
    layers: [{bar: {x: cat, y: score, transform: [{filter: {expr: "step < 125"}}]}}]
  - layers: [{histogram: {x: sample}}]
"""})

# 1×3: titled panels, x labels on each, y label on the first.
write("row3_titles", pd.DataFrame({"epoch": np.arange(40), "a": curve(), "b": curve(start=2.0),
                                   "c": 100 * curve(rate=0.002)}), {
    "comment": "1x3, 8x3in, panel titles, x labels on each, a y label on the first.",
    "yaml": """
size: [8in, 3in]
data: {d: row3_titles.csv}
panels: {columns: 3}
axes:
  - title: Small model
    x: {label: Epoch}
    y: {label: Validation loss}
    layers: [{line: {x: epoch, y: a}}]
  - title: Medium model
    x: {label: Epoch}
    layers: [{line: {x: epoch, y: b}}]
  - title: Large model
    x: {label: Epoch}
    layers: [{line: {x: epoch, y: c}}]
"""})

# 2×3: y labels on the left column, x labels on the bottom row.
frame = pd.DataFrame({"t": np.linspace(0, 4, 40)})
for i in range(6):
    frame[f"s{i}"] = np.sin((i + 1) * frame.t) * (i + 1) * 10 ** (i % 3) + 0.1 * rng.standard_normal(40)
write("grid2x3", frame, {
    "comment": "2x3, 6.4x4.8in, y labels on the left column, x labels on the bottom row.",
    "yaml": """
size: [6.4in, 4.8in]
data: {d: grid2x3.csv}
panels: {rows: 2, columns: 3}
axes:
  - y: {label: Signal}
    layers: [{line: {x: t, y: s0}}]
  - layers: [{line: {x: t, y: s1}}]
  - layers: [{line: {x: t, y: s2}}]
  - x: {label: Time (s)}
    y: {label: Signal}
    layers: [{line: {x: t, y: s3}}]
  - x: {label: Time (s)}
    layers: [{line: {x: t, y: s4}}]
  - x: {label: Time (s)}
    layers: [{line: {x: t, y: s5}}]
"""})

# 2×4: small titled scatter panels.
frame = pd.DataFrame({"x": rng.uniform(0, 1, 40)})
for i in range(8):
    frame[f"r{i + 1}"] = frame.x * (i + 1) + rng.normal(0, 0.3, 40)
write("grid2x4", frame, {
    "comment": "2x4, 8x4in, eight small titled scatter panels.",
    "yaml": """
size: [8in, 4in]
data: {d: grid2x4.csv}
panels: {rows: 2, columns: 4}
axes:
""" + "".join(f"""  - title: Run {i + 1}
    layers: [{{scatter: {{x: x, y: r{i + 1}}}}}]
""" for i in range(8))})

# 1×1 with a colorbar: a scatter coloured through a colormap.
xs = rng.uniform(0, 1, 40)
write("colorbar_scatter", pd.DataFrame({"width": xs, "depth": rng.uniform(2, 24, 40),
                                        "error": 0.1 + 0.3 * xs + 0.05 * rng.standard_normal(40)}), {
    "comment": "1x1 with a colorbar, 5x4in: a scatter coloured through viridis, colorbar labelled.",
    "yaml": """
size: [5in, 4in]
data: {d: colorbar_scatter.csv}
axes:
  x: {label: Width}
  y: {label: Depth}
  layers:
    - scatter: {x: width, y: depth, color: {column: error, colorbar: {label: Test error}}}
"""})

# 1×1 heatmap with a colorbar: 6 rows × 8 columns of cells on numeric coordinates.
r, c = np.meshgrid(np.arange(6), np.arange(8), indexing="ij")
write("colorbar_heatmap", pd.DataFrame({"row": r.ravel(), "col": c.ravel(),
                                        "value": np.round(np.sin(r.ravel() / 2) * np.cos(c.ravel() / 3)
                                                          + 0.1 * rng.standard_normal(48), 4)}), {
    "comment": "1x1 heatmap with a colorbar, 5x4in, 6x8 cells on numeric coordinates.",
    "yaml": """
size: [5in, 4in]
data: {d: colorbar_heatmap.csv}
axes:
  x: {label: Column}
  y: {label: Row}
  layers:
    - heatmap: {x: col, y: row, value: value, map: RdBu_r, colorbar: {label: Value}}
"""})

# 1×2, each with its own colorbar (different columns, so not shared).
xs = rng.uniform(0, 10, 40)
write("colorbar_row2", pd.DataFrame({"x": xs, "y": np.sqrt(xs) + rng.normal(0, 0.3, 40),
                                     "temperature": rng.uniform(250, 350, 40), "x2": rng.uniform(-1, 1, 40),
                                     "y2": rng.uniform(-1, 1, 40), "p": rng.uniform(0, 1, 40)}), {
    "comment": "1x2, 8x3in, each panel a scatter with its own labelled colorbar.",
    "yaml": """
size: [8in, 3in]
data: {d: colorbar_row2.csv}
panels: {columns: 2}
axes:
  - x: {label: Distance}
    y: {label: Speed}
    layers:
      - scatter: {x: x, y: y, color: {column: temperature, map: plasma, colorbar: {label: Temperature (K)}}}
  - x: {label: $x$}
    y: {label: $y$}
    layers:
      - scatter: {x: x2, y: y2, color: {column: p, map: viridis, colorbar: {label: Probability}}}
"""})

# A legend outside right.
methods = ["Baseline", "Ours (full model)", "Ours without pretraining"]
frame = pd.concat([pd.DataFrame({"step": steps, "method": m, "reward": (i + 1) * (1 - np.exp(-steps / 250))
                                 + 0.05 * rng.standard_normal(40)}) for i, m in enumerate(methods)])
write("legend_outside", frame, {
    "comment": "1x1, 6.4x4.8in, three grouped lines with the legend outside right.",
    "yaml": """
size: [6.4in, 4.8in]
data: {runs: legend_outside.csv}
axes:
  x: {label: Step}
  y: {label: Reward}
  legend: {location: outside right}
  layers:
    - line: {x: step, y: reward, group: method}
"""})

# Long categorical tick labels: horizontal bars.
names = ["Retrieval-augmented generation", "Chain-of-thought prompting", "Direct answer",
         "Self-consistency (40 samples)", "Tree search with a learned verifier", "Few-shot"]
write("long_category_labels", pd.DataFrame({"method": names, "accuracy": [61.2, 58.4, 42.0, 66.8, 71.5, 49.9]}), {
    "comment": "1x1, 6.4x4.8in, horizontal bars with long category names on y.",
    "yaml": """
size: [6.4in, 4.8in]
data: {d: long_category_labels.csv}
axes:
  x: {label: Accuracy (\\%)}
  y: {scale: categorical}
  layers:
    - bar: {x: method, y: accuracy, horizontal: true}
"""})

# Big numbers on y: up to 900000 (plain labels), and up to a few million.
write("big_numbers", pd.DataFrame({"step": steps, "tokens": 900 * steps + rng.normal(0, 5000, 40),
                                   "params": 4.5e6 * (1 - np.exp(-steps / 400)) + 1e5}), {
    "comment": "1x2, 8x3in, y values up to 900000 and up to a few million.",
    "yaml": """
size: [8in, 3in]
data: {d: big_numbers.csv}
panels: {columns: 2}
axes:
  - x: {label: Step}
    y: {label: Tokens}
    layers: [{line: {x: step, y: tokens}}]
  - x: {label: Step}
    y: {label: Parameters}
    layers: [{line: {x: step, y: params}}]
"""})

# 2×2 with panel titles and axis labels, some with math.
frame = pd.DataFrame({"lr": np.logspace(-4, -1, 40), "step": steps, "loss": curve(),
                      "grad": np.abs(rng.normal(1, 0.3, 40)), "beta": np.linspace(0, 1, 40)})
frame["final"] = 0.3 + (np.log10(frame.lr) + 2.5) ** 2 * 0.1 + 0.02 * rng.standard_normal(40)
frame["kl"] = frame.beta ** 2 * 3 + 0.05 * rng.standard_normal(40)
write("titles_labels", frame, {
    "comment": "2x2, 6.4x4.8in, panel titles and axis labels on every panel, some with math.",
    "yaml": """
size: [6.4in, 4.8in]
data: {d: titles_labels.csv}
panels: {rows: 2, columns: 2}
axes:
  - title: Training loss
    x: {label: Step}
    y: {label: Loss}
    layers: [{line: {x: step, y: loss}}]
  - title: Gradient norm
    x: {label: Step}
    y: {label: '$\\|\\nabla L\\|_2$'}
    layers: [{line: {x: step, y: grad}}]
  - title: Learning-rate sweep
    x: {label: 'Learning rate $\\eta$', limits: [0, 0.1]}
    y: {label: Final loss}
    layers: [{scatter: {x: lr, y: final}}]
  - title: KL penalty
    x: {label: '$\\beta$', limits: [0, 1]}
    y: {label: 'KL divergence', limits: [0, 3.5], ticks: {step: 0.5}}
    layers: [{line: {x: beta, y: kl}}]
"""})

# A figure title (suptitle) over two panels.
write("suptitle_row2", pd.DataFrame({"step": steps, "train": curve(), "val": curve(start=1.2)}), {
    "comment": "1x2, 8x3in, a figure title over two panels with axis labels.",
    "yaml": """
size: [8in, 3in]
title: Training and validation loss
data: {d: suptitle_row2.csv}
panels: {columns: 2}
axes:
  - x: {label: Step}
    y: {label: Training loss}
    layers: [{line: {x: step, y: train}}]
  - x: {label: Step}
    y: {label: Validation loss}
    layers: [{line: {x: step, y: val}}]
"""})

# Log axes.
flops = np.logspace(15, 21, 40)
write("log_axes", pd.DataFrame({"flops": flops, "loss": 200 * (flops / 1e15) ** -0.3 + 0.05 * rng.standard_normal(40),
                                "epoch": np.arange(1, 41), "perplexity": 3 * np.exp(40 / np.arange(1, 41) / 4)}), {
    "comment": "1x2, 8x3in, a log-log panel and a log-y panel.",
    "yaml": """
size: [8in, 3in]
data: {d: log_axes.csv}
panels: {columns: 2}
axes:
  - x: {label: Training FLOPs, scale: log}
    y: {label: Loss, scale: log}
    layers: [{line: {x: flops, y: loss}}]
  - x: {label: Epoch}
    y: {label: Perplexity, scale: log}
    layers: [{line: {x: epoch, y: perplexity}}]
"""})

print("wrote", len([f for f in os.listdir(OUT) if f.endswith(".yaml")]), "specs to", os.path.normpath(OUT))
